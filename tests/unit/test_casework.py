from datetime import date

from student_advice.policy import casework as cw

TODAY = date(2026, 11, 27)


def test_open_case_is_valid():
	assert cw.check_case(cw.OPEN, date(2026, 11, 1), None, None, TODAY) == ()


def test_closing_needs_outcome_and_date():
	assert cw.check_case(cw.CLOSED, date(2026, 11, 1), None, None, TODAY) == (
		"case_close_needs_outcome",
		"case_close_needs_date",
	)
	assert cw.check_case(cw.CLOSED, date(2026, 11, 1), date(2026, 11, 2), "Advice given", TODAY) == ()


def test_closing_date_not_before_opening_nor_in_future():
	assert cw.check_case(cw.CLOSED, date(2026, 11, 10), date(2026, 11, 9), "x", TODAY) == (
		"case_closed_before_opened",
	)
	assert cw.check_case(cw.CLOSED, date(2026, 11, 10), date(2026, 11, 10), "x", TODAY) == ()
	assert cw.check_case(cw.CLOSED, date(2026, 11, 10), date(2026, 11, 28), "x", TODAY) == (
		"case_closed_in_future",
	)


def test_opening_date_rules_and_unknown_status():
	assert cw.check_case(cw.OPEN, None, None, None, TODAY) == ("case_opened_missing",)
	assert cw.check_case(cw.OPEN, date(2026, 11, 28), None, None, TODAY) == ("case_opened_in_future",)
	assert cw.check_case("Pending", date(2026, 11, 1), None, None, TODAY) == ("case_status_unknown",)


def test_reopening_is_a_transition_out_of_closed():
	assert cw.is_reopening(cw.CLOSED, cw.OPEN)
	assert cw.is_reopening(cw.CLOSED, cw.WAITING_ON_STUDENT)
	assert not cw.is_reopening(cw.OPEN, cw.CLOSED)
	assert not cw.is_reopening(None, cw.OPEN)
	assert not cw.is_reopening(cw.CLOSED, cw.CLOSED)


def test_entries():
	assert cw.check_entry("Event", TODAY, "Met the student", TODAY) == ()
	assert cw.check_entry("Event", date(2026, 11, 28), "x", TODAY) == ("entry_in_future",)
	assert cw.check_entry("Gossip", TODAY, "x", TODAY) == ("entry_type_unknown",)
	assert cw.check_entry("Action Taken", None, "  ", TODAY) == (
		"entry_date_missing",
		"entry_details_missing",
	)


def test_corrections_stay_on_their_case():
	assert cw.check_correction("c1", "c1") == ()
	assert cw.check_correction("c2", "c1") == ("entry_correction_other_case",)
	assert cw.check_correction(None, "c1") == ("entry_correction_unknown",)


def test_email_normalisation_and_conversion():
	assert cw.normalise_email("  Jo.Bloggs@CAM.ac.uk ") == "jo.bloggs@cam.ac.uk"
	assert cw.check_enquiry_conversion(True, "s1") == ("enquiry_already_converted",)
	assert cw.check_enquiry_conversion(False, None) == ("enquiry_conversion_needs_student",)
	assert cw.check_enquiry_conversion(False, "s1") == ()
