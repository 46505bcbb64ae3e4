"""Browser flows: Playwright driving Debian's Chromium headless against the served HTTP site.

Skipped, in one line, where there is no Chromium (never a browser download) or no Playwright.
The site is reached by its own name (Chromium resolves every *.localhost name to loopback), so
Frappe picks the site from the Host header as it does for a real union's desk.
"""

import os
from urllib.parse import urlparse

import pytest

from tests.over_http.conftest import BASE_URL, PASSWORD, SITE

CHROMIUM = os.environ.get("STUDENT_ADVICE_CHROMIUM", "/usr/bin/chromium")

if not os.path.exists(CHROMIUM):
	pytest.skip(f"browser flows skipped: no Chromium at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser flows skipped: no Playwright")


@pytest.fixture(scope="session")
def site_url(site):
	return f"http://{SITE}:{urlparse(BASE_URL).port}"


@pytest.fixture(scope="session")
def browser(site):
	with sync_api.sync_playwright() as playwright:
		chromium = playwright.chromium.launch(
			executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
		)
		yield chromium
		chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
	outcome = yield
	report = outcome.get_result()
	if report.when == "call":
		item.failed_in_call = report.failed


@pytest.fixture
def page(browser, request):
	context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
	context.set_default_timeout(30_000)
	page = context.new_page()
	yield page
	if getattr(request.node, "failed_in_call", False):  # what the screen showed when it failed
		from tests.over_http.browser.desk import shot

		shot(page, f"FAILED-{request.node.name}")
	context.close()


@pytest.fixture
def desk_as(page, site_url):
	"""desk_as(user): the page, logged in through the login form as that user."""
	from tests.over_http.browser.desk import log_in

	def login(user, password=PASSWORD):
		log_in(page, site_url, user, password)
		return page

	return login
