package tallybin

// DecodeBody reads what follows the magic, skipping the checksum, so that
// tests and fuzzing reach the column parser with damaged bytes.
var DecodeBody = decodeBody

// Magic is the file's first bytes.
const Magic = magic
