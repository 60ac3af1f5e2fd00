package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// presRoom is the projector's view of the participants' room: a large QR
// code of the join address, the address in letters and the code, shown
// while the room is open; and the button that opens or closes it.
type presRoom struct {
	box     *fyne.Container
	QR      *canvas.Image
	Address *widget.Label
	Code    *widget.Label
	Toggle  *widget.Button
	url     string
}

// presQRSize is the side of the projected QR code: scannable from the
// back of a meeting room.
const presQRSize = 420

func (p *presentation) roomBox() fyne.CanvasObject {
	r := &p.room
	r.QR = canvas.NewImageFromImage(nil)
	r.QR.FillMode = canvas.ImageFillContain
	r.QR.ScaleMode = canvas.ImageScalePixels
	r.QR.SetMinSize(fyne.NewSize(presQRSize, presQRSize))
	r.Address = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.Address.SizeName = theme.SizeNameSubHeadingText
	r.Code = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true, Monospace: true})
	r.Code.SizeName = theme.SizeNameHeadingText
	r.box = container.NewVBox(r.QR, r.Address, r.Code)
	r.box.Hide()
	return r.box
}

func (p *presentation) roomButton() fyne.CanvasObject {
	p.room.Toggle = widget.NewButton(tr("room.open"), func() {
		if p.ed == nil {
			return
		}
		rc := p.ed.roomCtl()
		if rc == nil {
			return
		}
		rc.roomPanel() // builds the picker: its first address is taken
		if rc.isOpen() {
			rc.close()
		} else {
			rc.open()
		}
		p.syncRoom()
	})
	p.room.Toggle.Importance = widget.LowImportance
	return p.room.Toggle
}

// syncRoom shows the room's address while it is open.
func (p *presentation) syncRoom() {
	r := &p.room
	if r.box == nil {
		return
	}
	var rc *roomCtl
	if p.ed != nil {
		rc = p.ed.roomCtl()
	}
	if rc == nil {
		r.Toggle.Hide()
	} else {
		r.Toggle.Show()
	}
	if !rc.isOpen() {
		r.Toggle.SetText(tr("room.open"))
		if r.box.Visible() {
			r.box.Hide()
			p.win.Content().Refresh() // the step's lines take the width back
		}
		r.url = ""
		return
	}
	r.Toggle.SetText(tr("room.close"))
	if u := rc.h.URL(); u != r.url {
		r.url = u
		r.QR.Image = qrImage(u)
		r.QR.Refresh()
		r.Address.SetText(u)
		r.Code.SetText(tr("room.code", "Code", rc.h.Code()))
	}
	if !r.box.Visible() {
		r.box.Show()
		p.win.Content().Refresh() // lay the panel out beside the step's lines
	}
}

// projected is the session as the projector shows it: without the cards
// the facilitator hid from the room.
func projected(ed *editor) *workshop.Session {
	hidden := ed.svc.HiddenCards()
	if len(hidden) == 0 {
		return ed.sess
	}
	c := *ed.sess
	c.Board.Cards = nil
	for _, cd := range ed.sess.Board.Cards {
		if !hidden[cd.ID] {
			c.Board.Cards = append(c.Board.Cards, cd)
		}
	}
	return &c
}
