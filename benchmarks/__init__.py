"""Benchmarks: scripts that print figures (accuracy of the detector), not timed tests."""
