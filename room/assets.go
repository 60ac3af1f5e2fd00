package room

import (
	"embed"
	"net/http"
)

// The participant page: written for the room, embedded in the binary, no
// third-party code.
//
//go:embed page/index.html page/app.js page/app.css
var pageFS embed.FS

var assetTypes = map[string]string{
	"index.html": "text/html; charset=utf-8",
	"app.js":     "text/javascript; charset=utf-8",
	"app.css":    "text/css; charset=utf-8",
}

func serveAsset(w http.ResponseWriter, name string) {
	b, err := pageFS.ReadFile("page/" + name)
	if err != nil {
		http.Error(w, "missing", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", assetTypes[name])
	_, _ = w.Write(b)
}
