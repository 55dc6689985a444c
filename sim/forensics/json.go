package forensics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// WriteJSON writes v (a Report or any result of this package) as indented
// JSON. It differs from encoding/json in one way: a NaN or infinite
// number, which the checks use for "not computable" (a correlation over
// one unit, a test with no counts), is written as null instead of failing.
// Fields keep their declared order.
func WriteJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	if err := encodeValue(&b, reflect.ValueOf(v), 0); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

func indent(b *bytes.Buffer, depth int) {
	b.WriteByte('\n')
	for range depth {
		b.WriteString("  ")
	}
}

func encodeValue(b *bytes.Buffer, v reflect.Value, depth int) error {
	if !v.IsValid() {
		b.WriteString("null")
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
			return nil
		}
		return encodeValue(b, v.Elem(), depth)
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			b.WriteString("null")
			return nil
		}
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		return nil
	case reflect.Struct:
		t := v.Type()
		b.WriteByte('{')
		first := true
		for i := range t.NumField() {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			fv := v.Field(i)
			if sf.Anonymous && name == "" && fv.Kind() == reflect.Struct {
				return fmt.Errorf("forensics: embedded struct %s is not supported by WriteJSON", sf.Name)
			}
			if name == "" {
				name = sf.Name
			}
			if strings.Contains(opts, "omitempty") && fv.IsZero() {
				continue
			}
			if (fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map) && strings.Contains(opts, "omitempty") && fv.Len() == 0 {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			indent(b, depth+1)
			key, _ := json.Marshal(name)
			b.Write(key)
			b.WriteString(": ")
			if err := encodeValue(b, fv, depth+1); err != nil {
				return err
			}
		}
		if !first {
			indent(b, depth)
		}
		b.WriteByte('}')
		return nil
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("null")
			return nil
		}
		// Numbers stay on one line, so that histograms remain readable.
		flat := v.Len() == 0 || isNumber(v.Type().Elem().Kind())
		b.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				b.WriteByte(',')
				if flat {
					b.WriteByte(' ')
				}
			}
			if !flat {
				indent(b, depth+1)
			}
			if err := encodeValue(b, v.Index(i), depth+1); err != nil {
				return err
			}
		}
		if !flat {
			indent(b, depth)
		}
		b.WriteByte(']')
		return nil
	}
	out, err := json.Marshal(v.Interface())
	if err != nil {
		return err
	}
	b.Write(out)
	return nil
}

func isNumber(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}
