package workshop

import (
	"fmt"
	"time"
)

var months = [12][2]string{
	{"janvier", "January"}, {"février", "February"}, {"mars", "March"}, {"avril", "April"},
	{"mai", "May"}, {"juin", "June"}, {"juillet", "July"}, {"août", "August"},
	{"septembre", "September"}, {"octobre", "October"}, {"novembre", "November"}, {"décembre", "December"},
}

// LongDate writes a day as people read it: "3 janvier 2027", "1er mars
// 2027", "3 January 2027".
func LongDate(l Lang, t time.Time) string {
	m := months[t.Month()-1]
	if l == FR {
		day := fmt.Sprint(t.Day())
		if t.Day() == 1 {
			day = "1er"
		}
		return day + " " + m[0] + " " + fmt.Sprint(t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), m[1], t.Year())
}

// DateText writes a stored Date in long form (LongDate), or as typed when
// it cannot be read.
func DateText(l Lang, d Date) string {
	if t, ok := d.Time(); ok {
		return LongDate(l, t)
	}
	return string(d)
}
