"""Sites installed before a setting existed: store its declared default (new sites do it on install)."""

from student_advice.install import store_settings_defaults


def execute():
	store_settings_defaults()
