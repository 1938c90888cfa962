"""Dutch catalogue, one module per area."""
