package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Errors of writeFile and checkTarget, each wrapped with the file's name.
var (
	errExists     = errors.New("already exists; add --force to replace it")
	errSymlink    = errors.New("is a symbolic link; Tallyscope does not write through links (name the file itself)")
	errNotRegular = errors.New("is not a regular file; Tallyscope only replaces regular files")
)

// checkTarget returns an error when name may not be written: it is a
// symbolic link (never followed, even with force), something other than
// a regular file, or an existing file and force is false. It reports
// the mode of the file it would replace, or 0 when there is none.
func checkTarget(name string, force bool) (fs.FileMode, error) {
	fi, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, nil
	case err != nil:
		return 0, err
	case fi.Mode()&fs.ModeSymlink != 0:
		return 0, fmt.Errorf("%s %w", name, errSymlink)
	case !fi.Mode().IsRegular():
		return 0, fmt.Errorf("%s %w", name, errNotRegular)
	case !force:
		return 0, fmt.Errorf("%s %w", name, errExists)
	}
	return fi.Mode().Perm(), nil
}

// writeFile writes the file name with what write produces, so that name
// is either its old self or complete, never half written: the bytes go
// to a temporary file in the same folder, which is synced, then renamed
// to name. It refuses what checkTarget refuses. Without force, the
// temporary file is linked to name, which fails if a file of that name
// appeared meanwhile; with force, the rename replaces the old file (or a
// link put there meanwhile: rename replaces a link, never follows it).
// A replaced file keeps its permissions; a new one gets 0644. On any
// failure the temporary file is removed and name is left as it was.
func writeFile(name string, force bool, write func(io.Writer) error) (err error) {
	mode, err := checkTarget(name, force)
	if err != nil {
		return err
	}
	if mode == 0 {
		mode = 0o644
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if !force {
		switch err := os.Link(tmp.Name(), name); {
		case err == nil:
			os.Remove(tmp.Name())
			return nil
		case errors.Is(err, fs.ErrExist):
			return fmt.Errorf("%s %w", name, errExists)
		}
		// The file system has no hard links: check again, then rename.
		if _, err := checkTarget(name, false); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// writeBytes writes b to the file name as writeFile does.
func writeBytes(name string, force bool, b []byte) error {
	return writeFile(name, force, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
