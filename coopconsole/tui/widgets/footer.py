"""The footer: the screen's keys on one line, drawn by one widget.

Textual's ``Footer`` mounts a widget per key and builds them twice as the screen starts
(once empty, then again when the bindings are first announced). With the meeting's
thirteen keys that was about a third of the console's start-up; this footer draws the
same line from the same bindings, with the same theme variables, as one ``Content``.

What it keeps of Textual's footer: the keys of the focused widget, the screen and the
app, in binding order, one per action (``?`` and ``f1`` are one entry); a disabled key
dimmed; the command palette's key on the right, behind a thin rule; a click on a key
presses it; hovering a key highlights it and shows its tooltip. Keys that do not fit
the width are left off whole (the help lists every key), never cut in the middle.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str
    key_display: str
    description: str
    tooltip: str
    enabled: bool = True
    binding_id: str | None = None


_DIM = Style(dim=True)

#: Between the keys on the left and the palette's key on the right.
_RULE = "▏"


class KeyFooter(Widget, can_focus=False):
    """The keys that work now, on the bottom line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer-key--hover", "footer-key--rule"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            background: $block-hover-background;
        }
        .footer-key--rule {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[FooterEntry] = []
        self.palette: FooterEntry | None = None
        self._hover: FooterEntry | None = None
        self._spans: list[tuple[int, int, FooterEntry]] = []  # (first cell, end cell, entry) as drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        entries, palette = footer_entries(screen)
        if (entries, palette) != (self.entries, self.palette):
            self.entries, self.palette = entries, palette
            self._set_hover(None)
            self.refresh()

    # -- drawing -----------------------------------------------------------------------

    def render(self) -> Content:
        width = self.size.width
        key_style = self.get_visual_style("footer-key--key")
        text_style = self.get_visual_style("footer-key--description")
        hover = self.get_visual_style("footer-key--hover", partial=True)
        palette_entry = self.palette
        palette = self._parts(palette_entry) if palette_entry is not None else None
        room = width - (cell_len(_RULE) + _width(palette) if palette is not None else 0)
        parts: list[str | tuple[str, object]] = []
        spans: list[tuple[int, int, FooterEntry]] = []
        x = 0
        for entry in self.entries:
            key, text = self._parts(entry)
            end = x + cell_len(key) + cell_len(text)
            if end > room:
                break
            parts += self._styled(entry, key, text, key_style, text_style, hover)
            spans.append((x, end, entry))
            x = end
        if palette_entry is not None and palette is not None and width >= _width(palette) + cell_len(_RULE):
            start = width - _width(palette)
            parts.append(" " * max(0, start - cell_len(_RULE) - x))
            parts.append((_RULE, self.get_visual_style("footer-key--rule")))
            parts += self._styled(palette_entry, *palette, key_style, text_style, hover)
            spans.append((start, width, palette_entry))
        self._spans = spans
        return Content.assemble(*parts)  # type: ignore[arg-type]

    @staticmethod
    def _parts(entry: FooterEntry) -> tuple[str, str]:
        """The key and its word, padded as Textual's footer pads them."""
        return f" {entry.key_display} ", f"{entry.description} " if entry.description else ""

    def _styled(self, entry: FooterEntry, key: str, text: str, key_style, text_style, hover) -> list:
        if entry == self._hover:
            key_style, text_style = key_style + hover, text_style + hover
        if not entry.enabled:
            key_style, text_style = key_style + _DIM, text_style + _DIM
        return [(key, key_style), (text, text_style)] if text else [(key, key_style)]

    # -- the mouse ---------------------------------------------------------------------

    def entry_at(self, x: int) -> FooterEntry | None:
        """The key drawn at cell ``x``, if any."""
        return next((entry for start, end, entry in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self.entry_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_click(self, event: events.Click) -> None:
        entry = self.entry_at(event.x)
        if entry is None:
            return
        event.stop()
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()

    def _set_hover(self, entry: FooterEntry | None) -> None:
        if entry == self._hover:
            return
        self._hover = entry
        self.tooltip = entry.tooltip if entry is not None and entry.tooltip else None
        self.refresh()


def footer_entries(screen: Screen) -> tuple[list[FooterEntry], FooterEntry | None]:
    """The keys to show on ``screen`` now, and the command palette's key (None: none).

    A screen may name binding ids in a ``footer_first`` attribute: those keys come first,
    so they are the ones a narrow footer keeps (the meeting's board keys while the
    previous actions are reviewed)."""
    app = screen.app
    active = screen.active_bindings
    seen: set[str] = set()
    entries: list[FooterEntry] = []
    for _node, binding, enabled, tooltip in active.values():
        if not binding.show or binding.action in seen:
            continue
        seen.add(binding.action)
        entries.append(
            FooterEntry(
                binding.key, app.get_key_display(binding), binding.description, tooltip or "", enabled, binding.id
            )
        )
    # In the order the screen lists its keys (a key remapped in the settings comes last
    # in Textual's map, and would fall off a narrow footer), keys it wants seen first now
    # before the rest.
    first = set(getattr(screen, "footer_first", ()))
    order = {b.id: i for i, b in enumerate(getattr(screen, "BINDINGS", ())) if isinstance(b, Binding) and b.id}
    late = len(order)
    entries.sort(key=lambda entry: (entry.binding_id not in first, order.get(entry.binding_id or "", late)))
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _node, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
        palette = FooterEntry(
            binding.key,
            app.get_key_display(binding),
            binding.description,
            binding.tooltip or binding.description,
            enabled,
        )
    return entries, palette


def _width(parts: tuple[str, str] | None) -> int:
    return 0 if parts is None else cell_len(parts[0]) + cell_len(parts[1])
