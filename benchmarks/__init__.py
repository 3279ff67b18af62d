"""Speed and memory benchmarks, each measured as a ratio against a peer in the same run."""
