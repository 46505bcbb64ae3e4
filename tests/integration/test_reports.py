"""The tests kept beside each report (<report>/test_<report>.py), run in this tier with its fixtures."""

from student_advice.student_advice.report.advice_statistics.test_advice_statistics import *  # noqa: F403
from student_advice.student_advice.report.casework_access_audit.test_casework_access_audit import *  # noqa: F403
