"""Sites installed while the settings' Meeting Time was stored as the install moment: store 10:00."""

from student_advice.install import store_settings_defaults


def execute():
	store_settings_defaults()
