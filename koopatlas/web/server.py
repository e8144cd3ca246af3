"""Start the app with ``streamlit run`` and wait until it answers (tests and benchmarks)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

from koopatlas import config


def start(script: Path | str = "app.py", port: int = 8501, env: dict[str, str] | None = None,
          cwd: Path | None = None, output: IO | int = subprocess.DEVNULL, timeout: float = 60) -> subprocess.Popen:
    """A headless server on 127.0.0.1:port, returned once /_stcore/health answers.

    Raises RuntimeError (after stopping the process) when it exits or does not answer in time.
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=cwd or config.PROJECT_DIR, env=env or dict(os.environ), stdout=output, stderr=subprocess.STDOUT,
    )
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode}") from None
            time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"streamlit did not answer on port {port} within {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=20)
