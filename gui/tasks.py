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


class BackgroundRefresh(QObject):
    """The background work of a view that answers one question at a time (the R&R of a
    month, a forecast): a refresh asked while a run is under way is started again when that
    run ends, because its answer is already out of date.

    `restart()` is the view's own refresh, called then; `set_busy(flag)` shows or hides what
    tells the user that the view is computing. The result of a run reaches its callbacks only
    when no newer question is pending. Being a child of the view, it stops listening when the
    view is deleted."""

    def __init__(
        self,
        parent: QObject,
        restart: Callable[[], None],
        set_busy: Callable[[bool], None],
    ) -> None:
        super().__init__(parent)
        self._restart = restart
        self._set_busy = set_busy
        self._task: Task | None = None
        self._again = False  # a refresh was asked while running: run once more
        self._on_success: Callable[[Any], None] = lambda _result: None
        self._on_failure: Callable[[BaseException, str], None] = lambda _exc, _details: None

    def is_running(self) -> bool:
        return self._task is not None

    def postpone(self) -> bool:
        """True when a run is under way: the view's refresh is then called again once it ends
        (the running one answers an older question)."""
        if self._task is not None:
            self._again = True
            return True
        return False

    def start(
        self,
        work: Callable[[Progress, Callable[[], bool]], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException, str], None],
    ) -> None:
        """Run `work` in the background (see run_task), the view shown busy meanwhile."""
        self._on_success, self._on_failure = on_success, on_failure
        self._set_busy(True)
        self._task = run_task(work, self._succeeded, self._failed)

    def _finished(self) -> bool:
        """The run is over; False when a newer question is pending (and now started)."""
        self._task = None
        self._set_busy(False)
        if self._again:
            self._again = False
            self._restart()
            return False
        return True

    def _succeeded(self, result: Any) -> None:
        if self._finished():
            self._on_success(result)

    def _failed(self, exc: BaseException, details: str) -> None:
        if self._finished():
            self._on_failure(exc, details)
