"""Long work off the GUI thread: progress, cancellation, and results delivered on the GUI thread."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


class Cancelled(Exception):
    """Raised inside a task when the user asked it to stop."""


class TaskSignals(QObject):
    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object, str)  # the exception and its formatted traceback
    finished = Signal()


class Task(QRunnable):
    """Runs `work(progress, cancelled)` on the thread pool; the signals reach the GUI thread.

    `work` must return plain data (never ORM objects) and check `cancelled()` now and then.
    """

    def __init__(self, work: Callable[[Progress, Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._work = work
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit, self._cancel.is_set)
        except Exception as exc:  # delivered to the GUI thread, which decides how to show it
            details = "".join(traceback.format_exception(exc))
            if not isinstance(exc, Cancelled):
                log.warning("Task failed\n%s", details)
            self.signals.failed.emit(exc, details)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


_running: set[Task] = set()


def run_task(
    work: Callable[[Progress, Callable[[], bool]], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException, str], None],
    on_progress: Progress | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Start `work` in the background and wire its outcome to the given GUI-thread callbacks."""
    task = Task(work)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    _running.add(task)
    task.signals.finished.connect(lambda: _running.discard(task))
    (pool or QThreadPool.globalInstance()).start(task)
    return task
