"""Pure rules of the Student Advice Service: no Frappe import, unit-tested on their own."""
