"""Imported at start-up by every Python the listings test runs (it puts this
folder on PYTHONPATH, children inherit it).

stdout goes to a pipe there, not a terminal, so Python would buffer it in
blocks and the order of stdout and stderr lines would be lost. Line
buffering is what a terminal gets: each line is written whole, in order,
even when several threads or processes print at once (`python3 -u` would
write a line's text and its newline separately, and lines from two threads
could tear).
"""
import sys

sys.stdout.reconfigure(line_buffering=True, write_through=False)
