#!/usr/bin/env python3
"""Copy the README's screenshots from the last browser run (tests/run.py saves every flow's
screenshots in <bench>/logs/student_advice-screenshots): `python3 tests/over_http/browser/readme_screenshots.py`."""

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BENCH = Path(os.environ.get("FRAPPE_BENCH_PATH", Path.home() / "frappe-bench")).expanduser()
SHOTS = BENCH / "logs" / "student_advice-screenshots"
# README picture -> the flow's screenshot
README = {
	"workspace.png": "officer-home.png",
	"case.png": "case.png",
	"breach.png": "breach-disclosed.png",
	"statistics.png": "statistics.png",
	"health.png": "health.png",
	"casework-form.png": "student-casework-form-filled.png",
	"records-copy.png": "student-records-copy.png",
}

if __name__ == "__main__":
	missing = [shot for shot in README.values() if not (SHOTS / shot).exists()]
	for picture, shot in README.items():
		if (SHOTS / shot).exists():
			shutil.copyfile(SHOTS / shot, ROOT / "docs" / "screenshots" / picture)
			print(f"docs/screenshots/{picture} <- {SHOTS / shot}")
	if missing:
		sys.exit(f"not in the last browser run: {', '.join(missing)}")
