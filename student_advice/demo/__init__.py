"""The demo service (issue 15): the pure plan (plan.py) and the builder (service.py)."""
