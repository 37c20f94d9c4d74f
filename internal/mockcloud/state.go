package mockcloud

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
)

// stateKeys are the top-level keys of a seed or state file.
var stateKeys = []string{"AccessKeys", "Account", "Accelerators", "BandwidthPackages", "CenBandwidthPackages"}

// DefaultMaxStateFileBytes bounds the size of a seed or state file: 8 MiB, thousands of
// objects.
const DefaultMaxStateFileBytes = 8 << 20

// LoadStateFile reads a seed or state file of at most DefaultMaxStateFileBytes (see
// ReadStateFile).
func LoadStateFile(path string) (*State, error) {
	return ReadStateFile(path, DefaultMaxStateFileBytes)
}

// ReadStateFile reads a seed or state file of at most maxBytes bytes. Only a regular file
// (or a link to one) is read: a named pipe, a device or a directory is refused before it is
// opened, so reading never blocks or runs without end. A missing file gives an error that
// wraps os.ErrNotExist; a larger file, malformed JSON, a top-level value that is not an object
// and unknown top-level keys give errors naming the file and, where it helps, the line.
func ReadStateFile(path string, maxBytes int64) (*State, error) {
	data, err := readRegularFile(path, maxBytes)
	if err != nil {
		return nil, err
	}
	s, err := ParseState(data)
	if err != nil {
		return nil, fmt.Errorf("mock state file %s: %w", path, err)
	}
	return s, nil
}

// readRegularFile reads a regular file of at most maxBytes bytes.
func readRegularFile(path string, maxBytes int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading mock state file: %w", err)
	}
	if err := checkRegular(path, info, maxBytes); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should a named pipe replace the file between Stat and OpenFile, opening it
	// does not wait for a writer; the second check below then refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("reading mock state file: %w", err)
	}
	defer func() { _ = f.Close() }()
	if info, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("reading mock state file: %w", err)
	}
	if err := checkRegular(path, info, maxBytes); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading mock state file %s: %w", path, err)
	}
	if int64(len(data)) > maxBytes {
		return nil, tooLarge(path, maxBytes)
	}
	return data, nil
}

// checkRegular refuses what is not a regular file of at most maxBytes bytes.
func checkRegular(path string, info os.FileInfo, maxBytes int64) error {
	mode := info.Mode()
	if !mode.IsRegular() {
		kind := "not a regular file"
		switch {
		case mode&os.ModeNamedPipe != 0:
			kind = "a named pipe (FIFO)"
		case mode&os.ModeDevice != 0:
			kind = "a device"
		case mode.IsDir():
			kind = "a directory"
		case mode&os.ModeSocket != 0:
			kind = "a socket"
		}
		return fmt.Errorf("mock state file %s is %s; seed and state files must be regular files", path, kind)
	}
	if info.Size() > maxBytes {
		return tooLarge(path, maxBytes)
	}
	return nil
}

func tooLarge(path string, maxBytes int64) error {
	return fmt.Errorf("mock state file %s is larger than %d bytes, the most a seed or state file may hold", path, maxBytes)
}

// checkStateFileWritable makes sure the state file can be saved: its directory exists and
// takes a new file (a probe file is created and removed), and the path is not a directory.
// The file itself is not written.
func checkStateFileWritable(path string) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("mock state file %s cannot be saved: its directory %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("mock state file %s cannot be saved: %w", path, err)
	case !info.IsDir():
		return fmt.Errorf("mock state file %s cannot be saved: %s is not a directory", path, dir)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("mock state file %s cannot be saved: it is a directory", path)
	}
	probe, err := os.CreateTemp(dir, filepath.Base(path)+".probe-*")
	if err != nil {
		return fmt.Errorf("mock state file %s cannot be saved: its directory does not take new files: %w", path, err)
	}
	_ = probe.Close()
	return os.Remove(probe.Name())
}

// ParseState parses the JSON of a seed or state file (see LoadStateFile).
func ParseState(data []byte) (*State, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, describeJSONError(data, err)
	}
	if top == nil {
		return nil, errors.New("the file must hold a JSON object, not null")
	}
	var unknown []string
	for k := range top {
		if !slices.Contains(stateKeys, k) {
			unknown = append(unknown, fmt.Sprintf("%q", k))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("unknown top-level key(s) %s; the known keys are %s",
			strings.Join(unknown, ", "), strings.Join(stateKeys, ", "))
	}
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, describeJSONError(data, err)
	}
	return &s, nil
}

// describeJSONError adds the line number to a JSON syntax or type error.
func describeJSONError(data []byte, err error) error {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var offset int64
	switch {
	case errors.As(err, &syntaxErr):
		offset = syntaxErr.Offset
	case errors.As(err, &typeErr):
		if typeErr.Field != "" {
			return fmt.Errorf("line %d: field %s: %s cannot hold a JSON %s",
				lineAt(data, typeErr.Offset), typeErr.Field, typeErr.Type, typeErr.Value)
		}
		offset = typeErr.Offset
	default:
		return err
	}
	return fmt.Errorf("line %d: %w", lineAt(data, offset), err)
}

// lineAt returns the 1-based line of a byte offset.
func lineAt(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// writeStateFile writes s to path atomically: to a temporary file in the same directory,
// synced, then renamed over path.
func writeStateFile(path string, s State) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding mock state: %w", err)
	}
	if err := replaceFile(path, append(data, '\n')); err != nil {
		return fmt.Errorf("saving mock state file: %w", err)
	}
	return nil
}

// replaceFile writes data to a temporary file beside path, syncs it and renames it over path,
// so that a reader sees the old content or the new, never a part.
func replaceFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp.Name()) }() // no-op after a successful rename
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
