"""The app's roles are never granted by accident (docs/decisions.md, decision 32).

Frappe's setup wizard gives its first user every role on the site (setup_wizard.add_all_roles_to,
which reads every Role), and the User form's roles editor offers Select All. A User validate hook
leaves the app's roles out of such saves, so that nobody becomes a member of the service, or a
statistics viewer, without an administrator granting it on purpose.
"""

import frappe
from frappe import _

from student_advice.policy import roles


def leave_out_accidental_grants(doc, method=None):
	"""User validate: drop the app's roles an "every role" save would add, and say so."""
	held = [row.role for row in doc.get("roles") or ()]
	before = doc.get_doc_before_save() if not doc.is_new() else None
	had = {row.role for row in (before.get("roles") or ())} if before else set()
	added = set(held) - had
	left_out = roles.accidental_grants(added, held, bool(frappe.flags.in_setup_wizard))
	if not left_out:
		return
	doc.set("roles", [row for row in doc.roles if row.role not in left_out])
	if not frappe.flags.in_setup_wizard:
		frappe.msgprint(
			_(
				"{0} were not given: the Student Advice Service's roles are granted one at a time, never "
				"with every role, and a statistics viewer is never also a member of the service."
			).format(", ".join(_(r) for r in sorted(left_out))),
			title=_("Roles left out"),
			indicator="orange",
		)
