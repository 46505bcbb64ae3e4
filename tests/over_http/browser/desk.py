"""Driving Frappe's desk in Chromium as a person does: log in, open a form, fill fields, save.

Selectors are Frappe v15's own markup (`.frappe-control[data-fieldname=...]`, the awesomplete
drop-down of a Link field, the primary action button); nothing here calls the API for the user.
"""

import os
import re
from pathlib import Path

SHOTS = Path(os.environ.get("STUDENT_ADVICE_SCREENSHOTS", "../logs/student_advice-screenshots"))
TIMEOUT = 30_000


def shot(page, name: str) -> Path:
	SHOTS.mkdir(parents=True, exist_ok=True)
	path = SHOTS / f"{name}.png"
	page.screenshot(path=str(path), full_page=True)
	return path


def log_in(page, base: str, user: str, password: str) -> None:
	page.context.clear_cookies()
	page.goto(f"{base}/login")
	page.fill("#login_email", user)
	page.fill("#login_password", password)
	page.click(".form-signin .btn-login")
	page.wait_for_url(re.compile(r".*/(app|me)(/.*)?$"), timeout=TIMEOUT)


def wait_for_desk(page) -> None:
	page.wait_for_function("() => window.frappe && frappe.boot && !frappe.dom.freeze_count", timeout=TIMEOUT)
	page.wait_for_load_state("networkidle")


def open_new(page, base: str, route: str) -> None:
	"""/app/<route>/new: a new document's form."""
	page.goto(f"{base}/app/{route}/new")
	form_ready(page)


def form_ready(page) -> None:
	wait_for_desk(page)
	page.wait_for_function("() => window.cur_frm && cur_frm.doc && cur_frm.layout", timeout=TIMEOUT)


def control(page, fieldname: str):
	return page.locator(f'.frappe-control[data-fieldname="{fieldname}"]:visible').first


def fill(page, fieldname: str, value: str) -> None:
	"""Type into a Data, Text, Small Text, Date or Datetime field as a person would."""
	box = control(page, fieldname).locator("input, textarea").first
	box.click()
	box.fill(value)
	box.press("Tab") if box.evaluate("e => e.tagName") == "INPUT" else None
	page.keyboard.press("Escape")  # close a date picker


def fill_date(page, fieldname: str, value) -> None:
	"""A date in the user's own format (what the field shows)."""
	shown = page.evaluate("v => frappe.datetime.str_to_user(v)", str(value))
	fill(page, fieldname, shown)


def choose(page, fieldname: str, value: str) -> None:
	control(page, fieldname).locator("select").select_option(value)


def check(page, fieldname: str) -> None:
	box = control(page, fieldname).locator("input[type=checkbox]:not([disabled])")
	if not box.is_checked():
		box.check()


def link(page, fieldname: str, text: str, pick: str | None = None) -> None:
	"""Type into a Link field and click the suggestion that shows `pick` (default: the text)."""
	choose_option(page, control(page, fieldname).locator("input").first, text, pick)


def choose_option(page, box, text: str, pick: str | None = None) -> None:
	"""Type into a Link input, wait for the search's suggestions and click the one showing `pick`.
	Typing again if the drop-down showed an earlier search's results and nothing was chosen."""
	for _attempt in range(3):
		box.click()
		box.fill(text)
		page.wait_for_load_state("networkidle")
		option = page.locator("ul[role=listbox]:visible > *").filter(has_text=pick or text).first
		option.wait_for(timeout=TIMEOUT)
		option.click()
		page.wait_for_timeout(300)
		if box.input_value():
			return
	raise AssertionError(f"no suggestion {pick or text!r} could be chosen")


def save(page) -> str:
	"""Ctrl+S, as an officer does; returns the saved record's name."""
	page.keyboard.press("Control+s")
	page.wait_for_function(
		"() => cur_frm && !cur_frm.is_new() && !cur_frm.doc.__unsaved && location.pathname.indexOf('/new') < 0",
		timeout=TIMEOUT,
	)
	wait_for_desk(page)
	return page.evaluate("() => cur_frm.doc.name")


def submit(page) -> None:
	"""The form's Submit button and Frappe's "Permanently Submit ...?" question, answered Yes."""
	page.locator(".page-head:visible").get_by_role("button", name="Submit", exact=True).click()
	page.locator(".modal.show").get_by_role("button", name="Yes").click()
	page.wait_for_function("() => cur_frm.doc.docstatus === 1", timeout=TIMEOUT)
	wait_for_desk(page)


def menu_button(page, label: str, group: str | None = None) -> None:
	"""A custom button on the form's toolbar, optionally inside a group drop-down."""
	head = page.locator(".page-head:visible")
	if group:
		head.get_by_role("button", name=group).first.click()
		head.locator(".dropdown-menu.show .dropdown-item").filter(has_text=label).first.click()
	else:
		head.get_by_role("button", name=label).first.click()


def dialog(page):
	return page.locator(".modal.show .modal-dialog").last


def dialog_fill(page, fieldname: str, value: str) -> None:
	box = (
		dialog(page)
		.locator(f'.frappe-control[data-fieldname="{fieldname}"]')
		.locator("input, textarea, select")
		.first
	)
	if box.evaluate("e => e.tagName") == "SELECT":
		box.select_option(value)
	else:
		box.fill(value)


def alerts(page) -> str:
	return page.locator(".desk-alert, .msgprint, .modal.show").all_inner_texts().__str__()


def global_search(page, text: str) -> list[str]:
	"""Type into the awesome bar, choose "Search for ...", and read the search dialog's results."""
	box = page.locator("#navbar-search")
	box.click()
	box.fill(text)
	page.locator(".awesomplete ul li").filter(has_text="Search for").first.click()
	results = page.locator(".modal.show .result-section-link")
	# either results or the dialog's "No results found for ..." placeholder
	results.or_(page.locator(".modal.show").get_by_text("No results found")).first.wait_for(timeout=TIMEOUT)
	return results.all_inner_texts()
