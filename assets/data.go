package assets

import "embed"

// Data holds the built-in workshop data read by package workshop:
// data/kpi-library.json (the KPI library) and data/templates/*.json (the
// charter templates, each holding its French and English text side by side).
//
//go:embed data
var Data embed.FS
