package room

import (
	"net"
	"net/netip"
	"sort"
)

// Interface is an address of the computer the room can listen on.
type Interface struct {
	Name   string       // the system's name for the interface ("wlan0", "en0")
	Addr   netip.Addr   // the computer's address on it
	Prefix netip.Prefix // its subnet: the clients the room accepts there
}

// Loopback is true for the computer's own address (127.0.0.1).
func (i Interface) Loopback() bool { return i.Addr.IsLoopback() }

// Interfaces lists the IPv4 addresses the room can listen on: private
// networks first (RFC 1918, then link-local), loopback last. On a
// computer with no network (as in CI) it is loopback alone.
func Interfaces() []Interface {
	var out []Interface
	ifs, err := net.Interfaces()
	if err != nil {
		return []Interface{loopback()}
	}
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ip, ok := netip.AddrFromSlice(ipn.IP)
			if !ok {
				continue
			}
			ip = ip.Unmap()
			if !ip.Is4() || !(ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLoopback()) {
				continue
			}
			ones, _ := ipn.Mask.Size()
			out = append(out, Interface{Name: ifc.Name, Addr: ip, Prefix: netip.PrefixFrom(ip, ones).Masked()})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i].Addr) < rank(out[j].Addr) })
	if len(out) == 0 || !out[len(out)-1].Loopback() {
		out = append(out, loopback())
	}
	return out
}

func loopback() Interface {
	a := netip.AddrFrom4([4]byte{127, 0, 0, 1})
	return Interface{Name: "lo", Addr: a, Prefix: netip.PrefixFrom(a, 8)}
}

func rank(a netip.Addr) int {
	switch {
	case a.IsPrivate():
		return 0
	case a.IsLinkLocalUnicast():
		return 1
	}
	return 2
}

// SubnetsOf is the subnet of the interface holding a (every private
// interface's when a is unspecified); none for loopback, which the room
// accepts anyway.
func SubnetsOf(a netip.Addr) []netip.Prefix {
	a = a.Unmap()
	out := []netip.Prefix{}
	for _, ifc := range Interfaces() {
		if ifc.Loopback() {
			continue
		}
		if a.IsUnspecified() || ifc.Addr == a {
			out = append(out, ifc.Prefix)
		}
	}
	return out
}

// allowed reports whether a client at a may use the room: loopback, or an
// address of an accepted subnet (IPv4-mapped IPv6 compared unmapped; a
// global IPv6 or a CGNAT address outside the subnet is refused).
func allowed(a netip.Addr, nets []netip.Prefix) bool {
	a = a.Unmap()
	if a.IsLoopback() {
		return true
	}
	for _, p := range nets {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
