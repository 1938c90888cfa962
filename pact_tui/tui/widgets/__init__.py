"""The widgets the screens are built from: header bar, phase bar, timer, tables, choices."""
