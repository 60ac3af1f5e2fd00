package ui

import (
	"errors"
	"image"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"rsc.io/qr"
)

// The participants' room (PRODUCT.md §8), seen from the window: opened
// from the ideas step (or the presentation view), on the network address
// the facilitator picks; a large QR code of the join address, the address
// in letters and the code; the number of connected devices; the phases;
// and a "check the connection" panel. The room itself is package room,
// which cmd wires in (Deps.OpenRoom): ui knows it by RoomHandle only.

// RoomHandle is an open room.
type RoomHandle interface {
	URL() string
	Code() string
	SetPhase(phase string) // "collect", "vote", "reveal" or "closed"
	Close() error          // stops listening; the port refuses on return
}

// RoomAddress is an address of the computer the room can listen on.
type RoomAddress struct {
	Name string // the interface ("wlan0")
	Addr string // "192.168.1.20"
}

// roomPhases are the phases the facilitator switches, in order.
var roomPhases = []string{"collect", "vote", "reveal", "closed"}

// roomCtl is the editor's room: closed until opened, closed with the
// session. UI goroutine only.
type roomCtl struct {
	e     *editor
	h     RoomHandle
	addrs []RoomAddress

	// widgets tests drive
	Picker  *widget.Select
	OpenBtn *widget.Button
	CloseBt *widget.Button
	HelpBtn *widget.Button
	Phase   *widget.RadioGroup
	QR      *canvas.Image
	Address *widget.Label
	Code    *widget.Label
	Devices *widget.Label
	Error   *widget.Label

	closedBox, openBox *fyne.Container
	panel              *fyne.Container
	devices            int
}

// room returns the editor's room controller, nil when the app has no room
// (Deps.OpenRoom unset: the keyboard path only).
func (e *editor) roomCtl() *roomCtl {
	if e.app.d.OpenRoom == nil {
		return nil
	}
	if e.room == nil {
		e.room = &roomCtl{e: e}
	}
	return e.room
}

// roomPanel is the room's part of the ideas step.
func (r *roomCtl) roomPanel() fyne.CanvasObject {
	if r.panel != nil {
		return r.panel
	}
	r.addrs = nil
	if r.e.app.d.RoomAddresses != nil {
		r.addrs = r.e.app.d.RoomAddresses()
	}
	if len(r.addrs) == 0 {
		r.addrs = []RoomAddress{{Name: "lo", Addr: "127.0.0.1"}}
	}
	var opts []string
	for _, a := range r.addrs {
		opts = append(opts, a.Addr+" ("+a.Name+")")
	}
	r.Picker = widget.NewSelect(opts, nil)
	r.Picker.SetSelectedIndex(0)
	r.OpenBtn = widget.NewButton(tr("room.open"), r.open)
	r.OpenBtn.Importance = widget.HighImportance
	r.CloseBt = widget.NewButton(tr("room.close"), r.close)
	r.HelpBtn = widget.NewButton(tr("room.help"), r.showHelp)
	var labels []string
	for _, p := range roomPhases {
		labels = append(labels, tr("room.phase."+p))
	}
	r.Phase = widget.NewRadioGroup(labels, func(label string) {
		for i, l := range labels {
			if l == label && r.h != nil {
				r.h.SetPhase(roomPhases[i])
			}
		}
	})
	r.Phase.Horizontal = true
	r.Phase.Required = true
	r.QR = canvas.NewImageFromImage(nil)
	r.QR.FillMode = canvas.ImageFillContain
	r.QR.ScaleMode = canvas.ImageScalePixels
	r.QR.SetMinSize(fyne.NewSize(180, 180))
	r.Address = widget.NewLabel("")
	r.Address.Selectable = true
	r.Address.Wrapping = fyne.TextWrapBreak
	r.Code = widget.NewLabel("")
	r.Code.TextStyle = fyne.TextStyle{Bold: true, Monospace: true}
	r.Devices = widget.NewLabel("")
	r.Error = widget.NewLabel("")
	r.Error.Wrapping = fyne.TextWrapWord
	r.Error.Hide()
	pickLabel := widget.NewLabel(tr("room.network"))
	r.closedBox = container.NewVBox(helpLabel(tr("room.intro")),
		container.NewBorder(nil, nil, pickLabel, nil, r.Picker),
		container.NewHBox(r.OpenBtn, r.HelpBtn), r.Error)
	r.openBox = container.NewBorder(nil, nil, r.QR, nil, container.NewVBox(
		r.Address, r.Code, r.Devices, r.Phase, container.NewHBox(r.CloseBt, widget.NewButton(tr("room.help"), r.showHelp))))
	r.panel = container.NewVBox(sectionHeading(tr("room.title")), r.closedBox, r.openBox)
	r.sync()
	return r.panel
}

// open starts the room on the chosen address; a failure is said in the
// panel and the keyboard path stays as it was.
func (r *roomCtl) open() {
	if r.h != nil {
		return
	}
	addr := r.addrs[max(0, r.Picker.SelectedIndex())].Addr
	port := r.e.app.settings.RoomPort()
	h, err := r.e.app.d.OpenRoom(r.e.svc, joinHostPort(addr, port), func(n int) {
		fyne.Do(func() { r.devices = n; r.sync() })
	})
	if err != nil {
		r.Error.SetText(tr("room.error", "Reason", err.Error()))
		r.Error.Show()
		return
	}
	r.Error.Hide()
	r.h, r.devices = h, 0
	r.QR.Image = qrImage(h.URL())
	r.QR.Refresh()
	r.Phase.SetSelected(tr("room.phase.collect"))
	r.sync()
}

// close stops the room (the port refuses connections on return); the
// next opening has a new code.
func (r *roomCtl) close() {
	if r == nil || r.h == nil {
		return
	}
	h := r.h
	r.h = nil
	_ = h.Close()
	r.sync()
}

// isOpen reports whether the room listens.
func (r *roomCtl) isOpen() bool { return r != nil && r.h != nil }

func (r *roomCtl) sync() {
	if r.panel == nil {
		return
	}
	if r.h == nil {
		r.openBox.Hide()
		r.closedBox.Show()
	} else {
		r.closedBox.Hide()
		r.openBox.Show()
		r.Address.SetText(tr("room.address", "URL", r.h.URL()))
		r.Code.SetText(tr("room.code", "Code", r.h.Code()))
		r.Devices.SetText(tr("room.devices", "N", r.devices))
	}
	if r.e.onPresent != nil {
		r.e.onPresent() // the projector's QR code and address
	}
}

// showHelp is the "check the connection" panel.
func (r *roomCtl) showHelp() {
	body := widget.NewLabel(tr("room.help.body"))
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(tr("room.help"), tr("dialog.close"), container.NewVScroll(body), r.e.win)
	d.Resize(fyne.NewSize(560, 460))
	d.Show()
}

// joinHostPort is addr:port for an IPv4 address (port 0: a free one).
func joinHostPort(addr string, port int) string {
	return addr + ":" + strconv.Itoa(max(0, port))
}

// qrImage is the QR code of text: black modules on white, a quiet zone of
// four modules, one pixel per module (the image is scaled without
// smoothing). Medium error correction survives a projector's glare.
func qrImage(text string) image.Image {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return image.NewGray(image.Rect(0, 0, 1, 1))
	}
	const quiet = 4
	n := c.Size + 2*quiet
	img := image.NewGray(image.Rect(0, 0, n, n))
	for y := range n {
		for x := range n {
			v := uint8(255)
			if c.Black(x-quiet, y-quiet) {
				v = 0
			}
			img.SetGray(x, y, color.Gray{Y: v})
		}
	}
	return img
}

// RoomPort is the port the room listens on: 0 (a free port) unless one
// is set in the settings.
func (s Settings) RoomPort() int {
	n := s.p.IntWithFallback(keyRoomPort, 0)
	if n < minRoomPort || n > 65535 {
		return 0
	}
	return n
}

// SetRoomPort stores the room's port (0: a free one).
func (s Settings) SetRoomPort(n int) { s.p.SetInt(keyRoomPort, n) }

const (
	keyRoomPort = "room.port"
	minRoomPort = 1024 // below needs privileges
)

// roomPortEntry is the settings' field for the room's port: empty for a
// free port, else a number from 1024 to 65535; anything else is said and
// not stored.
func (a *App) roomPortEntry() fyne.CanvasObject {
	e := widget.NewEntry()
	e.SetPlaceHolder(tr("room.port.free"))
	if n := a.settings.RoomPort(); n > 0 {
		e.SetText(strconv.Itoa(n))
	}
	e.Validator = func(v string) error {
		if _, ok := parseRoomPort(v); !ok {
			return errors.New(tr("room.port.invalid"))
		}
		return nil
	}
	e.OnChanged = func(v string) {
		if n, ok := parseRoomPort(v); ok {
			a.settings.SetRoomPort(n)
		}
	}
	return e
}

// parseRoomPort reads the port typed in the settings ("" is 0).
func parseRoomPort(v string) (int, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= minRoomPort && n <= 65535
}
