"""Running the service's intents off the event loop, one at a time, in order.

A save fsyncs the session file; on a slow disk that must not freeze the countdown. Intents
run on one background thread (so "speaker 1, then speaker 2" can never land as 2, 1),
and their results come back to the event loop with ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from coopconsole.texts import t

if TYPE_CHECKING:
    from textual.widget import Widget


class IntentRunner:
    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coopconsole-save")
        self._running = 0  # intents submitted whose result is not delivered yet (on the loop)

    @property
    def busy(self) -> bool:
        """An intent was submitted and its result is not delivered yet."""
        return self._running > 0

    def run(
        self,
        intent: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run ``intent`` in order with the others; then ``done(result)`` or ``failed(exc)``."""

        def deliver(future: Future) -> None:
            self._running -= 1
            exc = future.exception()
            if exc is None:
                done(future.result())
            else:
                failed(exc)

        loop = asyncio.get_running_loop()  # run() is called on the event loop
        # The result is delivered in the caller's context: Textual keeps the running app
        # (and the screen's message pump) in context variables, which ``done`` may need.
        context = contextvars.copy_context()
        future = self._pool.submit(intent)
        self._running += 1  # after the submit, which raises once the pool is shut down
        future.add_done_callback(lambda f: loop.call_soon_threadsafe(deliver, f, context=context))

    async def idle(self) -> None:
        """Wait until every intent submitted so far has run (tests, shutdown)."""
        await asyncio.wrap_future(self._pool.submit(lambda: None))
        await asyncio.sleep(0)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def report_failure(widget: Widget, exc: BaseException, lang: str, failed: str = "save.failed") -> None:
    """Tell the user, in a notification in ``lang``, why an intent was not carried out: a
    refusal in the service's words, anything else as ``failed`` (the message for a save
    that failed, with the system's reason)."""
    from coopconsole.service import ServiceError

    if isinstance(exc, ServiceError):
        widget.notify(exc.text(lang), title=t("error.title", lang), severity="warning", markup=False)
        return
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    widget.notify(t(failed, lang, error=why), severity="error", timeout=10, markup=False)
