// Package version names the Tallyscope build, for the footers of charts
// and the numbers exported beside them.
package version

import "runtime/debug"

// Build, when set at link time (go build -ldflags
// "-X github.com/tallyscope/tallyscope/internal/version.Build=v1.0.0"), is
// the version every program reports.
var Build string

// String names this build: Build, else the module version, else
// "dev-" and the VCS revision (with "+dirty" for uncommitted changes) of a
// development build, else "dev".
func String() string {
	if Build != "" {
		return Build
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	rev = rev[:min(len(rev), 12)]
	if dirty {
		rev += "+dirty"
	}
	return "dev-" + rev
}
