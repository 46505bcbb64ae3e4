from student_advice.policy import health

SAFE = {
	"outsider_roles": {},
	"member_roles": {},
	"outsider_desk_users": 0,
	"document_sharing": False,
	"error_traceback": False,
	"attach_view_link": False,
	"server_scripts": False,
	"signup_open": False,
	"energy_points": False,
	"login_with_email_link": False,
	"backup_encryption_key": True,
	"integrations": [],
	"frappe_version": "15.121.0",
}


def by_key(report):
	return {f["key"]: f for f in report["findings"]}


def test_a_safe_site_has_only_ok_findings_and_no_recommendation():
	report = health.evaluate(SAFE)
	assert {f["severity"] for f in report["findings"]} == {health.OK}
	assert report["counts"] == {health.DANGER: 0, health.WARNING: 0, health.OK: len(report["findings"])}
	assert not report["separate_site_recommended"]
	# every fact is reported, good or bad
	assert set(by_key(report)) == {
		"roles",
		"member_roles",
		"shared_site",
		"integrations",
		"version",
		*health.SETTINGS,
	}


def test_each_bad_setting_is_reported_with_its_fix():
	bad = {
		"document_sharing": True,
		"error_traceback": True,
		"attach_view_link": True,
		"server_scripts": True,
		"signup_open": True,
		"energy_points": True,
		"login_with_email_link": True,
		"backup_encryption_key": False,
	}
	findings = by_key(health.evaluate({**SAFE, **bad}))
	for key in bad:
		assert findings[key]["severity"] in (health.WARNING, health.DANGER), key
		assert findings[key]["fix"], key
		assert findings[key]["explanation"], key
	assert findings["document_sharing"]["severity"] == health.DANGER
	assert findings["server_scripts"]["severity"] == health.DANGER
	assert findings["error_traceback"]["severity"] == health.WARNING


def test_outsiders_holding_risky_roles_are_listed_by_user():
	facts = {
		**SAFE,
		"outsider_roles": {
			"sm@example.org": ["System Manager", "Blogger"],
			"inbox@example.org": ["Inbox User"],
			"plain@example.org": ["Blogger"],
		},
		"outsider_desk_users": 3,
	}
	report = health.evaluate(facts)
	findings = by_key(report)
	assert findings["role:sm@example.org"]["severity"] == health.DANGER
	assert findings["role:sm@example.org"]["params"] == {"user": "sm@example.org", "roles": "System Manager"}
	assert findings["role:sm@example.org"]["items"][0].startswith("System Manager: ")
	assert findings["role:inbox@example.org"]["severity"] == health.WARNING
	assert "role:plain@example.org" not in findings  # no risky role: nothing to say about this user
	assert "roles" not in findings
	assert findings["shared_site"]["severity"] == health.WARNING
	assert findings["shared_site"]["params"] == {"count": 3}
	assert report["separate_site_recommended"]
	# most severe first
	severities = [f["severity"] for f in report["findings"]]
	assert severities == sorted(severities, key=health.SEVERITIES.index)


def test_a_risky_role_alone_recommends_a_separate_site():
	report = health.evaluate({**SAFE, "outsider_roles": {"w@example.org": ["Website Manager"]}})
	assert report["separate_site_recommended"]


def test_version_comparison():
	assert health.version_tuple("15.44.2") == (15, 44, 2)
	assert health.version_tuple("16.0.0-beta.1") == (16, 0, 0)
	assert health.version_tuple("15.x.x-develop") == (15,)
	assert health.version_tuple("") is None
	assert health.missing_fixes("15.121.0") == []
	assert health.missing_fixes("nonsense") is None
	missing = health.missing_fixes("15.44.2")
	assert len(missing) == 9  # fixed in 15.84.0 ... 15.121.0; 15.0.0 and 15.5.0 are older
	assert not any("CVE-2024-24813" in a for a in missing)
	assert health.missing_fixes("15.120.0") == [
		a for a in health.ADVISORY_FIXES if "134370" in a or "119145" in a
	]
	assert len(health.missing_fixes("16.20.0")) == 5  # v16 fixes newer than 16.20.0 only


def test_old_release_is_danger_and_names_the_count_and_target():
	finding = by_key(health.evaluate({**SAFE, "frappe_version": "15.44.2"}))["version"]
	assert finding["severity"] == health.DANGER
	assert finding["title"] == "This release predates fixes for {count} published advisories"
	assert finding["params"]["count"] == 9
	assert finding["params"]["newest"] == "15.121.0"
	assert len(finding["items"]) == 9
	unknown = by_key(health.evaluate({**SAFE, "frappe_version": ""}))["version"]
	assert unknown["severity"] == health.WARNING


def test_integrations_are_named():
	finding = by_key(health.evaluate({**SAFE, "integrations": ["S3 Backup Settings", "LDAP Settings"]}))[
		"integrations"
	]
	assert finding["severity"] == health.WARNING
	assert finding["items"] == ["LDAP Settings", "S3 Backup Settings"]


def test_missing_facts_are_not_reported():
	report = health.evaluate({"error_traceback": True})
	assert [f["key"] for f in report["findings"]] == ["error_traceback"]
	assert not report["separate_site_recommended"]


def test_residuals_cover_the_threat_model():
	titles = " ".join(r["title"] for r in health.evaluate({})["residuals"]).lower()
	for subject in (
		"system manager",
		"templates or scripts",
		"enumeration",
		"newer frappe",
		"infrastructure",
	):
		assert subject in titles
	for residual in health.RESIDUALS:
		assert residual["explanation"] and residual["fix"]


def test_templates_only_use_their_params():
	facts = {
		**SAFE,
		"outsider_roles": {"u@example.org": ["Script Manager"]},
		"outsider_desk_users": 1,
		"integrations": ["Google Drive"],
		"frappe_version": "15.44.2",
		"error_traceback": True,
	}
	for f in health.evaluate(facts)["findings"]:
		for key in ("title", "explanation", "fix"):
			f[key].format(**f["params"])  # raises KeyError on a placeholder without a param


def test_members_holding_administrative_or_authoring_roles_are_named():
	facts = {
		**SAFE,
		"member_roles": {"wizard@example.org": ["System Manager", "Script Manager"], "plain@example.org": []},
	}
	report = health.evaluate(facts)
	found = by_key(report)
	named = found["member_role:wizard@example.org"]
	assert named["severity"] == health.WARNING
	assert named["params"] == {"user": "wizard@example.org", "roles": "Script Manager, System Manager"}
	assert len(named["items"]) == 2 and named["fix"] and named["explanation"]
	assert "member_role:plain@example.org" not in found and "member_roles" not in found
	assert not report["separate_site_recommended"]  # members are not outsiders
