package web

// Encode exposes encode to the black-box tests and benchmarks.
var Encode = encode
