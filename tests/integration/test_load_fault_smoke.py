"""The load and fault script in its smoke mode (2 officers, 3 students, a few seconds, every fault
once), on the benchmark's own site (test_benchmark_smoke.py), so that it cannot rot."""

import os
import re
import subprocess
import sys

from tests.integration.test_benchmark_smoke import ROOT, smoke_sites  # noqa: F401

SCRIPT = ROOT / "benchmarks" / "load_fault.py"
RESULT = re.compile(
	r"^RESULT requests (\d+), acknowledged case entries (\d+) .*acknowledged casework forms (\d+), denials (\d+)",
	re.M,
)


def test_the_load_and_fault_script_finds_nothing_lost_duplicated_or_uneven(smoke_sites):  # noqa: F811
	service, _plain = smoke_sites
	result = subprocess.run(
		[sys.executable, str(SCRIPT), "--smoke", "--site", service, "--port", "0"],
		cwd=os.getcwd(), capture_output=True, text=True, timeout=600,
	)  # fmt: skip
	output = result.stdout + result.stderr
	assert result.returncode == 0 and "LOAD-FAULT passed" in output, output[-3000:]
	for fault in ("restart the RQ worker", "replace the web workers", "kill the site's database connections"):
		assert f"fault: {fault}" in output
	requests, entries, forms, denials = map(int, RESULT.search(output).groups())
	assert requests and entries and forms and denials  # it really wrote and was really refused
