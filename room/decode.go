package room

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"unicode/utf8"
)

// decode reads one JSON object of at most max bytes from r into v:
// unknown fields, trailing data, invalid UTF-8 and a body too large are
// refused (a problem the phone can show).
func decode(r io.Reader, max int64, v any) *problem {
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) || int64(len(body)) > max {
		return refuse("size")
	}
	if err != nil {
		return refuse("json")
	}
	if !utf8.Valid(body) {
		return refuse("json")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return refuse("json")
	}
	if _, err := dec.Token(); err != io.EOF {
		return refuse("json")
	}
	return nil
}
