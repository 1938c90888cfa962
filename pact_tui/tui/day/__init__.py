"""The day overview: the breakout files of a folder, from several laptops, live for the plenary."""
