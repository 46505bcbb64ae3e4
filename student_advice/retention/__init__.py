"""The retention engine: finds records past their period and removes them with every copy."""
