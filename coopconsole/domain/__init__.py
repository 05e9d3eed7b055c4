"""Pure domain: the meeting as data and the functions that derive figures from it.

Imports neither Textual nor TinyDB (a test enforces this).
"""
