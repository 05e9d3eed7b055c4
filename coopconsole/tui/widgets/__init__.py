"""The four panes of the meeting screen, one module each."""
