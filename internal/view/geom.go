package view

import "math"

// Rect is an axis-aligned rectangle in device pixels.
type Rect struct{ X, Y, W, H float64 }

// R is shorthand for Rect{x, y, w, h}.
func R(x, y, w, h float64) Rect { return Rect{x, y, w, h} }

// Right returns the x coordinate of the right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns the y coordinate of the bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Contains reports whether the point (x, y) lies inside r.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Overlaps reports whether r and o share some area.
func (r Rect) Overlaps(o Rect) bool {
	return !r.Empty() && !o.Empty() &&
		r.X < o.Right() && o.X < r.Right() && r.Y < o.Bottom() && o.Y < r.Bottom()
}

// Inside reports whether r lies within o, allowing eps of rounding.
func (r Rect) Inside(o Rect, eps float64) bool {
	return r.X >= o.X-eps && r.Y >= o.Y-eps && r.Right() <= o.Right()+eps && r.Bottom() <= o.Bottom()+eps
}

// Inset shrinks r by d on every side (never below zero size).
func (r Rect) Inset(d float64) Rect {
	return Rect{r.X + d, r.Y + d, math.Max(0, r.W-2*d), math.Max(0, r.H-2*d)}
}

// CutTop removes a band of height h from the top of r and returns the band
// and what is left.
func (r Rect) CutTop(h float64) (top, rest Rect) {
	h = math.Min(math.Max(h, 0), r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h, r.W, r.H - h}
}

// CutBottom removes a band of height h from the bottom of r.
func (r Rect) CutBottom(h float64) (bottom, rest Rect) {
	h = math.Min(math.Max(h, 0), r.H)
	return Rect{r.X, r.Bottom() - h, r.W, h}, Rect{r.X, r.Y, r.W, r.H - h}
}

// CutLeft removes a band of width w from the left of r.
func (r Rect) CutLeft(w float64) (left, rest Rect) {
	w = math.Min(math.Max(w, 0), r.W)
	return Rect{r.X, r.Y, w, r.H}, Rect{r.X + w, r.Y, r.W - w, r.H}
}

// CutRight removes a band of width w from the right of r.
func (r Rect) CutRight(w float64) (right, rest Rect) {
	w = math.Min(math.Max(w, 0), r.W)
	return Rect{r.Right() - w, r.Y, w, r.H}, Rect{r.X, r.Y, r.W - w, r.H}
}

// Flow places items of the given widths left to right in rows of height
// rowH, wrapping to a new row when an item does not fit, and returns their
// rectangles and the total height used. An item wider than r gets r's
// width.
func Flow(r Rect, widths []float64, gap, rowH float64) ([]Rect, float64) {
	out := make([]Rect, len(widths))
	x, y := r.X, r.Y
	for i, w := range widths {
		w = math.Min(w, r.W)
		if x > r.X && x+w > r.Right()+0.5 {
			x = r.X
			y += rowH + gap
		}
		out[i] = Rect{x, y, w, rowH}
		x += w + gap
	}
	if len(widths) == 0 {
		return out, 0
	}
	return out, y + rowH - r.Y
}

// Columns splits r into n equal columns separated by gap.
func Columns(r Rect, n int, gap float64) []Rect {
	if n <= 0 {
		return nil
	}
	w := (r.W - gap*float64(n-1)) / float64(n)
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X + float64(i)*(w+gap), r.Y, w, r.H}
	}
	return out
}

// Slider maps values in [Min, Max] to positions along a horizontal track.
type Slider struct {
	Track    Rect
	Min, Max float64
}

// X returns the x position of value v, clamped to the track.
func (s Slider) X(v float64) float64 {
	if s.Max <= s.Min {
		return s.Track.X
	}
	f := (v - s.Min) / (s.Max - s.Min)
	f = math.Min(1, math.Max(0, f))
	return s.Track.X + f*s.Track.W
}

// Value returns the value at x position px, clamped to [Min, Max].
func (s Slider) Value(px float64) float64 {
	if s.Track.W <= 0 {
		return s.Min
	}
	f := (px - s.Track.X) / s.Track.W
	f = math.Min(1, math.Max(0, f))
	return s.Min + f*(s.Max-s.Min)
}

// NiceStep returns a round step (1, 2 or 5 times a power of ten) that
// splits span into about n intervals, for axis ticks.
func NiceStep(span float64, n int) float64 {
	if span <= 0 || n <= 0 {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// sep separates the parts of a line ("67.08% ∙ 7,303,480"). It is the
// bullet operator: the Go fonts draw the middle dot (U+00B7) at the top
// of the lower-case letters, where it reads as a stray mark.
const sep = " \u2219 "
