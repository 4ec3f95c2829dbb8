"""GUI tests run in French, as the application does by default, offscreen."""

from __future__ import annotations

import pytest

from gui.i18n import install_language


@pytest.fixture(autouse=True)
def _french(qapp):  # type: ignore[no-untyped-def]
    install_language(qapp, "fr")
    yield
