import sys
from pathlib import Path

# The unit tier imports only the pure policy core; it needs no Frappe.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
