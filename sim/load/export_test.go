package load

// RepeatedVotes exposes repeatedVotes to the benchmarks.
var RepeatedVotes = repeatedVotes
