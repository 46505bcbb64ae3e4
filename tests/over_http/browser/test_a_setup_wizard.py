"""A new union's administrator finishes the setup wizard; the user it makes holds no service role."""

import frappe

from student_advice.policy.roles import ALL_APP_ROLES
from tests.factories import unique
from tests.over_http.browser.desk import shot, wait_for_desk
from tests.over_http.conftest import PASSWORD


def pick(slide, fieldname, text, typed):
	"""An Autocomplete of the wizard: type the start, then click the suggestion."""
	box = slide.locator(f'.frappe-control[data-fieldname="{fieldname}"] input:visible')
	box.click()
	box.fill("")
	box.press_sequentially(typed, delay=30)
	slide.locator(f'.frappe-control[data-fieldname="{fieldname}"] ul[role=listbox]:visible > *').filter(
		has_text=text
	).first.click()
	# choosing a language reloads the wizard's translations behind a freeze
	slide.page.wait_for_timeout(500)
	slide.page.wait_for_function("() => !frappe.dom.freeze_count && !document.querySelector('#freeze.in')")


def complete_the_wizard(page, site_url, email):
	page.goto(f"{site_url}/app/setup-wizard")
	page.wait_for_selector(".setup-wizard-slide:visible")
	wait_for_desk(page)
	slide = page.locator(".setup-wizard-slide:visible")
	slide.locator(".frappe-control[data-fieldname=language] input:visible").press(
		"Escape"
	)  # its list opens by itself
	pick(slide, "country", "United Kingdom", "United K")
	page.wait_for_function(
		"() => document.querySelector('[data-fieldname=\"timezone\"] select').options.length > 1"
	)
	slide.locator('[data-fieldname="timezone"] select').select_option("Europe/London")
	slide.locator('[data-fieldname="currency"] select').select_option("GBP")
	shot(page, "wizard-welcome")
	page.locator(".next-btn:visible").click()
	slide = page.locator(".setup-wizard-slide:visible")
	slide.locator('[data-fieldname="full_name"] input').fill("Union Administrator")
	slide.locator('[data-fieldname="email"] input').fill(email)
	slide.locator('[data-fieldname="password"] input').fill(PASSWORD)
	shot(page, "wizard-account")
	page.locator(".complete-btn:visible").click()
	page.wait_for_url("**/app**", timeout=180_000)
	page.wait_for_function("() => frappe.boot && frappe.boot.setup_complete", timeout=180_000)


def test_the_wizard_finishes_and_its_user_is_not_in_the_service(desk_as, site_url):
	page = desk_as("Administrator", "admin")  # tests/run.py makes the site with this password
	email = f"{unique('admin')}@union.example"
	complete_the_wizard(page, site_url, email)
	shot(page, "wizard-done")
	frappe.db.rollback()  # see what the server committed
	done = frappe.db.sql(
		"select value from tabSingles where doctype='System Settings' and field='setup_complete'"
	)
	assert done and done[0][0] == "1", done
	roles = set(frappe.get_roles(email))
	assert "System Manager" in roles, roles
	assert not roles & set(ALL_APP_ROLES), f"the wizard made {email} a member of the service: {roles}"
