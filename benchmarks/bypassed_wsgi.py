"""gunicorn entry of the scale benchmark's baseline server: Frappe without student_advice's hooks
(bypass.py). Run from the bench's sites/ with this folder on PYTHONPATH; benchmarks only."""

import bypass
from frappe.app import application_with_statics

bypass.install()
application = application_with_statics()
