package chart

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Table holds the numbers behind a chart, so that a reader can check every
// bar: Facts are single values (a break-even, a seed), Rows the series
// drawn. Cells are int64 (votes, units), float64 (shares as fractions,
// margins in points), string or nil (not known).
type Table struct {
	Kind    Kind     `json:"kind"`
	Title   string   `json:"title"`
	Facts   []Fact   `json:"facts,omitempty"`
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// Fact is one named value of a table.
type Fact struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

func (t *Table) fact(name string, v any) {
	t.Facts = append(t.Facts, Fact{Name: name, Value: clean(v)})
}

func (t *Table) row(cells ...any) {
	for i := range cells {
		cells[i] = clean(cells[i])
	}
	t.Rows = append(t.Rows, cells)
}

// clean turns values JSON cannot hold (NaN, infinities) into nil and
// widens ints.
func clean(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
	case int:
		return int64(x)
	}
	return v
}

// cell formats one value for CSV: integers as they are, floats in the
// shortest form that reads back exactly, nil as an empty field.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// WriteCSV writes the table as CSV: the facts first, as comment lines
// starting with "# " (pandas reads the rest with comment="#"), then a
// header line and the rows.
func (t *Table) WriteCSV(w io.Writer) error {
	for _, f := range t.Facts {
		v := strings.ReplaceAll(cell(f.Value), "\n", " ")
		if _, err := fmt.Fprintf(w, "# %s: %s\n", f.Name, v); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns))
	for _, r := range t.Rows {
		for i := range rec {
			rec[i] = ""
			if i < len(r) {
				rec[i] = cell(r[i])
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the table as indented JSON.
func (t *Table) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(t)
}
