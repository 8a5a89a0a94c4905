"""Headless Chromium for the tests that look at an HTML report as a reviewer would."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str:
    """The browser's path; a failure in CI (where .ci/run installs it), a skip elsewhere."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    if os.environ.get("CI"):
        pytest.fail("chromium is required in CI (apt-get install chromium)")
    pytest.skip("chromium not installed (apt-get install chromium)")


def headless(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the browser headless with its own profile folder under ``tmp_path``."""
    return subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120)


def dump_dom(browser: str, url: str, tmp_path: Path) -> str:
    """The page's DOM after its scripts ran."""
    return headless(browser, tmp_path, "--dump-dom", url).stdout
