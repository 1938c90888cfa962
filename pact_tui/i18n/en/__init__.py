"""English catalogue, one module per area."""
