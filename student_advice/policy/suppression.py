"""Small-number suppression of statistics (issue 6 builds the algorithm here)."""

MIN_THRESHOLD = 3
DEFAULT_THRESHOLD = 5
