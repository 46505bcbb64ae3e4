"""The confidentiality health check, as a pure evaluation of facts about one site.

student_advice.confidentiality.health gathers the facts (roles, settings, site configuration,
Frappe's version); this module turns them into findings. A finding has a severity ("ok",
"warning" or "danger"), a title, an explanation and a fix, each an English template whose
{placeholders} are filled from the finding's params (so the caller can translate the template).

Facts (every key optional; a missing fact is not reported):
	outsider_roles: {user: [risky roles]} for enabled users who hold none of the service's roles
	member_roles: {user: [risky roles]} for enabled members of the service
	outsider_desk_users: number of enabled desk users outside the service (Administrator excluded)
	document_sharing, error_traceback, attach_view_link, server_scripts, signup_open,
	energy_points, login_with_email_link, backup_encryption_key: booleans
	integrations: names of enabled backup/login integrations
	frappe_version: e.g. "15.44.2"
"""

OK = "ok"
WARNING = "warning"
DANGER = "danger"
SEVERITIES = (DANGER, WARNING, OK)

# Roles that reach casework (or every table) from outside the service, and how. Severity: what the
# role can do alone. Source: docs/decisions.md, decision 4.
RISKY_ROLES = {
	"System Manager": (DANGER, "SQL in System Console, self-granted roles, backups, logs of every record"),
	"Script Manager": (DANGER, "Query Reports and Server Scripts that read any table"),
	"Website Manager": (
		DANGER,
		"web pages and templates whose Jinja reads any table; scripts in officers' pages",
	),
	"Workspace Manager": (DANGER, "custom HTML blocks that run script in officers' desks"),
	"Report Manager": (DANGER, "Auto Email Reports run as another user"),
	"Newsletter Manager": (DANGER, "newsletter templates whose Jinja reads any table"),
	"Accounts User": (DANGER, "Auto Repeat message templates (Jinja) rendered on preview"),
	"Accounts Manager": (DANGER, "Auto Repeat message templates (Jinja) rendered on preview"),
	"Dashboard Manager": (WARNING, "dashboard charts and number cards over any DocType"),
	"Prepared Report User": (WARNING, "stored report results computed for other users"),
	"Inbox User": (WARNING, "email accounts and the communications they hold"),
	"Super Email User": (WARNING, "every email account's communications"),
}

# Security fixes in Frappe releases, as Frappe's advisories list them: advisory -> first fixed release
# per major version (only the advisories whose fixed release was published).
ADVISORY_FIXES = {
	"CVE-2024-24813 (SQL injection in a reporting method)": {15: "15.0.0"},
	"CVE-2023-54406 (server-script safe-exec bypass)": {15: "15.5.0"},
	"CVE-2026-31877 (unauthenticated SQL injection)": {15: "15.84.0"},
	"CVE-2025-68929 (template injection leading to code execution)": {15: "15.88.1"},
	"CVE-2026-35614 (unauthenticated SQL injection in bulk_update)": {15: "15.104.0"},
	"CVE-2026-39351 (unrestricted DocType access through the API)": {15: "15.104.0", 16: "16.14.0"},
	"CVE-2026-39352 (arbitrary file read through render_include)": {15: "15.105.0", 16: "16.15.0"},
	"CVE-2026-119144 (template injection through message fields)": {15: "15.111.0", 16: "16.21.0"},
	"CVE-2026-111388 (restrict_ip not enforced for API keys and OAuth)": {15: "15.120.0", 16: "16.33.0"},
	"CVE-2026-134370 (arbitrary file read through attachments)": {15: "15.120.1", 16: "16.33.1"},
	"CVE-2026-119145 (path-traversal upload leading to code execution)": {15: "15.121.0", 16: "16.34.0"},
	"CVE-2026-55823 (SQL injection in reportview.get_count)": {16: "16.23.0"},
	"CVE-2026-49394 (workspace update authorization bypass)": {16: "16.19.0"},
	"CVE-2026-47185 (workspace save: others' workspaces, persistent script)": {16: "16.18.0"},
}

# Settings: fact -> (value that is a problem, severity, title, explanation, fix, title when fine).
SETTINGS = {
	"document_sharing": (
		True,
		DANGER,
		"Document sharing is enabled",
		"A share grants access to a record even where the app's rules deny it. The app refuses shares of "
		"its own records, but sharing stays a way around every row rule Frappe has.",
		"System Settings: tick 'Disable Document Sharing'.",
		"Document sharing is disabled",
	),
	"error_traceback": (
		True,
		WARNING,
		"Error tracebacks are shown to users",
		"A traceback can carry the values of the record being processed, and shows different errors for "
		"records that exist and records that do not.",
		"System Settings: untick 'Show Full Error and Allow Reporting of Issues to the Developer'.",
		"Error tracebacks are hidden",
	),
	"attach_view_link": (
		True,
		DANGER,
		"Emails carry links that open the document without logging in",
		"With 'Add View Link' every email sent from a record carries a print link with a key; anyone who "
		"holds the email (forwarded mail, mail logs, the Email Queue) can open it for 30 days.",
		"System Settings: untick 'Attach document view link in emails'.",
		"Emails carry no view links",
	),
	"server_scripts": (
		True,
		DANGER,
		"Server scripts are enabled",
		"A Server Script runs Python with access to every table, including casework, and can expose an API "
		"to guests.",
		"Run 'bench --site <site> set-config server_script_enabled 0' (and remove it from "
		"common_site_config.json).",
		"Server scripts are disabled",
	),
	"signup_open": (
		True,
		WARNING,
		"Anyone can sign up on the website",
		"Sign-up answers 'Already registered' for an existing address, so anyone can test whether a "
		"student has an account; if accounts exist only for students who used the service, that reveals "
		"who did.",
		"Website Settings: tick 'Disable Signup', and give every student an account (single sign-on).",
		"Website sign-up is disabled",
	),
	"energy_points": (
		True,
		WARNING,
		"Energy points are enabled",
		"Energy point logs and notifications name the document a user worked on and are shown to other "
		"users.",
		"Energy Point Settings: untick 'Enabled'.",
		"Energy points are disabled",
	),
	"login_with_email_link": (
		True,
		WARNING,
		"Login by email link is enabled",
		"The login-link request answers differently for unknown addresses (account enumeration), and "
		"whoever reads the mailbox can sign in as the officer.",
		"System Settings: untick 'Login with email link'.",
		"Login by email link is disabled",
	),
	"backup_encryption_key": (
		False,
		WARNING,
		"Backups are not encrypted",
		"Every backup holds every casework record in clear text, wherever it is copied to.",
		"Set backup_encryption_key in site_config.json (keep a copy of the key off the server) and take "
		"backups with --encrypt.",
		"Backups can be encrypted",
	),
}

RESIDUALS = (
	{
		"title": "System Manager's administrative routes",
		"explanation": "A System Manager can run SQL in the System Console, grant itself the service's "
		"roles, change role permissions (Role Permission Manager, Customize Form), download backups, and "
		"read Version, Deleted Document, Error Log and Email Queue lists that hold copies of records.",
		"fix": "Make the service's administrator the only System Manager, on a separate site.",
	},
	{
		"title": "Roles that write templates or scripts",
		"explanation": "Website Manager (web pages, web forms, website scripts), Script Manager (Query "
		"Reports, Server Scripts), Workspace Manager (custom HTML blocks), Report Manager (Query Reports, "
		"Auto Email Reports run as another user) and Accounts users (Auto Repeat message previews) can "
		"read any table through Jinja, SQL or script run in an officer's browser.",
		"fix": "Give these roles only to service staff, or to nobody, on the service's site.",
	},
	{
		"title": "Account enumeration",
		"explanation": "Password reset and sign-up tell whether an address has an account. If only students "
		"who used the service have accounts, an account is itself a disclosure.",
		"fix": "Give every student an account (for example through single sign-on) and disable sign-up.",
	},
	{
		"title": "Fixes that exist only in newer Frappe releases",
		"explanation": "Some published vulnerabilities (SQL injection, file read, template injection) are "
		"fixed only inside Frappe; the app cannot close them.",
		"fix": "Keep Frappe on the newest v15 patch release and re-run the app's leak tests after upgrading.",
	},
	{
		"title": "Infrastructure",
		"explanation": "Redis (cached documents, background job arguments), web server access logs (record "
		"names, filters and keys in URLs), database and shell access, and backups copied off the server "
		"all hold casework outside the app's reach.",
		"fix": "Restrict shell and database access, redact or shorten log retention, encrypt backups.",
	},
)


def version_tuple(version: str) -> tuple[int, ...] | None:
	"""'15.44.2' -> (15, 44, 2); pre-release and development versions keep their numeric prefix."""
	parts = []
	for piece in str(version or "").split("."):
		digits = ""
		for char in piece:
			if not char.isdigit():
				break
			digits += char
		if not digits:
			break
		parts.append(int(digits))
		if digits != piece:
			break
	return tuple(parts) if parts else None


def missing_fixes(version: str) -> list[str] | None:
	"""Advisories whose fix for this major version is newer than `version` (None: unknown version)."""
	current = version_tuple(version)
	if not current:
		return None
	missing = []
	for advisory, fixes in ADVISORY_FIXES.items():
		fixed = fixes.get(current[0])
		if fixed and current < version_tuple(fixed):
			missing.append(advisory)
	return missing


def finding(severity, title, explanation="", fix="", params=None, key="", items=()):
	return {
		"key": key,
		"severity": severity,
		"title": title,
		"explanation": explanation,
		"fix": fix,
		"params": dict(params or {}),
		"items": list(items),
	}


def _role_findings(outsider_roles: dict) -> list[dict]:
	found = []
	for user in sorted(outsider_roles):
		roles = sorted(r for r in outsider_roles[user] if r in RISKY_ROLES)
		if not roles:
			continue
		severity = DANGER if any(RISKY_ROLES[r][0] == DANGER for r in roles) else WARNING
		found.append(
			finding(
				severity,
				"{user} is outside the service but holds {roles}",
				"This user holds none of the service's roles, yet these roles reach casework records.",
				"Remove these roles from the user, or run the service on a separate site.",
				params={"user": user, "roles": ", ".join(roles)},
				key="role:" + user,
				items=[f"{r}: {RISKY_ROLES[r][1]}" for r in roles],
			)
		)
	if not found:
		found.append(
			finding(
				OK,
				"No user outside the service holds a role that reaches casework",
				key="roles",
			)
		)
	return found


def _member_role_findings(member_roles: dict) -> list[dict]:
	"""Members of the service who also hold an administrative or authoring role (decision 32)."""
	found = []
	for user in sorted(member_roles):
		roles = sorted(r for r in member_roles[user] if r in RISKY_ROLES)
		if roles:
			found.append(
				finding(
					WARNING,
					"{user} is a member of the service and also holds {roles}",
					"These roles reach every table outside the service's rules: whoever uses this account, "
					"or a script it writes, reads casework without the audit seeing a form. The setup "
					"wizard's first user and a System Manager given a service role by accident show here.",
					"Keep these roles only where the person needs them (the service's administrator, on the "
					"service's own site); otherwise remove them or the service's role.",
					params={"user": user, "roles": ", ".join(roles)},
					key="member_role:" + user,
					items=[f"{r}: {RISKY_ROLES[r][1]}" for r in roles],
				)
			)
	if not found:
		found.append(
			finding(
				OK, "No member of the service holds an administrative or authoring role", key="member_roles"
			)
		)
	return found


def _version_finding(version: str) -> dict:
	missing = missing_fixes(version)
	if missing is None:
		return finding(WARNING, "The Frappe version could not be read", key="version")
	if not missing:
		return finding(
			OK,
			"Frappe {version} includes the published security fixes the app knows of",
			params={"version": version},
			key="version",
		)
	return finding(
		DANGER,
		"This release predates fixes for {count} published advisories",
		"Frappe {version} is older than the releases that fix these vulnerabilities; several disclose "
		"every table, which no app can prevent.",
		"Upgrade Frappe to the newest v15 patch release (at least {newest}), then re-run the app's tests.",
		params={
			"count": len(missing),
			"version": version,
			"newest": max(
				(ADVISORY_FIXES[a][version_tuple(version)[0]] for a in missing),
				key=version_tuple,
			),
		},
		key="version",
		items=missing,
	)


def _shared_site_finding(facts: dict) -> dict:
	outsiders = int(facts.get("outsider_desk_users") or 0)
	if outsiders:
		return finding(
			WARNING,
			"The service shares this site with {count} desk users outside it",
			"Every desk user outside the service is a possible System Manager, Website Manager or template "
			"author tomorrow; the residual risks below apply to all of them.",
			"Run the service on a separate site on the same bench.",
			params={"count": outsiders},
			key="shared_site",
		)
	return finding(OK, "Only the service's own staff use the desk on this site", key="shared_site")


def _integration_finding(integrations) -> dict:
	enabled = sorted(integrations or ())
	if not enabled:
		return finding(OK, "No backup or directory integration is enabled", key="integrations")
	return finding(
		WARNING,
		"Integrations that copy or authenticate outside the site: {names}",
		"Off-site backups hold every casework record; a directory login (LDAP) decides who can become "
		"an officer's account.",
		"Make sure each integration's destination is controlled by the service, and encrypt backups.",
		params={"names": ", ".join(enabled)},
		key="integrations",
		items=enabled,
	)


def evaluate(facts: dict) -> dict:
	"""Findings (most severe first), the static residual risks, and whether a separate site is advised."""
	findings = []
	if "outsider_roles" in facts:
		findings += _role_findings(facts["outsider_roles"] or {})
	if "member_roles" in facts:
		findings += _member_role_findings(facts["member_roles"] or {})
	if "outsider_desk_users" in facts:
		findings.append(_shared_site_finding(facts))
	for key, (bad, severity, title, explanation, fix, fine) in SETTINGS.items():
		if key not in facts:
			continue
		if bool(facts[key]) == bad:
			findings.append(finding(severity, title, explanation, fix, key=key))
		else:
			findings.append(finding(OK, fine, key=key))
	if "integrations" in facts:
		findings.append(_integration_finding(facts["integrations"]))
	if "frappe_version" in facts:
		findings.append(_version_finding(facts["frappe_version"]))
	findings.sort(key=lambda f: SEVERITIES.index(f["severity"]))
	shared = bool(facts.get("outsider_desk_users")) or any(f["key"].startswith("role:") for f in findings)
	return {
		"findings": findings,
		"residuals": [dict(r) for r in RESIDUALS],
		"separate_site_recommended": shared,
		"counts": {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITIES},
	}
