"""Modal screens of the grid: the long-text editor."""
