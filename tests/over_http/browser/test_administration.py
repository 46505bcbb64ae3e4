"""The service's administrator reads the Confidentiality Health page in the desk."""

from tests.over_http.browser import desk


def test_the_administrator_reads_the_health_page(desk_as, users, site_url):
	page = desk_as(users["administrator"])
	page.goto(f"{site_url}/app/confidentiality-health")
	desk.wait_for_desk(page)
	page.wait_for_function(
		"() => { const b = document.querySelector('.confidentiality-health');"
		" return b && !b.innerText.includes('Checking this site'); }"
	)
	text = page.locator(".confidentiality-health").inner_text()
	assert "could not be run" not in text and len(text) > 100, text[:300]
	desk.shot(page, "health")
