"""``python -m coopconsole``."""

from .launch import main

main()
