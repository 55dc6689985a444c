//go:build unix

package scenario_test

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system CPU time, so that a
// benchmark can report the work it did apart from the wall time that
// other programs on the machine stretch.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
