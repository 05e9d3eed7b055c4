"""``python -m coopconsole``."""

from .cli import main

main(prog_name="coopconsole")
