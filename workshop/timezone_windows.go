//go:build windows

package workshop

import (
	"syscall"
	"unsafe"
)

// systemTimeZone reads the zone of Windows: the key name of its zone
// ("Romance Standard Time") from the registry, mapped to its IANA zone
// (windowsZones). Empty when it cannot be read or is not in the table.
func systemTimeZone() string {
	var h syscall.Handle
	key, _ := syscall.UTF16PtrFromString(`SYSTEM\CurrentControlSet\Control\TimeZoneInformation`)
	if err := syscall.RegOpenKeyEx(syscall.HKEY_LOCAL_MACHINE, key, 0, syscall.KEY_READ, &h); err != nil {
		return ""
	}
	defer syscall.RegCloseKey(h)
	name, _ := syscall.UTF16PtrFromString("TimeZoneKeyName")
	var buf [128]uint16
	n := uint32(len(buf) * 2)
	var typ uint32
	if err := syscall.RegQueryValueEx(h, name, nil, &typ, (*byte)(unsafe.Pointer(&buf[0])), &n); err != nil || typ != syscall.REG_SZ {
		return ""
	}
	return windowsZones[syscall.UTF16ToString(buf[:n/2])]
}
