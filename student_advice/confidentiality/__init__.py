"""The confidentiality layer: one predicate (policy.access) wired into every Frappe route."""
