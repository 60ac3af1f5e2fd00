package main

import (
	"boussole/room"
	"boussole/session"
	"boussole/ui"
)

// roomHandle is a room as the window knows it.
type roomHandle struct{ *room.Room }

func (h roomHandle) SetPhase(p string) {
	if ph, ok := room.ParsePhase(p); ok {
		h.Room.SetPhase(ph)
	}
}

// openRoom opens the participants' room for the window.
func openRoom(svc *session.Service, addr string, onDevices func(int)) (ui.RoomHandle, error) {
	r, err := room.Open(svc, room.Config{Addr: addr, OnDevices: onDevices})
	if err != nil {
		return nil, err
	}
	return roomHandle{r}, nil
}

// roomAddresses are the addresses the room may listen on, private
// networks first, loopback last.
func roomAddresses() []ui.RoomAddress {
	var out []ui.RoomAddress
	for _, i := range room.Interfaces() {
		out = append(out, ui.RoomAddress{Name: i.Name, Addr: i.Addr.String()})
	}
	return out
}
