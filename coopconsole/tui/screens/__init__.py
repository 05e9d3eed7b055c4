"""Whole screens of the console: the meeting, the picker, the minutes and the dialogs."""
