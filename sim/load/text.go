package load

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

// decodeText turns raw bytes into text. latin1 reports that the text is
// still Latin-1/Windows-1252 bytes: the CSV structure is ASCII in both
// encodings, so the loader parses the raw bytes and converts only the
// strings it keeps (see fixLatin1), which saves a copy of the whole file.
// Decoded text is UTF-8. encoding is "" (detect),
// "utf-8" or "latin-1"/"windows-1252". It strips a UTF-8 BOM and reports
// what it found in rep. The returned string shares memory with a buffer that
// is never modified afterwards.
func decodeText(b []byte, encoding, file string, rep *Report) (text string, latin1 bool, err error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", false, &Problem{File: file, Msg: "the file is empty", kind: ErrEmpty}
	}
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return "", false, &Problem{File: file, Line: 1, Column: 1, Msg: "the file is UTF-16; save it as UTF-8 (or Latin-1) CSV", kind: ErrEncoding}
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return "", false, &Problem{File: file, Line: 1, Column: 1, Msg: "this looks like a spreadsheet (.xlsx/.ods, a zip archive), not CSV; export it as CSV first", kind: ErrFormat}
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		line, col := position(b, i)
		return "", false, &Problem{File: file, Line: line, Column: col, Msg: "the file contains a NUL byte: it is binary, not text", kind: ErrEncoding}
	}
	if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		b = b[3:]
		rep.guess("encoding: UTF-8 with a byte-order mark")
		if encoding != "" && !isUTF8Name(encoding) {
			return "", false, &Problem{File: file, Line: 1, Column: 1, Msg: fmt.Sprintf("the mapping says %s but the file starts with a UTF-8 byte-order mark", encoding), kind: ErrEncoding}
		}
		encoding = "utf-8"
	}
	switch {
	case encoding == "" || isUTF8Name(encoding):
		if utf8.Valid(b) {
			if encoding == "" {
				rep.guess("encoding: UTF-8")
			}
			return unsafe.String(unsafe.SliceData(b), len(b)), false, nil
		}
		bad := firstInvalidUTF8(b)
		line, col := position(b, bad)
		if encoding != "" {
			return "", false, &Problem{File: file, Line: line, Column: col, Msg: fmt.Sprintf("byte 0x%02X is not valid UTF-8; the file may be Latin-1 (set \"encoding\": \"latin-1\" in the mapping)", b[bad]), kind: ErrEncoding}
		}
		rep.guess("encoding: Latin-1/Windows-1252 (not valid UTF-8: byte 0x%02X at line %d, column %d)", b[bad], line, col)
		return unsafe.String(unsafe.SliceData(b), len(b)), true, nil
	case isLatin1Name(encoding):
		return unsafe.String(unsafe.SliceData(b), len(b)), true, nil
	default:
		return "", false, &Problem{File: file, Msg: fmt.Sprintf("unsupported encoding %q (use utf-8 or latin-1)", encoding), kind: ErrMapping}
	}
}

func isUTF8Name(e string) bool {
	switch strings.ToLower(strings.ReplaceAll(e, "_", "-")) {
	case "utf-8", "utf8", "utf-8-sig":
		return true
	}
	return false
}

func isLatin1Name(e string) bool {
	switch strings.ToLower(strings.ReplaceAll(e, "_", "-")) {
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252":
		return true
	}
	return false
}

// fixLatin1 converts s from Windows-1252 to UTF-8 when it has bytes above
// 0x7F, and returns it unchanged (no copy) otherwise.
func fixLatin1(s string) string {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			return decode1252(b)
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= 0x80 {
			return decode1252(b)
		}
	}
	return s
}

func decode1252(b []byte) string {
	high := 0
	for _, c := range b {
		high += int(c >> 7)
	}
	out := make([]byte, 0, len(b)+2*high)
	start := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		out = append(out, b[start:i]...)
		out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(c))
		start = i + 1
	}
	out = append(out, b[start:]...)
	return unsafe.String(unsafe.SliceData(out), len(out))
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// position returns the 1-based line and column (in bytes) of offset i.
func position(b []byte, i int) (line, col int) {
	line = 1 + bytes.Count(b[:i], []byte{'\n'})
	start := bytes.LastIndexByte(b[:i], '\n') + 1
	return line, i - start + 1
}
