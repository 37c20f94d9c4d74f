package main

import (
	"testing"

	"terraform-provider-alibabacloud/internal/acctest/testmain"
)

// TestMain runs the tests against the target TF_ACC_TARGET names (package testmain).
func TestMain(m *testing.M) { testmain.Main(m) }
