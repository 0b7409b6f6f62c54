"""Recommendations proposed from a report's text as records: every layout reviews use, whom each asks, the findings
each follows from, and nothing that is not a formal recommendation."""

import datetime

import pytest

from ingest.documents import Page
from ingest.extraction import extract
from ingest.recommendations import propose_recommendations
from ingest.segmentation import propose_findings
from tests.documents import make_docx, make_pdf, make_pdf_with_table

FINDINGS = """4. Findings

Finding 1: Information about Mr K was held by the police alone

The police knew of two assaults by Mr K on a former partner. This was not shared with the health visitor or
the GP, who were the professionals seeing Child J.

Finding 2: The bruise was explained away

The GP saw a bruise on the baby's cheek and accepted that he had rolled into the cot bars."""

TRADITIONAL = """9. Recommendations

9.1 The panel makes the following recommendations to the Northshire LSCB:

1. The LSCB should revise its procedures so that every domestic incident in a household with a baby is
notified to Children's Social Care (Finding 1).

2. The LSCB should ensure that all partner agencies have guidance on bruising in non-mobile babies.

Single-agency recommendations

9.2 Each agency has produced an action plan for the recommendations made in its IMR.

Agency | Ref | Recommendation
Children's Social Care | CSC 1 | Children's Social Care should ensure that initial assessments check all records.
Northshire Constabulary | P 1 | The Constabulary should share every domestic incident with Children's Social Care.

10. Glossary

LSCB | Local Safeguarding Children Board
CSC | Children's Social Care"""


def pages(*texts):
    return [Page(number, text) for number, text in enumerate(texts, start=1)]


def proposed(document_pages):
    return propose_recommendations(document_pages, propose_findings(document_pages).findings)


def test_a_numbered_list_and_a_table_of_coded_agency_recommendations_are_each_a_record_with_its_label():
    made = proposed(pages(FINDINGS, TRADITIONAL))

    assert [(r.label, r.text[:40]) for r in made] == [
        ("1", "The LSCB should revise its procedures so"),
        ("2", "The LSCB should ensure that all partner "),
        ("CSC 1", "Children's Social Care should ensure tha"),
        ("P 1", "The Constabulary should share every dome"),
    ]
    assert not any("following recommendations" in r.text or "action plan" in r.text for r in made)
    assert all("Glossary" not in r.text and "Local Safeguarding" not in r.text for r in made)


def test_whom_each_asks_comes_from_its_words_its_table_column_or_its_code():
    first, _, social_care, police = proposed(pages(FINDINGS, TRADITIONAL))

    assert (first.addressee, first.agencies) == ("partnership", [])
    assert (social_care.addressee, social_care.agencies) == ("agencies", ["Children's social care"])
    assert (police.addressee, police.addressee_text) == ("agencies", "Northshire Constabulary")
    assert police.agencies == ["Police"]


def test_a_recommendation_naming_a_finding_follows_from_it():
    first, second, *_ = proposed(pages(FINDINGS, TRADITIONAL))

    assert first.findings == [0] and second.findings == []


def test_a_national_recommendation_is_addressed_to_the_department():
    text = """Recommendations

Recommendation 1: The Department for Education should issue statutory guidance on the supervision of
babies' bruising across agencies.

Recommendation 2 (Finding 2): The partnership should audit the bruising protocol each year."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [
        ("Recommendation 1", "national"),
        ("Recommendation 2", "partnership"),
    ]
    assert made[1].findings == [1] and made[1].text.startswith("The partnership should audit")


def test_a_report_that_says_it_makes_no_recommendations_is_proposed_none():
    text = """Questions for the Board

This review follows the Learning Together model and does not make recommendations. Instead it asks the
Board the following questions.

1. How will the Board know that every child in a family is seen?

2. Should assessments record when each child was last seen?"""

    assert proposed(pages(FINDINGS, text)) == []


def test_a_summary_restating_the_recommendations_gives_way_to_the_full_list():
    summary = """Executive summary

Recommendations

1. The partnership should share police information.

2. The partnership should audit the bruising protocol."""
    full = """8. Recommendations

1. The partnership should share police information about adults who join a household with a baby, within
one working day, with the health visitor and the GP.

2. The partnership should audit the bruising protocol for non-mobile babies every year and report to the
safeguarding partners."""

    made = proposed(pages(summary, FINDINGS, full))

    assert len(made) == 2
    assert made[0].text.endswith("with the health visitor and the GP.")
    assert made[1].text.endswith("report to the safeguarding partners.")


def test_welsh_improving_systems_and_practice_actions_are_the_recommendations():
    text = """Improving systems and practice

In order to promote the learning from this case the review identified the following actions.

1. The Regional Safeguarding Board will ask partner agencies to check records held in other areas when a
parent moves into the region.

2. The health board will repeat safer sleep advice at every change of address."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [("1", "partnership"), ("2", "agencies")]


def test_recommendations_in_a_word_table_and_in_a_pdf_are_found_as_in_text(tmp_path):
    rows = [
        ["Ref", "Agency", "Recommendation"],
        ["R1", "Police", "The police should record every adult present at a domestic incident."],
        ["R2", "Health visiting", "Health visitors should ask about every adult living in the household."],
    ]
    word = make_docx(tmp_path / "review.docx", [*FINDINGS.split("\n\n"), "7. Recommendations"], table=rows)
    made = proposed(extract(word).pages)
    assert [(r.label, r.agencies) for r in made] == [("R1", ["Police"]), ("R2", ["Health visiting"])]

    pdf = make_pdf(tmp_path / "review.pdf", [FINDINGS, TRADITIONAL.split("Single-agency")[0]])
    assert [r.label for r in proposed(extract(pdf).pages)] == ["1", "2"]


def test_a_numbered_list_whose_lines_come_out_one_a_paragraph_is_read_whole():
    text = """10. Recommendations

10.1 The panel makes the following recommendations to the Northshire LSCB:

1. The LSCB should revise its procedures so that every domestic incident in a household

with a child under one year is notified to Children's Social Care and the health visiting

service within one working day.

2. The LSCB should commission multi-agency training on the assessment of men who join

a household with a baby.

11. Glossary

LSCB | Local Safeguarding Children Board
CSC | Children's Social Care"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text) for r in made] == [
        ("1", "The LSCB should revise its procedures so that every domestic incident in a household with a child "
         "under one year is notified to Children's Social Care and the health visiting service within one working "
         "day."),
        ("2", "The LSCB should commission multi-agency training on the assessment of men who join a household with "
         "a baby."),
    ]  # fmt: skip


def test_a_sub_heading_that_names_no_one_does_not_say_whom_the_recommendations_under_it_ask():
    text = """9. Recommendations

Keeping children visible to health services

Recommendation 1: The Department for Education should amend the statutory guidance on moves between areas.

Children's Social Care

Recommendation 2: Assessments should record every adult in the household."""

    first, second = proposed(pages(FINDINGS, text))

    assert (first.addressee, first.addressee_text) == ("national", "The Department for Education")
    assert (second.addressee, second.agencies) == ("agencies", ["Children's social care"])


ACTION_PLAN = """Appendix 2: Action plan

The Board agreed this action plan in July 2022. Progress is shown as at December 2022.

Recommendation | Action | Lead agency / owner | Timescale | Status / evidence
CSC 1 | Add a records check to the initial assessments | Head of Children's Social Care | March 2022 | Complete
P 1 | Share domestic incident notifications daily | Northshire Constabulary | TBC | In progress
 | Audit 20 notifications for timeliness | Quality Assurance Sub-Group | 31/10/2022 | Not started
3 | Brief all staff | Everyone | 2023 | On track"""


def test_an_action_plan_appendix_is_proposed_as_the_actions_of_the_recommendations_it_names():
    found = {r.label: r for r in proposed(pages(FINDINGS, TRADITIONAL, ACTION_PLAN))}

    assert set(found) == {"1", "2", "CSC 1", "P 1"}  # the plan's rows are not recommendations
    assert [(a.text, a.owner, a.due_date(), a.progress()) for a in found["CSC 1"].actions] == [
        ("Add a records check to the initial assessments", "Head of Children's Social Care",
         datetime.date(2022, 3, 31), "completed"),
    ]  # fmt: skip
    police = found["P 1"].actions
    assert [(a.text, a.due_date(), a.progress()) for a in police] == [
        ("Share domestic incident notifications daily", None, "in-progress"),
        ("Audit 20 notifications for timeliness", datetime.date(2022, 10, 31), "not-started"),  # the row before's
    ]
    assert not found["1"].actions and not found["2"].actions  # "3" names no recommendation of the report


def test_a_numbered_action_plan_with_a_task_column_is_read_by_its_numbers():
    plan = """Appendix 2: Board action plan

Action | Task | Lead | Target date | Progress / evidence
1 | Revise the procedures on domestic incidents | Business Unit | December 2022 | In progress
2 | Publish bruising guidance | Designated Doctor | Sept 2022 | Complete"""
    found = {r.label: r for r in proposed(pages(FINDINGS, TRADITIONAL, plan))}
    assert [a.text for a in found["1"].actions] == ["Revise the procedures on domestic incidents"]
    assert [(a.text, a.progress()) for a in found["2"].actions] == [("Publish bruising guidance", "completed")]


def test_paragraphs_about_the_recommendations_and_commitments_are_not_recommendations():
    text = """8. Recommendations

8.1 The recommendations below are addressed to the Board and, in one case, to the Department for Education.

8.2 The Board should audit how neglect is escalated, and report the audit to the chief officers.

8.3 Each agency will develop an action plan in response to these recommendations.

8.4 The Board should report on the progress of these recommendations within twelve months.

In addition, the review endorses the Board's commitment to publish a neglect practice guide."""

    assert [r.label for r in proposed(pages(FINDINGS, text))] == ["8.2", "8.4"]


def test_an_organisation_named_by_its_kind_asks_the_agencies_its_words_name():
    text = """Recommendations

1. The acute hospitals trust should ensure that midwives ask every pregnant woman about domestic abuse.

2. The housing department should give safeguarding training to all housing officers."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.addressee, r.agencies) for r in made] == [
        ("agencies", ["Midwifery and maternity"]), ("agencies", ["Housing and homelessness services"])
    ]  # fmt: skip


def test_bullets_that_carry_their_label_and_a_table_of_actions_for_the_board_keep_their_labels():
    bullets = """Recommendations

- R1 - The Board should commission training on coercive control.
- R2 - The police force should record every child present at a domestic incident."""
    assert [r.label for r in proposed(pages(FINDINGS, bullets))] == ["R1", "R2"]

    table = """Improving systems and practice

No. | Action for the Board | Anticipated improvement outcome
1 | The Board should ensure that a child's words are recorded as said. | Children are heard
2 | The Board should develop guidance on assessing men who join a household. | Men are assessed"""
    assert [r.label for r in proposed(pages(FINDINGS, table))] == ["1", "2"]


def test_a_numbered_heading_that_asks_something_outside_the_recommendations_is_no_error_and_no_recommendation():
    text = """Background

The family moved to the area in 2019.

1. Agencies should share concerns

The health visitor saw the bruise and told no one."""

    assert proposed(pages(text)) == []


def test_links_to_findings_in_words_numbers_and_a_findings_column_are_read():
    areas = """4. What the review learned

Learning area 1: The plan was not reviewed

The plan was not reviewed when the family moved.

Learning area 2: Nobody asked the father

The father was never asked about the care of the baby.

Learning area 3: Advice was not followed

The earlier review's advice was not followed.

5. Recommendations

1. The Board should make sure that every plan is reviewed after a move. Links to: Learning areas 1 and 2.

2. The Board should audit how fathers are asked about the care of babies. (see Learning area Two)"""
    made = proposed(pages(areas))
    assert [r.findings for r in made] == [[0, 1], [1]]

    table = """5. Recommendations

No. | Recommendation | Lead | Findings
1 | Amend the statutory guidance so that every informal arrangement is assessed. | Department for Education | 1, 2
2 | Require local authorities to tell the health visitor when a child moves. | Department for Education | 2"""
    made = proposed(pages(FINDINGS, table))
    assert [(r.label, r.findings) for r in made] == [("1", [0, 1]), ("2", [1])]  # whatever the verb


def test_lettered_items_keep_their_brackets_and_a_number_typed_in_a_cell_is_the_label():
    lettered = """5. Recommendations

(a) The Partnership should revise its guidance on home visits.

(b) The Partnership should ask all health providers to report children who were not brought."""
    assert [r.label for r in proposed(pages(FINDINGS, lettered))] == ["(a)", "(b)"]

    table = """5. Recommendations

Recommendation | Lead agency | Finding
1. The Board should revise its neglect practice guidance. | Board | 1
2. The police should ensure that officers record every child present. | Police | 2"""
    made = proposed(pages(FINDINGS, table))
    assert [(r.label, r.text[:13]) for r in made] == [("1", "The Board sho"), ("2", "The police sh")]


def test_the_reviews_own_view_and_bulleted_sub_points_are_not_recommendations_of_their_own():
    text = """7. Recommendations

7.1 The ACPC should revise its procedures so that:

- (i) every child on the register is seen at home each month;
- (ii) every plan records who will see the child and what happens if a visit fails.

7.2 The ACPC should audit ten plans a year against these standards.

7.3 The Panel concludes that the child's disability should have heightened scrutiny, not lessened it."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [("7.1", "partnership"), ("7.2", "partnership")]
    assert made[0].text.endswith("what happens if a visit fails.")


def test_run_in_recommendations_bilingual_tables_and_items_for_the_committee_to_consider():
    run_in = """6. Recommendations

Recommendation for the Partnership: The partnership should set a standard for seeing disabled children alone.

Recommendation for the police: The police should record every child present at a domestic call.

The Trust's internal review also made seven recommendations for its own services, which it should report on."""
    made = proposed(pages(FINDINGS, run_in))
    assert [(r.label, r.addressee, r.agencies) for r in made] == [
        ("1", "partnership", []),
        ("2", "agencies", ["Police"]),
    ]

    bilingual = """Improving systems and practice

Cymraeg | English
Dylai'r Bwrdd sicrhau bod llais y plentyn yn cael ei gofnodi. | The Board should make sure the child is heard.
Dylai'r Bwrdd adolygu ei ganllawiau ar esgeuluso. | The Board should review its guidance on neglect."""
    assert [r.text for r in proposed(pages(FINDINGS, bilingual))] == [
        "The Board should make sure the child is heard.", "The Board should review its guidance on neglect."
    ]  # fmt: skip

    mixed = """7. Recommendations

1. The Chief Officers Group should commission a review of hostel placements for island children.

2. Area for the CPC to consider: whether its self-harm guidance should include a prompt about online contact."""
    assert [r.label for r in proposed(pages(FINDINGS, mixed))] == ["1"]


def test_what_we_recommend_with_a_run_in_split_over_lines_and_an_action_plan_by_place():
    text = """7. What we recommend

Recommendation for the Partnership: The Northshire Safeguarding Children Partnership
should develop guidance on neglect of disabled children.

Recommendation for the police: The police should see every child at a domestic call.

Appendix A: Action plan

Action ref | What will be done | Owner | By when | Progress
1.1 | Publish practice guidance on neglect of disabled children | Business Manager | March 2023 | Complete
2.1 | Briefing for response officers | Detective Superintendent | February 2023 | In progress"""

    made = proposed(pages(FINDINGS, text))

    assert [r.text for r in made] == [
        "The Northshire Safeguarding Children Partnership should develop guidance on neglect of disabled children.",
        "The police should see every child at a domestic call.",
    ]
    assert [[a.text for a in r.actions] for r in made] == [
        ["Publish practice guidance on neglect of disabled children"], ["Briefing for response officers"]
    ]  # fmt: skip


def test_recommendations_set_out_only_in_an_appendix_table_are_read_there():
    text = """8. Recommendations

8.1 The panel's recommendations are set out in Appendix C, with the agency that leads each.

Appendix B: Glossary

LSCB | Local Safeguarding Children Board

Appendix C: Recommendations

Ref | Recommendation | Lead agency
MA/1 | The LSCB should agree a joint protocol for police notifications of domestic violence. | LSCB
DCSF/1 | The Department should consider guidance on weighing children under five. | DCSF"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [("MA/1", "partnership"), ("DCSF/1", "national")]


def test_a_column_headed_area_of_learning_links_each_recommendation_to_its_finding():
    table = """5. Recommendations

Ref | Recommendation | Area of learning
MA/1 | The LSCB should agree a joint protocol for police notifications. | 2
MA/2 | The LSCB should provide training on faltering growth. | 1"""
    made = proposed(pages(FINDINGS, table))
    assert [(r.label, r.findings) for r in made] == [("MA/1", [1]), ("MA/2", [0])]


def test_an_appendix_table_of_recommendations_in_a_pdf_is_read_from_its_labelled_rows(tmp_path):
    # A PDF gives each row as a paragraph starting with its label, and the row's other cells as short paragraphs.
    appendix = """Appendix C: Recommendations of the review

Ref Recommendation Lead agency

MA/1 The LSCB should agree a joint protocol under which every police notification of a domestic incident is shared with the health visitor.

Northshire LSCB 1

CSC/1 Children's Social Care should ensure that every assessment of a child under five includes observation of the child with each carer.

Children's Social Care 2

DCSF/1 The Department for Children, Schools and Families should consider issuing guidance on weighing children under five.

DCSF 2"""  # noqa: E501
    pointer = "8. Recommendations\n\n8.1 The panel's recommendations are set out in Appendix C."
    pdf = make_pdf(tmp_path / "review.pdf", [FINDINGS, pointer, appendix])

    made = proposed(extract(pdf).pages)

    assert [(r.label, r.addressee, r.addressee_text) for r in made] == [
        ("MA/1", "partnership", "The LSCB"),
        ("CSC/1", "agencies", "Children's Social Care"),
        ("DCSF/1", "national", "The Department for Children, Schools and Families"),
    ]
    assert made[0].text.endswith("shared with the health visitor.")


def test_a_bilingual_table_in_a_pdf_gives_the_english_recommendation_even_when_the_welsh_cell_reads_as_a_heading(
    tmp_path,
):
    section = """4. Improving systems and practice / Gwella systemau ac ymarfer

Cymraeg English

1. Dylai'r Bwrdd sicrhau

1. The Board should ensure that child protection plans which depend on a parent's absence include unannounced visits.

2. Dylai'r Bwrdd adolygu

2. The Board should revise its bruising protocol so that every non-mobile baby with a bruise is referred.

5. Statements by the reviewers

5.1 The reviewers thank the family."""
    pdf = make_pdf(tmp_path / "review.pdf", [FINDINGS, section])

    made = proposed(extract(pdf).pages)

    assert [(r.label, r.text[:27]) for r in made] == [
        ("1", "The Board should ensure tha"),
        ("2", "The Board should revise its"),
    ]


def test_key_actions_with_sub_points_are_recommendations_and_the_questions_after_them_are_not():
    text = """7. Key actions for the Safeguarding Children Partnership

Key action 1 \u2013 The partnership should require health visitors to complete the safer sleep assessment at every contact.

Key action 2 \u2013 Northshire Council's housing service should ask where a baby will sleep at every homelessness assessment.

The partnership may wish to consider:

• whether the Infant Safety Group should include a housing representative;"""  # noqa: E501

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:24]) for r in made] == [
        ("Key action 1", "The partnership should r"),
        ("Key action 2", "Northshire Council's hou"),
    ]


def test_the_reviews_own_recommends_that_paragraphs_are_recommendations_when_no_section_lists_them():
    text = """Finding 1: Children placed from other areas were not known to local services

Nobody in Northshire knew that the home had taken three children in a month.

The review recommends that the LSCB commission an independent return-interview service for all children placed in Northshire.

The IMR recommends that staff are reminded of the procedure.

Finding 2: Intelligence was not collated

The review also recommends that the police review every piece of intelligence about the address within seven days."""  # noqa: E501

    made = proposed(pages(text))

    assert [r.text[:32] for r in made] == ["the LSCB commission an independe", "the police review every piece of"]


def test_a_lead_row_after_a_recommendation_says_whom_it_asks_and_is_not_one_itself(tmp_path):
    rows = [
        ["No.", "Recommendation"],
        ["A", "Publish specific advice for schools on online sexual extortion, setting out what staff should do."],
        ["Lead", "The Department for Education"],
        ["B", "Commission research with children and parents on what helps them to report extortion early."],
        ["Lead", "The Home Office"],
    ]
    word = make_docx(tmp_path / "review.docx", [*FINDINGS.split("\n\n"), "6. Recommendations"], table=rows)

    made = proposed(extract(word).pages)

    assert [(r.label, r.addressee, r.addressee_text) for r in made] == [
        ("A", "national", "The Department for Education"),
        ("B", "national", "The Home Office"),
    ]


def test_a_lettered_table_read_as_paragraphs_from_a_pdf_keeps_its_letters_and_whom_each_asks(tmp_path):
    table = (
        "No. Recommendation\n\n"
        "A Publish specific advice for schools on online sexual extortion, setting out what staff should do.\n\n"
        "Lead Department for Education\n\n"
        "B Commission research with children and parents on what helps them to report extortion early.\n\n"
        "Lead Home Office\n\n"
        "A review of the national guidance is also under way."
    )
    introduction = (
        "6.1 The Panel makes two recommendations to national bodies. Each is set out in the table below with the "
        "body that leads on it, and each follows from the findings above. The Panel will ask each lead body to report "
        "on its progress within twelve months of the publication of this review."
    )
    pdf = make_pdf(tmp_path / "review.pdf", [FINDINGS, f"6. Recommendations\n\n{introduction}\n\n{table}"])

    made = proposed(extract(pdf).pages)

    assert [(r.label, r.text[:20], r.addressee, r.addressee_text) for r in made] == [
        ("A", "Publish specific adv", "national", "Department for Education"),
        ("B", "Commission research ", "national", "Home Office"),
    ]


def test_recommendations_in_the_reviews_prose_are_each_a_record_with_whom_they_ask():
    text = """9. Recommendations

9.1 The recommendations follow, each with the finding it arises from.

9.2 To the Northshire Child Protection Committee, the review recommends: first, that the CPC revise its pre-birth
assessment guidance so that both parents are assessed in their own right (Finding 1); second, that the CPC ensure
that a care leaver's worker is invited to every pre-birth meeting; and third, that the CPC adopt a protocol on
bruising in non-mobile babies (Finding 2).

9.3 To NHS Northshire, it recommends that its midwifery and health visiting services make sure that fathers are
given advice on coping with crying (Finding 2).

9.4 Finally, the review recommends that the Scottish Government consider guidance on care-experienced parents.

9.5 The panel wishes to acknowledge that professionals acted in good faith. The recommendations are about the
systems that should have brought the information together."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.text[:28], r.addressee, r.findings) for r in made] == [
        ("the CPC revise its pre-birth", "partnership", [0]),
        ("the CPC ensure that a care l", "partnership", []),
        ("the CPC adopt a protocol on ", "partnership", [1]),
        ("its midwifery and health vis", "agencies", [1]),
        ("the Scottish Government cons", "national", []),
    ]
    assert made[3].agencies == ["Midwifery and maternity", "Health visiting"]
    assert made[3].addressee_text == "NHS Northshire"


def test_whom_a_recommendation_asks_is_read_from_a_bare_verb_and_its_own_words_over_its_sub_heading():
    text = """9. Recommendations

The review recommends that the Department for Education require placing authorities to seek the host area's view.

The Trust should ensure that its Gateway service tests every contact against earlier referrals.

Think family in adult mental health

The Northshire Chief Officers Group should seek assurance that adult mental health services ask about children."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.addressee, r.addressee_text) for r in made] == [
        ("national", "The Department for Education"),
        ("agencies", "The Trust"),
        ("partnership", "The Northshire Chief Officers Group"),
    ]


def test_the_agencies_a_recommendation_asks_are_the_services_it_sets_to_act_not_those_they_are_to_tell():
    text = """9. Recommendations

9.1 The Trust should ensure that its adult addiction service asks every parent about the children in their care and
shares any concern with children's social care.

9.2 The Primary Care Trust should ensure that health visitors read every emergency department attendance notice and
tell the GP what they have done.

9.3 NHS Northshire should ensure that GPs and school nurses record who has parental responsibility for every child.

9.4 Northshire Homes should train its repairs staff to report signs of neglect to the police.

9.5 The police should ensure that the Public Protection Unit reviews every domestic abuse incident where a child was
present."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.addressee, r.agencies) for r in made] == [
        ("agencies", ["Substance misuse services"]),
        ("agencies", ["Health visiting"]),
        ("agencies", ["GP and primary care", "School nursing"]),
        ("agencies", ["Housing association"]),
        ("agencies", ["Public protection / child abuse investigation"]),
    ]


def test_a_recommendation_relating_to_a_finding_lettered_by_line_of_enquiry_is_linked_to_it():
    text = """6. Findings

Finding A1: Missed appointments were recorded as did not attend

The clinic discharged Child W to the GP after three missed appointments and told nobody else.

Finding B1: The young carer was admired rather than assessed

Several professionals recorded that Child W helped her mother a lot, and nobody asked what it cost her.

9. Recommendations

R1. The safeguarding partners should ensure that every health provider adopts a was not brought policy. Relates to
Finding A1.

R2. The safeguarding partners should seek assurance that young carers' needs assessments are offered. Relates to
Finding B1."""

    made = proposed(pages(text))

    assert [(r.label, r.findings) for r in made] == [("R1", [0]), ("R2", [1])]


def test_a_summary_table_of_short_forms_gives_way_to_the_full_recommendations_after_each_finding():
    text = """6. Findings and recommendations

Finding 1: The plan closed when things looked better

The child in need plan closed after one good month at school.

Recommendation 1.1: The Partnership should seek assurance, through a multi-agency audit, that child in need plans
are closed only after a closing meeting with every agency in the plan.

Recommendation 1.2: Children's social care should revise its child in need procedure so that a plan cannot close
on the basis of a single measure of progress.

8. Summary of recommendations

No. | Recommendation (short form) | Lead | Finding
1.1 | Audit closure of child in need plans | Partnership | 1
1.2 | Revise child in need closure procedure | Children's social care | 1"""

    made = proposed(pages(text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("Recommendation 1.1", "The Partnership should seek as"),
        ("Recommendation 1.2", "Children's social care should "),
    ]


def test_a_recommendation_set_out_as_a_card_of_its_own_is_read_from_its_rows():
    text = """5. Recommendations

Recommendation 1 | Department for Education
What | Revise the statutory guidance on children missing education so that no child is removed from roll on a move.
Why | Children were out of school for months.
Findings | 2
What success looks like | No child placed out of area is out of education for more than four weeks.

Recommendation 2 | Home Office
What | Issue guidance requiring the placing force to notify the receiving force of every high-risk victim placed.
Why | Risk assessments did not follow families.
Findings | 1"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:24], r.addressee, r.addressee_text, r.findings) for r in made] == [
        ("Recommendation 1", "Revise the statutory gui", "national", "Department for Education", [1]),
        ("Recommendation 2", "Issue guidance requiring", "national", "Home Office", [0]),
    ]


def test_a_table_with_the_finding_first_carries_a_merged_finding_cell_down_to_the_rows_under_it():
    text = """9. Recommendations

Finding | No. | Recommendation | Lead agency | Outcome sought
Finding 1 | 1 | The LSCB should issue guidance on identifying and engaging fathers. | LSCB | Fathers are known
| 2 | The hospital trust should record the father's details at booking. | Hospital trust | Fathers are recorded
Finding 2 | 3 | The CCG should make sure every GP practice has the bruising protocol. | CCG | Bruises are referred"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.findings) for r in made] == [("1", [0]), ("2", [0]), ("3", [1])]


def test_recommendations_numbered_apart_under_regional_and_local_headings_are_all_kept():
    text = """6. Recommendations

Regional recommendations

6.1 It is recommended that the SBNI develops a regional framework for responding to self-harm by young people.

6.2 It is recommended that the Education Authority requires schools to notify it of every reduced timetable.

Local recommendations

6.3 It is recommended that the Trust ensures that emergency department assessments of self-harm are shared.

6.4 It is recommended that the police share with the Trust every incident involving a young person who self-harms.

6.5 The SBNI has accepted these recommendations and will monitor them."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [
        ("6.1", "partnership"),
        ("6.2", "agencies"),
        ("6.3", "agencies"),
        ("6.4", "agencies"),
    ]


def test_an_earlier_reviews_recommendation_quoted_is_not_one_and_a_second_paragraph_asking_more_of_it_joins_it():
    text = """10. Recommendations

10.1 The Committee should agree a protocol on return conversations with young people who go missing.

The protocol should also set out who will offer the return conversation, which should be a trusted adult.

10.2 NHS Northshire should ensure that school nurses are told of every missing episode.

10.3 An earlier Northshire review, published in 2011, recommended that 'all agencies should share information'.
That recommendation was accepted."""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["10.1", "10.2"]
    assert made[0].text.endswith("who will offer the return conversation, which should be a trusted adult.")


def test_the_english_column_of_a_bilingual_action_table_is_read_and_the_reviewers_statement_after_it_is_not():
    text = """Improving systems and practice / Gwella systemau ac ymarfer

Rhif / No. | Action (English) | Cam gweithredu (Cymraeg)
1 | The Board should agree a pathway for children who restrict eating. | Dylai'r Bwrdd gytuno ar lwybr.
2 | The Board should ensure missed health appointments are followed up. | Dylai'r Bwrdd sicrhau dilyn apwyntiadau.

Statement by Reviewer(s)

Statement of independence | I make the following statement that I had no part in the case and should say so."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("1", "The Board should agree a pathw"),
        ("2", "The Board should ensure missed"),
    ]


def test_recommendations_coded_under_each_themes_heading_follow_from_that_theme():
    findings = """4. Learning themes

Theme 1: Exclusion and transitions

Every adult around the young person changed in the same term.

Theme 2: Exploitation across the border

Intelligence from missing episodes in England was not shared."""
    text = """7. Recommendations

Theme 1: Exclusion and transitions

\u2022 1a The Regional Safeguarding Board should agree a transitions standard for young people at risk.
\u2022 1b The youth justice service should not close a young person at risk at the end of an order.

Theme 2: Exploitation across the border

\u2022 2a The police should agree a protocol with neighbouring forces for sharing intelligence."""

    made = proposed(pages(findings, text))

    assert [(r.label, r.findings) for r in made] == [("1a", [0]), ("1b", [0]), ("2a", [1])]


def test_a_recommendation_box_of_one_column_holding_two_recommendations_gives_two(tmp_path):
    box = [
        ["Recommendation"],
        ["The Child Protection Committee should issue practice guidance on young children being left alone or in the "
         "care of siblings, making clear that this is a child protection concern."],
        ["The council's children and families social work service should ensure that concerns about a child recently "
         "removed from the register are screened by a senior practitioner."],
    ]  # fmt: skip
    word = make_docx(tmp_path / "review.docx", [*FINDINGS.split("\n\n")], table=box)

    made = proposed(extract(word).pages)

    assert [r.text[:30] for r in made] == ["The Child Protection Committee", "The council's children and fam"]


def test_actions_bulleted_under_whom_should_take_them_ask_that_body():
    text = """Improving systems and practice

Northshire Health Board should:

\u2022 Provide written information for parents in easy-read form for child protection conferences.

Welsh Government should:

\u2022 Raise with the UK Government the need for police and health records to be shared across the border."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.addressee, r.addressee_text) for r in made] == [
        ("agencies", "Northshire Health Board"),
        ("national", "Welsh Government"),
    ]


def test_a_table_of_recommendations_in_a_pdf_gives_each_row_with_its_label_and_the_finding_it_names(tmp_path):
    rows = [
        ["Finding", "No.", "Recommendation", "Lead agency"],
        ["Finding 1", "1", "The LSCB should issue guidance on engaging fathers and other men in a baby's household.",
         "Northshire LSCB"],
        ["", "2", "The hospital trust should record the father's name and date of birth at booking.", "Hospital trust"],
        ["Finding 2", "3", "The CCG should make sure that every GP practice has had training on the bruising protocol.",
         "CCG"],
    ]  # fmt: skip
    pdf = make_pdf_with_table(
        tmp_path / "review.pdf", rows, before=[*FINDINGS.split("\n\n"), "9. Recommendations"], widths=[60, 30, 250, 90]
    )

    made = proposed(extract(pdf).pages)

    assert [(r.label, r.text[:20], r.reference) for r in made] == [
        ("1", "The LSCB should issu", "Finding 1"),
        ("2", "The hospital trust s", "Finding 1"),  # (the merged cell of the row above)
        ("3", "The CCG should make ", "Finding 2"),
    ]


def test_recommendations_run_in_among_the_conclusions_are_found_even_inside_a_conclusions_paragraph():
    text = """9. Conclusions and recommendations

9.1 Child D's retraction was accepted without anyone asking why she had changed her account.

Recommendation: The Partnership should add a section to its procedures on responding to retracted disclosures.

9.2 The checks on the adults in the household were not complete. The early help plan did not name him. Recommendation:
The council's early help service should require practitioners to meet every adult living in the household.

9.3 The recommendation made in 2019 was accepted and is not repeated here."""

    made = proposed(pages(FINDINGS, text))

    assert [r.text[:40] for r in made] == [
        "The Partnership should add a section to ",
        "The council's early help service should ",
    ]


def test_one_table_that_is_both_the_recommendations_and_the_action_plan_gives_its_recommendations(tmp_path):
    path = make_docx(
        tmp_path / "review.docx",
        [*FINDINGS.split("\n\n"), "8. Recommendations and action plan", "8.1 Each row is one and its plan."],
        table=[
            ["Recommendation", "Agency", "Timescale", "RAG"],
            ["The Partnership should agree a young carers pathway with schools.", "Partnership", "Dec 2024", "Green"],
            ["Northshire Council should assess every young carer's needs.", "Council", "Mar 2025", "Red"],
        ],
    )

    made = proposed(extract(path).pages)

    assert [(r.text[:30], r.addressee) for r in made] == [
        ("The Partnership should agree a", "partnership"),
        ("Northshire Council should asse", "agencies"),
    ]


def test_single_agency_recommendations_in_an_appendix_join_the_bodys_and_the_agencies_own_learning_does_not():
    text = """7. Recommendations

7.1 The review makes two multi-agency recommendations for the CPC. Single-agency recommendations, agreed with each
agency, are in Appendix 2 and form part of this review's recommendations.

MA1 The CPC should develop guidance on children at risk of harm outside the home.

MA2 The CPC should agree a protocol with schools before a child on a supervision order is excluded.

Appendix 1: Learning identified by agencies

Each agency reflected on its own practice. It is not a set of recommendations.

Ref | Learning
L1 | Discharge for non-engagement should have triggered a review of the child's plan.
L2 | Exclusion decisions should take account of where a child will be during the day.

Appendix 2: Single-agency recommendations

These recommendations were agreed with each agency.

Ref | Recommendation
NHS 1 | NHS Northshire should ensure that the drug and alcohol service does not discharge a child for not attending.
POL 1 | The police should ensure that intelligence about exploitation is shared with social work the same day."""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["MA1", "MA2", "NHS 1", "POL 1"]


def test_requests_to_note_or_accept_the_report_and_an_agency_reports_own_recommendation_are_not_recommendations():
    text = """7. Recommendations

7.1 The Regional Safeguarding Board is asked to accept this report and to publish it on the national repository.

7.2 The police are asked to ensure that every breach of a protective order is recorded as a domestic abuse incident.

7.3 The Regional Safeguarding Board is asked to note the effective practice in section 6 and to share it.

7.4 The probation service's agency report made its own recommendation, that 'offender managers should share all
breach information with the MARAC coordinator', which the service has already carried out."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:40]) for r in made] == [("7.2", "The police are asked to ensure that ever")]


def test_the_department_is_the_governments_unless_the_recommendation_is_under_a_local_departments_heading():
    text = """9. Recommendations

9.1 National recommendations

9.1.1 The Department should amend statutory guidance so that a child removed from a school roll is seen.

9.2 Single-agency recommendations

Social Services

1. The Department should ensure that every police notification about a child under five is checked."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.text[:20], r.addressee) for r in made] == [
        ("The Department shoul", "national"),
        ("The Department shoul", "agencies"),
    ]
    assert made[1].agencies == ["Children's social care"]


def test_a_recommendations_heading_marked_continued_and_markdowns_escaped_numbers_keep_the_list_going(tmp_path):
    path = tmp_path / "review.md"
    path.write_text(
        "# 4. Findings\n\n## Finding 1: Information about Mr K was held by the police alone\n\n"
        "The police knew of two assaults by Mr K on a former partner and did not share them.\n\n"
        "# 8. Recommendations\n\n"
        "1\\. The Partnership should agree a protocol with schools before any permanent exclusion.\n\n"
        "2\\. The Partnership should adopt a contextual safeguarding framework.\n\n"
        "8\\. Recommendations (continued)\n\n"
        "3\\. The police should consider a referral whenever a child is found with drugs in another area.\n\n"
        "# 9. The partners' response\n\nThe partners accept the recommendations.\n"
    )

    made = proposed(extract(path).pages)

    assert [(r.label, r.text[:25]) for r in made] == [
        ("1", "The Partnership should ag"),
        ("2", "The Partnership should ad"),
        ("3", "The police should conside"),
    ]


def test_recommendations_under_this_review_recommends_in_each_finding_follow_from_it_and_ask_whom_they_name():
    text = """5. Finding 1: Reports about the dog were not seen as safeguarding information

5.1 Neighbours reported the dog to the police twice and each report was recorded as an animal matter.

This review recommends

\u2022 that the police ensure that every report of a dangerous dog at an address is checked for children there;
\u2022 that Northshire Homes add the keeping of animals to its safeguarding policy.

6. Finding 2: Early help closed when the family moved

6.1 The early help worker closed the case when the family moved across the borough.

This review recommends

\u2022 that the Partnership revise its early help closure guidance for families who move."""

    made = proposed(pages(text))

    assert [(r.text[:25], r.addressee, r.findings) for r in made] == [
        ("that the police ensure th", "agencies", [0]),
        ("that Northshire Homes add", "agencies", [0]),
        ("that the Partnership revi", "partnership", [1]),
    ]


def test_a_recommendations_and_action_plan_table_gives_each_recommendation_once_with_its_actions(tmp_path):
    rows = [
        ["Recommendation", "Action", "Lead", "Timescale"],
        ["1. The Partnership should relaunch its protocol for bruising in non-mobile babies, and should seek assurance "
         "that it is known and used in every setting where babies are seen, including the garrison medical centre.",
         "Reissue the protocol with a one-page summary", "Business Manager", "September 2024"],
        ["", "Brief the emergency department and primary care", "Designated Doctor", "December 2024"],
        ["2. The Department of Health and Social Care should consider how records follow service families.",
         "Letter from the partners to the Department", "Independent Scrutineer", "July 2024"],
    ]  # fmt: skip
    pdf = make_pdf_with_table(
        tmp_path / "review.pdf",
        rows,
        before=["8. Recommendations and action plan", "8.1 Each recommendation is written once, with its actions."],
        after=["8.2 The safeguarding partners are asked to:", "\u2022 accept the recommendations and actions above;",
               "\u2022 agree that this report be published in June 2024."],
        widths=[90, 150, 90, 70],  # (the first cell's lines run on past eight before the text turns back up)
    )  # fmt: skip

    made = proposed(extract(pdf).pages)

    assert [(r.label, r.text[:25], r.addressee) for r in made] == [
        ("1", "The Partnership should re", "partnership"),
        ("2", "The Department of Health ", "national"),
    ]
    assert [[action.text[:20] for action in r.actions] for r in made] == [
        ["Reissue the protocol", "Brief the emergency "],
        ["Letter from the part"],
    ]


def test_recommendations_numbered_in_words_each_with_the_boards_response_after_it():
    text = """8. Recommendations and LSCB responses

Recommendation One (Theme 1): The LSCB should ensure that every child missing three times in ninety days is referred.

LSCB response: Accepted. A missing children panel will meet monthly from April.

Recommendation Two (Theme 2): The police should record every adult found with a missing child.

LSCB response: Accepted in part."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:20]) for r in made] == [
        ("Recommendation One", "The LSCB should ensu"),
        ("Recommendation Two", "The police should re"),
    ]


def test_points_worded_as_recommendations_under_a_section_saying_the_review_makes_none_are_not_taken():
    text = """7. Recommendations

7.1 In line with the approach agreed by the CPC, this review does not make recommendations. It sets out learning
points for the CPC to build into its improvement plan.

LP1. The CPC should ensure that return discussions after missing episodes look at where a young person was found.

LP2. The police should link missing person reports with intelligence about premises used for dealing."""

    assert proposed(pages(FINDINGS, text)) == []


def test_a_grid_of_learning_against_the_committees_gives_a_recommendation_a_cell():
    rows = [
        "Key learning | For the Child Protection Committee | For the Chief Officers Group",
        "Key learning 1: Left alone | CPC 1 - The CPC should publish guidance on the supervision of disabled children."
        " | COG 1 - The COG should seek assurance that staff who visit homes know how to raise a concern.",
        "Key learning 2: A plan without an owner | CPC 2 - The CPC should revise its plan procedure. | See CPC 1.",
    ]
    text = "7. Recommendations\n\n" + "\n".join(rows)

    made = proposed(pages(text))

    assert [(r.label, r.text[:20]) for r in made] == [
        ("CPC 1", "The CPC should publi"),
        ("COG 1", "The COG should seek "),
        ("CPC 2", "The CPC should revis"),
    ]


def test_a_table_of_learning_and_recommendations_gives_every_recommendation_of_a_cell_with_its_theme():
    rows = [
        "Theme | What we learned | Recommendations",
        "Theme 1 | Children were recorded as present but never spoken to. | Recommendation 1: The Board should agree a"
        " standard for speaking to children. Recommendation 2: The police should record what each child said.",
        "Theme 2 | MARAC actions were tasks, not a plan. | Recommendation 3: The Community Safety Partnership should"
        " review high-risk cases after three months.",
    ]
    text = "7. Learning and recommendations\n\n" + "\n".join(rows)

    made = proposed(pages(text))

    assert [(r.label, r.text[:20], r.reference) for r in made] == [
        ("Recommendation 1", "The Board should agr", "Theme 1"),
        ("Recommendation 2", "The police should re", "Theme 1"),
        ("Recommendation 3", "The Community Safety", "Theme 2"),
    ]


def test_a_government_department_asked_is_the_addressee_whoever_leads_and_the_panels_note_is_not_asked():
    text = """11. Recommendations

No. | Recommendation | Lead
1 | The ACPC should revise its procedures for repeat referrals within two years. | ACPC
2 | The Department of Health should consider national guidance on domestic violence. | ACPC (Chair to write)

11.2 In addition to these recommendations, the review panel noted that several IMR recommendations overlap with
them. Agencies are asked to report progress on both through a single action plan."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [("1", "partnership"), ("2", "national")]


def test_recommendations_numbered_in_roman_numerals_and_a_recommendations_sub_points_after_its_tag():
    text = """Recommendations

I. The LSCB should agree a protocol for pre-birth assessment of care leavers.
II. The Department of Health should review the arrangements for family support hubs so that: (Learning 2)
\u2022 i. the hub records the end of its involvement and tells the referrer;
\u2022 ii. where support ends because a family has disengaged, the referrer is asked to consider the concerns again.
III. The police should record every adult present at a domestic abuse incident."""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["I", "II", "III"]
    assert "the referrer is asked to consider" in made[1].text


def test_an_action_plan_naming_recommendations_by_finding_and_place_gives_each_its_actions():
    text = """5. Finding 1: Reports about the dog were not seen as safeguarding information

5.1 Neighbours reported the dog to the police twice and each report was recorded as an animal matter.

This review recommends

\u2022 that the police ensure that every report of a dangerous dog at an address is checked for children there;
\u2022 that Northshire Homes add the keeping of animals to its safeguarding policy.

Appendix: Action plan

Ref | Action | Owner | Target date | Status
F1(i) | Add a child check to the dangerous dog procedure | Detective Superintendent | December 2022 | In progress
F1(ii) | Brief all housing officers on animals in the home | Safeguarding Lead | January 2023 | Complete"""

    made = proposed(pages(text))

    assert [[(a.text[:20], a.status) for a in r.actions] for r in made] == [
        [("Add a child check to", "In progress")],
        [("Brief all housing of", "Complete")],
    ]


def test_a_table_of_themes_recommendations_and_outcomes_gives_the_recommendation_column():
    rows = [
        "Theme | Recommendation | Intended outcome | How we will know",
        "Theme 1: Drinking and supervision | The Partnership should revise its neglect guidance on who cares for a"
        " child when a parent drinks. | Practitioners picture the child's day. | Audit of assessments",
        "Theme 2: Missed health contacts | Northshire Community Health Services should check with other agencies before"
        " closing a contact. | No contact is closed without a check. | Quarterly report",
    ]
    text = "10. Recommendations\n\n" + "\n".join(rows)

    made = proposed(pages(text))

    assert [r.text[:30] for r in made] == ["The Partnership should revise ", "Northshire Community Health Se"]


def test_commitments_under_a_recommendations_heading_with_a_subtitle_are_the_recommendations_with_their_actions():
    text = """7. Recommendations: what the Partnership will do

7.1 These are the reviewer's recommendations, agreed with the safeguarding partners and written as commitments.

1. The Partnership will publish, with schools, a one-page procedure for what staff do when a child discloses abuse.
2. The police will ensure that every decision not to interview a child who has disclosed abuse is recorded.

8. Partnership response

8.1 The safeguarding partners accept both recommendations.

Appendix A: Action plan

No. | Action | Lead | By | Progress
1 | Draft and publish the procedure with head teachers | Education Safeguarding Manager | January 2024 | In progress
2 | Decision record for not interviewing | Detective Chief Inspector | December 2023 | Complete"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("1", "The Partnership will publish, "),
        ("2", "The police will ensure that ev"),
    ]
    assert [[a.status for a in r.actions] for r in made] == [["In progress"], ["Complete"]]


WHAT_NEEDS_TO_CHANGE = """4. Learning 1: Neglect was seen as poverty

4.1 Professionals saw the state of the house as a sign of poverty rather than neglect.

What needs to change

\u2022 The SBNI needs to issue regional guidance on recognising neglect that names faltering growth. (regional)
\u2022 The community dental service needs to tell the health visitor when a child is not brought twice. (local)

What has already changed

\u2022 The Trust has added a weight and growth check to its family support assessment.

5. Learning 2: School noticed, but nobody was told

5.1 The school gave Child G breakfast every day and nobody outside the school knew.

What needs to change

\u2022 The education welfare service needs to check with the Gateway team before writing to parents. (local)

5.2 The panel considered whether the school needs to change its own practice and concluded that nothing further
needs to change here."""


def test_what_needs_to_change_under_each_finding_is_the_recommendations_of_a_report_with_no_other():
    proposal = propose_findings(pages(WHAT_NEEDS_TO_CHANGE))

    made = propose_recommendations(pages(WHAT_NEEDS_TO_CHANGE), proposal.findings)

    assert [(r.text[:30], r.findings) for r in made] == [
        ("The SBNI needs to issue region", [0]),
        ("The community dental service n", [0]),
        ("The education welfare service ", [1]),
    ]


def test_a_list_item_running_over_a_page_break_ends_where_the_next_item_starts_on_the_new_page():
    first = """Recommendations

\u2022 The Trust needs to make sure that any assessment of parents with a learning disability is carried out jointly"""
    second = """with its adult learning disability team. (local)
\u2022 The Department of Health needs to consider commissioning specialist parenting support in every Trust area.

Good practice

The school treated Child G with great kindness."""

    made = proposed(pages(first, second))

    assert [r.text for r in made] == [
        "The Trust needs to make sure that any assessment of parents with a learning disability is carried out jointly "
        "with its adult learning disability team. (local)",
        "The Department of Health needs to consider commissioning specialist parenting support in every Trust area.",
    ]


def test_a_paragraph_saying_what_recommendations_are_is_not_one_and_lower_case_bullets_are_a_recommendations_points():
    text = """7. Improvement actions

7.1 The national guidance describes recommendations as the improvements that the Child Protection Committee and
the Chief Officers Group should make. In this report they are called improvement actions.

IA1 The Child Protection Committee should revise its pre-birth procedure so that each parent is seen in person.

IA2 The Child Protection Committee should ensure that every child's plan made before birth includes a relapse plan,
agreed with both parents, setting out: (Key learning 2)

\u2022 what a lapse would look like for each parent;

\u2022 what the professionals will do when they are told.

IA3 The police should ensure that officers ask whether an adult found under the influence cares for a child."""

    made = proposed(pages(text))

    assert [r.label for r in made] == ["IA1", "IA2", "IA3"]
    assert made[1].text.endswith("what the professionals will do when they are told.")


def test_a_welsh_review_that_makes_no_new_actions_for_the_board_is_proposed_none_and_agencies_own_areas_are_not_taken():
    text = """4. Improving systems and practice

4.1 The panel concluded that the changes already made address the learning points. For this reason, this review
makes no new actions for the Board.

4.2 Each agency has identified areas for development from its own involvement. They are not actions of this review.

Agency | Area for development
Health board (midwifery) | The booking assessment should ask about the domestic abuse history of the baby's father.
Police | Officers attending domestic incidents should record the names and ages of all children at the address."""

    assert proposed(pages(FINDINGS, text)) == []


def test_bilingual_welsh_action_labels_and_an_action_plan_with_bilingual_headers_are_read():
    text = """3. Dysgu / Learning

Dysgu 1 / Learning 1: Leaving care plans stopped at the prison gate

3.2 The pathway plan was reviewed in custody once, by telephone.

Dysgu 2 / Learning 2: The risk of overdose after release from custody was known but not planned for

3.3 Practitioners knew that the risk of overdose is greatly increased in the weeks after release.

5. Camau gweithredu / Actions

Cam gweithredu 1 / Action 1: The Regional Safeguarding Board should agree a custody pathway protocol. (Learning 1)

Cam gweithredu 2 / Action 2: The Regional Safeguarding Board and the Community Safety Partnership should include
care leavers in the region's work to prevent drug-related deaths. (Learning 2)

Atodiad B: Cynllun gweithredu / Appendix B: Action plan

Cam / Action | Camau i'w cymryd / Steps | Arweinydd / Lead | Erbyn / By | RAG
1 | Draft and agree the custody pathway protocol | Head of Children's Services | June 2026 | Amber
2 | Add care leavers to the drug-related deaths action plan | Area Planning Board lead | March 2026 | Green"""

    proposal = propose_findings(pages(text))
    made = propose_recommendations(pages(text), proposal.findings)

    assert [(f.label, f.title[:25]) for f in proposal.findings] == [
        ("Dysgu 1 / Learning 1", "Leaving care plans stoppe"),
        ("Dysgu 2 / Learning 2", "The risk of overdose afte"),
    ]
    assert [(r.label, r.findings) for r in made] == [
        ("Cam gweithredu 1 / Action 1", [0]),
        ("Cam gweithredu 2 / Action 2", [1]),
    ]
    assert [[(a.owner, a.due, a.status) for a in r.actions] for r in made] == [
        [("Head of Children's Services", "June 2026", "Amber")],
        [("Area Planning Board lead", "March 2026", "Green")],
    ]


def test_recommendations_grouped_under_restated_learning_issues_follow_from_them_and_are_for_whom_the_list_says():
    text = """5. Analysis: the learning issues

Learning issue 1: A child protection plan did not cross the border

5.1 The plan in England was not acted on when the family moved to Northshire.

Learning issue 2: Health and police contacts did not ask about the past

5.2 The GP, the emergency department and the police each saw Child H without knowing her history.

8. Recommendations

Learning issue 1: A child protection plan did not cross the border

\u2022 Agree with local authorities in England and Wales a protocol for transferring child protection cases.

For consideration by: the Northshire Child Protection Committee.

Learning issue 2: Health and police contacts did not ask about the past

\u2022 Ensure that emergency department staff ask where every child under five has lived in the last year.

For consideration by: NHS Northshire.

\u2022 Ensure that officers attending a domestic disturbance see any child in the household.

For consideration by: the police."""

    proposal = propose_findings(pages(text))
    made = propose_recommendations(pages(text), proposal.findings)

    assert [f.label for f in proposal.findings] == ["Learning issue 1", "Learning issue 2"]
    assert [(r.addressee_text, r.findings) for r in made] == [
        ("The Northshire Child Protection Committee", [0]),
        ("NHS Northshire", [1]),
        ("The police", [1]),
    ]


def test_an_action_plan_with_references_of_its_own_one_for_each_recommendation_gives_them_in_order():
    text = """9. Recommendations

1. The LSCB should issue multi-agency guidance on neglect.
2. Northshire Children's Services should ensure that no case is closed before the child is seen.
3. The Department for Children, Schools and Families should review the guidance on children missing education.

Appendix B: LSCB action plan

Ref | Action | Lead officer | Target date | Progress
MA1 | Adopt a neglect assessment tool | LSCB Business Manager | March 2010 | In progress
MA1 | Audit the use of the neglect tool | Chair, Quality Assurance Sub-group | December 2010 | Not started
SA1 | Add "child seen by whom and when" to the closure checklist | Head of Safeguarding | December 2009 | Complete
NAT1 | Letter from the LSCB Chair to the DCSF | LSCB Chair | November 2009 | Complete"""

    made = proposed(pages(FINDINGS, text))

    assert [[a.text[:22] for a in r.actions] for r in made] == [
        ["Adopt a neglect assess", "Audit the use of the n"],
        ['Add "child seen by who'],
        ["Letter from the LSCB C"],
    ]


def test_what_needs_to_happen_boxes_numbered_across_findings_give_their_items_without_the_panels_commitments():
    text = """3. Findings and what needs to happen

3.1 Finding 1: Support was refused because of immigration status

3.1.1 Families were told that support under section 17 would breach their conditions.

What needs to happen 1. The Home Office should publish guidance stating that section 17 support does not breach a
no recourse to public funds condition. 2. The Department for Education should add a section on these children to
Working Together. The Panel will ask directors of children's services to share examples.

3.2 Finding 2: One room, many moves

3.2.1 Eleven families were living in a single room.

What needs to happen

3. Ofsted, with the Care Quality Commission and HM Inspectorate of Constabulary, should examine how families in
temporary accommodation are seen. 4. Local safeguarding partners should ensure that every family with a baby in
a hotel is visited by a health visitor."""

    proposal = propose_findings(pages(text))
    made = propose_recommendations(pages(text), proposal.findings)

    assert [(r.label, r.addressee, r.findings) for r in made] == [
        ("1", "national", [0]),
        ("2", "national", [0]),
        ("3", "national", [1]),
        ("4", "partnership", [1]),
    ]
    assert made[1].text.endswith("Working Together.")


def test_recommendations_tagged_in_the_analysis_are_taken_where_they_are_made_even_over_a_page_break():
    first = """6. Analysis

6.1.2 Northshire has no written pre-birth protocol. The LSCB should agree a multi-agency pre-birth protocol which
sets out when midwives should refer an unborn baby."""
    second = """(Recommendation 1) The protocol should not require referral of every young mother.

6.1.3 The health visitor made no antenatal contact. Northshire Hospitals NHS Trust should ensure that booking
information is sent to the GP within two weeks. (Recommendation 2)

10. Recommendations

No. | Paragraph | Addressed to | Subject
1 | 6.1.2 | LSCB | Pre-birth protocol
2 | 6.1.3 | Hospitals Trust | Booking information"""

    made = proposed(pages(first, second))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("Recommendation 1", "The LSCB should agree a multi-"),
        ("Recommendation 2", "Northshire Hospitals NHS Trust"),
    ]


def test_a_summary_of_findings_and_recommendations_gives_the_recommendations_not_the_restated_findings():
    text = """5. Findings

Finding 1: The online contact was not recognised as grooming

5.1 The school was told that an adult had messaged the child.

6. Summary of findings and recommendations

1. The online contact with an adult was not recognised as grooming by the school or the Trust.
2. The police should ensure that a missing child under thirteen is checked against earlier referrals. (Finding 1)
3. The Department of Education should review the relationships and sexuality education curriculum. (Finding 1)"""

    made = proposed(pages(text))

    assert [(r.label, r.addressee) for r in made] == [("2", "agencies"), ("3", "national")]


def test_a_table_of_recommendations_with_the_responses_beside_them_gives_the_recommendations():
    text = """9. Recommendations and the response of the Chief Officers Group

Recommendation of the review team | Response of the Chief Officers Group
The Child Protection Committee should revise its guidance on looked-after children. | Accepted by March.
The police should send every concern report about a looked-after child to the social worker. | Accepted in part."""

    made = proposed(pages(FINDINGS, text))

    assert [r.text[:30] for r in made] == ["The Child Protection Committee", "The police should send every c"]


def test_linked_learning_lines_an_appendix_of_the_reviews_own_agency_recommendations_and_plan_references_in_order():
    text = """6. Key learning

Key learning 1: Sixteen-year-olds fell between services

6.1 Text.

Key learning 2: Exploitation concerns closed at sixteen

6.2 Text.

8. Recommendations

The Board should agree a single pathway for sixteen- and seventeen-year-old victims of domestic abuse.

Linked learning: Key learning 1.

The Board should ensure that an exploitation concern is not closed because a young person turns sixteen.

Linked learning: Key learning 2.

8.4 Recommendations to single agencies are set out in Appendix C.

Appendix B: Action plan

Ref | Action | Lead | By | RAG
R1 | Agree and publish the pathway | Board sub-group | June 2026 | Amber
R2 | Amend the closure template | Exploitation sub-group | March 2026 | Green
UHB.1 | Routine enquiry audit | Head of Safeguarding | April 2026 | Amber

Appendix C: Recommendations to single agencies

C.1 These are recommendations of this review. Actions already completed are recorded too; those are not
recommendations.

Northshire University Health Board (UHB)

UHB.1 The Health Board should ensure that staff in the Emergency Department ask about domestic abuse.

Completed: The Health Board has already added a prompt to its triage system.

The police (POL)

POL.1 The police should ensure that officers know that sixteen-year-old victims can be referred to MARAC."""

    proposal = propose_findings(pages(text))
    made = propose_recommendations(pages(text), proposal.findings)

    assert [(r.label, r.findings, [a.text[:14] for a in r.actions]) for r in made] == [
        ("", [0], ["Agree and publ"]),
        ("", [1], ["Amend the clos"]),
        ("UHB.1", [], ["Routine enquir"]),
        ("POL.1", [], []),
    ]


def test_a_row_cut_by_a_page_break_a_withdrawn_row_a_lead_column_naming_a_post_and_the_reviewers_note():
    text = """8. Recommendations

Ref | Recommendation | Lead | By when
R1 | The police should ensure that when a missing child is found with adults | Detective Superintendent | March 2023
| who are not known to the family, the child is discussed at the exploitation panel. | |
R2 | Northshire Council's Education Inclusion Service should keep a register of timetables. | Head of Inclusion | 2023
R3 | Withdrawn at the final panel meeting; see paragraph 8.3. | |

8.3 The reviewers note that the gap addressed by R1 has been seen before in Northshire."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [("R1", "agencies"), ("R2", "agencies")]
    assert made[0].agencies == ["Police"]
    assert made[0].text.endswith("discussed at the exploitation panel.")


def test_coded_recommendations_either_side_of_a_pdf_page_break_stay_apart(tmp_path):
    first = (
        "8. Recommendations\n\n"
        "R1 The SBNI should develop regional guidance on children withdrawn from school to be educated at home. "
        "(Learning 1)\n\n"
        "R2 The Trust should deliver training for staff in children's and adult services on diagnostic "
        "overshadowing. (Learning 3)"
    )
    second = (
        "R3 The Education Authority should ensure that a child withdrawn from school is considered for a referral. "
        "(Learning 1)\n\n"
        "R4 GP practices should record whether a parent treated for a mental health condition cares for children. "
        "(Learning 4)\n\n"
        "9. Glossary"
    )
    path = make_pdf(tmp_path / "review.pdf", [first, second], headings=("8. Recommendations", "9. Glossary"))

    made = proposed(extract(path, name=path.name).pages)

    assert [r.label for r in made] == ["R1", "R2", "R3", "R4"]
    assert made[1].text.endswith("(Learning 3)")


def test_areas_for_improvement_written_in_each_theme_are_its_recommendations():
    text = """5. Learning and areas for improvement

Theme A: Safe storage of medication was assumed, not checked

5.1 Nobody asked where the take-home doses were kept.

Area for improvement 1: The CPC and the ADP should agree a practice standard on the safe storage of take-home doses.

Theme B: The Named Person saw the children but not the parents' recovery

5.2 The health visitor did not know that the father had relapsed.

Area for improvement 2: The ADP should revise the review template so that workers record the children in the home."""

    proposal = propose_findings(pages(text))
    made = propose_recommendations(pages(text), proposal.findings)

    assert [(r.label, r.addressee, r.findings) for r in made] == [
        ("Area for improvement 1", "partnership", [0]),
        ("Area for improvement 2", "partnership", [1]),
    ]
    assert "practice standard" not in proposal.findings[0].text


def test_the_authors_i_recommend_paragraphs_are_the_recommendations_and_what_they_considered_is_not():
    text = """9. My conclusions and recommendations

I recommend that the LSCB revises its procedures so that the child in need plan sets out who is responsible.

I considered recommending that every plan should last six months, but decided against it.

I also recommend that the Department for Education considers, in its revision of its guidance, setting out what
should happen when a plan ends."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.addressee, r.text[:30]) for r in made] == [
        ("partnership", "the LSCB revises its procedure"),
        ("national", "the Department for Education c"),
    ]


def test_a_national_learning_chapters_we_recommend_paragraphs_are_recommendations_and_considering_is_not():
    text = """8. Recommendations to the safeguarding partners

8.1 The partnership should agree with the Probation Service how proposed addresses are checked for children.

10. National learning

10.1 We recommend that the Ministry of Justice ensures that the curfew address check asks about children.

10.2 We recommend that the Department of Health and Social Care, with NHS England, explores how health visitors
could be alerted when a father is released from prison.

10.3 We considered recommending that the Home Office should require notification of every release."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.addressee, r.text[:30]) for r in made] == [
        ("partnership", "The partnership should agree w"),
        ("national", "the Ministry of Justice ensure"),
        ("national", "the Department of Health and S"),
    ]


def test_recommendations_written_to_you_under_what_we_are_asking_you_to_do():
    text = """6. What we are asking you to do

6.1 We make two recommendations to you and one to the Scottish Government.

1. You should make sure that every disabled child who does not use speech has a communication passport.

Ways you might do this:

\u2022 holding the passport in the child's health and education records

2. You should revise your inter-agency procedures so that an IRD about a disabled child includes a health
professional.

3. The Scottish Government should consider strengthening the national guidance on disabled children."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [("1", "partnership"), ("2", "partnership"), ("3", "national")]


def test_recommendations_set_in_two_columns_are_read_down_the_left_column_and_then_the_right():
    text = """6. Our recommendations at a glance

6.1 The recommendations are set out below in two columns. They should be read down the left-hand column
and then down the right-hand column.

|
1. The DfE should give every child a key worker. | that the Home Office names a contact for them. (Finding 2)
2. Ofsted should sample the records at each inspection. (Finding 1) | 4. Local partners should seek assurance each year.
3. The Home Office should make sure that the local authority is told of any concern, and |

7. What the Panel will do

7.1 We will publish a briefing for practitioners."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("1", "The DfE should give every chil"),
        ("2", "Ofsted should sample the recor"),
        ("3", "The Home Office should make su"),
        ("4", "Local partners should seek ass"),
    ]
    assert made[2].text.endswith("names a contact for them. (Finding 2)")
    assert made[2].findings == [1]


def test_recommendation_boxes_beside_a_findings_numbered_paragraphs_are_its_recommendations():
    text = """6. Findings and recommendations

Finding 1: The man in the house

6.1.1 Mr K moved into the family home in the autumn. Nobody asked his name. | Key fact
Four agencies knew there was a new adult in the home.
6.1.2 The police knew Mr K well, but the notifications named him only once. | Recommendation 1
The Partnership should update its procedures so that practitioners ask who lives in the home.
6.1.3 On three of the forms the children were recorded only as "2 x children". | Recommendation 2
The police should make sure that the names and ages of all children are recorded.

Finding 2: Early help closed on the mother's word

6.2.1 The plan was closed at the mother's request. The lead practitioner had not seen Riley alone. | Recommendation 3
The early help service should not close a plan at a family's request until the child has been seen
6.2.2 The service was carrying eleven vacancies in 2021. | alone and the school has been asked for its view.
6.2.3 The practitioner kept careful notes. | Question for the partnership
How many plans were closed without the child's view being recorded?

7. Recommendations

7.1 The recommendations are in the right-hand column of chapter 6 and are not repeated here."""

    document_pages = pages(text)
    findings = propose_findings(document_pages).findings
    made = propose_recommendations(document_pages, findings)

    assert [f.label for f in findings] == ["Finding 1", "Finding 2"]
    assert "Four agencies knew" not in findings[0].title
    assert [(r.label, r.findings) for r in made] == [
        ("Recommendation 1", [0]),
        ("Recommendation 2", [0]),
        ("Recommendation 3", [1]),
    ]
    assert made[2].text.endswith("until the child has been seen alone and the school has been asked for its view.")


def test_a_table_of_work_already_planned_and_a_continued_row_are_read_as_what_they_are():
    text = """7. Recommendations and improvement timetable

7.1 The Chief Officers Group asked that the recommendations be set out with the period in which each should be
delivered.

No. | Recommendation | Lead | Apr-Jun 2026 | Jul-Sep 2026
1 | The Chief Officers Group should ensure that the GP is told when a child is withdrawn from school, | COG | x |
1 (cont.) | and that the health visitor is told too. | | |
2 | NHS Northshire should ensure that home-educated children are invited to health reviews. | NHS Northshire | | x

7.2 Single-agency improvement already planned. The agencies told the review about work they had already
planned. It is shown below for completeness and is not part of this review's recommendations.

Ref | Improvement | Lead | Apr-Jun 2026 | Jul-Sep 2026
SA1 | Community mental health team to review its discharge letter template | NHS Northshire | x |
SA2 | Home education officer post increased from half time to full time | Northshire Council | x |"""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["1", "2"]
    assert made[0].text.endswith("and that the health visitor is told too.")


def test_a_table_of_who_is_responsible_names_whom_each_numbered_recommendation_asks():
    text = """6. Recommendations

6.1 Each recommendation is in two parts. The numbered list below says what needs to be done. Table 4 says
which body is responsible for each.

1. Develop regional guidance on recognising neglect of disabled children.

2. Amend the regional policy on children who are not brought to health appointments.

3. Ensure that community paediatric services do not discharge a child because appointments were missed.

Recommendation(s) | Responsible body | Level
1 | SBNI | Regional
2 | Department of Health | Regional
3 | Northshire Health and Social Care Trust | Local"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [("1", "partnership"), ("2", "national"), ("3", "agencies")]
    assert made[0].addressee_text == "SBNI"


def test_recommendations_numbered_within_each_agencys_cell_are_each_a_record_linked_to_the_concern_they_cite():
    findings = """5. Concerns

Concern 1: Weight faltering was recorded but not acted on

The health visitor recorded the weights but did not plot them.

Concern 2: Referrals closed after a single visit

Two referrals were closed after one home visit."""
    text = """6. Recommendations

Agency | Recommendations
Social Services Department | (1) The department should ensure that no referral is closed after one visit. (Concern 2)
(2) The department should ensure that a second referral leads to a core assessment. (Concern 2)
Northshire NHS Trust | (1) The Trust should ensure that health visitors plot every weight. (Concern 1)
Housing Department | No recommendations: the family were private tenants."""

    made = proposed(pages(findings, text))

    assert [(r.label, r.findings) for r in made] == [
        ("Social Services Department (1)", [1]),
        ("Social Services Department (2)", [1]),
        ("Northshire NHS Trust (1)", [0]),
    ]
    assert made[0].text.startswith("The department should ensure that no referral")


def test_words_about_the_recommendations_and_an_agencys_own_recommendation_are_not_recommendations():
    text = """4. Improving systems and practice

4.1 The panel used a driver diagram to set out the improvements needed. The primary drivers are what needs to
be in place for the aim to be achieved.

4.2 Northshire University Health Board carried out its own internal review. Its recommendation that telephone
reviews should include safety questions has been implemented and is not repeated here.

4.3 The Board should ensure that telephone consultations for children include a safeguarding prompt."""

    made = proposed(pages(FINDINGS, text))

    assert [r.text[:40] for r in made] == ["The Board should ensure that telephone c"]


def test_a_list_mixing_recommendations_and_areas_to_consider_keeps_the_recommendations_without_their_kind():
    text = """5. Recommendations for the Chief Officers Group

5.1 Items marked 'Recommendation' are formal recommendations; the others are for the Committee to consider.

1. Recommendation: The Chief Officers Group should ensure that any report of shared images leads to an IRD.

2. Area for the CPC to consider: whether its self-harm guidance should prompt practitioners to ask directly.

3. Recommendation: The Chief Officers Group should agree a protocol for moving from school to college."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:32]) for r in made] == [
        ("1", "The Chief Officers Group should "),
        ("3", "The Chief Officers Group should "),
    ]


def test_each_recommendation_followed_by_its_own_table_of_improvement_actions():
    text = """6. Recommendations and improvement actions

6.1 The review team makes two recommendations, each followed by the improvement actions agreed for it.

Recommendation 1 (Finding 1)

The Partnership should make sure that every domestic incident in a household with a baby reaches the health visitor.

Improvement action | Lead | By when | Outcome measure | Status
Revise the notification procedure | Lead Officer
Partnership | December 2025 | Procedure published | In progress
Briefing for health visitors | Named Nurse | March 2026 | 90% briefed | Not started

Recommendation 2 (Finding 2)

The Partnership should audit how bruising in non-mobile babies is referred.

Improvement action | Lead | By when | Outcome measure | Status
Multi-agency audit of twenty cases | Chair, QA group | June 2026 | Audit reported | Not started"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.findings, [a.text for a in r.actions]) for r in made] == [
        ("Recommendation 1", [0], ["Revise the notification procedure", "Briefing for health visitors"]),
        ("Recommendation 2", [1], ["Multi-agency audit of twenty cases"]),
    ]
    assert made[0].actions[0].owner == "Lead Officer Partnership"
    assert made[0].actions[0].due == "December 2025"


def test_a_chapter_that_says_it_sets_out_the_recommendations_holds_them_and_nothing_else_of_its_kind():
    text = """Moving forward

31. This chapter sets out the panel's recommendations and its reasons.

32. The Trust has already carried out its own review. That review recommended that the mental health team should
complete a family section in every care plan, and this is being implemented. The panel has not repeated it.

33. The Health and Social Care Board should develop a regional protocol for adult and children's services.

34. The Trust should be commended for the speed with which its paediatric ward responded to Child D.

35. The police should notify children's services whenever officers attend an incident involving a parent's mental
health where a child lives.

Conclusion

36. The panel concludes that Child D's caring role was not seen."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee) for r in made] == [("33", "national"), ("35", "agencies")]


def test_a_bilingual_table_gives_the_english_of_each_action_and_a_wrapped_label_keeps_its_words():
    text = """5. Gwella systemau ac ymarfer / Improving systems and practice

Rhif / No. | Cam gweithredu / Action | Arweinydd / Lead
1 | Dylai'r Bwrdd sicrhau bod pob plentyn yn cael cyfweliad. (Dysgu 1) The Board should ensure that every Welsh
speaking child is offered an interview in Welsh. (Learning 1) | Y Bwrdd The Board

6. Recommendations

Recommendation 2 (regional): The Regional Safeguarding Board and the Community Safety
Partnership should agree a single plan for each child who is exploited."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:40]) for r in made] == [
        ("1", "The Board should ensure that every Welsh"),
        ("Recommendation 2", "The Regional Safeguarding Board and the "),
    ]


def test_a_column_per_body_with_lead_in_one_of_them_says_whom_each_recommendation_asks():
    text = """5. Recommendations

5.1 The body to which each recommendation is made is shown by "Lead" in its column.

No. | Recommendation | Learning | Level | SBNI | Department of Health | Education Authority | Trust
1 | Ensure that the regional care pathway covers disengagement from treatment. | 1 | Regional | | Lead | | Support
2 | Issue guidance to schools on supporting pupils with eating disorders. | 3 | Regional | | | Lead |
3 | Seek assurance that children not brought to appointments are followed up. | 2 | Regional | Lead | | | Support"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee, r.addressee_text) for r in made] == [
        ("1", "national", "Department of Health"),
        ("2", "agencies", "Education Authority"),
        ("3", "partnership", "SBNI"),
    ]


def test_a_grid_with_one_recommendation_a_column_is_read_down_each_column():
    text = """6. Recommendations

6.1 The recommendations are set out in a grid. Each column is one recommendation: what should be done, who should
do it, and the finding it follows from.

| Recommendation 1 | Recommendation 2
What we recommend | The partnership should audit repeat referrals. | The police should record every child present.
Who | Northshire Safeguarding Children Partnership | The police
Finding | Finding 1 | Finding 2"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30], r.addressee, r.findings) for r in made] == [
        ("Recommendation 1", "The partnership should audit r", "partnership", [0]),
        ("Recommendation 2", "The police should record every", "agencies", [1]),
    ]


def test_a_second_table_under_the_same_references_says_whom_each_asks_and_the_area_it_arises_from():
    text = """10. Recommendations

10.1 The recommendations were agreed in a landscape table, printed in two parts to be read together.

Ref | Recommendation
ACPC 1 | Commission multi-agency training on the recognition of neglect.
POL 1 | Amend the child notification form to record all adults present.

Ref | Lead agency | Target date | Key area
ACPC 1 | Northshire ACPC | March 2004 | 1
POL 1 | Police (Northshire division) | February 2004 | 2"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee, r.addressee_text) for r in made] == [
        ("ACPC 1", "partnership", "Northshire ACPC"),
        ("POL 1", "agencies", "Police (Northshire division)"),
    ]


def test_a_smart_action_plan_and_a_bilingual_appendix_plan_give_each_recommendation_its_actions():
    text = """6. Recommendations

1. The partnership should make the household's notification history visible to MASH screeners.

2. The partnership should require an in-person visit before an early help plan is closed.

Appendix: SMART action plan

R: Rec | S: Specific action | M: Measurable outcome | A: Accountable lead | T: By | RAG
1 | Household notification count visible to screeners | Monthly report | Head of MASH | March 2022 | Amber
2 | Closure standard: in-person visit | Quarterly audit | Principal Social Worker | December 2021 | Green

Atodiad / Appendix: Cynllun gweithredu / Action plan

Cam / Action | Beth / What | Pwy / Who | Erbyn / By | Cynnydd / Progress
2 | Audit closed plans for a recorded visit | Head of Early Help | June 2022 | Ar y trywydd / On track"""

    made = proposed(pages(FINDINGS, text))

    assert [[(a.text, a.owner, a.due) for a in r.actions] for r in made] == [
        [("Household notification count visible to screeners", "Head of MASH", "March 2022")],
        [
            ("Closure standard: in-person visit", "Principal Social Worker", "December 2021"),
            ("Audit closed plans for a recorded visit", "Head of Early Help", "June 2022"),
        ],
    ]


def test_cards_in_cells_a_language_column_and_a_table_of_improvements_under_way():
    text = """7. Recommendations

No. | Recommendation
1 | Make sure that every agency identifies the baby's father. Lead: Northshire COG Linked to: Finding 1 By: June 2024
2 | Record the father's details at booking. Lead: NHS Northshire (maternity) Linked to: Finding 2 By: March 2024

No. | Improvement already under way
IA1 | Screening checks which health practitioner is involved. Lead: Northshire Council

Rhif / No. | Iaith / Language | Cam gweithredu / Action
3 | Cymraeg | Dylai'r Bwrdd sicrhau bod yr ysgol yn cael ei gwahodd i bob trafodaeth strategaeth.
| English | The Board should ensure that the school is invited to every strategy discussion."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:24], r.addressee_text, r.findings) for r in made] == [
        ("1", "Make sure that every age", "Northshire COG", [0]),
        ("2", "Record the father's deta", "NHS Northshire (maternity)", [1]),
        ("3", "The Board should ensure ", "The Board", []),
    ]


def test_recommendations_in_the_last_column_of_a_table_of_key_practice_episodes():
    text = """6. Key practice episodes and recommendations

6.1 Table 2 sets out the episodes. It should be read across each row.

KPE | Period | What happened | Recommendation
KPE 1 | Autumn 2010 | Four clinic appointments missed. | Recommendation 1: The LSCB should publish a policy on
children who are not brought. (Finding 1)
KPE 2 | Spring 2011 | No insulin in the fridge. | Recommendation 2: The Trust should follow up every second missed
appointment. (Finding 2) Recommendation 3: Children's social care should seek medical advice at screening.
KPE 3 | Summer 2011 | Family support closed. | See Recommendation 3.
KPE 4 | Winter 2011 | Discharged the same night. | No recommendation: the Trust has already changed its checklist."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:24]) for r in made] == [
        ("Recommendation 1", "The LSCB should publish "),
        ("Recommendation 2", "The Trust should follow "),
        ("Recommendation 3", "Children's social care s"),
    ]


def test_a_tracker_that_repeats_each_recommendation_on_its_action_rows_gives_it_once_with_its_actions():
    text = """7. Recommendations and tracker

Rec | Act | Recommendation | Action | Lead | Due | RAG
R1 | a | The Board should agree a regional approach to relationship abuse. | Draft a guide | Manager | 2026 | Amber
R1 | b | The Board should agree a regional approach to relationship abuse. | Agree MARAC criteria | Chair | 2026 | Green
R2 | a | The police should complete a DASH assessment for every child victim. | Supervisor review | DI | 2026 | Red"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, [a.text for a in r.actions]) for r in made] == [
        ("R1", ["Draft a guide", "Agree MARAC criteria"]),
        ("R2", ["Supervisor review"]),
    ]


def test_two_numbered_recommendations_in_one_cell_are_each_a_record_with_their_number():
    text = """6. Learning and recommendations

Theme | What we learned | Recommendations
Missed appointments | Nobody saw the pattern. | 1. The LSCB should publish a policy on children not brought. 2. The
Trust should follow up every second missed appointment.
Fathers | Adult M was never assessed. | 3. The partnership should ask every agency to record who lives in the home."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:24]) for r in made] == [
        ("1", "The LSCB should publish "),
        ("2", "The Trust should follow "),
        ("3", "The partnership should a"),
    ]


def test_recommendations_set_out_in_a_letter_reproduced_in_an_appendix_are_each_a_record():
    body = """9. Recommendations

9.1 The recommendations of this review are set out in the letter from the chair of the panel, reproduced at Appendix
2. The letter was considered by the ACPC at its meeting in July 2004.

9.2 In brief, the recommendations concern pre-birth planning and bruising in babies."""
    letter = """Appendix 2: Letter to the Chair of the ACPC

14 June 2004

Dear Mr Brown,

I write on behalf of the review panel to set out its recommendations, grouped by the body to which each is addressed.

The panel recommends as follows.

To the Area Child Protection Committee

1. The ACPC should agree a protocol so that every pregnant care leaver is considered for a pre-birth assessment.
(Finding 1)

2. The ACPC should issue guidance on bruising in babies who are not independently mobile. (Finding 2)

To the Social Services Department

3. The Social Services Department should ensure that checks are made on every adult in a baby's household.

The panel would also ask you to consider whether the annual report could include progress on recommendations.

Yours sincerely,

Jane Smith"""

    made = proposed(pages(FINDINGS, body, letter))

    assert [(r.label, r.text[:28], r.addressee, r.findings) for r in made] == [
        ("1", "The ACPC should agree a prot", "partnership", [0]),
        ("2", "The ACPC should issue guidan", "partnership", [1]),
        ("3", "The Social Services Departme", "agencies", []),
    ]


def test_a_table_of_numbered_recommendations_by_when_is_read_in_number_order_across_its_pages():
    first = """8. Recommendations

8.1 The review team has set out its recommendations in Table 2 according to when each should be achieved. The table
should be read down each column in turn.

Now (by March 2011) | Next (by March 2012) | Later (by March 2013)
1. The COG should agree a protocol. (Key finding 1) 2. NHS Northshire should request records. | 4. The CPC should \
adopt one tool for assessing neglect. | 5. The Scottish Government should consider national arrangements."""
    second = """Northshire CPC \u2013 Significant Case Review \u2013 Child V \u2013 Final

Now (by March 2011) | Next (by March 2012) | Later (by March 2013)
3. Northshire Council should ensure that social work reads every transfer summary. | | 6. The police should flag \
a third concern report as a pattern.

8.2 Recommendations 1, 3 and 5 arise from the same finding and should be taken forward together."""
    header = "Northshire CPC \u2013 Significant Case Review \u2013 Child V \u2013 Final\n\n"

    made = proposed(pages(FINDINGS, header + first, second, header + "9. Response of the Chief Officers Group"))

    assert [(r.label, r.text[:22]) for r in made] == [
        ("1", "The COG should agree a"),
        ("2", "NHS Northshire should "),
        ("3", "Northshire Council sho"),
        ("4", "The CPC should adopt o"),
        ("5", "The Scottish Governmen"),
        ("6", "The police should flag"),
    ]


def test_a_recommendation_box_set_in_the_middle_of_a_sentence_keeps_its_label_and_the_discussion_is_none():
    text = """5. Findings and recommendations

Finding 1: Medicines that can kill a child

5.1 The service's policy asks key workers to discuss storage. The reviewer heard that key workers had come to
believe that

Recommendation 1
The Northshire Safeguarding Children Partnership should publish guidance on the safe storage of opioid substitution
medicines in homes where children live. (Finding 1)

asking the question was all that could reasonably be expected of them.

5.2 The clinical guidelines were last revised in 2017. They say that services should ensure that patients are given
advice on safe storage. The reviewer considers that a national lead is needed, which is why the review should

Recommendation 2
The Department of Health and Social Care should consider strengthening the clinical guidelines on safe storage.
(Finding 1)

make this recommendation to government as well as to local services."""

    made = proposed(pages(text))

    assert [(r.label, r.text[:28], r.addressee) for r in made] == [
        ("Recommendation 1", "The Northshire Safeguarding ", "partnership"),
        ("Recommendation 2", "The Department of Health and", "national"),
    ]


def test_a_table_of_cards_as_a_pdf_flattens_it_gives_whom_each_asks_and_leaves_out_work_under_way():
    text = """7. Recommendations

7.1 Each recommendation is set out in Table 1 as a card.

No. Recommendation

1 Make sure that every agency identifies the baby's father. Lead: Northshire Chief Officers Group Linked to:
Finding 1 By: September 2024

2 Record the father's details at booking and share them at handover. Lead: NHS Northshire (maternity services)
Linked to: Finding 2 By: March 2024

7.2 The review also records improvements that agencies began during the review. They are not recommendations.

No. Improvement already under way

IA1 Throughcare workers ask every young person whether they are a parent. Lead: Northshire Council Status: Complete

IA2 Social work screening checks which health practitioner is involved. Lead: Northshire Council Status: In progress"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:26], r.addressee_text, r.findings) for r in made] == [
        ("1", "Make sure that every agenc", "Northshire Chief Officers Group", [0]),
        ("2", "Record the father's detail", "NHS Northshire (maternity services)", [1]),
    ]
    assert made[1].agencies == ["Midwifery and maternity"]


def test_a_tracker_with_header_words_broken_by_narrow_pdf_columns_and_learning_codes_is_read(tmp_path):
    header = ["Rec", "Act", "Learning", "Recommendation", "Action", "Lead", "Due", "RAG", "Evidence", "Closed"]
    rows = [
        header,
        ["R1", "a", "L1, L2", "The Regional Safeguarding Board should agree a regional approach to relationship abuse.",
         "Draft a regional practice guide", "Business Manager", "2026", "A", "Draft circulated", "N"],
        ["R1", "b", "L1, L2", "The Regional Safeguarding Board should agree a regional approach to relationship abuse.",
         "Agree referral criteria", "Chair", "2026", "R", "", "N"],
        ["R2", "a", "L2", "Coleg Northshire should ensure that every tutor passes on a disclosure the same day.",
         "Brief all tutors", "Safeguarding Lead", "2025", "G", "Briefing delivered", "Y"],
    ]  # fmt: skip
    widths = [28, 24, 34, 150, 60, 40, 30, 24, 40, 28]
    document = extract(
        make_pdf_with_table(tmp_path / "tracker.pdf", rows, before=["7. Recommendations"], widths=widths)
    )
    assert "Ac t" in document.pages[0].text  # (the column too narrow for its header's word)

    made = proposed([Page(1, FINDINGS), *(Page(page.number + 1, page.text) for page in document.pages)])

    assert [(r.label, r.findings, len(r.actions)) for r in made] == [("R1", [0, 1], 2), ("R2", [1], 1)]
    assert made[1].agencies == ["Further education college"]


def test_a_health_board_named_before_should_is_asked_whatever_running_header_is_above_it():
    text = """Improving systems and practice

Northshire Regional Safeguarding Children Board

1. Northshire University Health Board should ensure that health visitors record the name of every adult in the home.

2. Northshire Recovery Service should make a home visit to check safe storage before any take-home dose."""

    first, second = proposed(pages(FINDINGS, text))

    assert (first.addressee, first.agencies) == ("agencies", ["Health visiting"])
    assert (second.addressee, second.agencies) == ("agencies", ["Substance misuse services"])


def test_a_grid_whose_header_cells_a_pdf_runs_together_or_splits_from_their_numbers_is_read_down_its_columns():
    text = """6. Recommendations

6.1 Each column of the grid is one recommendation.

Recommendation 1 Recommendation 2

What we recommend | The partnership should audit plans that close. | The police should check for children.
Who | Northshire Safeguarding Children Partnership | The police

Recommendation

Recommendation 4

What we recommend | The Trust should record notifications. | The Department for Education should set out guidance.
Who | Northshire Hospitals Trust | The Department for Education"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:24], r.addressee) for r in made] == [
        ("Recommendation 1", "The partnership should a", "partnership"),
        ("Recommendation 2", "The police should check ", "agencies"),
        ("Recommendation 3", "The Trust should record ", "agencies"),
        ("Recommendation 4", "The Department for Educa", "national"),
    ]


def test_an_addendum_replacing_a_recommendation_gives_its_new_words_and_an_audit_after_publication_is_one():
    text = """11. Recommendations

11.1 The Primary Care Trust should appoint an additional named nurse to oversee the transfer of records.

11.2 The LSCB should audit, twelve months after this report is published, whether practice has changed.

12. Addendum

12.1 Since the report was written the Trust has changed how records move.

12.2 Recommendation 11.1 is replaced by the following, which is the recommendation of this review: The Primary
Care Trust should audit how long records take to reach the receiving health visitor. (Finding 1)"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:40], r.findings) for r in made] == [
        ("11.1", "The Primary Care Trust should audit how ", [0]),
        ("11.2", "The LSCB should audit, twelve months aft", []),
    ]


def test_recommendations_set_in_bold_in_conclusions_are_read_from_the_paragraphs_an_index_names():
    text = """10. Conclusions and recommendations

10.1 Where the panel makes a recommendation, it is set out in bold at the end of the paragraph.

10.2 Twice the MARAC recorded only "one child". The LSCB should ask the MARAC steering group to amend its referral
form so that every child is named. (Finding 1)

10.3 The panel considered whether the LSCB should commission an audit, and decided against it.

10.4 The GP knew more than anyone else. NHS Northshire should issue guidance to GP practices on parents who drink.

Annex A: Index of recommendations

Paragraph | Addressed to | Key finding | Subject
10.2 | The LSCB | Finding 1 | Children named at MARAC
10.4 | NHS Northshire | Finding 2 | GP guidance

Annex B: LSCB action plan

Para | Action | Lead | Target date
10.2 | Propose a revised MARAC referral form. | MARAC Coordinator | February 2011
10.4 | Issue the GP guidance. | Named GP | March 2011"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:28], r.addressee_text, r.findings, len(r.actions)) for r in made] == [
        ("10.2", "The LSCB should ask the MARA", "The LSCB", [0], 1),
        ("10.4", "NHS Northshire should issue ", "NHS Northshire", [1], 1),
    ]


def test_learning_cards_give_each_recommendation_in_their_cell_whom_it_asks_and_the_learning_above_it():
    text = """4. Learning and recommendations

Learning 1: One young person, two plans

4.1 The two plans for the young mother and her baby were written by different teams.

|
What we found | The two plans should have been brought together.
What we recommend | R1 The Board should make sure that there is one joint plan. R2 Northshire Council should \
ensure that the two social workers agree who coordinates the plan.
Who should act | R1: Regional Safeguarding Board R2: Northshire Council (children's services)

Learning 2: A father at night

4.2 Nobody asked who stayed overnight.

|
What we found | The scheme recorded overnight visitors but did not share them.
What we recommend | No new recommendation is made: the police have already changed their process."""

    made = proposed(pages(text))

    assert [(r.label, r.text[:22], r.addressee_text, r.findings) for r in made] == [
        ("R1", "The Board should make ", "The Board", [0]),  # (its own words say whom, as the card does)
        ("R2", "Northshire Council sho", "Northshire Council (children's services)", [0]),
    ]


def test_register_coded_recommendations_keep_their_codes_and_an_earlier_reviews_table_in_an_appendix_is_none():
    text = """7. Recommendations

7.1 The CPC records each recommendation in its improvement register; the reference is given at the start of each.
The recommendations of the 2019 review are at Appendix 3.

LR24/01 The Chief Officers Group should ensure that every existing resident's risk assessment is reviewed.

LR24/02 Northshire Council should ensure that, when a young person in a children's house says anything, staff:

• (a) record the young person's exact words;

• (b) tell the young person's social worker.

Appendix 3: Recommendations of the 2019 review

No. | Recommendation (2019) | Status
1 | All agencies should train staff in recognising neglect. | Implemented
2 | Social Services should review its thresholds. | Implemented"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:22]) for r in made] == [
        ("LR24/01", "The Chief Officers Gro"),
        ("LR24/02", "Northshire Council sho"),
    ]
    assert made[1].agencies[0] == "Residential children's home"
    assert "(b) tell the young person's social worker" in made[1].text


def test_an_action_plan_of_recommendation_rows_across_the_table_gives_each_its_actions_over_a_page_break():
    text = """8. Recommendations

1. The Partnership should agree a protocol with the accommodation provider.

2. The police should record a missing young person's disputed age.

Appendix 2: Action plan

Action | Lead | By when | RAG
Recommendation 1: The Partnership should agree a protocol with the accommodation provider. | | |
Draft and agree the protocol. | Head of Service | December 2022 | Green
Recommendation 2: The police should record a missing young person's disputed age. | | |"""
    after_break = """Action | Lead | By when | RAG
Update the missing persons guidance. | Detective Inspector | December 2022 | Amber
Brief call handlers. | Control Room Manager | January 2023 | Green"""

    made = proposed(pages(FINDINGS, text, after_break))

    assert [(r.label, [a.text for a in r.actions]) for r in made] == [
        ("1", ["Draft and agree the protocol."]),
        ("2", ["Update the missing persons guidance.", "Brief call handlers."]),
    ]


def test_facing_welsh_and_english_pages_of_actions_give_the_english_of_each_once():
    welsh = """5. Gwella systemau ac ymarfer

Camau gweithredu i'r Bwrdd

1. Dylai'r Bwrdd sicrhau bod plant mewn ardaloedd gwledig yn cael eu gweld."""
    english = """5. Improving systems and practice

Actions for the Board

1. The Board should ensure that children in rural areas are seen."""
    welsh_next = """Camau gweithredu i asiantaethau

4. Dylai Cyngor Sir Northshire sicrhau bod gweithiwr cymdeithasol sy'n siarad Cymraeg ar gael.

Argymhelliad i Lywodraeth Cymru

6. Dylai Llywodraeth Cymru ystyried, gyda'r Bwrdd Diogelu Annibynnol

Cenedlaethol, a oes angen canllawiau cenedlaethol. (Pwynt dysgu 2)"""
    english_next = """Actions for agencies

4. Northshire County Council should ensure that a Welsh-speaking social worker is offered.

Recommendation for the Welsh Government

6. The Welsh Government should consider, with the National Independent

Safeguarding Board, whether national guidance is needed. (Learning point 2)

6. Statement from the reviewers

Neither of us had any part in the work with the family."""

    made = proposed(pages(FINDINGS, welsh, english, welsh_next, english_next))

    assert [(r.label, r.text[:24]) for r in made] == [
        ("1", "The Board should ensure "),
        ("4", "Northshire County Counci"),
        ("6", "The Welsh Government sho"),
    ]


def test_a_request_to_note_the_report_in_a_recommendations_tables_last_row_is_none():
    text = """8. Recommendations

Finding | Recommendation | Lead
Finding 1 | 1. The Trust should ensure that a social worker is told of every reduced timetable. | The Trust
General | The SBNI is asked to note this report and to share its learning. | SBNI"""

    made = proposed(pages(FINDINGS, text))

    assert [r.text[:20] for r in made] == ["The Trust should ens"]


def test_an_action_plans_paragraph_number_a_narrow_pdf_column_broke_still_names_its_recommendation():
    text = """9. Recommendations

9.9 The police should brief response officers on seeing every child.

9.10 The LSCB should write to the Department for Education about MARAC guidance.

Appendix: Action plan

Para | Action | Lead | Target date
9.9 | Brief response officers. | Detective Superintendent | January 2011
9.1 0 | Write to the Department. | LSCB Chair | January 2011"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, [a.text for a in r.actions]) for r in made] == [
        ("9.9", ["Brief response officers."]),
        ("9.10", ["Write to the Department."]),
    ]


def test_recommendations_written_into_a_conclusions_paragraph_are_each_known_by_the_paragraph_and_their_place():
    text = """9. Conclusions and recommendations

9.1 No single professional acted outside the procedures of their agency at the time.

9.6 The first change concerns adults who pose a risk to children. The ACPC should revise its procedures so that a
professional who learns that a Schedule One offender has joined a household tells social services the same day.
Health visitors need to know who lives in a household. The Social Services Department should ensure that no initial
assessment of a child under two is completed unless the child has been seen. The police officers should have checked
the address. The Corringale ACPC should note that national guidance is expected to change.

9.7 Two further recommendations complete the conclusions. The Department of Health should consider issuing joint
guidance on offenders who move into households with children. It is not suggested that the Housing Department should
change its practice. The ACPC should ask its audit group to report within twelve months.

Appendix 2: ACPC action plan

Ref | Critical issue | Action | Lead | Target date
9.6(2) | 2 | Require a second, unannounced visit | Head of Service | March 2002
9.7(2) | 1, 2 | Audit the changes | Audit group | October 2002"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:34]) for r in made] == [
        ("9.6(1)", "The ACPC should revise its procedu"),
        ("9.6(2)", "The Social Services Department sho"),
        ("9.7(1)", "The Department of Health should co"),
        ("9.7(2)", "The ACPC should ask its audit grou"),
    ]
    assert [a.text for a in made[1].actions] == ["Require a second, unannounced visit"]
    assert [a.text for a in made[3].actions] == ["Audit the changes"]
    assert [r.findings for r in made] == [[], [1], [], [0, 1]]  # (the plan's column says what each follows from)


def test_recommendations_numbered_in_roman_under_each_finding_keep_their_numerals_and_a_none_makes_none():
    text = """6. Key findings and recommendations

Key finding 1: A withdrawal treated as the end of the matter

When Mirren withdrew her allegation nobody saw her again for a year.

Recommendations from this finding

(i) The Child Protection Committee should revise its guidance on withdrawn allegations.

(ii) The police should ensure that joint investigative interviews take place within three days.

Key finding 2: A family with nowhere else to turn

The family lived far from any service and depended on the stepfather for transport.

Recommendations from this finding

None. The review team makes no recommendation arising from this key finding.

Key finding 3: Telling in pieces

Mirren told adults at school in small pieces, recorded separately.

Recommendations from this finding

(iii) The Scottish Government should consider national guidance on partial disclosures."""

    made = proposed(pages(text))

    assert [(r.label, r.findings) for r in made] == [("(i)", [0]), ("(ii)", [0]), ("(iii)", [2])]


def test_only_the_rows_of_a_typed_log_whose_type_is_recommendation_are_recommendations():
    text = """7. The learning and recommendations log

7.1 Only rows whose type is "Recommendation" are recommendations. Actions agencies have already completed are
recorded for the repository.

Ref | Type | Statement | Links | Lead
L1 | Learning | Adult mental health plans can leave out the children who live with the adult. | - | -
R1 | Recommendation | The Safeguarding Board should ensure that care plans name every child at home. | L1 | RSB
A1 | Agency action (complete) | The Health Board has added a section on children to its template. | L1 | Health Board
R2 | Recommendation | The police should ensure that a child notification is sent after every such call, | L1 | Police
| | and that it says whether the child was present. | |
E1 | Effective practice | The practitioner visited at home at a time the young man chose. | L1 | -"""

    made = proposed(pages(text))

    assert [(r.label, r.text) for r in made] == [
        ("R1", "The Safeguarding Board should ensure that care plans name every child at home."),
        ("R2", "The police should ensure that a child notification is sent after every such call, and that it says "
         "whether the child was present."),
    ]  # fmt: skip


def test_regional_and_local_columns_a_welsh_column_on_either_side_and_an_action_added_by_the_chair_are_read():
    regional = """6. Recommendations

No. | Regional recommendations | Local recommendations
1 | The SBNI should revise its guidance on de-registration. |
2 | | The Trust should ensure that every child is seen alone before de-registration."""
    welsh = """5. Improving systems and practice

1. Dylai'r Bwrdd adolygu ei ganllawiau ar grwpiau craidd. | 1. The Board should review its core group guidance.
2. The Board should require that a cancelled core group is rearranged within ten days. | 2. Dylai'r Bwrdd ei \
gwneud yn ofynnol i aildrefnu cyfarfod grwp craidd.

6. Statement by the review panel chair

6.1 The panel agreed one further action, and the reviewers have asked that it be read as action 3 of section 5.

3. The Board should set up a way to ask for a home fire safety visit. | 3. Dylai'r Bwrdd sefydlu ffordd o ofyn am \
ymweliad diogelwch tan.

6.2 I ask the Board to accept the report and its three actions."""

    assert [(r.label, r.text[:30]) for r in proposed(pages(FINDINGS, regional))] == [
        ("1", "The SBNI should revise its gui"),
        ("2", "The Trust should ensure that e"),
    ]
    assert [(r.label, r.text[:30]) for r in proposed(pages(FINDINGS, welsh))] == [
        ("1", "The Board should review its co"),
        ("2", "The Board should require that "),
        ("3", "The Board should set up a way "),
    ]


def test_a_number_added_between_two_keeps_its_letter_and_an_action_for_two_recommendations_goes_to_both():
    text = """8. Recommendations

8.2 The Partnership should ensure that interpreters are booked for every health visit to Deaf parents.

8.3 The ICB should ensure that GP practices record that a parent is Deaf.

4A. Northshire Homes should ensure that repeated refusal of access to a home is reported.

Appendix: Action plan

Ref | Action | Lead | Due
8.2(a) | Book interpreters through one contract | Partnership manager | May 2025
8.2(b) / 8.3(b) | Audit twenty records of Deaf parents | Designated nurse | July 2025"""

    made = {r.label: r for r in proposed(pages(FINDINGS, text))}

    assert set(made) == {"8.2", "8.3", "4A"}
    assert [a.text for a in made["8.2"].actions] == [
        "Book interpreters through one contract",
        "Audit twenty records of Deaf parents",
    ]
    assert [a.text for a in made["8.3"].actions] == ["Audit twenty records of Deaf parents"]


def test_lettered_parts_of_a_stem_that_each_name_their_lead_are_separate_recommendations_and_the_stem_is_none():
    text = """9. Recommendations

9.2 The LSCB should publish a strategy on child exploitation within six months.

9.3 The LSCB should be assured that:

(a) every child missing from home twice in a month has a strategy discussion; [Lead: Children's Social Care]

(b) return interviews are offered within three days of a child coming home; [Lead: the police, with the youth service]

(c) the school nurse is told of every return home. [Lead: Northshire Community Health]

9.4 The LSCB should audit the language used in records about exploited children."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:25], r.addressee_text) for r in made] == [
        ("9.2", "The LSCB should publish a", "The LSCB"),
        ("9.3(a)", "every child missing from ", "Children's Social Care"),
        ("9.3(b)", "return interviews are off", "The police"),
        ("9.3(c)", "the school nurse is told ", "Northshire Community Health"),
        ("9.4", "The LSCB should audit the", "The LSCB"),
    ]


def test_lettered_parts_without_their_own_lead_stay_parts_of_one_recommendation():
    text = """9. Recommendations

9.3 The LSCB should be assured that:

(a) every child missing from home twice in a month has a strategy discussion;

(b) return interviews are offered within three days of a child coming home.

9.4 The LSCB should audit the language used in records about exploited children."""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["9.3", "9.4"]
    assert "(b) return interviews" in made[0].text


def test_a_tables_numbered_rows_read_as_lines_with_bare_numbers_are_each_a_recommendation():
    text = """6. Recommendations

6.1 The lead reviewers make the following recommendations to the Board.

No. Recommendation
1 The LSCB should revise the missing-from-care protocol so that repeated episodes trigger a review.
2 The LSCB should replace the single-agency risk assessment with a multi-agency one.
3 The LSCB should require that children's home managers are invited to every strategy meeting.

7. The Board's response"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("1", "The LSCB should revise the mis"),
        ("2", "The LSCB should replace the si"),
        ("3", "The LSCB should require that c"),
    ]


def test_recommendations_recorded_only_in_a_panels_minutes_are_read_from_its_resolutions_keyed_by_minute():
    text = """10. Recommendations

10.1 The recommendations are recorded in the minutes of the Review Panel at Appendix 4 and are not repeated here.

Appendix 4: Extract from the minutes of the Review Panel

Min. | Item | Action
41 | Apologies. Apologies were received from the Designated Doctor. |
43 | Matters arising. The 1997 review had recommended that managers countersign closures. |
45 | Guidance. It was RESOLVED to recommend that the ACPC issue guidance on children left alone. (Key issue 1) | Chair
46 | Duty. It was RESOLVED to recommend that the Social Services Department visit before closing a referral, | PO

Min. | Item | Action
 | whatever the parent says. (Key issue 2) |
47 | Coroner. It was AGREED that the Chair would write to the Coroner. | Chair

Appendix 5: ACPC implementation plan

Minute | Action | Lead officer | Target date
Min. 45 | Draft the guidance and consult member agencies. | Procedures Sub-group | March 2001
Min. 46 | Amend the duty procedures. | Principal Officer | January 2001"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:45], r.addressee_text) for r in made] == [
        ("45", "It was RESOLVED to recommend that the ACPC is", "The ACPC"),
        ("46", "It was RESOLVED to recommend that the Social ", "The Social Services Department"),
    ]
    assert made[1].text.endswith("whatever the parent says.")
    assert [a.text for a in made[0].actions] == ["Draft the guidance and consult member agencies."]


def test_a_side_noted_report_takes_only_the_paragraphs_noted_as_recommendations_wherever_they_stand():
    text = """7. Key findings

Key finding 1: Nobody asked who she was

| 7.1 Six agencies saw the girl with a woman who said she was her aunt.
Lesson 1 | 7.3 A child who arrives from abroad may be privately fostered.
Recommendation 1 | 7.5 The LSCB should run a programme to make private fostering known to reception staff.
See Recommendation 2 | 7.6 Staff should have asked who the adult was.
Recommendation 2 | 7.7 NHS Northshire should require practices to ask how an adult registering a child is related to the

| child.

8. Conclusions and recommendations

Conclusion | 8.1 The girl's abuse was hidden but not invisible.
Not recommended | 8.2 A register of faith groups was considered and rejected.
Recommendation 3 | 8.3 The DCSF ought to examine whether notification by carers works."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:40]) for r in made] == [
        ("Recommendation 1", "The LSCB should run a programme to make "),
        ("Recommendation 2", "NHS Northshire should require practices "),
        ("Recommendation 3", "The DCSF ought to examine whether notifi"),
    ]
    assert made[1].text.endswith("registering a child is related to the child.")


def test_a_designed_pages_cells_of_numbered_recommendations_under_capital_headings_are_each_read():
    text = """6. Recommendations on the wellbeing wheel

6.1 The recommendations are set out against the wellbeing indicators.

"""
    text += "\n\n".join(
        [
            "SAFE 1. The Child Protection Committee should widen its bruising protocol to every child who cannot"
            " explain a bruise. (Key learning 2) 2. Police Scotland should check every adult in the household."
            " (Key learning 3)",
            "HEALTHY 3. NHS Northshire should give every setting a communication passport for a signing child.",
            "ACHIEVING No recommendation is made under this indicator.",
        ]
    )

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("1", "The Child Protection Committee"),
        ("2", "Police Scotland should check e"),
        ("3", "NHS Northshire should give eve"),
    ]


def test_only_the_new_recommendations_beside_an_earlier_reviews_are_this_reviews_and_a_pointer_is_none():
    text = """7. Recommendations: the 2007 review revisited

"""
    rows = [
        "Recommendation of the 2007 review | What this review found | Further recommendation of this review",
        "1. Social work should assess drug use before discharge. | Done once. | New recommendation: Northshire"
        " Council's social work services should repeat the assessment whenever treatment changes. (Key finding 1)",
        "2. The CPC should agree a protocol with addiction services. | Read narrowly. | New recommendation: The CPC"
        " should revise the protocol so that services tell the social worker within a day. (Key finding 2) New"
        " recommendation: NHS Northshire should record each child of an adult in treatment. (Key finding 2)",
        "3. The Reporter should be told of sibling deaths. | Never done. | See the new recommendation below.",
        "4. The COG should commission training. | Delivered. | No further recommendation.",
    ]
    text += "\n".join(rows)

    made = proposed(pages(FINDINGS, text))

    assert [r.text[:30] for r in made] == [
        "Northshire Council's social wo",
        "The CPC should revise the prot",
        "NHS Northshire should record e",
    ]
    assert made[1].reference == "Key finding 2"


def test_slides_each_headed_recommendation_n_give_their_first_bullet_and_whom_we_ask():
    text = """The recommendations at a glance

Recommendation 1

\u2022 We ask the Northshire Safeguarding Children Partnership to publish one guide on forced marriage.
\u2022 Why: nobody brought the signs together.

Recommendation 2

\u2022 We ask the police to make sure that a returning child is seen alone.
\u2022 Who leads: the public protection unit.

Key message 1

\u2022 Practitioners should see a withdrawn girl as someone who may need help."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30], r.addressee_text) for r in made] == [
        ("Recommendation 1", "We ask the Northshire Safeguar", "The Northshire Safeguarding Children Partnership"),
        ("Recommendation 2", "We ask the police to make sure", "The police"),
    ]


def test_references_in_two_registers_in_square_brackets_label_the_recommendations_and_requests_are_asks():
    text = """8. Recommendations

8.1 Each recommendation begins with its reference in the register of the body that monitors it.

[RSB 1] The RSB should agree with MARAC partners who sees each child discussed. (Learning 1)

[RSB 2 / CSP 1] The RSB and the CSP should jointly require children's services to attend every MARAC. (Learning 1)

[CSP 2] The PSNI is requested to make sure that youth diversion referrals are shared. (Learning 2)"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:25], r.reference) for r in made] == [
        ("RSB 1", "The RSB should agree with", "Learning 1"),
        ("RSB 2 / CSP 1", "The RSB and the CSP shoul", "Learning 1"),
        ("CSP 2", "The PSNI is requested to ", "Learning 2"),
    ]
    assert made[2].addressee_text == "The PSNI"


def test_a_bilingual_spreads_english_cells_list_numbered_actions_under_sub_headings_and_one_cut_by_a_page_goes_on():
    welsh = "Camau i'r Bwrdd: 1. Dylai'r Bwrdd sicrhau bod ei ganllawiau yn glir. 2. Dylai'r Bwrdd gytuno ar brotocol."
    english = (
        "Actions for the Board: 1. The Board should make sure that its neglect guidance is clear. (Learning point 1)"
        " 2. The Board should adopt a protocol for reduced timetables. (Learning point 2) Actions for agencies:"
        " 3. The Council's children's services should offer a young carer's assessment to any child who cares,"
    )
    after = (
        "and should record the outcome on the child's file. (Learning point 3) 4. The Health Board should ask why"
        " a child of school age is injured in school hours. (Learning point 4)"
    )
    text = f"""4. Improving systems and practice

| |
{welsh} | {english}

| |
Dylai'r Bwrdd Iechyd ofyn pam. | {after}"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("1", "The Board should make sure tha"),
        ("2", "The Board should adopt a proto"),
        ("3", "The Council's children's servi"),
        ("4", "The Health Board should ask wh"),
    ]
    assert made[2].text.endswith("record the outcome on the child's file.")
    assert made[2].reference == "Learning point 3"


def test_an_action_plan_keyed_in_two_registers_or_by_r_numbers_gives_each_recommendation_its_actions():
    text = """8. Recommendations

[RSB 1] The RSB should agree with MARAC partners who sees each child discussed.

[RSB 2 / CSP 1] The RSB and the CSP should jointly require children's services to attend every MARAC.

[CSP 2] The CSP should commission stalking advocacy.

Appendix: Action plan

RSB ref | CSP ref | Action | Lead | Target
RSB 1 | | Amend the MARAC protocol to name a lead agency for each child. | MARAC Chair | March 2026
RSB 2 | CSP 1 | Publish an attendance standard. | Head of Children's Services | February 2026
| CSP 1 | Audit attendance every six months. | Co-ordinator | September 2026
| CSP 2 | Commission a stalking advocacy service. | Community Safety Manager | July 2026"""

    made = {r.label: r for r in proposed(pages(FINDINGS, text))}

    assert [a.text for a in made["RSB 1"].actions] == ["Amend the MARAC protocol to name a lead agency for each child."]
    assert [a.text for a in made["RSB 2 / CSP 1"].actions] == [
        "Publish an attendance standard.",
        "Audit attendance every six months.",
    ]
    assert [a.owner for a in made["CSP 2"].actions] == ["Community Safety Manager"]


def test_whom_a_resolution_asks_is_read_past_a_clause_after_that():
    text = """9. Recommendations

Min. | Item | Action
52 | National. It was RESOLVED to recommend that, when Working Together is next revised, the Department of Health \
give guidance on children left in charge of babies. | Chair"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee, r.addressee_text) for r in made] == [("52", "national", "The Department of Health")]


def test_two_recommendations_a_pdf_ran_into_one_paragraph_are_two_when_the_second_asks_someone_else():
    text = """7. Recommendations

The Child Protection Committee should issue practice guidance on young children left alone. Northshire Council's \
social work service should ensure that every concern about a child recently removed from the register is screened \
by a senior practitioner.

DfE 1. The Department for Education should revise the national minimum standards for private fostering. It should \
consult the Children's Commissioner on them."""

    made = proposed(pages(FINDINGS, text))

    assert [r.text[:35] for r in made] == [
        "The Child Protection Committee shou",
        "Northshire Council's social work se",
        "DfE 1. The Department for Education",
    ]


def test_a_forms_box_titled_in_capitals_holds_recommendations_written_whom_to_do_what():
    text = """11. RECOMMENDATIONS OF THE REVIEW PANEL. Number each recommendation and state the agency that is to act.

11.1 The ACPC to agree with the Education Department a protocol for excluded looked-after pupils.

11.2 Northshire Primary Care Trust to ensure that health assessments of looked-after children include a \
conversation with the young person alone.

11.3 Recommendations to single agencies are set out in Appendix C."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee_text) for r in made] == [
        ("11.1", "The ACPC"),
        ("11.2", "Northshire Primary Care Trust"),
    ]


def test_a_resolution_that_opens_its_minute_keeps_its_first_word():
    text = """9. Recommendations

Min. | Item | Action
45 | It was RESOLVED to recommend that the ACPC issue guidance on children left in charge of babies. | Chair
46 | It was RESOLVED to recommend that the police refer every child found alone to social services. | DI"""

    made = proposed(pages(FINDINGS, text))

    assert [r.text[:22] for r in made] == ["It was RESOLVED to rec", "It was RESOLVED to rec"]


def test_a_page_per_recommendation_numbered_in_its_running_header_with_its_lead_above_and_fields_below():
    header = "Northshire CPC | Learning Review: Young Person UX | {}"
    recommendations = """7. Recommendations (one page each)

7.1 Each recommendation has a page of its own; its number is at the top of the page."""
    page = """{header}

Lead: {lead}

We recommend that {text}

Why: The carer asked for help eleven times.

Arising from: Key learning {learning}"""
    texts = [
        ("Northshire Council", "Northshire Council pays kinship care allowance from the date the child arrived.", 1),
        ("NHS Northshire", "NHS Northshire gives each young person waiting for CAMHS a named clinician.", 2),
        ("Police Scotland", "Police Scotland agrees with the Committee a point at which a run of concern", 1),
    ]
    findings = """6. Key learning

Key learning 1: A grandmother, not a kinship carer

Nobody assessed her as a carer.

Key learning 2: Waiting as a plan

Fifty-eight weeks passed."""
    sheets = [
        page.format(header=header.format(f"Recommendation {n}"), lead=lead, text=text, learning=learning)
        for n, (lead, text, learning) in enumerate(texts, start=1)
    ]
    sheets[-1] = sheets[-1].split("\n\nWhy:")[0]
    rest = f"{header.format('Recommendation 3 (continued)')}\n\nreports about one young person leads to a discussion."
    made = proposed(pages(findings, recommendations, *sheets, rest))

    assert [(r.label, r.addressee_text) for r in made] == [
        ("Recommendation 1", "Northshire Council"),
        ("Recommendation 2", "NHS Northshire"),
        ("Recommendation 3", "Police Scotland"),
    ]
    assert made[0].text.endswith("from the date the child arrived.")  # (not its "Why:")
    assert made[2].text.endswith("a run of concern reports about one young person leads to a discussion.")
    assert [r.findings for r in made[:2]] == [[0], [1]]


def test_recommendations_a_narrative_quotes_from_the_review_team_are_its_own_and_an_unquoted_earlier_one_is_not():
    text = """1. Foreword

The initial case review was held in 2012. It recommended that the CPC ask the police and social work to agree \
how interpreters would be arranged.

5. The key findings and what we have done

Key finding 1: Interviews were held in English

What the review recommended

5.5 The review team recommended that "the police in Northshire should ensure that officers who interview \
children can call on an interpreter who is not a member of the family". It also recommended that "the Child \
Protection Committee should rewrite its guidance on interpreters".

What we have done

5.6 We accepted both. The review team also suggested that "the CPC might wish to produce leaflets"."""

    made = proposed(pages(text))

    assert [(r.addressee_text, r.text[:30]) for r in made] == [
        ("The police in Northshire", "the police in Northshire shoul"),
        ("The Child Protection Committee", "the Child Protection Committee"),
    ]


def test_recommendations_on_a_reproduced_leaflets_panels_are_read_in_the_order_of_their_numbers():
    text = """7. Recommendations: see the learning leaflet

7.1 The recommendations are published in the learning leaflet, reproduced at the end, and nowhere else.

Glossary

SBNI | Safeguarding Board for Northern Ireland

Learning leaflet: outer side

| |
LOCAL RECOMMENDATIONS (continued from inside) 3. The Board of Governors should ensure that the designated \
teacher reviews the record of pupils who arrive hungry. (Learning 2) The full summary is online. | KEY MESSAGES \
A child who is often hungry is telling you something.

Learning leaflet: inner side

| |
REGIONAL RECOMMENDATIONS 1. The SBNI should produce regional guidance for schools on hungry children. (Learning 2) \
| LOCAL RECOMMENDATIONS 2. Where a family declines support, the Trust should keep the case open until a social \
worker has visited. (Learning 3)"""

    made = proposed(pages(text))

    assert [(r.label, r.addressee_text) for r in made] == [
        ("1", "The SBNI"),
        ("2", "The Trust"),
        ("3", "The Board of Governors"),
    ]
    assert made[2].text.endswith("who arrive hungry. (Learning 2)")


def test_a_forms_recommendations_go_on_on_a_continuation_sheet_at_its_end():
    form = """11. RECOMMENDATIONS OF THE REVIEW PANEL

11.1 The ACPC to agree with the Education Department a protocol for excluded looked-after pupils.

11.2 The Social Services Department to ensure that the statutory review of any looked-after child considers \
each missing episode in turn,
Continued on Continuation Sheet C2

Signature of overview author: A. Author. Date: 20 June 2002

12. Glossary

ACPC | Area Child Protection Committee

CONTINUATION SHEET C2: Section 11 (Recommendations of the Review Panel), continued from page 2

11.2 (continued) and to bring the review forward after three such events.

11.3 Northshire Youth Offending Team to alert the Social Services Department whenever a looked-after young \
person is given a final warning.

11.4 The DfES, jointly with the Department of Health, to issue guidance on volatile substance abuse."""

    made = proposed(pages(FINDINGS, form))

    assert [(r.label, r.addressee_text) for r in made] == [
        ("11.1", "The ACPC"),
        ("11.2", "The Social Services Department"),
        ("11.3", "Northshire Youth Offending Team"),
        ("11.4", "The DfES"),
    ]
    assert made[1].text.endswith(
        "each missing episode in turn, and to bring the review forward after three such events."
    )


def test_a_schedule_of_amendments_rewords_adds_and_deletes_recommendations_and_a_request_to_endorse_is_none():
    schedule = """Schedule of amendments (read this page first)

Where the body and this schedule differ, the schedule prevails.

No. | Paragraph | As approved (February 2011) | As amended (May 2011)
1 | 3.2 | The family moved in February. | The family moved in January.
2 | New paragraph after 11.3 | (none) | Recommendation 2A. NHS Northshire should make sure that a child removed from \
a practice list is followed up by health visiting.
3 | 11.3 (Recommendation 2) | The council should remind duty staff to discuss contacts. | Recommendation 2. The \
council should close a contact about a baby only once the baby has been seen.
4 | 11.4 (Recommendation 3) | NHS Northshire should audit declined visits. | Deleted. Recommendation 1 covers this."""
    report = """11. Recommendations

11.2 Recommendation 1. The LSCB should publish guidance on babies whose parents decline health services.

11.3 Recommendation 2. The council should remind duty staff to discuss contacts with a manager.

11.4 Recommendation 3. NHS Northshire should audit the records of families that declined visits.

11.5 The Board's members are invited to endorse the recommendations and to agree an action plan."""

    made = proposed(pages(schedule, FINDINGS, report))

    assert [(r.label, r.text.split(" should ")[1][:20]) for r in made] == [
        ("Recommendation 1", "publish guidance on "),
        ("Recommendation 2", "close a contact abou"),
        ("Recommendation 2A", "make sure that a chi"),
    ]


def test_a_diagrams_regions_headed_by_whom_they_ask_hold_coded_recommendations_that_start_with_what_to_do():
    text = """7. Recommendations: the partnership diagram

7.1 Each circle is one partner; an overlap is a joint lead; the box outside is government.

LOCAL AUTHORITY R2 Give personal advisers of care leavers a route for sharing worries with midwives. (Finding 5) \
| LOCAL AUTHORITY AND POLICE R6 Review together every domestic abuse notification about a pregnant woman. \
(Finding 3) | POLICE AND HEALTH No recommendation sits in this space.
ALL THREE PARTNERS R1 Agree a single pathway for bruising in babies who are not mobile. (Finding 2) R7 Make sure \
that every baby under three months is seen in person. (Finding 4) | OUTSIDE THE CIRCLES: DEPARTMENT FOR EDUCATION \
R8 Set out in statutory guidance what a personal adviser should do when a care leaver becomes a parent. (Finding 5)"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee, r.addressee_text) for r in made] == [
        ("R2", "agencies", "Local Authority"),
        ("R6", "agencies", "Local Authority and Police"),
        ("R1", "partnership", "All Three Partners"),
        ("R7", "partnership", "All Three Partners"),
        ("R8", "national", "Department for Education"),
    ]


def test_recommendations_listed_in_full_at_the_front_with_dot_leaders_are_read_and_go_on_over_the_page():
    front = """List of recommendations

Each recommendation is given below in full, and only here. The number after the dots is its page.

Recommendation 1. The Independent Chair of the LSCB should agree with the chairs of the neighbouring Boards a \
written protocol for families who move between areas. ..... 14

Recommendation 2. The Designated Nurse should make sure that every GP practice registers a family without a \
fixed address on the day they ask, and that no practice refuses registration because a family"""
    page_two = """List of recommendations (continued)

may move on. ..... 16

Recommendation 3. The Chief Constable should make sure that officers at a domestic incident name every child \
present. ..... 18

List of tables

Table 1: Members of the household ..... 4"""

    made = proposed(pages(front, page_two, FINDINGS))

    assert [r.label for r in made] == ["Recommendation 1", "Recommendation 2", "Recommendation 3"]
    assert made[1].text.endswith("because a family may move on.")
    assert made[0].text.endswith("families who move between areas.")


def test_a_recommendation_that_asks_for_new_wording_after_a_colon_keeps_the_quoted_wording():
    text = """9. Recommendations

Recommendation 1 (joint)

The Community Safety Partnership should replace section 2.3 of its strategy with the following definition:

\u201c2.3 Violence by a child towards a parent is domestic abuse for the purposes of this strategy.\u201d

Arising from: Finding 1.

Recommendation 2 (DHR). The police should replace the note on familial incidents with the following:

\u201cOfficers must complete the risk assessment with the victim alone.\u201d"""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["Recommendation 1", "Recommendation 2"]
    assert made[0].text.endswith(
        "definition: \u201c2.3 Violence by a child towards a parent is domestic abuse for the purposes of this "
        "strategy.\u201d"
    )
    assert made[1].text.endswith(
        "the following: \u201cOfficers must complete the risk assessment with the victim alone.\u201d"
    )


def test_numbered_recommendations_in_a_column_per_case_are_read_once_each_in_number_order():
    text = """6. Recommendations, case by case

6.1 A recommendation arising from more than one case is printed in each case's column.

Young Person JB | Young Person MV
1. For the Chief Officers Group: Make sure that kinship carers are assessed. (Key learning 2) 2. For the Child \
Protection Committee: Agree a single response to young people taking street tablets. (Key learning 1) | 3. For \
Police Scotland: Tell the named person when a young person is found with tablets. (Key learning 1) 2. For the Child \
Protection Committee: Agree a single response to young people taking street tablets. (Key learning 1)"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee_text, r.text[:20]) for r in made] == [
        ("1", "The Chief Officers Group", "Make sure that kinsh"),
        ("2", "The Child Protection Committee", "Agree a single respo"),
        ("3", "Police Scotland", "Tell the named perso"),
    ]


def test_local_recommendations_bulleted_under_regional_ones_are_recommendations_of_their_own():
    text = """6. Recommendations

1. That the Department of Health set a date for opening the regional mother and baby unit.

\u2022 1.1 That the Northshire Trust make sure that the health visitor is told when a mother is admitted.
\u2022 Already in place: the Trust now receives a daily list of admissions.

2. That the SBNI ask each Trust to show how it assesses a father's capacity to care alone.

\u2022 2.1 That the Northshire Trust's Gateway service, when it is told of an admission, contact the father."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee_text) for r in made] == [
        ("1", "The Department of Health"),
        ("1.1", "The Northshire Trust"),
        ("2", "The SBNI"),
        ("2.1", "The Northshire Trust's Gateway service"),
    ]


def test_a_business_plan_extract_gives_only_the_rows_whose_source_cites_this_reviews_learning():
    text = """5. Improving systems and practice

The actions are written into the Board's Business Plan; the Source column says where each comes from.

Ref. | Action | Source | Lead | By
2.1 | Roll out the exploitation framework to every secondary school. | Business Plan 2014 | Board Manager | 2016
2.4 | Make sure that practitioners know the protocol on sexually active young people. | CPR 2/2015 (Learning point \
2) | Heads of Service | 2015
2.5 | Make sure that every strategy discussion includes the child's school. | CPR 3/2014 | Heads of Service | 2015
4.2 | Agree a standard for strategy discussions within one working day. | CPR 2/2015 (Learning points 1 and 4) | \
Heads of Service | 2015"""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["2.4", "4.2"]


def test_whom_a_recommendation_written_as_a_question_asks_is_read_after_its_question_word():
    text = """7. Recommendations

R1 How will the Regional Safeguarding Board know, within five days, that a child has been placed in the region?

R2 What will the police do differently when a child in a children's home is reported missing for the third time?

R3 What will Welsh Government do, with the Department for Education, to share placement notifications?"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee, r.addressee_text) for r in made] == [
        ("R1", "partnership", "The Regional Safeguarding Board"),
        ("R2", "agencies", "The police"),
        ("R3", "national", "Welsh Government"),
    ]


def test_an_improvement_plan_with_actions_to_take_gives_each_recommendation_its_actions():
    text = """6. Recommendations

1. The Child Protection Committee should agree an interpreting standard for child protection work.

2. Northshire Council should flag households with children under eight in its repairs system.

Appendix: Improvement plan

Key action | Action to take | Lead officer | Target | % complete
1 | Draft and consult on an interpreting standard. | CPC Lead Officer | Q3 2019/20 | 60%
1 | Procure an in-person interpreting service. | Head of Procurement | Q4 2019/20 | 25%
2 | Change the repairs system to flag households with children. | Head of Housing | Q2 2019/20 | 100%"""

    made = proposed(pages(FINDINGS, text))

    assert [[a.text[:20] for a in r.actions] for r in made] == [
        ["Draft and consult on", "Procure an in-person"],
        ["Change the repairs s"],
    ]


def test_an_action_plans_matrix_gives_each_action_to_the_recommendations_it_ticks_and_a_schedule_by_reference():
    text = """7. Recommendations

R1 Agree a single pathway for bruising in babies who are not mobile.

R2 Give personal advisers of care leavers a route for sharing worries with midwives.

Appendix A: Action plan

Action | R1 | R2 | Lead | By
Publish one pathway for marks and bruises in immobile babies. | \u2713 | | Designated Doctor | Mar 2023
Train GP practices and midwives on the pathway and on care leavers. | \u2713 | \u2713 | Named GP | June 2023

Appendix B: Implementation schedule

Agency | Action | Responsible officer | Target
Police | Brief officers on the pathway (R1) | Detective Superintendent | Dec 2022

Date | Agency | Event
Dec 2021 | Police | Eleventh missing report."""

    made = proposed(pages(FINDINGS, text))

    assert [[a.text[:20] for a in r.actions] for r in made] == [
        ["Publish one pathway ", "Train GP practices a", "Brief officers on th"],
        ["Train GP practices a"],
    ]


def test_a_number_set_alone_above_a_recommendations_title_labels_it_and_linked_learning_names_its_findings():
    text = """4. Learning

Learning 1: One place, two people

Services need to see the place as well as the person.

Learning 2: Missing is a message

Each time he went missing he was telling us where he was harmed.

5. Recommendations

01

Protecting people in places

The Regional Safeguarding Board should agree a single procedure for addresses where people are exploited.

Linked to Learning 1 and 2

02

Missing episodes

The council should ensure that the return interview service shares every address where a child was found.

Linked to Learning 2"""

    made = proposed(pages(text))

    assert [(r.label, r.findings) for r in made] == [("01", [0, 1]), ("02", [1])]


def test_a_finding_that_names_the_recommendations_it_leads_to_links_them():
    text = """5. Findings

Finding 1: Closing the plan closed the door

The plan ended when the family moved. This finding leads to Recommendation 1.

Finding 2: Urgent care saw an infection, not a child in need

The out-of-hours service treated the wound. This finding leads to Recommendations 2 and 3.

6. Recommendations

1. The partnership should agree that no plan closes when a family moves.

2. The integrated care board should make sure urgent care asks who is caring for the child.

3. The out-of-hours service should tell the health visitor of every attendance."""

    made = proposed(pages(text))

    assert [(r.label, r.findings) for r in made] == [("1", [0]), ("2", [1]), ("3", [1])]


def test_a_landscape_page_of_an_earlier_reviews_recommendations_inside_the_table_leaves_it_whole():
    first = """8. Recommendations

Table 5: Recommendations of this review

No. | Recommendation | Lead | Key finding
1 | The CPC should issue guidance on assessing parents who misuse alcohol. | CPC Chair | 1
2 | Northshire Council should audit the closure of plans for a recorded visit, and that, | Northshire Council | 2"""
    landscape = """Northshire Child Protection Committee | Significant Case Review: Child J | Landscape
page

Table 6: Recommendations of the initial case review (April 2015) and progress

No. | Recommendation | Lead | Progress at October 2016
1 | The police should review the handling of calls from the public. | Police Scotland | Complete.
2 | Social work should review how contacts from relatives are screened. | Northshire Council | Partly complete."""
    rest = """Table 5 (continued)

No. | Recommendation | Lead | Key finding
| where a plan is closed without a visit, the case is returned to the team leader. | |
3 | NHS Northshire should ensure that health visitors discuss every injury to a baby. | NHS Northshire | 2"""

    made = proposed(pages(FINDINGS, first, landscape, rest))

    assert [(r.label, r.text, r.findings) for r in made] == [
        ("1", "The CPC should issue guidance on assessing parents who misuse alcohol.", [0]),
        (
            "2",
            "Northshire Council should audit the closure of plans for a recorded visit, and that, where a plan is "
            "closed without a visit, the case is returned to the team leader.",
            [1],
        ),
        ("3", "NHS Northshire should ensure that health visitors discuss every injury to a baby.", [1]),
    ]


def test_an_analysis_against_the_terms_of_reference_gives_findings_that_recommendations_cite_by_tor():
    analysis = """6. Analysis against the terms of reference

Term of reference 1: Was the assessment of the grandmother as a connected person sound?

6.1 No. The placement was made quickly, and the partner who stayed at the house was never checked.

Term of reference 2: Did agencies share what they knew about the adults in the household?

6.5 The police held the partner's conviction. No agency asked for it, so no agency knew of it.

8. Recommendations

1. The LSCB should seek assurance that every connected persons placement is fully assessed. (ToR 1)

2. Children's Services should check every adult in the household before a child is placed. (ToR 1, 2)"""

    document_pages = pages(analysis)
    findings = propose_findings(document_pages).findings
    made = propose_recommendations(document_pages, findings)

    assert [(f.label, f.title[:32]) for f in findings] == [
        ("Term of reference 1", "Was the assessment of the grandm"),
        ("Term of reference 2", "Did agencies share what they kne"),
    ]
    assert [(r.label, r.findings) for r in made] == [("1", [0]), ("2", [0, 1])]


def test_an_earlier_reviews_table_with_its_progress_after_the_reviews_own_table_is_not_read():
    text = """11. Recommendations

Ref | Recommendation | Lead agency
ACPC 1 | The ACPC should agree a protocol for sharing information about adults who move between areas. | ACPC
SSD 1 | The Social Services Department should check every new adult in a household. | Social Services

Table 9: Recommendations of this review

Ref | Recommendation | Lead agency | Progress reported in 2003
ACPC 1 | The ACPC should review its procedures for transfers between areas. | ACPC | Completed 1999
SSD 1 | The Social Services Department should acknowledge referrals from schools in writing. | SSD | Completed

Table 10: Recommendations of the 1998 review, with the progress reported to this Panel"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:40]) for r in made] == [
        ("ACPC 1", "The ACPC should agree a protocol for sha"),
        ("SSD 1", "The Social Services Department should ch"),
    ]


def test_a_table_of_what_needs_to_happen_beside_a_childs_words_and_an_action_titled_beside_its_detail():
    words = """5. What the child told the Panel, and what needs to happen

5.1 The Panel's recommendations are set out below, in the right-hand part of the table.

What J told the Panel | No. | What needs to happen | Who
\u201cNobody believed me.\u201d | 1 | The Trust should review every retracted disclosure. | Trust
| 2 | The PSNI should plan every joint protocol interview around the child. | PSNI"""
    detailed = """Improving systems and practice

No. | Action | Detail | Lead
3 | Young fathers' histories | Children's Services should check the history of a father under twenty-one. | CSC"""

    made = proposed(pages(FINDINGS, words, detailed))

    assert [(r.label, r.text) for r in made] == [
        ("1", "The Trust should review every retracted disclosure."),
        ("2", "The PSNI should plan every joint protocol interview around the child."),
        ("3", "Children's Services should check the history of a father under twenty-one."),
    ]


def test_areas_for_improvement_said_to_be_the_recommendations_and_an_earlier_reviews_list_and_a_template_are_not():
    text = """6. Recommendations

6.1 The initial case review, completed in March 2024, made three recommendations. They are set out below.

1. Northshire Council should write to every kinship carer. Progress: letters sent in April 2024.

2. The CPC should commission a learning review. Progress: complete; this report.

6.2 The reviewers welcome these steps.

7. Areas for improvement

From the Board's report template: Section 7 should set out the recommendations.

For example: "The Board should seek assurance that partner agencies share information."

7.1 These are the recommendations of the learning review.

Area for improvement 1 \u2013 Northshire Council should set out every contact condition in the child's plan.

Area for improvement 2 \u2013 Police Scotland should record where a child present at an incident lives."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee_text) for r in made] == [
        ("Area for improvement 1", "Northshire Council"),
        ("Area for improvement 2", "Police Scotland"),
    ]


def test_coded_recommendations_for_consideration_in_a_box_cut_by_a_page_with_its_title_repeated():
    first = """9. Recommendations

Recommendations for action

1. The CPC should issue guidance on faltering growth in infants. (Key finding 1)

Recommendations for consideration
C1. The CPC may wish to consider asking larger employers to tell rotational workers about support. (Key finding 2)
C2. NHS Northshire may wish to consider whether health visitors should offer contacts when both"""
    second = """Recommendations for consideration

parents are at home, including early evenings. (Key finding 2)
C3. Northshire Council may wish to consider whether family support should have no waiting list. (Key finding 1)

9.2 The review team also offers an observation for information only."""

    made = proposed(pages(FINDINGS, first, second))

    assert [(r.label, r.addressee_text, r.text[-40:]) for r in made] == [
        ("1", "The CPC", "on faltering growth in infants. (Key finding 1)"[-40:]),
        ("C1", "The CPC", "rotational workers about support. (Key finding 2)"[-40:]),
        ("C2", "NHS Northshire", "at home, including early evenings. (Key finding 2)"[-40:]),
        ("C3", "Northshire Council", "uld have no waiting list. (Key finding 1)"[-40:]),
    ]


def test_an_endnote_giving_a_recommendations_lead_and_finding_links_it_and_its_mark_leaves_the_text():
    text = """9. Recommendations

9.1 The lead agency for each, and the key finding from which it arises, are given in the endnotes.17

1. The LSCB should revise its pre-birth protocol so that every midwife is told of the decision in writing.18
2. Referrals from midwives should no longer be recorded as information only.19

Endnotes

17 Each recommendation has been accepted by the agency named as lead.

18 Lead: Northshire LSCB. Arises from Finding 2.

19 Lead: Northshire Children's Services (contact centre). Arises from Finding 1."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[-30:], r.findings) for r in made] == [
        ("1", "ld of the decision in writing.", [1]),
        ("2", " recorded as information only.", [0]),
    ]


def test_a_plan_keyed_by_a_labels_initials_under_its_own_heading_inside_another_section_gives_the_actions():
    text = """7. Areas for improvement

7.1 These are the recommendations of the learning review.

Area for improvement 1 \u2013 Northshire Council should set out every contact condition in the child's plan.

Area for improvement 2 \u2013 Police Scotland should record where a child present at an incident lives.

8. Statement by the chair of the review panel

I commend the areas for improvement to the Committee and ask that it adopt the plan that follows.

Board action plan

AFI | Improvement action | Lead | By | Status
AFI 1 | Revise the child's plan template. | Head of Children and Families | September 2025 | Complete
AFI 2 | Brief response officers on recording where a child lives. | Chief Inspector | June 2025 | In progress"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, [(a.text, a.owner, a.status) for a in r.actions]) for r in made] == [
        (
            "Area for improvement 1",
            [("Revise the child's plan template.", "Head of Children and Families", "Complete")],
        ),
        (
            "Area for improvement 2",
            [("Brief response officers on recording where a child lives.", "Chief Inspector", "In progress")],
        ),
    ]


def test_a_tables_first_row_repeated_on_each_page_a_closing_row_and_a_tracked_deletion_are_not_recommendations():
    first = """6. Recommendations

No. | Recommendation | Lead
1 | The COG should ensure that every assessment records the child's own account. | COG
2 | Police Scotland should ensure that a child who leaves school and cannot be found is | Police"""
    second = """No. | Recommendation | Lead
1 | The COG should ensure that every assessment records the child's own account. | COG
| treated under the missing person protocol. |
3 | The Scottish Government should consider revising the national guidance. | Scottish Government
| Return completed by the Business Manager, 3 March 2025 |

7. Improving systems and practice

Deleted: 4. The Board should write to the governing body asking it to appoint an officer.

4. Welsh Government should discuss with the Home Office how concerns about coaches follow them."""

    made = proposed(pages(FINDINGS, first, second))

    assert [(r.label, r.text) for r in made] == [
        ("1", "The COG should ensure that every assessment records the child's own account."),
        (
            "2",
            "Police Scotland should ensure that a child who leaves school and cannot be found is treated under the "
            "missing person protocol.",
        ),
        ("3", "The Scottish Government should consider revising the national guidance."),
        ("4", "Welsh Government should discuss with the Home Office how concerns about coaches follow them."),
    ]


def test_a_typescripts_line_in_small_letters_is_no_label_and_the_plan_after_the_last_recommendation_is_no_list():
    # (a typescript: each printed line a paragraph of its own)
    text = """11. The Lord Chancellor's Department should consider, with the Home Office, whether guidance

should require checks in all contact applications. (Key issue 2)

9.2 Recommendations are not made for the Education Department alone, because

recommendation 4 will be carried out through the school procedures.

10. ACPC IMPLEMENTATION PLAN

10.1 The Committee accepted the report and agreed the following plan.

The plan was retyped by the Committee's office.

Rec. | Action | Lead officer | Target date
11 | Letter from the ACPC Chair to the Lord Chancellor's Department. | ACPC Chair | June 2003"""
    before = """9. Recommendations

10. The service manager of CAFCASS should ensure that reporters obtain police checks. (Key issue 2)"""

    made = proposed(pages(FINDINGS, before, text))

    assert [(r.label, r.text[:40], [a.text for a in r.actions]) for r in made] == [
        ("10", "The service manager of CAFCASS should en", []),
        (
            "11",
            "The Lord Chancellor's Department should ",
            ["Letter from the ACPC Chair to the Lord Chancellor's Department."],
        ),
    ]


AGENCY_BULLETS = """10. Recommendations

Agency | Recommendations | Ref. | Key issue
Northshire LSCB | • The LSCB should issue a protocol on bruising in babies who are not mobile. • The LSCB should agree a procedure for enquiries in which a parent works for a partner agency. | LSCB 1 LSCB 2 | 2 1
Northshire Police | • Northshire Police should record every allegation of domestic abuse made against an officer. | POL 1 | 1"""  # noqa: E501


def test_an_agencys_bulleted_recommendations_in_one_cell_are_each_a_record_with_the_label_level_with_it():
    made = proposed(pages(FINDINGS, AGENCY_BULLETS))

    assert [(r.label, r.text[:30], r.findings) for r in made] == [
        ("LSCB 1", "The LSCB should issue a protoc", [1]),
        ("LSCB 2", "The LSCB should agree a proced", [0]),
        ("POL 1", "Northshire Police should recor", [0]),
    ]


def test_a_rows_cell_paragraphs_set_apart_by_a_text_export_are_read_back_into_the_row():
    # (each paragraph of a cell on a line of its own, and the cells after a cut paragraph on its last line)
    text = """10. Recommendations

Agency | Recommendations | Ref. | Key issue
Northshire LSCB | • The LSCB should issue a protocol on bruising in babies who are not mobile.
• The LSCB should agree a procedure for enquiries in which a parent works for a partner agency. | LSCB 1

LSCB 2 | 2
Northshire Police | • Northshire Police should record every allegation of domestic abuse made against an officer. | POL 1 | 1"""  # noqa: E501

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("LSCB 1", "The LSCB should issue a protoc"),
        ("LSCB 2", "The LSCB should agree a proced"),
        ("POL 1", "Northshire Police should recor"),
    ]


def test_a_cell_whose_bullets_carry_on_one_recommendation_is_one_record():
    text = """10. Recommendations

Agency | Recommendation | Ref.
Northshire LSCB | The LSCB should revise its bruising protocol so that: • every bruise is referred; • a paediatrician sees the baby. | LSCB 1"""  # noqa: E501

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text) for r in made] == [
        (
            "LSCB 1",
            "The LSCB should revise its bruising protocol so that: • every bruise is referred; • a paediatrician sees "
            "the baby.",
        )
    ]


def test_a_recommendations_heading_with_a_title_labels_the_paragraph_under_it():
    text = """8. Recommendations

Recommendation 1: Asking both parents

The partnership should revise its pre-birth pathway so that midwives ask both parents about any previous children.

This recommendation arises from Finding 1.

Recommendation 2: The booking record

The maternity service should ensure that the booking record has fields for the partner's previous children."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:40], r.findings) for r in made] == [
        ("Recommendation 1", "The partnership should revise its pre-bi", [0]),
        ("Recommendation 2", "The maternity service should ensure that", []),
    ]


def test_a_secure_care_centre_a_welsh_landlord_and_the_lord_chancellors_department_are_asked_as_what_they_are():
    text = """9. Recommendations

1. Glenbrae Secure Care Centre should ensure that observation levels are reviewed after every phone call home.

2. Tai Cwm Nant should ensure that housing officers who hear a complaint about a child pass it to social services.

3. The Lord Chancellor's Department should consider whether guidance should require police checks in contact cases."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.addressee, r.agencies) for r in made] == [
        ("agencies", ["Prison and secure estate"]),
        ("agencies", ["Housing association"]),
        ("national", []),
    ]


def test_a_heading_in_capitals_run_into_the_line_between_two_numbered_recommendations_starts_the_next():
    text = """9. Recommendations

10. CAFCASS should ensure that reporters obtain police checks before any recommendation on contact. (Key issue 2) NATIONAL RECOMMENDATION 11. The Lord Chancellor's Department should consider guidance on checks in all contact applications. (Key issue 2)"""  # noqa: E501

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:40], r.addressee) for r in made] == [
        ("10", "CAFCASS should ensure that reporters obt", "agencies"),
        ("11", "The Lord Chancellor's Department should ", "national"),
    ]


def test_a_recommendations_heading_with_a_title_over_its_aim_and_numbered_parts_is_a_theme_not_one():
    text = """8. Recommendations

Recommendation 1: Courts know what agencies know

The aim is that the first picture the family court sees is complete.

1.1 The Home Office should set a national standard for the information police forces give Cafcass.

1.2 The Department for Education should require local authorities to share any assessment with Cafcass."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30]) for r in made] == [
        ("1.1", "The Home Office should set a n"),
        ("1.2", "The Department for Education s"),
    ]


def test_a_numbered_list_of_as_many_asks_as_the_report_says_it_made_is_its_recommendations_without_a_heading():
    # (the report's headings were pictures: its text layer has the list, and the plan's table, with no heading)
    text = """The review also found good practice:

1. The paediatrician recognised neglect at once and made a referral the same day

2. The teacher wrote down the boy's exact words and passed them on

1. The safeguarding partners should adopt a single "was not brought" policy for all health services.

2. NHS Northshire Integrated Care Board should ensure that dental services do not discharge a child without telling the health visitor.

3. Northshire Council should ensure that no early help plan is closed unless the child has been seen.

The safeguarding partners accepted all three recommendations and agreed the action plan in the appendix.

No. | What we will do | Lead | By | RAG
1 | Agree a single was-not-brought policy. | Designated Nurse | December 2022 | Amber
2 | Revise the dental discharge policy. | Clinical Director | January 2023 | Green
3 | Change the early help closure form. | Head of Early Help | November 2022 | Green"""  # noqa: E501

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text[:30], [a.text for a in r.actions]) for r in made] == [
        ("1", "The safeguarding partners shou", ["Agree a single was-not-brought policy."]),
        ("2", "NHS Northshire Integrated Care", ["Revise the dental discharge policy."]),
        ("3", "Northshire Council should ensu", ["Change the early help closure form."]),
    ]


def test_a_numbered_list_of_asks_is_no_recommendations_when_the_report_counts_otherwise():
    text = """1. The safeguarding partners should adopt a single policy for all health services.

2. Northshire Council should ensure that no early help plan is closed unless the child has been seen.

The review makes five recommendations, which are set out in the partnership's separate response."""

    assert proposed(pages(FINDINGS, text)) == []


def test_lettered_that_clauses_each_asking_someone_are_each_a_recommendation_and_a_pull_quote_is_no_part():
    text = """8. Recommendations

8.2 The review team recommends:

(a) that the Child Protection Committee should issue guidance on pre-birth assessment; (Key finding 1)

(b) that the police should ensure that a reply to a request for information lists any violence; (Key finding 2)

(c) that Northshire Council should ensure that the Children's Hearing is told of the pre-birth plan and

"The father was a name on a form, not a person in the assessment."

that the plan is reviewed at the same time as her own; (Key finding 1)

(d) that NHS Northshire should revise its maternity pathway so that:

(i) the father is offered an appointment of his own;

(ii) the health visitor attends the planning meeting. (Key finding 3)"""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["(a)", "(b)", "(c)", "(d)"]
    assert made[2].text.endswith("that the plan is reviewed at the same time as her own; (Key finding 1)")
    assert "The father was a name" not in made[2].text
    assert "(ii) the health visitor attends the planning meeting." in made[3].text


def test_the_single_agency_reports_recommendations_given_as_background_are_not_the_reviews():
    text = """6. Recommendations from the single agency reports

6.1 Each agency was asked to make recommendations for its own service. They are summarised below as background.

Agency | Recommendation of the agency report | Status
Police | The force should train officers to reassess risk when family proceedings begin | Training being designed
Nursery | The nursery should ensure that all staff know how to contact the duty team | Complete

7. Next steps

7.1 The panel will make its recommendations in the final report."""

    assert proposed(pages(FINDINGS, text)) == []


def test_a_single_agency_recommendations_section_of_the_reviews_own_is_kept():
    text = """9. Recommendations from the single agency reports

The panel endorses the following recommendations, which form part of this review's action plan.

Agency | Ref | Recommendation
Police | P 1 | The police should share every domestic incident with Children's Social Care."""

    assert [r.label for r in proposed(pages(FINDINGS, text))] == ["P 1"]


def test_a_table_read_out_row_by_row_in_an_accessible_version_is_read_as_its_table():
    text = """9. Recommendations

Row 1. Number: 1. Recommendation: The SBNI should issue regional guidance on the transfer of child health records. Level: Regional. Lead: SBNI. Learning: 1.

Row 2. Number: 2. Recommendation: The PSNI should ensure that officers record every child who lives at the address. Level: Regional. Lead: PSNI. Learning: 2."""  # noqa: E501

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.text, r.findings) for r in made] == [
        ("1", "The SBNI should issue regional guidance on the transfer of child health records.", [0]),
        ("2", "The PSNI should ensure that officers record every child who lives at the address.", [1]),
    ]


def test_a_rotated_table_read_down_its_columns_is_read_row_by_row_its_lost_numbers_counted_on():
    # (a landscape table over two pages, its text layer column by column; figures alone on a line are lost as page
    # numbers would be)
    first = """5. Improving systems and practice

5.1 The panel identified the following actions for the Board and its member agencies.

No.

Action

The Board should revise its procedures so that core groups identify every adult in the household.

The probation service should ensure that offender managers check whether a registered child lives at an address.

Lead

Regional Safeguarding Children Board

Probation service"""
    second = """No.

Action

Welsh Government should consider amending the All Wales Child Protection Procedures.

Lead

Welsh Government"""

    made = proposed(pages(FINDINGS, first, second))

    assert [(r.label, r.text[:30], r.addressee) for r in made] == [
        ("1", "The Board should revise its pr", "partnership"),
        ("2", "The probation service should e", "agencies"),
        ("3", "Welsh Government should consid", "national"),
    ]


def test_a_raci_tables_responsible_column_says_whom_each_recommendation_asks():
    text = """6. Recommendations

No. | Recommendation | R | A | C | I
1 | Ensure that officers attending a domestic incident give the safer sleep leaflet. | PSNI | SBNI | - | Trust
2 | Develop guidance for GPs on prescribing for parents of infants. | Department of Health | SBNI | - | -"""

    made = proposed(pages(FINDINGS, text))

    assert [(r.addressee, r.agencies) for r in made] == [("agencies", ["Police"]), ("national", [])]


def test_a_smart_tables_columns_a_scans_should_and_part_a_and_part_b_numbered_from_one_are_read():
    smart = """7. Recommendations

No. | Specific: what needs to happen | Measurable: how we will know | Achievable: who will lead | Time-bound: by when
1 | Introduce a multi-agency review of every looked-after child who goes missing three times. | Reviews held | Police Scotland | March 2023"""  # noqa: E501
    parts = """8. Recommendations: Part A and Part B

Part A: Recommendations for individual agencies

1. NHS Northshire shouId ensure that its addiction services assess the needs of each child of a service user.

2. The police should share every concern report with the named person.

Part B: Recommendations for the Child Protection Committee

1. The Child Protection Committee should issue guidance on chronologies.

2. The Chief Officers Group should receive a report on progress within a year."""

    made = proposed(pages(FINDINGS, smart))
    assert [(r.label, r.text[:30], r.agencies) for r in made] == [("1", "Introduce a multi-agency revie", ["Police"])]

    made = proposed(pages(FINDINGS, parts))
    assert [(r.label, r.text[:30]) for r in made] == [
        ("A1", "NHS Northshire should ensure t"),
        ("A2", "The police should share every "),
        ("B1", "The Child Protection Committee"),
        ("B2", "The Chief Officers Group shoul"),
    ]


def test_a_plan_row_for_two_recommendations_is_an_action_of_each_and_no_finding():
    text = """8. Recommendations

1.1 The ACPC should issue a multi-agency procedure on concerns before birth.

1.2 The Hospitals NHS Trust should add a repeated concern field to the maternity record.

9. Implementation plan

Recommendations | Action | Lead officer | Target date | Progress
1.1 and 1.2 | Write the pre-birth concerns procedure and add the field to the record. | Head of Midwifery | June 2004 | Done"""  # noqa: E501
    document = pages(FINDINGS, text)

    made = proposed(document)

    assert [(r.label, [a.text[:20] for a in r.actions]) for r in made] == [
        ("1.1", ["Write the pre-birth "]),
        ("1.2", ["Write the pre-birth "]),
    ]
    assert [f.label for f in propose_findings(document).findings] == ["Finding 1", "Finding 2"]


def test_recommendations_tagged_in_answers_with_their_finding_and_a_header_set_over_the_wrong_columns_are_read():
    answers = """Q8. What does the review recommend for schools?

Schools notice absence. The review recommends that the Northshire Partnership agree with all schools a shared approach to absence. (Recommendation 1, from Finding 2) Headteachers welcomed this.

Q9. What does the review recommend for the police?

The review recommends that Northshire Police audit every report of a missing child after twelve months. (Recommendation 2, from Finding 1)"""  # noqa: E501
    swapped = """5. Actions

No. | Anticipated improvement outcome | Action | Lead
1 | The Board should agree a regional protocol for children who move into the region. | Every child is seen within a week. | Board
2 | Welsh Government should consider requiring the electronic transfer of health records. | Records follow a child. | Welsh Government"""  # noqa: E501

    made = proposed(pages(FINDINGS, answers))
    assert [(r.label, r.findings) for r in made] == [("Recommendation 1", [1]), ("Recommendation 2", [0])]

    made = proposed(pages(FINDINGS, swapped))
    assert [r.text[:30] for r in made] == ["The Board should agree a regio", "Welsh Government should consid"]


def test_what_a_conventions_article_says_is_no_recommendation_under_it():
    text = """6. Recommendations, by article of the UNCRC

Article 19: Protection from all forms of violence

The article says that States must take all appropriate measures to protect children from all forms of violence.

19.1 The Trust should ensure that the Gateway team arranges a strategy discussion within one working day."""

    assert [(r.label, r.text[:20]) for r in proposed(pages(FINDINGS, text))] == [("19.1", "The Trust should ens")]


def test_ditto_marks_in_a_typed_tables_agency_column_are_the_agency_above():
    text = """10. Recommendations

No. | Agency | Recommendation | Key issue
1 | Hobbancote ACPC | Approve and issue, by June 2001, a procedure for housing officers to refer concerns. | 1
2 | " | Provide joint training on roles and referral for front-line staff. | 4
3 | Social Services Department | Ensure that no referral concerning a child under five is closed unseen. | 1
4 | do. | Ensure that an initial assessment records how a parent's learning disability affects the child. | 2"""

    found = proposed(pages(text))

    assert [(r.label, r.addressee, r.agencies) for r in found] == [
        ("1", "partnership", []),
        ("2", "partnership", []),
        ("3", "agencies", ["Children's social care"]),
        ("4", "agencies", ["Children's social care"]),
    ]


def test_imperatives_naming_no_one_are_for_whom_the_signed_acceptances_say():
    text = """9. Recommendations

R1. Agree and publish multi-agency guidance on assessing parental alcohol misuse in child protection planning.

R2. Ensure that every child on the child protection register has an allocated social worker at all times.

R3. Consider issuing national practice guidance on the use of alcohol testing in child protection planning.

Appendix B. Chief officers' acceptance

On behalf of the Chief Officers Group, we accept recommendation R1, which is for the Child Protection Committee.
Signed: Chief Executive.

On behalf of Balquharrie Council, I accept recommendation R2, for the council's social work services. Signed: Chief
Executive.

Recommendation R3 is addressed to the Scottish Government."""

    found = proposed(pages(text))

    assert [(r.label, r.addressee) for r in found] == [("R1", "partnership"), ("R2", "agencies"), ("R3", "national")]


def test_a_pdfs_overprinted_bold_is_read_once_and_the_body_in_brackets_after_a_label_is_whom_it_asks(tmp_path):
    text = """9. Recommendations

RReeccoommmmeennddaattiioonn 11 ((LLSSCCBB)):: Issue a multi-agency protocol for pre-birth referrals and assessments.

RReeccoommmmeennddaattiioonn 22 ((CChhiillddrreenn''ss SSeerrvviicceess)):: Keep the case of any care leaver
who is pregnant open to a personal adviser until the baby is one."""
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    document = extract(path, name=path.name)

    found = proposed(document.pages)

    assert [(r.label, r.addressee, r.agencies) for r in found] == [
        ("Recommendation 1", "partnership", []),
        ("Recommendation 2", "agencies", ["Children's social care"]),
    ]


def test_a_from_and_to_table_asks_for_the_practice_in_its_to_column_of_the_lead_its_glossary_spells_out():
    text = """Abbreviation | Meaning
PSNI | Police Service of Northern Ireland
EA | Education Authority

7. Recommendations

7.1 The Committee asked the review to express its recommendations as shifts in practice.

No. | From | To | Lead
1 | Victims of seventeen are adults. | Officers at any incident with a victim under eighteen tell the unit. | PSNI
2 | Lessons cover consent only. | Every secondary school teaches pupils to recognise coercive control. | EA"""

    found = proposed(pages(text))

    assert [(r.label, r.text[:20], r.addressee) for r in found] == [
        ("1", "Officers at any inci", "agencies"),
        ("2", "Every secondary scho", "agencies"),
    ]
    assert found[0].addressee_text == "Police Service of Northern Ireland"


def test_an_annexs_own_series_is_added_to_the_bodys_and_its_repeats_are_not():
    text = """1. Introduction

1.2 The English partnership asked that its recommendations should be set out in its own form, so they are in
Annex E.

5. Actions

W1. The Board should revise its regional procedure for children who move into the region under a plan.

J1. The Board and the Partnership should agree a written cross-border protocol for the transfer of children.

Annex E: Recommendations for England

E.1 This annex sets out the review's recommendations for the Partnership. They arise from the learning points.

Recommendation E1: Stretcombe Council should keep open the case of any child on a plan who moves away.

Recommendation E2: The Partnership should audit, every year, the transfer of children subject to plans.

E.2 The joint recommendation in section 5 is repeated here:

J1. The Board and the Partnership should agree a written cross-border protocol for the transfer of children."""

    found = proposed(pages(text))

    assert [r.label for r in found] == ["W1", "J1", "Recommendation E1", "Recommendation E2"]


def test_recommendations_confirmed_by_the_board_are_the_reviews_and_the_panels_proposals_before_them_are_not():
    text = """6. Recommendations proposed by the review panel

6.1 The review panel proposed the following recommendations. They are not the recommendations of this review: see
section 7.

P1 The Regional Safeguarding Board should make sure that the school of every child in a household is told.

P2 The IDVA service should make contact with every high-risk victim within one working day.

7. Recommendations confirmed by the Board

R1 (from P1, unchanged) The Regional Safeguarding Board should make sure that the school of every child is told.

R2 (from P2, reworded) The Community Safety Partnership should make sure that every high-risk victim is contacted."""

    assert [r.label for r in proposed(pages(text))] == ["R1", "R2"]


def test_recommendations_quoted_in_an_images_description_and_said_in_a_briefings_transcript_are_read():
    described = """7. Our recommendations

[Image description: a road past two signposts. Signpost 1, for the Chief Officers Group: "The Chief Officers Group
should make sure that every agency asks whether any child in the household is caring for anyone." (Key learning 1).
Signpost 2, for the Committee: "The Child Protection Committee should revise its neglect guidance so that a child's
tiredness is asked about." (Key learning 2).]"""
    transcript = """[00:31:02] Hollis Tarrant (Reviewer): Recommendation one is for the Partnership. The Partnership
should make sure that a multi-agency discussion takes place within ten working days. That comes from finding one.

[00:32:15] Marjorie Scarrow (Chair): Can I just check that?

[00:39:20] Hollis Tarrant (Reviewer): And recommendation two is national. The Department for Education should bring
in the register of children not in school. That comes from findings one and four together."""

    assert [(r.label, r.text[:25]) for r in proposed(pages(described))] == [
        ("1", "The Chief Officers Group "),
        ("2", "The Child Protection Comm"),
    ]
    assert [(r.label, r.addressee) for r in proposed(pages(transcript))] == [
        ("Recommendation 1", "partnership"),
        ("Recommendation 2", "national"),
    ]


def test_response_sheets_ask_the_body_each_is_sent_to_and_sbars_give_their_r_part_only():
    sheets = """10. Recommendations

10.1 The recommendations are set out on response sheets at Appendix 3.

Appendix 3: Agency response sheets

RESPONSE SHEET B | Social Services Department
To: | Director of Social Services, Throstleton County Council
Recommendation B1 | Make sure that all correspondence about children received by adult teams is passed on the same day.
Accepted? (delete as appropriate) | YES / NO / IN PART

RESPONSE SHEET D | Throstleton Constabulary
To: | Chief Constable, Throstleton Constabulary
Recommendation D1 | Visit the address given by every registered sex offender within ten working days."""
    sbars = """6. Recommendations (SBARs)

SBAR 1: Injuries in disabled children

S - Situation: Her bruises were explained by her condition for four months.

B - Background: Regional procedures do not say who should assess an injury.

R - Recommendation (Regional): The Department of Health should amend the regional procedures so that injuries are
reviewed by a paediatrician. (Learning 1)

SBAR 2: Short breaks carers

R - Recommendation: None. SBAR 1 covers it.

SBAR 3: Escalations

R - Recommendation (Regional): The SBNI should agree a regional standard for escalation. (Learning 2)"""

    assert [(r.label, r.addressee, r.agencies) for r in proposed(pages(sheets))] == [
        ("B1", "agencies", ["Children's social care"]),
        ("D1", "agencies", ["Police"]),
    ]
    assert [r.label for r in proposed(pages(sbars))] == ["Recommendation 1", "Recommendation 3"]


def test_actions_lettered_in_the_welsh_alphabet_keep_their_letters():
    text = """Improving systems and practice

(c) Nant Hebog University Health Board should make sure that every family moving in is visited within ten days.

(ch) Nant Hebog County Council should withdraw the 'accident at home' form in its Flying Start settings.

(d) Heddlu Nant Hebog Police should make sure that officers attending any incident check for children."""

    assert [r.label for r in proposed(pages(text))] == ["(c)", "(ch)", "(d)"]


def test_a_mind_maps_recommend_branch_and_recommendations_labelled_with_whom_they_are_to_are_read():
    mind_map = """Review map \u203a Key learning 1 \u203a What we found \u203a An eating disorder was not recognised.

Review map \u203a Key learning 1 \u203a What we recommend \u203a 1 \u203a For the Child Protection Committee
\u203a Produce multi-agency guidance on eating disorders in children and young people.

Review map \u203a Key learning 2 \u203a What we recommend \u203a 2 \u203a For NHS Kilcaddow \u203a Ensure that CAMHS
contacts every young person on its waiting list.

Review map \u203a Key learning 2 \u203a What worked \u203a The GP made an urgent referral and wrote again."""
    addressed = """9. Recommendations

Recommendation 1 to the Child Protection Committee: The CPC should agree a procedure for transfers.

Recommendation 2 to Glenbrachan Council Social Work: Social Work Services should ensure that letters are read."""

    assert [(r.label, r.addressee, r.text[:20]) for r in proposed(pages(mind_map))] == [
        ("Recommendation 1", "partnership", "Produce multi-agency"),
        ("Recommendation 2", "agencies", "Ensure that CAMHS co"),
    ]
    assert [(r.label, r.addressee, r.text[:15]) for r in proposed(pages(addressed))] == [
        ("Recommendation 1", "partnership", "The CPC should "),
        ("Recommendation 2", "agencies", "Social Work Ser"),
    ]


def test_recommendations_kept_only_as_a_shared_trackers_rows_are_those_of_the_reports_own_source():
    text = """7. Recommendations

7.1 The recommendations of this review are not repeated in the text. They are the rows of the tracker whose Source is
"SUSR BT/2024/02 (Child KC)", and they are referred to by their tracker IDs. Appendix 2 reproduces the tracker.

Appendix 2: Consolidated learning and improvement tracker (extract)

ID | Source | Recommendation | Lead | Status
T-104 | APR BT/2022/01 | The health board should offer carers an assessment. | Health board | Open
T-118 | SUSR BT/2024/02 (Child KC) | The health board should record every child living there. | Health board | Open
T-121 | SUSR BT/2024/02 (Child KC) | The Council should make sure that schools refer young carers. | Council | Open"""

    assert [(r.label, r.text[:30]) for r in proposed(pages(text))] == [
        ("T-118", "The health board should record"),
        ("T-121", "The Council should make sure t"),
    ]


def test_a_report_that_says_it_makes_no_recommendations_quotes_others_recommendations_as_none_of_its_own():
    text = """1. Introduction

1.3 In keeping with the Learning Together model, this report makes no recommendations. Chapter 4 quotes the
recommendations that professionals made in their reports.

4. Recommendations made about MJ

Recommendations

1. School should provide MJ with a visual timetable and a quiet space.
2. Staff should use a consistent low-arousal approach."""

    assert proposed(pages(text)) == []


def test_the_prison_service_a_local_safeguarding_panel_and_an_education_authority_are_asked_as_what_they_are():
    text = """8. Recommendations

8.1 HM Prison and Probation Service should ensure that release plans name every child the person will live with.

8.2 The Dunmore Safeguarding Panel should hold a learning event on adolescents who live with domestic abuse.

8.3 The Education Authority should agree with the Trust and the PSNI how schools are told of an incident overnight.

8.4 Jamie was failed by a system that did not see him, and the review has found that the system needs to change."""

    made = proposed(pages(FINDINGS, text))

    assert [(r.label, r.addressee, r.agencies) for r in made] == [
        ("8.1", "national", []),
        ("8.2", "partnership", []),
        ("8.3", "agencies", ["School"]),
    ]


def test_a_table_the_recommendations_section_says_is_another_bodys_is_none_of_the_reviews():
    text = """5. Recommendations

5.1 Recommendation 1: The Board should publish guidance on drugs found in a home where a child lives.

5.2 Recommendation 2: The Trust should ensure that toxicology results are shared with the child's GP.

5.3 The Trust carried out its own incident review. Its recommendations are reproduced below for information. They
are the Trust's and are not recommendations of this review.

Table 3: Incident review recommendations (Trust)

Ref | Recommendation | Status

IR-1 | The emergency department should add cannabis edibles to its teaching programme. | Complete

5.4 Recommendation 3: The police should refer every search that finds drugs where a child lives."""

    made = proposed(pages(FINDINGS, text))

    assert [r.label for r in made] == ["Recommendation 1", "Recommendation 2", "Recommendation 3"]


def test_a_summary_table_in_brief_a_recommendation_weighed_and_not_made_and_theme_links_after_a_colon():
    summary = """Executive summary

Our recommendations at a glance

No. | Recommendation in brief | For
1 | Strengthen the guidance on bruising | DfE
2 | Audit the bruising protocol | Partnership"""
    full = """8. Recommendations

Recommendation 1

The Department for Education should strengthen its guidance on bruising in non-mobile babies so that every agency
refers a bruised baby the same day.

Lead: Department for Education. Theme: 1

Recommendation 2

The partnership should audit the bruising protocol every year and report to the safeguarding partners.

Lead: Partnership business unit. Theme: 1 and 2

8.3 The panel discussed whether to recommend that every baby should have a named health visitor until the age of
one, and agreed that the new procedure addresses the risk."""
    findings = """Theme 1: Bruising in a baby who could not crawl was not referred

The GP saw a bruise and did not refer it.

Theme 2: The protocol was not audited

No agency knew whether the protocol was followed."""

    made = proposed(pages(summary, findings, full))

    assert [(r.label, r.findings) for r in made] == [("Recommendation 1", [0]), ("Recommendation 2", [0, 1])]
    assert made[0].addressee == "national" and "discussed whether" not in made[-1].text


@pytest.mark.parametrize(
    "subject",
    [
        "Kelderhope and Wyre Partnership NHS Foundation Trust should audit its mental health services' use of",
        "Cartrefi Glanrafon should ensure that housing officers ask about children at every visit and",
        "Strathmoy Health and Social Care Partnership should ensure that the alcohol and drug recovery service",
    ],
)
def test_a_trust_or_an_integrated_partnership_named_partnership_and_a_welsh_landlord_are_agencies(subject):
    text = f"""Recommendations

Recommendation 1: {subject} checks whether a child lives in the household.

Recommendation 2: The partnership should audit the bruising protocol every year."""

    first, second = proposed(pages(FINDINGS, text))

    assert first.addressee == "agencies" and second.addressee == "partnership"


def test_a_recommendation_a_revised_editions_log_of_changes_deletes_is_none():
    log = """Changes in this edition

Section | Change | Reason
Recommendation 2 | Deleted | Overtaken: the clinic was replaced in January
Recommendation 3 | Reworded | The service asked for a realistic timescale"""
    text = """8. Recommendations

1. The partnership should adopt guidance on medical neglect in children with long-term conditions.

2. The council should provide a supervised area in the medical room where pupils can test privately.

3. The council should ensure that school nurses review every school health log within one month."""

    made = proposed(pages(log, FINDINGS, text))

    assert [r.label for r in made] == ["1", "3"]
