package dom

// The element helpers in elements_gen.go and in package svg are written
// from the tag lists in internal/gen: edit a list, then run go generate.
// A test fails while a generated file is stale.

//go:generate go run ./internal/gen/cmd
