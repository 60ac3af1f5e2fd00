package workshop

import (
	"errors"
	"fmt"
)

// ErrorKind classifies an Error. Stored nowhere, but kept as strings so that
// logs and tests read plainly.
type ErrorKind string

// Error kinds.
const (
	KindInvalid   ErrorKind = "invalid"
	KindNotFound  ErrorKind = "not found"
	KindConflict  ErrorKind = "conflict"
	KindForbidden ErrorKind = "forbidden"
	KindLocked    ErrorKind = "locked"
	KindCorrupt   ErrorKind = "corrupt"
	KindTooNew    ErrorKind = "too new"
	KindInternal  ErrorKind = "internal"
)

// Error is the one error type of Boussole: a kind and a message fit for a
// person, optionally wrapping the technical cause.
type Error struct {
	Kind ErrorKind
	Msg  string // a sentence for a person, in English
	Err  error  // the cause, for logs; may be nil
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Msg + ": " + e.Err.Error()
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an *Error of the given kind.
func Errorf(kind ErrorKind, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// Wrap makes an *Error of the given kind around a cause.
func Wrap(kind ErrorKind, err error, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Err: err}
}

// KindOf returns the kind of the first *Error in err's chain, or KindInternal.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// Message returns the person's message of the first *Error in err's chain,
// or err's text.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Msg
	}
	if err == nil {
		return ""
	}
	return err.Error()
}
