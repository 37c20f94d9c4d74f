//go:build unix

package mockcloud_test

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
)

// TestReadStateFile_notRegular: a named pipe and a device are refused at once, never read: a
// pipe with no writer would block the start, /dev/zero would never end.
func TestReadStateFile_notRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "seed.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{fifo: "named pipe", "/dev/zero": "a device"} {
		done := make(chan error, 1)
		go func() {
			_, err := mockcloud.LoadStateFile(path)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "regular file") {
				t.Errorf("%s: %v, want an error saying it is %s, not a regular file", path, err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("reading %s has not returned after 10s", path)
		}
	}
	if _, err := mockcloud.New(mockcloud.Options{StateFile: fifo}); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("New with a named pipe as state file: %v", err)
	}
}
