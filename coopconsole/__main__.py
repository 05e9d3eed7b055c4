"""``python -m coopconsole``."""

from coopconsole.cli.main import main

main()
