"""The desk's wiring read from the app's files: the workspace, the sidebar script (decisions 18, 38)."""

import json
from pathlib import Path

from student_advice import hooks
from student_advice.policy import registry

APP = Path(__file__).resolve().parents[2] / "student_advice"
WORKSPACE = APP / "student_advice" / "workspace" / "student_advice" / "student_advice.json"

# What officers, the manager and the administrator open from the workspace.
USED_BY_OFFICERS = {
	"Advice Student",
	"Case",
	"Case Entry",
	"Enquiry",
	"Consent",
	"Consent Withdrawal",
	"Disclosure",
	"Third Party",
	"Consent Wording",
	"Confidentiality Breach",
	"Breach Consultation",
	"Breach Correction",
	"Reflective Practice Meeting",
	"Meeting Discussion",
	"Meeting Action",
	"Conflict Declaration",
	"Legal Hold",
	"Erasure Request",
	"Retention Run",
	"Advice Officer",
	"Student Advice Settings",
}


def test_every_service_form_hides_tags_and_share():
	script = "public/js/service_sidebar.js"
	assert (APP / script).exists()
	for doctype in registry.SERVICE_DOCTYPES:
		scripts = hooks.doctype_js[doctype]
		assert script in ([scripts] if isinstance(scripts, str) else scripts), doctype
	assert "public/js/retention_actions.js" in hooks.doctype_js["Case"]  # the app's own form scripts stay


def test_the_workspace_links_every_record_type_officers_use():
	workspace = json.loads(WORKSPACE.read_text())
	linked = {link["link_to"] for link in workspace["links"] if link["type"] == "Link"}
	assert USED_BY_OFFICERS <= linked, USED_BY_OFFICERS - linked
	assert {"Casework Access Audit", "Advice Statistics", "Retention Due", "confidentiality-health"} <= linked
	content = json.loads(workspace["content"])
	cards = {c["data"]["card_name"] for c in content if c["type"] == "card"}
	breaks = {link["label"] for link in workspace["links"] if link["type"] == "Card Break"}
	assert cards == breaks  # every card is placed on the page
	for link_break in (link for link in workspace["links"] if link["type"] == "Card Break"):
		index = workspace["links"].index(link_break)
		following = workspace["links"][index + 1 : index + 1 + link_break["link_count"]]
		assert all(link["type"] == "Link" for link in following), link_break["label"]
	shortcuts = {s["label"] for s in workspace["shortcuts"]}
	placed = {c["data"]["shortcut_name"] for c in content if c["type"] == "shortcut"}
	assert shortcuts == placed
	for shortcut in workspace["shortcuts"]:
		assert "_assign" not in (shortcut.get("stats_filter") or "")  # "mine" is assigned OR opened
