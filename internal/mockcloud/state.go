package mockcloud

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// stateKeys are the top-level keys of a seed or state file.
var stateKeys = []string{"AccessKeys", "Accelerators", "BandwidthPackages", "CenBandwidthPackages"}

// LoadStateFile reads a seed or state file. A missing file gives an error that wraps
// os.ErrNotExist; malformed JSON, a top-level value that is not an object and unknown
// top-level keys give errors naming the file and, where it helps, the line.
func LoadStateFile(path string) (*State, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading mock state file: %w", err)
	}
	s, err := ParseState(data)
	if err != nil {
		return nil, fmt.Errorf("mock state file %s: %w", path, err)
	}
	return s, nil
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
