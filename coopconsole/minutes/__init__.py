"""Minutes of a session as Markdown (English or Chinese), and the check that they parse
as intended. Imports neither Textual nor TinyDB."""

from coopconsole.minutes.build import Minutes, build_minutes, render_minutes

__all__ = ["Minutes", "build_minutes", "render_minutes"]
