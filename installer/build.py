"""Build the desktop bundle with PyInstaller into dist/SahelStock/ (run from the repository)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    subprocess.run([sys.executable, "-m", "pip", "install", "pyinstaller>=6,<7"], check=True)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            str(ROOT / "installer" / "sahelstock.spec"),
        ],
        cwd=ROOT,
        check=False,
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
