"""Bench commands of the app (Frappe finds them in `<app>.commands`)."""

import click
from frappe.commands import get_site, pass_context


@click.group("student-advice")
def student_advice():
	"""The Student Advice Service's commands."""


@student_advice.command("demo")
@click.option("--scale", type=click.Choice(["small", "large"]), default="small", show_default=True)
@click.option("--force", is_flag=True, help="Add the demo even where the site already holds casework.")
@pass_context
def demo(context, scale, force):
	"""Fill the site with a fictional advice service and print a login for each role."""
	import frappe

	from student_advice.demo import service as demo_service

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		result = demo_service.build(scale, force=force)
	except frappe.ValidationError as refused:
		raise click.ClickException(str(refused)) from None
	finally:
		frappe.destroy()
	for doctype, count in result["counts"].items():
		click.echo(f"{doctype:<24}{count:>8}")
	click.echo("\nLog in at /app as (each password is shown only now):")
	for email, password, roles in result["logins"]:
		click.echo(f"  {', '.join(roles):<44} {email}  {password}")


commands = [student_advice]
