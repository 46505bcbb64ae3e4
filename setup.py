from setuptools import find_packages, setup

from student_advice import __version__

setup(
	name="student_advice",
	version=__version__,
	description="Confidential casework for a Students' Union Student Advice Service",
	author="Students' Union Student Advice Service",
	author_email="advice@example.org",
	packages=find_packages(include=["student_advice", "student_advice.*"]),
	zip_safe=False,
	include_package_data=True,
	python_requires=">=3.10",
	install_requires=[],  # frappe itself comes from the bench
)
