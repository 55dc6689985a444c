package scenario

import "math"

// NewHistogram counts sorted values (margins in points) in n equal bins:
// the one binning that the screen and the saved chart both draw. The bins
// span the values, at least one point wide, and reach zero when zero lies
// within one span of them. When they cross zero, zero is the edge between
// two bins, so that no bar holds both the runs one candidate wins and the
// runs the other wins (a margin of exactly zero counts with the bin above).
func NewHistogram(sorted []float64, n int) Histogram {
	h := Histogram{Lo: 0, Hi: 1, Counts: make([]int, max(n, 0))}
	if n <= 0 || len(sorted) == 0 {
		return h
	}
	lo, hi := sorted[0], sorted[len(sorted)-1]
	if hi-lo < 1 {
		mid := (lo + hi) / 2
		lo, hi = mid-0.5, mid+0.5
	}
	if span := hi - lo; lo > 0 && lo < span {
		lo = 0
	} else if hi < 0 && -hi < span {
		hi = 0
	}
	if n > 1 && lo < 0 && hi > 0 {
		// n−1 bins of this width cover the values; aligning them on
		// zero takes at most one more.
		w := (hi - lo) / float64(n-1)
		k := math.Ceil(-lo / w)
		lo, hi = -k*w, (float64(n)-k)*w
	}
	h.Lo, h.Hi = lo, hi
	for _, v := range sorted {
		h.Counts[h.binOf(v)]++
	}
	return h
}

// zero returns the index of the bin that starts at zero; ok is false
// when the bins do not cross zero (they are then measured from Lo).
func (h Histogram) zero() (k float64, ok bool) {
	n := len(h.Counts)
	if n < 2 || !(h.Lo < 0 && h.Hi > 0) {
		return 0, false
	}
	return math.Round(-h.Lo / h.Width()), true
}

// binOf returns the bin that holds v, the first or last for values
// outside.
func (h Histogram) binOf(v float64) int {
	w := h.Width()
	var b float64
	if k, ok := h.zero(); ok {
		b = k + math.Floor(v/w)
	} else {
		b = math.Floor((v - h.Lo) / w)
	}
	return int(min(max(b, 0), float64(len(h.Counts)-1)))
}

// Width returns the width of one bin.
func (h Histogram) Width() float64 {
	if len(h.Counts) == 0 {
		return h.Hi - h.Lo
	}
	return (h.Hi - h.Lo) / float64(len(h.Counts))
}

// Bin returns the edges of bin i. A bin that ends at zero ends at
// exactly 0.
func (h Histogram) Bin(i int) (from, to float64) {
	w := h.Width()
	if k, ok := h.zero(); ok {
		return (float64(i) - k) * w, (float64(i) + 1 - k) * w
	}
	if i == len(h.Counts)-1 {
		return h.Lo + float64(i)*w, h.Hi
	}
	return h.Lo + float64(i)*w, h.Lo + float64(i+1)*w
}
