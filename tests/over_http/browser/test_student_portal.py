"""A student in the portal, clicked through in Chromium: the casework form, a request for their
records, the officer's review in the desk, and the released copy read and downloaded (issue 12)."""

import re

from tests.factories import make_user, unique
from tests.over_http.browser import desk
from tests.over_http.conftest import PASSWORD, frappe

REQUEST = "Record Access Request"


def portal_log_in(page, site_url, user):
	"""A website user signs in through the login form and lands outside the desk."""
	page.context.clear_cookies()
	page.goto(f"{site_url}/login")
	page.fill("#login_email", user)
	page.fill("#login_password", PASSWORD)
	page.click(".form-signin .btn-login")
	page.wait_for_url(re.compile(r"^(?!.*/login).*$"), timeout=30_000)


def test_a_student_fills_the_form_asks_for_records_and_reads_the_released_copy(
	page, desk_as, users, site_url
):
	student = make_user(desk=False, password=PASSWORD)
	frappe.db.commit()
	canary = unique("CANARYportal")

	portal_log_in(page, site_url, student)
	page.goto(f"{site_url}/casework-form")
	form = page.locator("#casework-form")
	form.locator("[name=full_name]").fill(f"Grace {canary}")
	form.locator("[name=college_name]").select_option(index=1)
	form.locator("[name=help_needed]").fill(f"My deposit was kept {canary}")
	form.locator("[name=email_only]").check()
	# a too large file is refused with the reason, and the form keeps what was typed
	big = {
		"name": "scan.pdf",
		"mimeType": "application/pdf",
		"buffer": b"%PDF-1.4\n" + b"0" * (6 * 1024 * 1024),
	}
	form.locator("[name=attachments]").set_input_files([big])
	form.get_by_role("button", name="Send").click()
	page.locator(".modal.show").get_by_text("each file may be at most 5 MB").wait_for()
	page.locator(
		".modal.show .modal-header .close"
	).click()  # the portal's dialog (website/js/bootstrap-4.js)
	page.locator(".modal.show").wait_for(state="detached")
	page.locator(".modal-backdrop").wait_for(state="detached")  # faded out, for the screenshot below
	assert form.locator("[name=help_needed]").input_value() == f"My deposit was kept {canary}"
	letter = {"name": "letter.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n" + canary.encode()}
	form.locator("[name=attachments]").set_input_files([letter])
	desk.shot(page, "student-casework-form-filled")
	form.get_by_role("button", name="Send").click()
	page.locator("#casework-form-received").wait_for()
	assert canary not in page.locator("#casework-form-received").inner_text()
	frappe.db.commit()  # a fresh snapshot: what the server committed
	student_record = frappe.db.get_value("Advice Student", {"email": student}, "name")
	casework_form = frappe.db.get_value("Casework Form", {"student": student_record}, "name")
	attached = frappe.get_all(
		"File",
		filters={"attached_to_name": casework_form},
		fields=["file_name", "is_private", "attached_to_doctype"],
	)
	assert [(f.is_private, f.attached_to_doctype) for f in attached] == [(1, "Casework Form")]
	assert re.fullmatch(r"letter\w*\.pdf", attached[0].file_name)  # Frappe makes a taken name unique
	desk.shot(page, "student-casework-form")

	page.goto(f"{site_url}/my-records")
	page.locator("#my-records-ask").get_by_role("button").click()
	page.locator("#my-records-asked").wait_for()
	frappe.db.commit()  # a fresh snapshot: what the server committed
	request = frappe.db.get_value(REQUEST, {"email": student}, "name")
	assert request

	# the officer reviews it from the request's form in the desk
	desk_as(users["officer"])
	page.goto(f"{site_url}/app/record-access-request/{request}")
	desk.form_ready(page)
	desk.menu_button(page, "Gather records")
	rows = page.locator('.frappe-control[data-fieldname="items"] .grid-body .grid-row')
	rows.first.wait_for()
	assert rows.count() >= 2  # the student's record and their casework form
	for index in range(rows.count()):  # each row opens in Frappe's row editor, decided there
		rows.nth(index).locator('.grid-static-col[data-fieldname="decision"]').click()
		editor = page.locator(".grid-row-open")
		editor.locator('.frappe-control[data-fieldname="decision"] select').select_option("Release")
		# the select's change reaches the row's model asynchronously: wait for it before closing the row
		page.wait_for_function("(i) => cur_frm.doc.items[i].decision === 'Release'", arg=index)
		editor.locator(".grid-collapse-row").first.click()
		page.locator(".grid-row-open").wait_for(state="detached")
	assert page.evaluate("() => cur_frm.doc.items.every((row) => row.decision === 'Release')")
	desk.menu_button(page, "Release")
	page.locator(".modal.show").get_by_role("button", name="Yes").click()
	page.wait_for_function("() => cur_frm.doc.status === 'Released'", timeout=30_000)
	desk.shot(page, "record-access-released")

	# the student reads the frozen copy and downloads it
	portal_log_in(page, site_url, student)
	page.goto(f"{site_url}/my-records")
	page.get_by_role("link", name="Read your copy").click()
	copy = page.locator("#my-records-copy")
	copy.wait_for()
	assert canary in copy.inner_text()
	desk.shot(page, "student-records-copy")
	# the download link, fetched by the browser with the student's session
	status, start = page.evaluate(
		"""async () => {
			const response = await fetch(document.querySelector("#my-records-pdf").href);
			const bytes = new Uint8Array(await response.arrayBuffer()).slice(0, 4);
			return [response.status, String.fromCharCode(...bytes)];
		}"""
	)
	assert status == 200 and start == "%PDF"
