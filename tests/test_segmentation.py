"""Proposing findings from the text of a review: several real-world layouts, all fictional."""

import re

from ingest.documents import Page
from ingest.extraction import extract
from ingest.recommendations import propose_recommendations
from ingest.segmentation import MAX_FINDINGS, propose_findings, read_blocks, row_cells
from tests.documents import make_docx, make_pdf, make_pdf_with_table


def recommended(proposal, document_pages):
    """(label, first words, labels or titles of the findings it follows from) of each recommendation proposed."""
    return [
        (r.label, r.text[:30], [proposal.findings[i].label or proposal.findings[i].title for i in r.findings])
        for r in propose_recommendations(document_pages, proposal.findings)
    ]


def pages(*texts, first=1):
    return [Page(number, text) for number, text in enumerate(texts, start=first)]


CONTENTS = """Contents

1. Introduction .......................... 3
2. Methodology ........................... 4
3. Family background ..................... 5
4. Findings .............................. 7
5. Recommendations ....................... 12
Appendix 1: Glossary ..................... 14"""

INTRODUCTION = """1. Introduction

1.1 This local child safeguarding practice review concerns Child J, a boy who was seriously injured at
home in Northshire when he was seven months old. His mother's partner was later convicted of causing
grievous bodily harm.

1.2 The review was commissioned by the Northshire Safeguarding Children Partnership because agencies
had been involved with the family and there were concerns about how they worked together.

2. Methodology

2.1 The review used a systems approach. Practitioners attended two learning events and Mother
contributed her views.

3. Family background

3.1 Child J lived with his mother, who was nineteen, and from the summer with her new partner, Mr K."""

FINDING_LAYOUT = """4. Findings

Finding 1: Mr K was never identified as a carer for Child J

Mr K moved into the household when Child J was four months old. The health visitor saw a man at two
home visits and noted "partner present", but did not record his name, and no agency checked who he
was. Practitioners told the learning event that asking about a new partner felt intrusive when Mother
was engaging well.

Recommendation 1: Northshire Safeguarding Children Partnership should ensure that every agency asks
about and records each adult living in or regularly visiting a household with a baby.

Finding 2: A bruise to a non-mobile baby was accepted as accidental

When Child J was five months old the GP saw a small bruise on his cheek. Mother said he had rolled
against the cot bars. The GP accepted the explanation and did not refer to children's social care,
although the local bruising protocol says that any bruise to a baby who is not independently mobile
needs a paediatric assessment.

Recommendation 2: The Integrated Care Board should audit how GP practices apply the bruising
protocol for babies who are not independently mobile.

Finding 3: Police information about domestic abuse did not reach the health visitor

Officers attended the flat after a neighbour heard shouting. The incident was graded as standard
risk and the notification went to the MASH, which closed it without telling the health visitor, who
was the only professional visiting the home.

Recommendation 3: The MASH should share every domestic abuse notification about a household with a
baby under one with the health visitor and the GP."""

RECOMMENDATIONS_AND_GLOSSARY = """5. Conclusion

5.1 Child J's injuries could not have been predicted, but there were missed opportunities to
understand who was caring for him.

Appendix 1: Glossary

MASH: Multi-Agency Safeguarding Hub, where referrals are screened.

GP: General practitioner."""


def test_finding_headings_with_a_recommendation_after_each():
    document = pages(CONTENTS, INTRODUCTION, FINDING_LAYOUT, RECOMMENDATIONS_AND_GLOSSARY)
    proposal = propose_findings(document)
    assert not proposal.fallback
    # The label apart from the title: the finding's title reads without it, and its label is kept as written.
    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding 1", "Mr K was never identified as a carer for Child J"),
        ("Finding 2", "A bruise to a non-mobile baby was accepted as accidental"),
        ("Finding 3", "Police information about domestic abuse did not reach the health visitor"),
    ]
    first = proposal.findings[0]
    assert first.text.startswith("Mr K moved into the household")
    assert "Recommendation" not in first.text and "Finding 2" not in first.text
    assert [label for label, _, _ in recommended(proposal, document)] == [
        "Recommendation 1",
        "Recommendation 2",
        "Recommendation 3",
    ]
    assert [(words, findings) for _, words, findings in recommended(proposal, document)] == [
        ("Northshire Safeguarding Childr", ["Finding 1"]),
        ("The Integrated Care Board shou", ["Finding 2"]),
        ("The MASH should share every do", ["Finding 3"]),
    ]
    assert {f.page for f in proposal.findings} == {3}
    assert all(f.kind == "finding" for f in proposal.findings)
    assert "3 findings" in proposal.note


def test_contents_page_and_glossary_do_not_become_findings():
    proposal = propose_findings(pages(CONTENTS, INTRODUCTION, FINDING_LAYOUT, RECOMMENDATIONS_AND_GLOSSARY))
    texts = " ".join(f.title + " " + f.text for f in proposal.findings)
    assert "......" not in texts
    assert "Multi-Agency Safeguarding Hub, where referrals" not in texts
    assert "Methodology" not in texts


def test_contents_entries_one_to_a_paragraph_are_left_out():
    contents = (
        "Contents\n\n1. Introduction 3\n\n4. Findings 5\n\nFinding 1: Mr K was never identified as a carer 5"
        "\n\nFinding 2: A bruise to a non-mobile baby was accepted 6\n\n5. Conclusion 9"
    )
    proposal = propose_findings(pages(contents, INTRODUCTION, FINDING_LAYOUT))
    assert len(proposal.findings) == 3
    assert [f.page for f in proposal.findings] == [3, 3, 3]
    assert not any(f.title[-1].isdigit() for f in proposal.findings)


NUMBERED = """6 Findings and analysis

6.1 Recognising the impact of neglect on Child M

6.1.1 Child M was known to universal services from birth. Over six years the school, the health
visitor and the GP each recorded concerns about his clothing, his hunger and his teeth, but no agency
brought these observations together or used a neglect assessment tool.

6.1.2 When the school nurse referred to the front door in 2019, the referral was closed with advice
because Mother had agreed to take Child M to the dentist. The dental appointment was not kept.

6.2 Changes of social worker and the loss of history

6.2.1 Child M had five social workers in three years. Each transfer summary described the current
episode only, and the history of two earlier child protection plans for his older sister was not
carried forward. Each worker began again, and the cumulative picture of neglect was lost.

6.3 Mother's own needs as a care leaver

6.3.1 Mother had been in care herself and had a learning disability. Assessments described her as
resistant rather than asking whether she understood what was being asked of her, and no adapted
materials were used."""

NUMBERED_TAIL = """7 Recommendations

7.1 Northshire Safeguarding Children Partnership should promote the use of the Graded Care Profile 2
in every case of suspected neglect (Finding 6.1 and Finding 1).

7.2 Children's social care should ensure transfer summaries include the full family history
(Finding 2).

8 Conclusion

8.1 The review found that Child M's neglect was visible to many professionals but was never seen as
a whole."""


def test_numbered_sections_under_findings_and_analysis():
    proposal = propose_findings(pages(NUMBERED, NUMBERED_TAIL, first=9))
    assert not proposal.fallback
    titles = [f.title for f in proposal.findings]
    assert titles == [
        "Recognising the impact of neglect on Child M",
        "Changes of social worker and the loss of history",
        "Mother's own needs as a care leaver",
    ]
    first = proposal.findings[0]
    assert first.text.startswith("Child M was known to universal services")
    assert "The dental appointment was not kept." in first.text
    assert "6.1.2" not in first.text
    assert "Changes of social worker" not in first.text
    assert proposal.findings[0].page == 9


def test_recommendations_section_naming_findings_is_attached():
    document = pages(CONTENTS, INTRODUCTION, FINDING_LAYOUT.replace("Recommendation 2", "Note 2"))
    proposal = propose_findings(document)
    # The numbered recommendations after each finding are theirs; "Note 2" is just text of finding 2.
    assert [findings for _, _, findings in recommended(proposal, document)] == [["Finding 1"], ["Finding 3"]]
    assert "Note 2" in proposal.findings[1].text
    labelled = """4. Findings

Finding 1: Information about Mr K's violence was held by the police alone

The police knew of two assaults by Mr K on a former partner. This was not shared with the health
visitor or the GP, who were the professionals seeing Child J.

Finding 2: Practitioners lacked confidence to ask about new partners

Health visitors told the review that they had no guidance on asking about new adults in the
household and felt it would damage their relationship with Mother.

5. Recommendations

Recommendation A. Northshire Constabulary should share information about adults with a history of
domestic abuse who join a household with a baby (Finding 1).

Recommendation B. The health visiting service should issue guidance and training on routine enquiry
about new partners (Finding 2)."""
    proposal = propose_findings(pages(labelled))
    assert recommended(proposal, pages(labelled)) == [
        ("Recommendation A", "Northshire Constabulary should", ["Finding 1"]),
        ("Recommendation B", "The health visiting service sh", ["Finding 2"]),
    ]


KEY_LEARNING = """Learning review: Young Person R

Summary

Young Person R was fifteen when she was found in a flat in the Eastmere area of Glenmuir with
adults who were later charged with offences of sexual exploitation.

Key learning

Missing episodes were recorded but the pattern was not analysed. Young Person R went missing eleven
times in four months, and each return interview was completed by a different worker who did not see
the earlier records.

Language that described Young Person R as making choices made it harder for professionals to see
her as a child being exploited, and the language was repeated in referrals and plans.

Her school knew of an older boyfriend, but the information stayed in the pastoral file and was not
shared with the named person or the police.

Next steps

The partnership will publish a briefing for practitioners."""


def test_key_learning_list():
    proposal = propose_findings(pages(KEY_LEARNING))
    assert not proposal.fallback
    assert [f.kind for f in proposal.findings] == ["learning"] * 3
    assert proposal.findings[0].title == "Missing episodes were recorded but the pattern was not analysed."
    assert proposal.findings[2].text.startswith("Her school knew of an older boyfriend")
    assert "briefing" not in " ".join(f.text for f in proposal.findings)
    assert "learning section" in proposal.note


SCOTTISH = """LEARNING REVIEW: CHILD S

Executive summary

Child S was nine when she was admitted to hospital in Glenmuir.

KEY LEARNING

• The named person service did not have a complete picture of Child S's attendance because the
school recorded her absences as authorised.
• Practitioners did not ask Child S about her home life directly; she was only ever seen with her
father present.
• The chronology was started only after the significant event.

Recommendations

1. Glenmuir Council should review how authorised absence is monitored.
2. Health and social work should keep a single chronology."""


def test_bulleted_key_learning_in_one_paragraph():
    proposal = propose_findings(pages(SCOTTISH))
    assert [f.title for f in proposal.findings] == [
        "The named person service did not have a complete picture of Child S's attendance because the school "
        "recorded her absences as authorised.",
        "Practitioners did not ask Child S about her home life directly; she was only ever seen with her father "
        "present.",
        "The chronology was started only after the significant event.",
    ]
    assert proposal.findings[0].text.endswith("recorded her absences as authorised.")


SUB_HEADINGS = """Findings

The review has identified two findings.

Professionals did not see the pattern of injuries

Over nine months Child D attended the emergency department four times with minor injuries. Each
attendance was treated separately and the GP was not told about two of them.

Recommendation

The hospital trust should ensure that repeat attendances by under-fives are flagged to the
safeguarding team.

Father was not included in assessments

Child D's father had parental responsibility and saw him every weekend, but no assessment recorded
his views or his history.

Recommendation

Children's social care should include both parents in every assessment.

Conclusion

Child D's death was not predictable."""


def test_unlabelled_sub_headings_each_with_a_recommendation():
    proposal = propose_findings(pages(SUB_HEADINGS))
    assert [f.title for f in proposal.findings] == [
        "Professionals did not see the pattern of injuries",
        "Father was not included in assessments",
    ]
    assert [(words, findings) for _, words, findings in recommended(proposal, pages(SUB_HEADINGS))] == [
        ("The hospital trust should ensu", ["Professionals did not see the pattern of injuries"]),
        ("Children's social care should ", ["Father was not included in assessments"]),
    ]
    assert "two findings" not in proposal.findings[0].text


WELSH = """Child Practice Review: Baby T

Learning

Learning point one

Practitioners did not know that Father had been convicted of assaulting a baby in another area,
because the record of the earlier proceedings did not follow him when he moved to Cwmbrook.

Learning point two

Safer sleep advice was given to Mother at the booking appointment but not repeated once the family
moved to temporary accommodation without a cot.

Actions

1. The Regional Safeguarding Board will ask partner agencies to check records held in other areas
when a parent moves into the region (learning point 1).

2. Health boards will repeat safer sleep advice at every change of address (learning point 2)."""


def test_welsh_learning_points_and_actions():
    proposal = propose_findings(pages(WELSH))
    first = proposal.findings[0]
    assert first.label == "Learning point one" and first.title.startswith("Practitioners did not know that Father")
    assert recommended(proposal, pages(WELSH)) == [
        ("1", "The Regional Safeguarding Boar", ["Learning point one"]),
        ("2", "Health boards will repeat safe", ["Learning point two"]),
    ]


NO_FINDINGS = """Overview report

Introduction

Child F was two when she was admitted to hospital with a fractured skull in the winter of 2016.
The family lived in Northshire and were known to the health visitor and the housing provider.

What happened

Child F's mother had moved three times in a year. The health visiting record transferred late and
the new team did not know that a child protection plan had ended only three months before.

The review's view

Agencies should make sure that health records follow a child who moves, and that a recently ended
plan is treated as a reason to visit promptly. The learning is that a move of house is a point of
heightened risk.

Professionals need to ask about the history of a family when they take over a case, rather than
relying on the current referral."""


def test_no_findings_section_falls_back_to_learning_paragraphs():
    proposal = propose_findings(pages(NO_FINDINGS))
    assert proposal.fallback
    assert proposal.note.startswith("No findings section was recognised; proposed")
    assert "learning and recommendation paragraphs" in proposal.note
    texts = [f.text for f in proposal.findings]
    assert any(t.startswith("Agencies should make sure that health records") for t in texts)
    assert not any("fractured skull" in t for t in texts)


def test_text_without_any_recognised_part_still_gets_proposals():
    proposal = propose_findings(
        pages(
            "Child W was found at home by a neighbour. The family had moved to Northshire from another area "
            "and were not registered with a GP. Nursery staff had recorded that Child W often arrived hungry "
            "and in the same clothes, and had mentioned it to Mother on two occasions."
        )
    )
    assert proposal.fallback
    assert len(proposal.findings) == 1
    assert proposal.findings[0].text.startswith("Child W was found at home")
    assert "longest paragraphs" in proposal.note


def test_conclusion_is_the_last_fallback_before_plain_paragraphs():
    proposal = propose_findings(
        pages(
            "Background\n\nChild V lived with her grandparents under a special guardianship order from the age of "
            "three, and saw her mother at weekends.\n\nConclusion\n\nThe agencies involved had little reason to "
            "expect that Child V would come to harm, and the review does not find that any single decision "
            "would have changed what happened."
        )
    )
    assert proposal.fallback
    assert [f.text[:24] for f in proposal.findings] == ["The agencies involved ha"]
    assert "conclusion and summary" in proposal.note


def test_a_finding_over_a_page_break_keeps_its_first_page():
    first_page = """Findings

Finding 1: The school's concerns were not escalated

The designated safeguarding lead made three referrals about Child P's weight loss. Each was closed
at the front door and the school was not told why, and staff assumed that children's social care"""
    second_page = """knew more than they did. The escalation policy was not used.

Finding 2: Child P was not seen alone

Home visits took place with Mother present and Child P's wishes were recorded as Mother reported them."""
    proposal = propose_findings(pages(first_page, second_page, first=17))
    first, second = proposal.findings
    assert first.page == 17
    assert first.text.endswith("The escalation policy was not used.")
    assert "assumed that children's social care knew more than they did" in first.text
    assert second.page == 18


def test_empty_document_gets_no_proposals_and_says_so():
    proposal = propose_findings(pages("", "   "))
    assert proposal.findings == []
    assert proposal.fallback
    assert proposal.note


def test_many_paragraph_points_are_merged_under_the_cap():
    points = "\n\n".join(
        f"{n}. Practitioners in Northshire learned lesson {n} about working with families who move between "
        f"areas, and the partnership should make sure that records follow the child in every case."
        for n in range(1, 41)
    )
    proposal = propose_findings(pages(f"Key learning\n\n{points}"))
    assert len(proposal.findings) <= MAX_FINDINGS
    joined = " ".join(f.text for f in proposal.findings)
    assert "lesson 1 " in joined and "lesson 40 " in joined


MARKDOWN_REVIEW = """# Learning from Child J

## Introduction

This review concerns **Child J**, a baby seriously injured at home in Northshire.

## Findings

### Finding 1: Mr K was never identified as a carer
Mr K moved into the household when Child J was four months old. The health visitor saw a man at two
home visits and noted "partner present", but did not record his name.

**Recommendation 1:** The partnership should ensure every agency records each adult in the household.

### Finding 2: A bruise to a non-mobile baby was accepted as accidental
When Child J was five months old the GP saw a small bruise on his cheek and did not refer.

| Agency | Contacts |
| --- | --- |
| GP | 4 |

## Conclusion

Agencies worked hard but did not share what they knew.
"""


def test_a_markdown_review_is_read_by_its_headings(tmp_path):
    path = tmp_path / "child-j.md"
    path.write_text(MARKDOWN_REVIEW)

    proposal = propose_findings(extract(path).pages)

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding 1", "Mr K was never identified as a carer"),
        ("Finding 2", "A bruise to a non-mobile baby was accepted as accidental"),
    ]
    first, second = proposal.findings
    made = propose_recommendations(extract(path).pages, proposal.findings)
    assert made[0].text.startswith("The partnership should ensure every agency records") and made[0].findings == [0]
    assert "**" not in first.text + made[0].text
    assert "GP | 4" in second.text and "---" not in second.text
    assert "Agencies worked hard" not in second.text  # the conclusion is not part of a finding


WRAPPED_HEADINGS = """Learning

Finding 1: Information from the child's grandmother was not recorded, shared or
acted on

6.1 The grandmother told the school twice that the children were left alone at night.

Finding 2: Decisions at the strategy discussion were not reviewed when the baby was
born early

6.2 Nobody reconvened the discussion when the baby came home from the neonatal unit.
"""


def test_a_finding_heading_wrapped_onto_a_second_line_in_a_text_file_stays_whole(tmp_path):
    path = tmp_path / "child-w.txt"
    path.write_text(WRAPPED_HEADINGS)

    proposal = propose_findings(extract(path).pages)

    assert [f.title for f in proposal.findings] == [
        "Information from the child's grandmother was not recorded, shared or acted on",
        "Decisions at the strategy discussion were not reviewed when the baby was born early",
    ]
    assert proposal.findings[0].text.startswith("The grandmother told the school")


LEARNING_TOGETHER = """Findings

Finding 1: Early help practitioners rely on the parent's account

How did the issue manifest itself in this case?

The family support worker visited eleven times and saw Child D twice.

Issues for the Board to consider

1. How can the Board be assured that every child in the family is seen?
2. Should the assessment form record when each child was last seen?

Finding 2: Missed appointments are treated one at a time

The hospital recorded each missed appointment as did not attend.

Appendix 1: Participants

The review team met twice.
"""


def test_a_findings_questions_for_the_board_are_its_questions_and_its_sub_headings_stay_in_its_text(tmp_path):
    path = tmp_path / "learning-together.txt"
    path.write_text(LEARNING_TOGETHER)

    first, second = propose_findings(extract(path).pages).findings

    assert first.questions == [
        "How can the Board be assured that every child in the family is seen?",
        "Should the assessment form record when each child was last seen?",
    ]
    assert first.text.startswith("How did the issue manifest itself in this case?\n\nThe family support worker")
    assert "Should the assessment form" not in first.text and not first.recommendations
    assert second.questions == [] and "review team" not in second.text


LETTERED = """6. Learning points

Learning point A: Going missing was read as behaviour

Young Person T went missing nine times in the spring. Each return interview was brief and recorded
as "no concerns", and nobody asked where she had been or who she had been with.

What we learned

Missing episodes were counted, not understood. Staff thought an interagency referral discussion was
only for younger children.

Questions for the Kingsmere Child Protection Committee:

1. How does the committee know that return interviews ask who a young person was with?
2. Which agency holds the pattern of missing episodes for a looked after young person?

Learning point B: The plan did not change when her views did

Young Person T told her social worker that she wanted to move nearer her grandmother. Her views
were recorded at every review but the plan stayed the same for a year.

7. Good practice

The residential staff reported every missing episode on the day it happened."""

THEMED = """5. Themes

Theme One \u2013 The cumulative impact of neglect was not recognised

5.1 Over three years agencies responded to separate concerns one at a time: hunger, head lice,
missed appointments and poor attendance.

Learning

5.2 Neglect is cumulative. It is the pattern over time, not a single incident, that shows the harm.

The Board may wish to consider:

1. How chronologies of neglect are kept across agencies.

Theme Two \u2013 The move of home

5.3 The family moved after threats, and the new school and health visitor were not told why."""


def test_lettered_learning_points_are_findings_with_their_questions_and_sub_headings():
    proposal = propose_findings(pages(LETTERED))
    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Learning point A", "Going missing was read as behaviour"),
        ("Learning point B", "The plan did not change when her views did"),
    ]
    first, second = proposal.findings
    assert "What we learned" in first.text and "Missing episodes were counted" in first.text
    assert [q.split("?")[0] for q in first.questions] == [
        "How does the committee know that return interviews ask who a young person was with",
        "Which agency holds the pattern of missing episodes for a looked after young person",
    ]
    assert "How does the committee" not in first.text
    assert "residential staff reported" not in second.text  # good practice is not a finding


def test_themes_numbered_in_words_keep_a_learning_sub_heading_and_the_board_s_questions():
    proposal = propose_findings(pages(THEMED))
    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Theme One", "The cumulative impact of neglect was not recognised"),
        ("Theme Two", "The move of home"),
    ]
    assert "Neglect is cumulative" in proposal.findings[0].text
    assert proposal.findings[0].questions == ["How chronologies of neglect are kept across agencies."]


BILINGUAL = """7. Dysgu / Learning

Learning / Dysgu 1: Hearing the child in her own language / Clywed y plentyn yn ei hiaith ei hun

Nobody asked Child E which language she wanted to speak. Her mother was asked, and answered for her.

Beth a ganfuom / What we found

The interpreter was booked for the mother only.

Cwestiynau i'r Bwrdd / Questions for the Board

1. How does the Board know that children are asked which language they want to use?

Learning / Dysgu 2: Waiting is not a plan / Nid yw aros yn gynllun

The referral waited eleven weeks for a panel, and nothing was done in the meantime.

8. Arfer effeithiol / Effective practice

The school nurse visited weekly."""

STATEMENTS = """5. Findings and learning

5.0 The review identified three findings, each a statement followed by the evidence.

5.1 Professionals became used to the conditions in the home. The house was cold and dirty for two years.

Research shows that professionals who know a family for a long time can lose sight of the child.

Issues for the LSCB to consider

1. How does the LSCB know that a structured neglect tool is used?

5.2 The youngest child was invisible to services. She was not old enough for nursery.

What Mother told the review

Mother said she nodded along at meetings because she did not want to look stupid.

5.3 Missed appointments were recorded as did not attend. The pattern was not seen as neglect.

6. Conclusion

The review found that the children were not seen."""

THEMES_WITH_PARTS = """6. Learning themes

Theme 1 \u2014 Seeing the baby: a bruise in a non-mobile infant

What happened

6.1 The health visitor saw a bruise to the ear at seven weeks and accepted the explanation.

Recommendations

R1. The partnership should audit the bruising protocol.

6.2 The review asks the partnership to consider the following questions:

1. How are health visitors supported to refer a bruise on a baby?

Theme 2 \u2014 The men in the baby's life

What the review found

6.3 The mother's partner was never seen or assessed by anyone.

7. Good practice

The midwife made an early referral."""


def test_bilingual_labels_and_headings_are_read_on_either_side():
    proposal = propose_findings(pages(BILINGUAL))
    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Learning / Dysgu 1", "Hearing the child in her own language / Clywed y plentyn yn ei hiaith ei hun"),
        ("Learning / Dysgu 2", "Waiting is not a plan / Nid yw aros yn gynllun"),
    ]
    first, second = proposal.findings
    assert "The interpreter was booked for the mother only." in first.text
    assert first.questions == ["How does the Board know that children are asked which language they want to use?"]
    assert "school nurse" not in second.text


def test_findings_set_out_as_numbered_statements_start_at_each_statement():
    proposal = propose_findings(pages(STATEMENTS))
    assert [f.title for f in proposal.findings] == [
        "Professionals became used to the conditions in the home.",
        "The youngest child was invisible to services.",
        "Missed appointments were recorded as did not attend.",
    ]
    first, second, third = proposal.findings
    assert "Research shows" in first.text
    assert first.questions == ["How does the LSCB know that a structured neglect tool is used?"]
    assert "What Mother told the review" in second.text and "nodded along" in second.text
    assert "children were not seen" not in third.text


def test_a_themes_own_parts_and_recommendations_stay_in_it():
    proposal = propose_findings(pages(THEMES_WITH_PARTS))
    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Theme 1", "Seeing the baby: a bruise in a non-mobile infant"),
        ("Theme 2", "The men in the baby's life"),
    ]
    first, second = proposal.findings
    made = propose_recommendations(pages(THEMES_WITH_PARTS), proposal.findings)
    assert "accepted the explanation" in first.text and "audit the bruising protocol" not in first.text
    assert "audit the bruising protocol" in made[0].text and made[0].findings == [0]
    assert first.questions == ["How are health visitors supported to refer a bruise on a baby?"]
    assert "never seen or assessed" in second.text and "midwife" not in second.text


AREAS_FOR_IMPROVEMENT = """5. Areas for improvement

5.1 The panel found three areas where practice needs to change.

Area for improvement 1: Nobody asked who the lodger was

5.2 A man rented the box room from March. The midwife and the health visitor both met him and neither
recorded his name or asked whether he looked after the baby.

What we found

5.3 Agencies recorded the household as mother and baby only, although three visits noted a man present.

Recommendation 1: Northshire Safeguarding Children Partnership should ensure that agencies record every
adult living in a household with a baby.

Good practice

The school nurse wrote to the GP the same day she heard about the bruise, and the letter was clear.

Area for improvement 2: How the bruising protocol is used by clinicians in urgent care who see the baby out of hours

5.4 The out-of-hours doctor saw the bruise and accepted the explanation that the baby rolled against the
cot. The protocol applies to every clinician, but urgent care staff had not been trained in it.

Questions for the partnership

How does the partnership know that urgent care clinicians use the bruising protocol?

Area for improvement 3: Fathers who live elsewhere

5.5 The baby's father lived in another area and was never contacted. He had concerns he would have shared.

6. Conclusion

6.1 Child J's injuries could not have been predicted, but the review has found things that must change."""

KEY_LEARNING_AREAS = """6. Key Learning Areas

Key Learning Area (i): Going missing is a warning sign

6.1 Child M went missing eleven times in four months. Each return was treated as a separate event and
no one asked where she had been.

Key Learning Area (ii): The school knew more than it shared

6.2 The school recorded three disclosures about an older boyfriend but did not tell children's services.

Key Learning Area (iii): Health services saw the self-harm in isolation

6.3 The emergency department treated the cuts and discharged her home without any referral.

7. Good practice

7.1 The youth worker visited every week and kept in touch by phone."""

SUMMARY_THEN_DISCUSSION = """6. Key findings

6.1 The review team agreed the following findings. Each is discussed in section 7.

1. The risk from methadone was treated as a matter of safe storage rather than of parenting.
2. The case was closed without looking at the whole history of neglect.

7. Discussion of findings

7.1 Finding 1 \u2013 Methadone as a parenting question

7.1.1 Both adults were prescribed methadone. The health visitor discussed safe storage twice but no one
asked how the drug affected their care of a toddler.

Analysis

7.1.2 Storage was the one thing practitioners felt they could check, so it was the only thing checked.

7.2 Finding 2 \u2013 Closing the case too soon

7.2.1 The case was closed after six stable months. The older files, held on paper, were never read.

8. Conclusions

8.1 The review found no single failure, but an absence of a joined-up picture."""


def test_headings_numbered_in_a_series_of_the_reports_own_words_are_its_findings():
    proposal = propose_findings(pages(AREAS_FOR_IMPROVEMENT))
    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Area for improvement 1", "Nobody asked who the lodger was"),
        (
            "Area for improvement 2",
            "How the bruising protocol is used by clinicians in urgent care who see the baby out of hours",
        ),
        ("Area for improvement 3", "Fathers who live elsewhere"),
    ]
    first, second, third = proposal.findings
    assert "Agencies recorded the household" in first.text and "every adult" not in first.text
    assert "school nurse" not in first.text + second.text  # the good practice box is not a finding's text
    assert second.questions == ["How does the partnership know that urgent care clinicians use the bruising protocol?"]
    assert "could not have been predicted" not in third.text


def test_a_series_numbered_in_roman_numerals_in_brackets_labels_learning():
    proposal = propose_findings(pages(KEY_LEARNING_AREAS))
    assert [(f.label, f.title, f.kind) for f in proposal.findings] == [
        ("Key Learning Area (i)", "Going missing is a warning sign", "learning"),
        ("Key Learning Area (ii)", "The school knew more than it shared", "learning"),
        ("Key Learning Area (iii)", "Health services saw the self-harm in isolation", "learning"),
    ]
    assert "youth worker" not in proposal.findings[-1].text


def test_a_single_heading_of_that_shape_is_not_a_series():
    text = KEY_LEARNING_AREAS.split("Key Learning Area (ii)")[0] + "7. Good practice\n\n7.1 The youth worker visited."
    assert not any(f.label.startswith("Key Learning Area") for f in propose_findings(pages(text)).findings)


def test_parts_of_a_report_numbered_in_a_series_are_not_findings():
    text = "\n\n".join(
        f"Appendix {n}: {name}\n\nThe {name.lower()} of the review is set out here in full for reference."
        for n, name in ((1, "Membership"), (2, "Terms"), (3, "Chronology"))
    )
    assert not any(f.label for f in propose_findings(pages(text)).findings)


def test_labels_after_a_section_number_are_read_and_a_summary_list_gives_way_to_them():
    proposal = propose_findings(pages(SUMMARY_THEN_DISCUSSION))
    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding 1", "Methadone as a parenting question"),
        ("Finding 2", "Closing the case too soon"),
    ]
    assert "one thing practitioners felt they could check" in proposal.findings[0].text  # "Analysis" stays in it


def test_welsh_appendices_and_an_annexed_glossary_are_not_a_series_of_findings():
    text = "\n\n".join(
        [
            "Atodiad 1: Aelodau'r panel / Panel membership\n\nThe panel met six times between March and June.",
            "Atodiad 2: Cronoleg / Chronology\n\nThe chronology runs from the birth of Child E to her admission.",
            "Annex A: Glossary\n\nCAMHS is the Child and Adolescent Mental Health Service in Northshire.",
            "Annex B: Glossary of legislation\n\nSection 47 of the Children Act 1989 sets out the duty to enquire.",
        ]
    )
    assert not any(f.label for f in propose_findings(pages(text)).findings)


def test_learning_set_out_as_a_table_gives_one_finding_a_row_labelled_in_the_columns_words():
    text = """4. Practice and organisational learning

4.1 The panel identified three areas of learning, set out in the table below.

No. | Learning point | Detail
1 | Checks looked at the house, not at the child | The checks asked if the rooms were safe, never if the child was seen.
2 | A sibling was used as an interpreter | Talk of the mother's health went through her daughter.
3 | A new adult was known to some agencies only | The playgroup knew of him; the assessors did not.

5. Effective practice

The health visitor visited within a week of the family's arrival."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Learning point 1", "Checks looked at the house, not at the child"),
        ("Learning point 2", "A sibling was used as an interpreter"),
        ("Learning point 3", "A new adult was known to some agencies only"),
    ]
    assert proposal.findings[1].text == "Talk of the mother's health went through her daughter."


def test_learning_set_out_as_one_numbered_list_gives_one_finding_an_item_labelled_in_the_sections_words():
    text = """5. Key learning

5.1 The review team identified three areas of key learning, each a statement followed by its explanation.

1. The hostel was the child's home for most of the week, but it was not treated as part of his home life.
Staff saw him every evening and knew more about his mood than anyone.

2. Messages on his phone were treated as a breach of hostel rules rather than as possible abuse.
Nobody asked who had sent them or whether he was being coerced into sending images.

3. Nobody asked the child how he was until after the overdose. He was spoken about in every meeting but
never spoken to on his own, and his own account was first heard by the review.

5.2 The review team considered whether language affected the response."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("Key learning 1", "The hostel was the child's home for most"),
        ("Key learning 2", "Messages on his phone were treated as a "),
        ("Key learning 3", "Nobody asked the child how he was until "),
    ]


def test_learning_written_as_run_in_paragraphs_after_episodes_is_the_reports_learning():
    text = """2. Summary of learning

Episode | Learning in brief
Key Practice Episode 1 | Interpreting must match the language spoken.
Key Practice Episode 2 | Mothers need to be seen alone.

5. Key practice episodes

Key Practice Episode 1: Pregnancy

Mother booked with the midwife at 16 weeks and Father interpreted at every appointment that followed.

Learning: Interpreting must match the language the family actually speaks. A standard interpreter may be only
partly understood, and professionals then lose the chance to ask about safety and mood.

Key Practice Episode 2: The first weeks at home

Learning: A mother who is never seen on her own cannot be asked about her safety or her mood. Routine enquiry
depends on privacy, and in this case Mother was never seen alone at any appointment."""

    proposal = propose_findings(pages(text))

    assert [f.title for f in proposal.findings] == [
        "Interpreting must match the language the family actually speaks.",
        "A mother who is never seen on her own cannot be asked about her safety or her mood.",
    ]


def test_questions_for_the_system_and_questions_after_a_run_in_learning_point_are_the_findings_questions():
    ni = """Key Issue 1: Records did not follow the family

What happened

The family moved between two trust areas and the records followed months later.

Questions for the system

How does the trust know that records arrive before the first visit?

Key Issue 2: Nobody asked the child

What happened

The child was never spoken to alone by any of the professionals who visited."""
    first = propose_findings(pages(ni)).findings[0]
    assert first.questions == ["How does the trust know that records arrive before the first visit?"]

    scottish = """Learning point: Online contact from an adult was treated as a school matter, not as a child protection
concern, and nobody asked who the adult was or whether other children had been contacted.

Questions the CPC may wish to consider:

1. How confident are school staff in telling online safety from child protection?

Learning point: Nobody asked the young person how she was until after the overdose, although she was spoken
about at every meeting and the hostel staff saw her every evening."""
    first = propose_findings(pages(scottish)).findings[0]
    assert first.questions == ["How confident are school staff in telling online safety from child protection?"]


LINES_OF_ENQUIRY = """6. Findings by line of enquiry

6.1 Each line of enquiry is taken in turn, with one or two findings under it.

Line of enquiry A: How well did agencies understand the baby's feeding difficulties as a safeguarding
matter?

6.2 Every professional knew that Baby K was hard to feed. Most saw it as a medical matter only.

Finding A1: Missed weighing appointments were recorded as 'did not attend' rather than
'was not brought'

6.3 The clinic recorded each missed appointment as did not attend and wrote to the GP after the third.

For the partnership to consider:

1. How do health services in Northshire respond when a baby is not brought to an appointment?

Finding A2: No single agency held the whole picture of the baby's weight

6.4 The health visitor, the GP and the dietitian each weighed Baby K and none saw the others' charts.

Line of enquiry B: How well did agencies work with Father?

6.5 Father told the review that nobody had ever asked him how feeding went.

Finding B1: Father was seen as a visitor rather than as a parent

6.6 Every record named Mother as the only carer, although Father did most of the night feeds.

7. Recommendations

7.1 The partnership should make sure that every agency records both parents."""


def test_findings_lettered_by_line_of_enquiry_are_found_and_the_lines_of_enquiry_are_not_findings():
    proposal = propose_findings(pages(LINES_OF_ENQUIRY))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding A1", "Missed weighing appointments were recorded as 'did not attend' rather than 'was not brought'"),
        ("Finding A2", "No single agency held the whole picture of the baby's weight"),
        ("Finding B1", "Father was seen as a visitor rather than as a parent"),
    ]
    first, second, third = proposal.findings
    assert first.questions == [
        "How do health services in Northshire respond when a baby is not brought to an appointment?"
    ]
    # what a line of enquiry says before its findings belongs to none of them
    assert "nobody had ever asked" not in second.text + third.text
    assert third.text == "Every record named Mother as the only carer, although Father did most of the night feeds."


SYSTEMS_FINDINGS = """5. The panel's analysis

5.1 The panel used a systems approach and found four things that made the work harder.

SYSTEMS FINDING 1

The pre-birth assessment left out the baby's father

6.1 The assessment was carried out with Mother alone, at her own mother's house.

Why does this matter?

6.2 Fathers are often absent from assessments even when they will be the main carer.

SYSTEMS FINDING 2

What adult services knew about the parents' learning disabilities was not used by anyone in children's services

7.1 Both parents were known to the adult learning disability team, whose assessments described their needs.

GOOD PRACTICE

Good practice

The family support worker kept visiting through the pandemic."""


def test_a_label_printed_alone_above_a_findings_heading_labels_it():
    proposal = propose_findings(pages(SYSTEMS_FINDINGS))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Systems finding 1", "The pre-birth assessment left out the baby's father"),
        (
            "Systems finding 2",
            "What adult services knew about the parents' learning disabilities was not used by anyone in children's "
            "services",
        ),
    ]
    assert "Fathers are often absent" in proposal.findings[0].text
    assert "family support worker" not in proposal.findings[1].text


LEARNING_FORMS = """4. Practice and organisational learning

4.1 Each learning point is set out in the Board's form.

Pwynt dysgu 1 / Learning point 1 | A cluttered home was treated as a housekeeping matter, not as a fire risk
Beth ddigwyddodd / What happened | Four professionals saw the state of the home and none asked about fire safety.
Pam mae hyn yn bwysig / Why this matters | Clutter helps a fire to spread and blocks the way out.

Cwestiynau i'r Bwrdd / Questions for the Board:

1. How confident are staff in recognising clutter as a fire risk?

Pwynt dysgu 2 / Learning point 2 | What the landlord knew did not reach the agencies working with the children
Beth ddigwyddodd / What happened | The housing association could not get in three times and saw boxes in every room.

5. Effective practice

Arfer effeithiol 1 / Effective practice 1 | The neighbour's rescue
Beth ddigwyddodd / What happened | A neighbour broke a window and lifted the baby out."""


def test_learning_points_set_out_as_a_form_each_are_a_finding_titled_by_its_first_row():
    proposal = propose_findings(pages(LEARNING_FORMS))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Learning point 1", "A cluttered home was treated as a housekeeping matter, not as a fire risk"),
        ("Learning point 2", "What the landlord knew did not reach the agencies working with the children"),
    ]
    first, second = proposal.findings
    assert first.text.startswith(
        "Beth ddigwyddodd / What happened: Four professionals saw the state of the home and none asked about fire"
    )
    assert "Pam mae hyn yn bwysig / Why this matters: Clutter helps" in first.text
    assert first.questions == ["How confident are staff in recognising clutter as a fire risk?"]
    assert "neighbour" not in second.text  # the effective practice form is not a finding's


CHAPTER_LEARNING = """4. Living with her father (2019 to 2021)

4.1 Young Person N went to the academy near her father's home from August 2019.

What did we learn?

\u2022 Weight loss in a teenage girl was understood as a healthy lifestyle choice. Nobody who saw her asked
whether she was eating enough, because her weight stayed within the normal range on every chart.

Questions for the Child Protection Committee:

1. How well do school staff know the early signs of an eating disorder?

5. Waiting for help (2022 to 2023)

5.1 The school nurse referred her to CAMHS in June 2022.

What did we learn?

\u2022 Waiting for CAMHS became the plan. Once the referral was accepted, every agency understood that the
specialist service would act, and nobody checked her physical health in the months she waited.
\u2022 Online content that encouraged extreme dieting was not recognised as harm. The school treated her posts
as a matter of social media behaviour and nobody asked what she was reading or who she talked to.

6. What worked well

\u2022 The school nurse made a referral the same day that a teacher found her dizzy in class."""


def test_bulleted_learning_under_a_repeated_what_did_we_learn_heading_gives_a_finding_a_bullet():
    proposal = propose_findings(pages(CHAPTER_LEARNING))

    assert [f.title for f in proposal.findings] == [
        "Weight loss in a teenage girl was understood as a healthy lifestyle choice.",
        "Waiting for CAMHS became the plan.",
        "Online content that encouraged extreme dieting was not recognised as harm.",
    ]
    assert proposal.findings[0].questions == ["How well do school staff know the early signs of an eating disorder?"]
    assert not any("same day" in f.text for f in proposal.findings)


def test_a_findings_heading_wrapped_in_larger_type_in_a_pdf_stays_whole(tmp_path):
    heading = ["The condition of the home was known to the", "landlord alone"]
    evidence = (
        "The letting agent's letter described a home that was unsafe for a toddler. It went to Father, who could not "
        "read it, and to nobody else. The agent had no way of knowing that a health visitor was involved, and the "
        "health visitor had no way of knowing that the agent had been inside the home three times that year."
    )
    page = (
        f"SYSTEMS FINDING 1\n\n{chr(10).join(heading)}\n\n10.1 {evidence}\n\n10.2 {evidence}\n\n"
        f"SYSTEMS FINDING 2\n\nAbsence from pre-school was not seen as a pattern\n\n11.1 {evidence}"
    )
    second = "Absence from pre-school was not seen as a pattern"
    path = make_pdf(tmp_path / "review.pdf", [page], headings=[*heading, second])

    proposal = propose_findings(extract(path).pages)

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Systems finding 1", "The condition of the home was known to the landlord alone"),
        ("Systems finding 2", "Absence from pre-school was not seen as a pattern"),
    ]


def test_a_list_item_at_the_top_of_a_page_does_not_run_on_from_the_item_ending_the_page_before():
    first = """9. Recommendations for the SBNI

1. The SBNI should develop regional guidance on children who go missing from home. (Key Learning Area (i))
2. The SBNI should develop a regional risk indicator tool for all member agencies. (Key Learning Area (iii))"""
    second = """3. The SBNI should seek assurance that CAMHS triage considers exploitation. (Key Learning Area (iv))

10. Conclusion

10.1 The panel thanks the family."""
    document_pages = pages(first, second)

    texts = [r.text for r in propose_recommendations(document_pages, [])]

    assert [text.split(" (")[0] for text in texts] == [
        "The SBNI should develop regional guidance on children who go missing from home.",
        "The SBNI should develop a regional risk indicator tool for all member agencies.",
        "The SBNI should seek assurance that CAMHS triage considers exploitation.",
    ]


NUMBERED_UNDER_THEMES = """4. Findings

4.1 Theme one: medicines in the home

4.1.1 Take-home doses were agreed without anyone checking where they would be kept

The keyworker agreed six take-home doses a week and recorded that Father had a lockable box.

4.1.2 The addiction service saw Father as a patient, not as a parent

His plan recorded his recovery goals and nothing about the two children at home.

Questions for the SBNI and member agencies:

1. How do addiction services ask about children when take-home doses are agreed?

4.2 Theme two: sharing information

4.2.1 The pharmacy's concerns did not reach anyone who could act on them

The pharmacist rang the keyworker twice about storage and recorded both calls.

5. Good practice

5.1 The ambulance crew made a referral on the night."""


def test_statements_numbered_under_numbered_themes_are_the_findings_and_the_themes_group_them():
    proposal = propose_findings(pages(NUMBERED_UNDER_THEMES))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("4.1.1", "Take-home doses were agreed without anyone checking where they would be kept"),
        ("4.1.2", "The addiction service saw Father as a patient, not as a parent"),
        ("4.2.1", "The pharmacy's concerns did not reach anyone who could act on them"),
    ]
    assert proposal.findings[1].questions == [
        "How do addiction services ask about children when take-home doses are agreed?"
    ]


LETTERED_RUN_INS = """5. Analysis and findings

5.1 The review team reached three findings, each set out as a statement followed by the evidence.

(a) Finding: Young Person T was treated as an offender before he was treated as a child at risk. When he was found
with drugs, the police recorded an offence and nobody asked who had given them to him.

Practitioners told the review that the systems they used offered offence codes but no code for exploitation.

(b) Finding: The move to the town broke the protective links around him, and no agency planned for it. His school,
his youth worker and his grandmother all lost touch with him within a month.

The CPC may wish to consider:

1. How do schools share what they know about a child who moves in the middle of a year?

(c) Finding: Nobody asked where the new phone and the expensive trainers had come from. His mother noticed and his
teacher noticed, but each thought it was not their place to ask.

6. What worked well

(a) Strength: The youth worker kept in touch with him throughout, and he trusted her."""


def test_lettered_run_in_findings_are_labelled_and_keep_their_evidence_and_strengths_are_not_findings():
    proposal = propose_findings(pages(LETTERED_RUN_INS))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding (a)", "Young Person T was treated as an offender before he was treated as a child at risk."),
        ("Finding (b)", "The move to the town broke the protective links around him, and no agency planned for it."),
        ("Finding (c)", "Nobody asked where the new phone and the expensive trainers had come from."),
    ]
    first, second, third = proposal.findings
    assert "offence codes but no code for exploitation" in first.text
    assert second.questions == ["How do schools share what they know about a child who moves in the middle of a year?"]
    assert "youth worker kept in touch" not in third.text


def test_a_numbered_heading_wrapped_on_to_a_second_line_and_a_contents_leader_wrapped_on_to_its_own_line():
    text = """Contents

5. Analysis ..........................................................................
......... 9

6. Lessons

6.1 A reduced timetable left Young Person H unsupervised and available to those exploiting
him

6.1.1 The reduced timetable was meant to help him manage his behaviour, but it left him free every afternoon.

6.2 Information about a threat to his life stayed with the police

6.2.1 The warning was given in line with police procedures and was not shared with his school or social worker."""

    proposal = propose_findings(pages(text))

    assert [f.title for f in proposal.findings] == [
        "A reduced timetable left Young Person H unsupervised and available to those exploiting him",
        "Information about a threat to his life stayed with the police",
    ]


def test_findings_set_out_as_a_table_a_row_each_are_read_from_their_rows():
    text = """6. Findings

6.1 The findings are set out in the table below.

Finding | What the review found
Finding 1: Nobody asked who the adults in the household were | Three agencies visited and none recorded them.
Finding 2: Lateness and hunger were seen as attendance problems | The academy recorded lateness as absence.

7. Good practice

7.1 The school nurse made a referral the same day."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title, f.text[:20]) for f in proposal.findings] == [
        ("Finding 1", "Nobody asked who the adults in the household were", "Three agencies visit"),
        ("Finding 2", "Lateness and hunger were seen as attendance problems", "The academy recorded"),
    ]


EPISODE_TABLE = [
    ["Key practice episode", "What happened", "What this tells us about the system"],
    [
        "KPE 1: Nursery, 2019",
        "Nursery staff saw that Child R was often hungry and told the health visitor.",
        "Finding 1: Concerns about Child R's weight were held by each agency but never added together. Each agency "
        "acted on its own part and closed its involvement when the next step belonged to someone else.",
    ],
    ["KPE 2: A police call, 2020", "A neighbour called the police about shouting; no crime was recorded.", ""],
    [
        "KPE 3: Missed appointments, 2021",
        "Two dental appointments were missed and the referrals were closed.",
        "Finding 2: Missed appointments were closed without anyone asking who else knew the child. The letters went "
        "to an address the family had left.",
    ],
]


def test_findings_set_out_in_a_column_of_a_key_practice_episode_table_are_read_from_their_cells(tmp_path):
    path = make_pdf_with_table(
        tmp_path / "episodes.pdf",
        EPISODE_TABLE,
        before=["4. Key practice episodes and what they tell us", "4.1 The episodes are set out below."],
        after=["4.2 The episodes are drawn from the agency chronologies in Appendix A."],
        widths=[110, 170, 200],
    )

    proposal = propose_findings(extract(path, name=path.name).pages)

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding 1", "Concerns about Child R's weight were held by each agency but never added together"),
        ("Finding 2", "Missed appointments were closed without anyone asking who else knew the child"),
    ]
    first, second = proposal.findings
    assert first.text.startswith("Each agency acted on its own part")
    assert "neighbour called the police" not in first.text  # a row with no finding belongs to none
    assert "agency chronologies" not in second.text  # nor does what follows the table


def test_questions_grouped_by_finding_in_a_section_of_their_own_are_the_questions_of_those_findings():
    text = """4. Findings

Finding 1: Nobody added the concerns about Child R's weight together

Each agency acted on its own part and closed its involvement when the next step belonged to someone else.

Finding 2: Missed appointments were closed without anyone asking who else knew the child

The letters went to an address the family had left, and nobody checked.

6. Issues for the LSCB to consider

6.1 The panel offers these questions to the Board. They are grouped by finding.

6.2 On Finding 2:

1. Do "was not brought" procedures ask whether the child is seen by anyone else?
2. Who should a service tell when a child of school age misses appointments?

7. Good practice

7.1 The school nurse made a referral the same day."""

    proposal = propose_findings(pages(text))

    first, second = proposal.findings
    assert first.questions == []
    assert second.questions == [
        'Do "was not brought" procedures ask whether the child is seen by anyone else?',
        "Who should a service tell when a child of school age misses appointments?",
    ]


def test_findings_stated_as_the_panel_finds_that_under_findings_sub_headings_are_the_findings_not_the_issues():
    text = """3. Background

3.4 The panel finds that the agency reports were complete and candid.

5. Issues examined by the panel

Issue 1: Planning before Baby E was born

5.1.1 The pre-birth assessment began in February and was slowed by the first lockdown.

Findings

5.1.2 The panel finds that the assessment treated Mother as a care leaver or as a parent, but never as both.
The leaving care service thought about her needs and the family service about the baby's.

Matters for the SBNI to consider:

1. How do pre-birth assessments include fathers who are described as not engaging?

Issue 2: Safer sleep and alcohol

5.2.1 The midwife and the health visitor both gave safer sleep advice to Mother.

5.2.2 Mother used the e-mail address given on the housing application
and her mobile number; both were on the Trust's record.

Findings

5.2.3 The panel finds that safer sleep advice was given to one parent and recorded as given to the family. No one
checked that Father had heard it.

6. Conclusion

6.1 Baby E's death could not have been predicted."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("", "The assessment treated Mother as a care leaver or as a parent, but never as both"),
        ("", "Safer sleep advice was given to one parent and recorded as given to the family"),
    ]
    first, second = proposal.findings
    assert first.questions == ["How do pre-birth assessments include fathers who are described as not engaging?"]
    assert "family service about the baby's" in first.text
    assert "midwife and the health visitor" not in first.text + second.text


def test_a_finding_heading_set_in_capitals_and_wrapped_in_capitals_is_whole_and_given_in_sentence_case():
    text = """5. Key learning

KEY LEARNING 1 - NON-ATTENDANCE AT SCHOOL WAS MANAGED AS AN EDUCATIONAL PROBLEM RATHER
THAN A SIGN OF RISK

5.1 The academy followed its attendance procedures correctly, but nobody asked why he was absent.

KEY LEARNING 2 - CAMHS DID NOT HEAR WHAT THE SCHOOL KNEW

5.2 The referral said nothing of his caring role, which the school had known about for two years."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Key learning 1", "Non-attendance at school was managed as an educational problem rather than a sign of risk"),
        ("Key learning 2", "CAMHS did not hear what the school knew"),
    ]


def test_findings_numbered_within_learning_themes_are_the_findings_and_the_themes_group_them():
    text = """6. Findings

Learning theme 1: Seeing a young person through a screen

6.2 From October almost every contact she had with a health professional took place by telephone or video.

6.3 Finding 1.1 - Remote consultations were treated as equivalent to seeing the young person

Between November and March nobody weighed her. Each service assumed another would do it.

Learning theme 2: Waiting for a specialist bed

6.7 In March she collapsed at home and was admitted to a general children's ward.

6.9 Finding 2.1 - A general children's ward became the place of treatment by default

The ward kept her physically safe, but it was not designed for a young person with an eating disorder."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding 1.1", "Remote consultations were treated as equivalent to seeing the young person"),
        ("Finding 2.1", "A general children's ward became the place of treatment by default"),
    ]
    assert "collapsed at home" not in proposal.findings[0].text


def test_questions_for_the_board_headed_in_welsh_are_the_findings_questions():
    text = """4. Dysgu

Pwynt dysgu 1: Ni chafodd y fam gynnig gwasanaeth yn Gymraeg

4.4 Cymraeg yw iaith gyntaf y fam, ond cafodd bob apwyntiad ac ymweliad yn Saesneg.

Cwestiynau i'r Bwrdd:

1. Sut mae'r Bwrdd yn gwybod a yw teuluoedd yn cael cynnig gwasanaeth yn Gymraeg?

Pwynt dysgu 2: Ni ofynnodd neb pwy arall oedd yn byw yn y garafán

4.6 Gwelodd yr ymwelydd iechyd esgidiau gwaith dyn wrth ddrws y garafán ar ddau ymweliad."""

    first, second = propose_findings(pages(text)).findings

    assert first.questions == ["Sut mae'r Bwrdd yn gwybod a yw teuluoedd yn cael cynnig gwasanaeth yn Gymraeg?"]
    assert second.questions == []


def test_findings_lettered_in_the_conclusions_are_the_findings_and_a_remits_lettered_tasks_are_not():
    text = """2. Remit

(a) establish the involvement of each agency with Child F and his family from January 2006;

(b) consider whether information was shared effectively between agencies and between the parts of the area.

8. Conclusions

(a) Professionals on the island knew the family well socially, and this made it harder for them to see and to say
that Child F was being harmed. The health visitor and the nursery head were neighbours of the family.

(b) The mother's partner was never checked, because no agency saw it as its job to find out about a new adult in the
household. Social work services treated him as a visitor, and the police were never asked.

Points for the Child Protection Committee to consider:

1. How will agencies find out about a new adult joining a household where there are concerns about a child?

(c) Each move between the island and the mainland closed one agency's involvement before the next had begun, so the
fracture and the bruising were never seen together by anyone.

Could the harm have been predicted?

8.2 The review team does not believe that the scalding itself could have been predicted."""

    proposal = propose_findings(pages(text))

    assert [f.label for f in proposal.findings] == ["Conclusion (a)", "Conclusion (b)", "Conclusion (c)"]
    first, second, third = proposal.findings
    assert "neighbours of the family" in first.text
    assert second.questions == [
        "How will agencies find out about a new adult joining a household where there are concerns about a child?"
    ]
    assert "scalding" not in third.text


def test_paragraphs_opening_with_a_series_of_the_reports_words_are_the_findings_and_its_other_run_ins_are_not():
    text = """5. What we found and what needs to change

5.1.1 What we found: the pre-birth assessment was completed on time and was carefully written, but it rested almost
entirely on what the mother said.

5.1.2 What needs to change 1: pre-birth assessments need to include both parents in person, and need to test what a
parent says about the past against the records.

5.2.1 What we found: the parents were given the standard safe sleep advice three times before the move.

5.2.2 What needs to change 2: safe sleep advice needs to be repeated whenever a family's circumstances change, and
it needs to cover alcohol and sofas.

Questions for the SBNI to consider:

1. Should the Housing Executive's forms ask whether there is a baby in the household?

6. Good practice

6.1 The midwife recorded the mother's history well."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("What needs to change 1", "Pre-birth assessments need to include bo"),
        ("What needs to change 2", "Safe sleep advice needs to be repeated w"),
    ]
    assert proposal.findings[1].questions == [
        "Should the Housing Executive's forms ask whether there is a baby in the household?"
    ]


SUMMARY_BOX = [
    "2. Summary of findings",
    "2.1 The review identified three findings. They are stated in the box below and discussed in section 6, where "
    "each has a short heading of its own.",
]
BOX = (
    "1. Home visits were nearly always arranged in advance, so professionals saw the house on its best day.\n"
    "2. Information from the fire service's home safety visits did not reach the agencies assessing neglect.\n"
    "3. The mother's drinking was judged mainly from her own account, because nobody asked adult services."
)
DISCUSSION = [
    "6. The findings in detail",
    "6.1 The findings are discussed below in the order of the box in section 2.",
    "Visits by appointment",
    "How did the issue show itself in this case?",
    "6.2 Sixteen of the nineteen visits to the family home in Northshire were arranged in advance by letter.",
    "Why does it matter?",
    "6.3 Neglect is about the daily experience of the child, which a visit by appointment does not show.",
    "Issues for the Board to consider",
    "1. How will the Board know whether unannounced visits are being used where neglect is the main concern?",
    "Fire safety and the picture of neglect",
    "How did the issue show itself in this case?",
    "6.4 The two home fire safety checks gave the clearest picture anyone had of the children's bedroom at night.",
    "Why does it matter?",
    "6.5 Fire is one of the ways in which neglect kills, and crews see what other visitors do not.",
    "Her own account",
    "How did the issue show itself in this case?",
    "6.6 The community alcohol service had seen the mother twice, and nobody asked it what it knew.",
    "Why does it matter?",
    "6.7 A parent's own account is an important part of an assessment, but it cannot be the whole of it.",
    "Issues for the Board to consider",
    "2. How can children's social care find out what adult services know about a parent's drinking?",
    "7. Conclusion",
    "7.1 The review does not suggest that different practice would certainly have prevented the fire.",
]


def assert_findings_titled_by_the_box(proposal):
    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("Finding 1", "Home visits were nearly always arranged "),
        ("Finding 2", "Information from the fire service's home"),
        ("Finding 3", "The mother's drinking was judged mainly "),
    ]
    first, second, third = proposal.findings
    assert first.text.startswith("Visits by appointment\n\nHow did the issue show itself in this case?")
    assert "Why does it matter?" in first.text and "Sixteen of the nineteen visits" in first.text
    assert "fire safety checks" not in first.text
    assert first.questions == [
        "How will the Board know whether unannounced visits are being used where neglect is the main concern?"
    ]
    assert second.questions == []
    assert third.questions == [
        "How can children's social care find out what adult services know about a parent's drinking?"
    ]
    assert "would certainly have prevented" not in third.text


def test_findings_stated_in_a_summary_box_and_discussed_under_short_headings_take_the_boxs_statements():
    text = "\n\n".join([*SUMMARY_BOX, BOX.replace("\n", "\n\n"), *DISCUSSION])

    assert_findings_titled_by_the_box(propose_findings(pages(text)))


def test_a_summary_box_in_a_word_table_cell_titles_the_findings_discussed_under_short_headings(tmp_path):
    path = make_docx(tmp_path / "review.docx", SUMMARY_BOX, table=[[BOX]], after_table=DISCUSSION)

    assert_findings_titled_by_the_box(propose_findings(extract(path, name=path.name).pages))


def test_repeated_sub_headings_without_a_summary_box_stay_inside_findings_headed_by_short_names():
    proposal = propose_findings(pages("\n\n".join(DISCUSSION)))

    assert [f.title for f in proposal.findings] == [
        "Visits by appointment",
        "Fire safety and the picture of neglect",
        "Her own account",
    ]
    assert "Why does it matter?" in proposal.findings[1].text


def test_a_report_in_welsh_and_english_columns_side_by_side_is_read_in_its_english_column(tmp_path):
    table = [
        ["Cymraeg", "English"],
        ["Pwynt dysgu 1: Ni chafodd y clais ei atgyfeirio", "Learning point 1: The bruise was not referred"],
        [
            "4.2 Gwelodd yr ymwelydd iechyd glais bach ar glust y babi ym mis Chwefror.",
            "4.2 The health visitor saw a small bruise on the baby's ear in February and accepted the explanation.",
        ],
        ["Cwestiynau i'r Bwrdd:", "Questions for the Board:"],
        [
            "(i) Sut mae'r Bwrdd yn gwybod bod y protocol yn cael ei ddilyn?",
            "(i) How does the Board know that the protocol on bruising is followed in every case?",
        ],
        [
            "Pwynt dysgu 2: Ni chofnodwyd pryderon y nain",
            "Learning point 2: The grandmother's worries were not recorded",
        ],
        [
            "4.3 Dywedodd y nain wrth arweinydd y cylch ei bod yn poeni.",
            "4.3 The grandmother told the playgroup leader, in Welsh, that she was worried about the baby's crying.",
        ],
    ]
    path = make_docx(
        tmp_path / "review.docx",
        ["4. Dysgu ymarfer a sefydliadol / Practice and organisational learning"],
        table=table,
        after_table=["5. Arfer effeithiol / Effective practice", "5.1 The paediatric team acted promptly."],
    )

    proposal = propose_findings(extract(path, name=path.name).pages)

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Learning point 1", "The bruise was not referred"),
        ("Learning point 2", "The grandmother's worries were not recorded"),
    ]
    first, second = proposal.findings
    assert first.text.startswith("The health visitor saw a small bruise") and "Gwelodd" not in first.text
    assert first.questions == ["How does the Board know that the protocol on bruising is followed in every case?"]
    assert second.text.startswith("The grandmother told the playgroup leader")


def test_a_bare_learning_heading_under_a_numbered_period_ends_at_the_next_numbered_heading():
    text = """5. Analysis

5.1 Primary school years (2014 to 2017)

5.1.1 Child X was often tired at school and her drawings worried a classroom assistant.

Learning

5.1.4 Sexualised behaviour in a young child was explained away by the first account offered, and it was never put
together with her tiredness, her reluctance to go home and her physical symptoms.

5.2 The move (2017)

5.2.1 The family was rehoused in an emergency after a threat to the father.

Learning

5.2.4 When a family is moved in an emergency because of a threat, the move can cut the children off from every
professional who knew them."""

    proposal = propose_findings(pages(text))

    assert [f.title[:45] for f in proposal.findings] == [
        "Sexualised behaviour in a young child was exp",
        "When a family is moved in an emergency becaus",
    ]
    assert "rehoused" not in proposal.findings[0].text


def test_the_answers_to_the_reviews_numbered_questions_are_its_findings_and_an_unanswered_one_is_not():
    text = """5. The review's questions and what we found

Question 1: How well did agencies understand what was happening when Young Person U began to go missing?

Answer: Each missing episode was dealt with on its own, and nobody looked at the pattern until after he was hurt.
Every episode was risk-assessed and recorded with care.

5.2 The police recorded eleven missing episodes in a year.

Question 2: Did the Children's Hearing have the information it needed?

Answer: We could not answer this question with confidence. The papers before a hearing are confidential.

Question 3: How were Young Person U and his mother involved in plans to keep him safe?

Answer: His mother was left to keep him safe on her own, and his own view of the risk was never asked for.

Points for the Committee to consider:

1. What support is available to a parent whose child is being exploited?

6. What his mother asked us

Question: Why did nobody tell me?

Answer: The police concern report was shared with social work, but it was not discussed with you."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("Question 1", "Each missing episode was dealt with on i"),
        ("Question 3", "His mother was left to keep him safe on "),
    ]
    assert "eleven missing episodes" in proposal.findings[0].text
    assert proposal.findings[1].questions == ["What support is available to a parent whose child is being exploited?"]


LEARNING_TABLE = [
    ["Ref", "What we learned", "Recommendation", "Lead"],
    [
        "L1",
        "Nobody who visited the house asked about the dogs. The forms did not ask about animals.",
        "R1. The partnership should add questions about dogs to the home visit templates.",
        "Partnership business unit",
    ],
    [
        "L2",
        "The two children's absences were handled as attendance problems. Nobody put them side by side. "
        "Questions for the partnership: (a) How will the partnership know whether attendance concerns are shared? "
        "(b) Do nursery staff know that absence can be a sign of neglect?",
        "R2. The partnership should ask the education service to revise its attendance procedure.",
        "Education service",
    ],
    ["", "", "R3. Children's social care should record the attendance of every child in the household.", "CSC"],
    [
        "General",
        "The learning in this review applies across the partnership.",
        "R4. The partnership should publish a briefing on this review.",
        "Partnership business unit",
    ],
]


def test_a_table_of_learning_with_recommendations_gives_findings_their_questions_and_recommendations(tmp_path):
    path = make_docx(
        tmp_path / "review.docx",
        ["6. Learning and recommendations", "6.1 The table sets out what we learned and what we recommend."],
        table=LEARNING_TABLE,
        after_table=["7. Good practice", "7.1 The nursery kept careful records."],
    )
    document_pages = extract(path, name=path.name).pages

    proposal = propose_findings(document_pages)

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("L1", "Nobody who visited the house asked about the dogs"),
        ("L2", "The two children's absences were handled as attendance problems"),
    ]
    assert proposal.findings[1].questions == [
        "How will the partnership know whether attendance concerns are shared?",
        "Do nursery staff know that absence can be a sign of neglect?",
    ]
    assert "R2." not in proposal.findings[1].text
    assert recommended(proposal, document_pages) == [
        ("R1", "The partnership should add que", ["L1"]),
        ("R2", "The partnership should ask the", ["L2"]),
        ("R3", "Children's social care should ", ["L2"]),
        ("R4", "The partnership should publish", []),
    ]


def test_a_plain_text_table_whose_cell_runs_over_several_lines_is_read_row_by_row():
    header = "Ref | What we learned | Recommendation | Lead"
    rows = [
        "L1 | Nobody asked about the dogs. The forms did not ask. | R1. The partnership should add questions. | Unit",
        "L2 | The absences were handled as attendance problems. Nobody put them side by side.",
        "Questions for the partnership:",
        "(a) How will the partnership know whether attendance concerns are shared? | R2. The partnership should ask"
        " the education service to revise its procedure. | Education service",
    ]
    text = "6. Learning and recommendations\n\n" + "\n".join([header, *rows])

    proposal = propose_findings(pages(text))

    assert [f.label for f in proposal.findings] == ["L1", "L2"]
    assert proposal.findings[1].questions == ["How will the partnership know whether attendance concerns are shared?"]


def test_row_cells_keep_empty_cells_at_either_end_and_between():
    assert row_cells("| | R3. Children's social care should record | CSC") == [
        "",
        "",
        "R3. Children's social care should record",
        "CSC",
    ]
    assert row_cells("1 | Revise the procedure | Lead |") == ["1", "Revise the procedure", "Lead", ""]
    assert row_cells("1 | Regional | | Lead | | Support") == ["1", "Regional", "", "Lead", "", "Support"]


def test_a_findings_table_numbered_within_themes_keeps_its_numbers_as_labels():
    text = """4. Learning

No. | Learning point | Detail
1.1 | The bruise was explained away | The health visitor accepted that the baby had rolled into the cot bars.
1.2 | Nobody asked who lived in the house | The mother's partner was never named in any record."""

    proposal = propose_findings(pages(text))

    assert [f.label for f in proposal.findings] == ["Learning point 1.1", "Learning point 1.2"]


def test_a_chapter_numbered_lower_than_the_one_before_is_a_stray_line_not_a_new_chapter():
    text = """6. Findings

Finding 1: Missing episodes were counted, not analysed

6.1 Each missing episode was recorded on its own.

7. Recommendations

No. | Recommendation | Lead
R1 | The SBNI should develop regional guidance on the analysis of missing episodes. |

1 SBNI

R2 | Health and Social Care Trusts should audit case records for language implying consent. | Trusts
R3 | The SBNI should report to the Department of Health within twelve months. | SBNI"""

    proposal = propose_findings(pages(text))

    assert [r[0] for r in recommended(proposal, pages(text))] == ["R1", "R2", "R3"]


def test_statement_headings_ending_with_their_finding_tag_are_findings_and_good_practice_ones_are_not():
    text = """6. Findings

Professionals saw Mother's partner in the home but never asked who he was (Finding 1)

6.1 Adult K was seen by the midwife once and by the health visitor once.

The midwife's record of Mother's history was detailed and shared before discharge (Good practice 1)

6.2 The record was a model of its kind.

A bruise on a five-week-old baby was treated as a minor injury (Finding 2)

6.3 Bruising in a baby who is not yet rolling is rare.

7. Recommendations

1. The partnership should remind practitioners of its bruising protocol. (Finding 2)"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding 1", "Professionals saw Mother's partner in the home but never asked who he was"),
        ("Finding 2", "A bruise on a five-week-old baby was treated as a minor injury"),
    ]
    assert "model of its kind" not in proposal.findings[0].text
    assert [r[0] for r in recommended(proposal, pages(text))] == ["1"]


def test_learning_points_set_out_with_their_actions_under_improving_systems_and_practice_are_the_findings():
    text = """4. Practice and organisational learning

4.1 The following learning was identified. The learning points are set out in section 6.

4.2 The school dealt with the phone under its behaviour policy.

6. Improving systems and practice

6.1 The review identified the following actions for the Board and the anticipated outcomes.

Learning point 1: A second phone was treated as a behaviour problem. The school filed the head of year's note.

Action 1: The Board should ask the education service to revise behaviour policies.

Anticipated improvement outcome: staff recognise unexplained phones as a safeguarding concern.

Learning point 2: Each missing episode was recorded on its own. Nobody looked at the pattern.

Questions for the Board:

1. How does each agency know how many times a child has gone missing?

Action 2: The Board should agree a threshold of repeated missing episodes."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Learning point 1", "A second phone was treated as a behaviour problem"),
        ("Learning point 2", "Each missing episode was recorded on its own"),
    ]
    assert "Action 1" not in proposal.findings[0].text
    assert proposal.findings[1].questions == ["How does each agency know how many times a child has gone missing?"]
    assert [r[0] for r in recommended(proposal, pages(text))] == ["Action 1", "Action 2"]


def test_headings_over_recommendations_that_restate_the_findings_are_not_findings_themselves():
    text = """5. Analysis

5.1 The review looked at each agency's work.

6. Recommendations

Learning point 1: Phones and secret messaging

Action 1: The Board should ask the education service to revise behaviour policies.

Learning point 2: Missing episodes

Action 2: The Board should agree a threshold of repeated missing episodes."""

    proposal = propose_findings(pages(text))

    assert "Learning point 1" not in [f.label for f in proposal.findings]


def test_findings_stated_in_headings_under_the_wellbeing_indicators_are_the_findings():
    text = """5. Learning through the wellbeing indicators

5.1 The review team used the eight wellbeing indicators to organise its learning. Each indicator has its own
heading.

Safe

Adults' drinking was known to every agency, but nobody asked who was looking after the children in the
evenings

5.2 Each agency held part of the picture.

5.3 What nobody asked was the practical question.

For the Child Protection Committee to consider:

1. How do practitioners find out who cares for children when a parent's drinking is known?

Healthy

Missed dental and health appointments were recorded as the family's choice rather than as a sign of neglect

5.4 Child D was not brought to four dental appointments.

What helped

5.5 The school nurse's letter was clear.

Active

5.6 The team found no separate learning under this indicator.

Respected

5.7 The team found no separate learning under this indicator.

What helped

5.8 Once Child D was in hospital his views were sought carefully.

6. What Child D and his family told us

6.1 Mother said that nobody had asked her."""

    proposal = propose_findings(pages(text))

    assert [f.title for f in proposal.findings] == [
        "Adults' drinking was known to every agency, but nobody asked who was looking after the children in the "
        "evenings",
        "Missed dental and health appointments were recorded as the family's choice rather than as a sign of neglect",
    ]
    assert "school nurse's letter" in proposal.findings[1].text  # ("What helped" under it stays in it)
    assert proposal.findings[0].questions == [
        "How do practitioners find out who cares for children when a parent's drinking is known?"
    ]


def test_findings_stated_as_numbered_clauses_of_one_conclusions_paragraph_are_each_a_finding():
    text = """5. Analysis

Information held by health

5.1 The hospital recorded the self-harm accurately.

6. Conclusions

6.1 Having considered the analysis, the panel reached three conclusions about how the system worked for
Young Person R: (i) information about his self-harm was held by three agencies and never brought together;
(ii) the effect of his father's imprisonment was not recognised as a risk in itself; and (iii) the only
relationship that he valued ended without warning.

6.2 As to conclusion (i), the hospital, CAMHS and the GP each assumed that another agency had shared it.

6.3 As to conclusion (ii), Young Person R lost his father, his home and his friends within six months.

The panel invites the SBNI to consider:

1. How are schools told, safely, when a pupil's parent is imprisoned?

6.4 As to conclusion (iii), the youth project's funding ended and its worker left.

6.5 The panel also noted three strengths: (a) the emergency department staff were kind; (b) the youth worker
kept in touch; and (c) the school's pastoral lead visited the family.

7. Recommendations

7.1 The SBNI should agree how information about self-harm is shared with schools (conclusion (i)).

7.2 The Education Authority should offer support to the children of prisoners (conclusion (ii))."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Conclusion (i)", "Information about his self-harm was held by three agencies and never brought together"),
        ("Conclusion (ii)", "The effect of his father's imprisonment was not recognised as a risk in itself"),
        ("Conclusion (iii)", "The only relationship that he valued ended without warning"),
    ]
    assert proposal.findings[0].text.startswith("As to conclusion (i), the hospital")
    assert proposal.findings[1].questions == ["How are schools told, safely, when a pupil's parent is imprisoned?"]
    assert "three strengths" not in proposal.findings[2].text
    assert [r[2] for r in recommended(proposal, pages(text))] == [["Conclusion (i)"], ["Conclusion (ii)"]]


def test_findings_set_out_in_a_learning_summary_table_in_an_appendix_with_questions_named_by_code():
    text = """5. Analysis

Substitute prescribing and children

5.1 The decision to relax supervised consumption was made on the addiction service's criteria.

6. Conclusion

6.1 The panel's learning is set out in the learning summary at Appendix 3. It is not repeated here.

Appendix 3: Learning summary

No. | What the panel learned | Discussed at paragraphs
L1 | Take-home methadone was continued without any thought for the children. The review did not ask. | 5.1
L2 | The pharmacy noticed a change but had no route to tell anyone. Nobody asked it. | 5.2, 5.3

Questions for the SBNI on L2

1. How do community pharmacists raise concerns about a patient's collection pattern?

Appendix 4: Good practice summary

No. | What worked well | Discussed at paragraphs
G1 | Mother called for help immediately. | 4.16"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("L1", "Take-home methadone was continued without any thought for the children"),
        ("L2", "The pharmacy noticed a change but had no route to tell anyone"),
    ]
    assert "5.2, 5.3" not in proposal.findings[1].text
    assert proposal.findings[1].questions == [
        "How do community pharmacists raise concerns about a patient's collection pattern?"
    ]


def test_findings_under_bare_code_headings_take_the_code_as_label_and_the_family_section_is_none():
    text = """5. Practice and organisational learning

5.1 The following learning has been identified. Each learning point has a code.

LP1

The midwife was not told that the father had been reported to the police.

5.2 The routine enquiry was made in the presence of Adult F.

LP2

A bruise on a four-week-old baby was accepted as accidental.

5.3 HV1 knew about the protocol and had used it before.

What the family told the review

5.4 Mother and the grandparents met the reviewer at their home.

6. Effective practice

6.1 The midwife's booking was thorough."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("LP1", "The midwife was not told that the father had been reported to the police"),
        ("LP2", "A bruise on a four-week-old baby was accepted as accidental"),
    ]
    assert "grandparents" not in proposal.findings[1].text


def test_a_numbered_list_of_findings_broken_by_a_page_footer_and_numbered_again_is_one_list():
    first = """7. Key findings

7.1 The review team identified four key findings, set out as one list that continues on the next page.

1. Each agency held a small part of the picture of neglect, and no agency brought the parts together until Child M was
found in the street by a neighbour.

2. The school's good attendance record for Child M reassured professionals, although he was arriving hungry and in
pain on most mornings of the spring term.

Dunmorrach CPC | SCR Child M | Final | Page 16"""
    second = """Significant Case Review: Child M

1. A new adult in the household was known to the police but was not assessed by any agency, because Mother said that
he did not live there and nobody checked.

2. Mother's alcohol use was recorded as a matter for the addiction service and was not linked to the care of her
children by any of the agencies involved.

Dunmorrach CPC | SCR Child M | Final | Page 17

Significant Case Review: Child M

8. Questions for the Child Protection
Committee

Key finding 2

1. What information other than attendance does the social work service seek from a school?"""

    proposal = propose_findings(pages(first, second))

    assert [f.label for f in proposal.findings] == ["Key finding 1", "Key finding 2", "Key finding 3", "Key finding 4"]
    assert proposal.findings[1].questions == [
        "What information other than attendance does the social work service seek from a school?"
    ]
    assert all("Page 16" not in f.text for f in proposal.findings)


def test_findings_stated_only_in_a_summary_bullet_list_title_the_analysis_headings_in_order():
    text = """1. Executive summary

Summary of findings

\u2022 Finding 1 \u2014 Child K's life in one room of a hostel was never treated as a safeguarding matter. Each
agency saw part of it.

\u2022 Finding 2 \u2014 Professionals relied on Mother's account of who lived in the household.

What went well

\u2022 Good practice 1 \u2014 The nurse spoke to Child K alone.

6. Analysis

Living in one room

6.1 The family lived in one room for eleven months.

The men in Child K's life

6.2 Adult M was seen at the hostel twice."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding 1", "Child K's life in one room of a hostel was never treated as a safeguarding matter"),
        ("Finding 2", "Professionals relied on Mother's account of who lived in the household"),
    ]
    assert proposal.findings[1].text.startswith("The men in Child K's life")


def test_findings_set_out_as_numbered_that_clauses_after_the_panel_found_and_questions_on_each():
    text = """7. Conclusions

7.1 Having considered all the information, the panel found, numbering the findings for reference:

1. that the placement forty miles from her school increased her isolation. She lost her friends.

2. that recording her absences as 'absent' rather than 'missing' lowered the response.

7.2 The panel also found that some practice was of a good standard, namely:

3. that the residential social worker completed the risk assessment thoroughly.

8. Recommendations

8.1 The panel recommends:

1. that the Trust should review every placement more than twenty miles from home (Finding 1).

9. Questions for the SBNI

Questions on Finding 2

1. How does each agency know how many children are recorded as absent?"""

    document_pages = pages(text)
    proposal = propose_findings(document_pages)

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("Finding 1", "The placement forty miles from her school increased her isolation"),
        ("Finding 2", "Recording her absences as 'absent' rather than 'missing' lowered the response"),
    ]
    assert proposal.findings[1].questions == ["How does each agency know how many children are recorded as absent?"]
    assert [r[:2] for r in recommended(proposal, document_pages)] == [("1", "that the Trust should review e")]


def test_findings_stated_in_roman_numbered_headings_over_numbered_paragraphs():
    text = """6. Key findings

6.1 The reviewers set out three key findings, each in a heading numbered in Roman numerals.

I. The risk that methadone in the home posed to a toddler was never assessed

6.2 Every practitioner knew that methadone is dangerous to young children.

II. Mother's engagement was taken as evidence that the children were safe

6.3 Mother attended almost every appointment.

III. Information held by adult services did not reach the children's workers

6.4 The recovery service held information that would have changed the plan.

7. What worked well

I. The nursery's key worker noticed the child's hunger

7.1 She spoke to Mother kindly and directly.

8. Recommendations

8.1 The reviewers make one recommendation.

8.2 Recommendation 1 \u2013 The recovery service should require a home visit before take-home doses start."""

    document_pages = pages(text)
    proposal = propose_findings(document_pages)

    assert [f.title for f in proposal.findings] == [
        "The risk that methadone in the home posed to a toddler was never assessed",
        "Mother's engagement was taken as evidence that the children were safe",
        "Information held by adult services did not reach the children's workers",
    ]
    assert [r[:2] for r in recommended(proposal, document_pages)] == [
        ("Recommendation 1", "The recovery service should re")
    ]


def test_running_headers_of_parts_set_apart_or_of_cells_are_dropped_and_a_table_header_repeated_is_kept():
    header = "Northshire LSCB \u2013 Serious Case Review \u2013 Child N \u2013 Final"
    row_header = "Northshire LSCB | Serious Case Review: Child N | Final"
    table = "Period | What happened\nAutumn 2010 | Four appointments missed"
    text = [f"{header}\n\n{row_header}\n\n{n}. Section {n}\n\nThe panel read the records for period {n}.\n\n{table}"
            for n in range(1, 4)]  # fmt: skip

    blocks = read_blocks(pages(*text))

    assert not any(header in b.text or "Serious Case Review: Child N" in b.text for b in blocks)
    assert sum(b.text == "Period | What happened" for b in blocks) == 3


def test_a_letters_date_is_not_a_numbered_heading():
    text = """Appendix 2: Letter to the Chair

14 June 2004

Dear Mr Brown,

I write on behalf of the panel.

3 March 2005

Finding 1: The bruise was explained away

The GP accepted the explanation."""

    blocks = read_blocks(pages(text))

    assert [b.text for b in blocks if b.heading] == [
        "Appendix 2: Letter to the Chair",
        "Finding 1: The bruise was explained away",
    ]


def test_conclusions_counted_first_second_third_are_findings_with_the_questions_after_them():
    text = """2. Terms of reference

Term of reference 1: understanding the risk

Term of reference 2: missed appointments

9. Conclusions

9.1 The panel has reached four conclusions. Each paragraph opens with the conclusion itself.

9.2 First, professionals treated the child's diabetes as a medical problem rather than a question about her care.
The signs were consistent with neglect.

9.3 The panel does not criticise the clinic for working in partnership with Mother.

9.4 Second, the repeated failure to bring the child to appointments was counted by each agency separately.

The LSCB may wish to consider:

1. How would the LSCB know whether a child is repeatedly not brought to appointments?

9.5 Third, the move to temporary accommodation broke the links between the child's services.

9.6 Fourth, the referral was assessed as a request for family support.

10. Good practice

10.1 First, the school nurse kept in touch with the family."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Conclusion 1", "Professionals treated the chil"),
        ("Conclusion 2", "The repeated failure to bring "),
        ("Conclusion 3", "The move to temporary accommod"),
        ("Conclusion 4", "The referral was assessed as a"),
    ]
    assert "does not criticise the clinic" in proposal.findings[0].text
    assert proposal.findings[1].questions == [
        "How would the LSCB know whether a child is repeatedly not brought to appointments?"
    ]


def test_themes_each_over_a_table_of_numbered_key_learning_give_one_finding_a_row():
    text = """5. Learning

Theme 1: Staying in school

Ref | Key learning | What needs to change
1.1 | Informal exclusions removed him from school more often than the records showed. | Record every exclusion.
1.2 | The support plan did not follow him to secondary school. | Plans should move with the child.

Questions for the CPC on key learning 1.2:

1. How does the CPC know whether support plans reach the right staff when children move school?

Theme 2: Seeing exploitation

Ref | Key learning | What needs to change
2.1 | Each agency's worries described exploitation, but they were never put together. | Share concerns early.

6. What worked well

Ref | What worked well | Why it matters
G1 | The youth worker kept in contact through lockdown. | Relationships matter."""

    proposal = propose_findings(pages(text))

    assert [f.label for f in proposal.findings] == ["Key learning 1.1", "Key learning 1.2", "Key learning 2.1"]
    assert proposal.findings[1].questions == [
        "How does the CPC know whether support plans reach the right staff when children move school?"
    ]


def test_themes_over_a_table_without_numbers_stay_the_findings():
    text = """5. Learning

Theme 1: The children were noted

Theme | What we learned | Recommendations
Voice | Children were recorded as present but not spoken to. | The Board should agree a standard.
Plans | MARAC actions were tasks, not a plan. | The partnership should review cases.
Noise | Complaints were treated as anti-social behaviour. | The council should share them.

Theme 2: A patient, not a risk

Health services saw his symptoms but did not ask about the risk he posed."""

    proposal = propose_findings(pages(text))

    assert [f.label for f in proposal.findings] == ["Theme 1", "Theme 2"]


def test_lessons_set_out_as_sentences_of_their_own_among_numbered_paragraphs_are_the_findings():
    text = """7. Lessons learned

7.1 The panel has identified three lessons. Each is set out in a sentence of its own, then discussed.

The school held more information about the young person than any other agency, but its concerns stayed pastoral.

7.2 The pastoral system recorded everyday difficulties well. It was not designed to see a pattern.

Questions for the SBNI:

1. How can the SBNI be assured that pastoral concerns reach the designated teacher?

Each presentation with self-harm was assessed as a new episode, and the waiting list was treated as a plan.

7.3 The GP and the emergency department each responded to the presentation in front of them.

"We were told to watch her phone, but nobody told us what we were watching for."

Professionals rarely spoke to the young person on her own, and what she said was not recorded in her words.

7.4 She was seen alone by the school counsellor only."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Lesson 1", "The school held more informati"),
        ("Lesson 2", "Each presentation with self-ha"),
        ("Lesson 3", "Professionals rarely spoke to "),
    ]
    assert [q[:30] for q in proposal.findings[0].questions] == ["How can the SBNI be assured th"]


def test_learning_points_numbered_in_roman_through_a_sections_themes_are_each_a_finding():
    text = """4. Learning for practice

Theme 1: Seeing the child every day

(i) The nursery's detailed daily knowledge of the child's hunger and clothing stayed inside the setting for
more than a year, and nobody outside it knew what the staff saw each morning when he arrived.

(ii) The child was recorded as not attending three times and discharged from the health visiting service
without anyone asking why a two-year-old had not been brought, or seeing him at home.

Questions for the Board

1. How does the Board know that a child who is not brought is followed up?

Theme 2: Moving between areas

(iii) When the family moved across a local authority boundary the transfer was handled as an administrative
task, and the receiving authority did not see the child for eleven weeks after the move.

5. Effective practice

(i) The nursery's daybook was detailed, dated and factual, and it recorded the child's own words as well as
what the staff saw and did, which made the review's work much easier."""

    proposal = propose_findings(pages(text))

    assert [f.label for f in proposal.findings] == ["Learning point (i)", "Learning point (ii)", "Learning point (iii)"]
    assert [len(f.questions) for f in proposal.findings] == [0, 1, 0]


def test_rows_of_a_timeline_headed_by_a_findings_label_are_the_findings():
    text = """5. What happened and what we learned

When | What happened | Who was involved
March 2021 | Pre-birth planning meeting; Mother attends with her throughcare worker. | Family nurse
Key practice learning 1 | The assessment of risk to the unborn baby looked closely at Mother and hardly at Father. |
Day 9 | Discharge home; discharge checklist completed with Mother. | Neonatal unit
What worked well | Neonatal nurses involved both parents in their baby's care from the first day. |
Key practice learning 2 | Discharge was planned around the baby's feeding, not his parents' capacity to care. |"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Key practice learning 1", "The assessment of risk to the "),
        ("Key practice learning 2", "Discharge was planned around t"),
    ]


def test_a_findings_tables_question_column_gives_each_finding_its_questions_and_a_dash_none():
    text = """6. Findings

Finding | Evidence | Question for the partnership
When he was excluded he lost the one place where adults saw him every day. | The governors did not ask. | \u2013
Each missing episode was closed as a separate event, so the pattern was not seen. | Three return interviews \
were late. | How will the partnership know that missing episodes are read together? Who owns the pattern?"""

    proposal = propose_findings(pages(text))

    assert [list(f.questions) for f in proposal.findings] == [
        [],
        ["How will the partnership know that missing episodes are read together?", "Who owns the pattern?"],
    ]


def test_findings_stated_where_numbered_paragraphs_end_are_the_findings_with_the_paragraphs_after_them():
    text = """7. Analysis

Where the family lived

7.1 The family were placed in one room at a hotel, without space for a cot.

7.2 None of these placements was notified to health visiting, and the room itself was a risk to the baby's \
sleep. Finding 1: The housing service placed the family in a room with no space for a cot, and no agency treated \
the room itself as a risk.

7.3 It is important to be clear about what this finding does not say.

What parents were told

7.4 Safe sleep advice was given to Mother four times. Good practice: the midwife gave it at home, with a \
leaflet in her language.

7.5 Father cared for the baby most nights and was never given the advice. Finding 2: Safe sleep advice was \
given to Mother several times, but never to Father.

The partnership may wish to consider:

1. How do services know who cares for a baby at night?"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("Finding 1", "The housing service placed the family in"),
        ("Finding 2", "Safe sleep advice was given to Mother se"),
    ]
    assert "It is important to be clear" in proposal.findings[0].text
    assert len(proposal.findings[1].questions) == 1


def test_paragraphs_tagged_at_their_end_in_two_languages_are_learning_points_titled_by_their_first_sentence():
    text = """6. The review's analysis

6.1 The analysis follows the terms of reference.

6.2 The school held the fullest picture of his distress but had no way to see it as a result of domestic abuse. \
The wellbeing log was kept apart from the safeguarding record. [Dysgu plant 1 / Child learning 1]

6.3 The police recorded six reports of the partner following her, each by a different officer.

6.4 The risk assessment treated the risk as belonging to the relationship, so it was seen as reduced when he \
left. Nobody asked what the children saw. [Dysgu oedolion 1 / Adult learning 1]"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:35]) for f in proposal.findings] == [
        ("Child learning 1", "The school held the fullest picture"),
        ("Adult learning 1", "The risk assessment treated the ris"),
    ]
    assert proposal.findings[0].text.startswith("The wellbeing log was kept apart")


def test_a_table_of_what_the_panel_found_for_each_term_of_reference_leaves_out_pointers_and_takes_questions_by_label():
    text = """7. Findings against the terms of reference

ToR | Term of reference | What the panel found
ToR 1 | To summarise each agency's involvement. | See section 5. This term of reference did not lead to a separate \
finding.
ToR 2 | To consider how the moves affected the help given. | Each move cut the family off from the professionals who \
knew them. No agency told the next one.
ToR 3 | To consider the information from probation. | The Probation Board's information was treated as being \
about an adult and was closed after one call.
ToR 4 | To consider health monitoring. | Addressed under ToR 2 (the gaps in health visiting).

8. Questions for the SBNI

The panel invites the SBNI to consider, in relation to ToR 3:

1. How does the SBNI know that information about an offender who lives with a child is treated as about the child?"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("ToR 2", "Each move cut the family off f"),
        ("ToR 3", "The Probation Board's informat"),
    ]
    assert [len(f.questions) for f in proposal.findings] == [0, 1]


def test_run_in_key_learning_labelled_in_two_languages_and_numbered_out_of_order_keeps_its_labels():
    text = """5. What happened

Stage 1: Before nursery

5.1 The family lived on an island and every appointment meant a ferry crossing.

Pr\u00ecomh ionnsachadh 3 / Key learning 3 \u2013 Because practitioners knew the family personally, concerns were \
raised informally and not recorded. The reviewers heard this from every practitioner they met on the islands, \
and from the family.

Stage 2: Nursery

Pr\u00ecomh ionnsachadh 1 / Key learning 1 \u2013 Missed mainland appointments were seen as a problem of travel, \
and nobody asked whether the child was being brought. No single practitioner held all seven missed appointments \
in view."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:35]) for f in proposal.findings] == [
        ("Key learning 3", "Because practitioners knew the fami"),
        ("Key learning 1", "Missed mainland appointments were s"),
    ]


def test_learning_points_on_lines_of_a_bilingual_box_among_other_lines_are_the_findings():
    text = """Dysgu i ymarferwyr a sefydliadau / Learning for practitioners and organisations
Take-home methadone. At the learning event the recovery worker explained how doses were moved to take-home.
Pwynt dysgu 1 / Learning point 1 \u2013 Decisions to let a parent take a week of methadone home were made without \
asking whether young children lived in the house or where the medicine would be kept, and were not reviewed.
Arfer effeithiol / Effective practice \u2013 The community pharmacist noticed two prescribers and telephoned the \
recovery service the same day.
What the health visitor knew. She did not know that he was still receiving methadone.
Pwynt dysgu 2 / Learning point 2 \u2013 The health visitor did not know that a parent was receiving opioid \
substitution treatment, because the recovery service recorded the number of children but not who they were."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:35]) for f in proposal.findings] == [
        ("Pwynt dysgu 1 / Learning point 1", "Decisions to let a parent take a we"),
        ("Pwynt dysgu 2 / Learning point 2", "The health visitor did not know tha"),
    ]


def test_findings_set_out_one_a_column_over_two_tables_keep_their_rows_under_their_names_and_their_questions():
    text = """7. The panel's findings

7.1 Each column is one finding.

| Finding 1 | Finding 2
What the panel found | Each missing episode was treated as a separate event, and nobody drew them together. | Return \
home interviews were offered only by the unit's own staff.
Why it matters | Exploitation is visible in a pattern. | Children talk to someone independent.
Questions for the SBNI | None. | How does the SBNI know that interviews are independent? Who asks the children?

Finding 3 Finding 4
What the panel found | The school was not invited to the looked after child reviews. | Police intelligence about \
the older males was not shared with the Trust.
Why it matters | Schools see children every day. | Disruption depends on each knowing what the other knows.
Questions for the SBNI | None. | None.

7.2 The findings are connected."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Finding 1", "Each missing episode was treat"),
        ("Finding 2", "Return home interviews were of"),
        ("Finding 3", "The school was not invited to "),
        ("Finding 4", "Police intelligence about the "),
    ]
    assert proposal.findings[1].text == "Why it matters: Children talk to someone independent."
    assert [len(f.questions) for f in proposal.findings] == [0, 2, 0, 0]


def test_a_findings_matrix_says_under_which_cases_each_finding_is_ticked():
    text = """5. Findings across the four reviews

No. | Finding | Baby E | Baby F | Baby G
1 | A small injury on a baby who could not yet move was explained by a parent and accepted. | \u2713 | \u2013 | \u2713
2 | The health visitor was not told when another service saw an injury. | \u2013 | \u2013 | \u2713
\u2013 | Money worries were part of everyday life for all the families. | \u2713 | \u2713 | \u2713"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Finding 1", "A small injury on a baby who c"),
        ("Finding 2", "The health visitor was not tol"),
    ]
    assert proposal.findings[0].text.endswith("Marked in the table for Baby E and Baby G.")
    assert proposal.findings[1].text.endswith("Marked in the table for Baby G.")


def test_key_findings_stated_mid_paragraph_by_their_order_are_the_findings_and_end_with_their_theme():
    text = """6. Analysis

Hearing from the child

6.1 Child R was seen by many professionals, who recorded her symptoms in her mother's words.

6.2 Ward nurses recorded that she played and ate normally. The review's first key finding is that what Child R \
said and did did not reach the doctors making decisions about her care. This matters because observation is evidence.

Three health boards

6.3 Each board's records were careful for its own part. The review's second key finding is that no single \
clinician held the whole picture of her care across the three health boards.

Questions for the Child Protection Committee:

1. Who is responsible for noticing that a child's pattern of attendances has become unusual?

6.4 The review heard about a lead paediatrician arrangement elsewhere.

The family

6.5 Her father was never asked about her health."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("Key finding 1", "What Child R said and did did not reach "),
        ("Key finding 2", "No single clinician held the whole pictu"),
    ]
    assert "This matters because observation is evidence." in proposal.findings[0].text
    assert "Three health boards" not in proposal.findings[0].text
    assert [len(f.questions) for f in proposal.findings] == [0, 1]
    assert "lead paediatrician" in proposal.findings[1].text
    assert "never asked about her health" not in proposal.findings[1].text


def test_learning_points_of_a_bilingual_box_run_into_one_paragraph_are_cut_at_their_labels_with_their_questions():
    text = """Dysgu i ymarferwyr a sefydliadau / Learning for practitioners and organisations

Take-home methadone. The recovery worker explained how doses were moved to take-home. Pwynt dysgu 1 / Learning \
point 1 \u2013 Decisions to let a parent take methadone home were made without asking whether young children lived \
in the house. Arfer effeithiol / Effective practice \u2013 The pharmacist noticed two prescribers. What the health \
visitor knew. She did not know about the methadone. (She had not been told.) Pwynt dysgu 2 / Learning point 2 \u2013 \
The health visitor did not know that a parent was receiving opioid substitution treatment. Cwestiynau i'r Bwrdd / \
Questions for the Board: \u2022 How does a recovery service find out who works with the children? \u2022 What do \
parents say would help?"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Pwynt dysgu 1 / Learning point 1", "Decisions to let a parent take"),
        ("Pwynt dysgu 2 / Learning point 2", "The health visitor did not kno"),
    ]
    assert [len(f.questions) for f in proposal.findings] == [0, 2]


def test_findings_are_the_rows_of_a_hypotheses_table_whose_outcome_names_a_finding_wherever_the_table_is():
    text = """5. Testing the rapid review's hypotheses

Ref | Rapid review hypothesis | What the review found | Outcome
H1 | Home education gave no agency a view of his welfare. | When Child W left the school roll, no agency was \
responsible for finding out whether he was safe. The adviser had four hundred children. | Confirmed \u2013 Finding 1
H2 | The academy pushed Mother to remove him. | The review found no evidence that the academy suggested home \
education to Mother. | Not confirmed
\u2013 | (Identified by this review.) | Nobody asked Child W what life at home was like. He said he would have \
told them. | New \u2013 Finding 2

6. Discussion

A young carer nobody named

6.1 Child W told three adults that he had to be home for his half-siblings (Finding 2).

Questions for the safeguarding partners:

1. How would a member of staff recognise a pupil who is caring for someone at home?"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        (
            "Finding 1",
            "When Child W left the school roll, no agency was responsible for finding out whether he was safe",
        ),
        ("Finding 2", "Nobody asked Child W what life at home was like"),
    ]
    assert "Rapid review hypothesis: Home education gave no agency a view of his welfare." in proposal.findings[0].text
    assert [len(f.questions) for f in proposal.findings] == [0, 1]


def test_learning_points_on_the_coded_tiles_of_a_designed_page_keep_their_codes():
    text = """5. Practice and organisational learning

5.1 The learning points are on the page that follows.

PD1 / LP1 Apwyntiadau a gollwyd / Missed appointments Repeated missed clinic appointments were treated as a \
problem of administration. The letters were polite. | PD2 / LP2 Yr hyn a wyddai'r ysgol / What the school knew The \
school held daily readings but had no route to the diabetes team. Staff kept a notebook.
Arfer effeithiol / Effective practice Gofal yn yr ysgol / Care at school The school's staff checked her blood \
glucose. | Sut i ddarllen / How to read this page Read each row from left to right."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title) for f in proposal.findings] == [
        ("LP1", "Repeated missed clinic appointments were treated as a problem of administration"),
        ("LP2", "The school held daily readings but had no route to the diabetes team"),
    ]


def test_key_learning_stated_in_figure_captions_is_the_learning_and_other_captions_are_not():
    text = """5. What happened and what we learned

The kinship household

5.1 The grandmother took Young Person N in under an order.

Figure 3: Key learning 1 \u2013 Once the order was made nobody had the task of noticing who else came to live in the \
household.

5.2 The allowance letter asked her to report changes.

Figure 4: What worked well \u2013 The interview was planned around her communication needs.

Figure 5: Key learning 2 \u2013 Every agency relied on a child with a language disorder telling them what was \
happening.

5.3 Every agency asked her how she was."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("Key learning 1", "Once the order was made nobody had the t"),
        ("Key learning 2", "Every agency relied on a child with a la"),
    ]


def test_a_finding_stated_after_the_recommendation_that_opens_its_paragraph_starts_a_finding_of_its_own():
    text = """7. Recommendations and the findings on which they rest

7.2 Recommendation 1 (regional): The SBNI should publish guidance on dogs in homes with babies. Finding 1: No \
agency whose staff saw the dog treated it as a possible risk to the child. The staff nurse saw the dog twice.

7.3 Recommendation 2 (local): The council and the Trust should share reports of dog bites. Finding 2: The report \
that the dog had bitten a child was held only by the dog control service. The warden recorded it accurately."""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("Finding 1", "No agency whose staff saw the dog treate"),
        ("Finding 2", "The report that the dog had bitten a chi"),
    ]
    assert proposal.findings[0].text.startswith("The staff nurse saw the dog twice.")


def test_learning_points_in_the_merged_first_column_of_the_actions_table_are_the_learning():
    text = """5. Practice and organisational learning

Signs of pregnancy

5.1 The school saw part of the picture (PD1 / LP1).

The GP consultation

5.2 The GP did not use the assessment (PD2 / LP2).

6. Improving systems and practice

Pwynt dysgu / Learning point | Cam gweithredu / Action | Arweinydd / Lead | Erbyn / By
PD1 / LP1 \u2013 Practitioners who saw signs of pregnancy explained them in other ways. The school saw part. | 1. The \
Board will issue guidance on concealed pregnancy. | Board Manager | 2023
| 2. The health board will train school nurses. | Named Nurse | 2023
PD2 / LP2 \u2013 The GP consultation did not include the assessment of the young person's partner. | 3. The health \
board will add the template. | Named GP | 2023
Arfer effeithiol / Effective practice \u2013 The midwife's care was excellent. | | |

Reflective questions for the Board on PD2 / LP2:

1. How will the Board know that the template is used?"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:40]) for f in proposal.findings] == [
        ("LP1", "Practitioners who saw signs of pregnancy"),
        ("LP2", "The GP consultation did not include the "),
    ]
    assert [len(f.questions) for f in proposal.findings] == [0, 1]


def test_statements_under_subject_lines_in_a_what_we_learned_section_are_the_learning_and_good_practice_is_not():
    text = """5. What we learned

5.1 Each item of key learning is shown by a large number and a statement, with the evidence underneath.

A family of five, not a mother and two babies

Perinatal mental health services assessed Mother as the mother of two infants and did not consider her older child.

5.2 The referral form and assessment template ask about the baby or babies and not about other children.

When things change

Child C's plan was not reviewed when the twins were born, and it lapsed over the summer holidays.

5.3 The Named Person knew that the twins had been born, and the plan set its review for September.

Fathers who work away

Father was not involved by any agency, because meetings were always arranged when he was offshore.

5.4 Father's work pattern was recorded by three agencies, but none of them used it.

What worked well

The neighbour who found Child C stayed with him, kept him still and called 999 at once.

6. Recommendations

Recommendation 1: The Chief Officers' Group should ask the health board to change its forms."""

    found = propose_findings(pages(text)).findings

    assert [(f.label, f.title[:40], f.text[:24]) for f in found] == [
        ("Learning 1", "Perinatal mental health services assesse", "The referral form and as"),
        ("Learning 2", "Child C's plan was not reviewed when the", "The Named Person knew th"),
        ("Learning 3", "Father was not involved by any agency, b", "Father's work pattern wa"),
    ]


NUMBERING_RUN_ON = """6. Key learning

6.1 The review identified three areas of key learning, each stated in the numbered list below.

1. When a young person in kinship care was using drugs, her grandmother was expected to manage risks alone

• Gran was told about the risks many times but was not offered any practical help.

6.2 Kinship carers are often older than other carers and have fewer resources to draw on.

2. Professionals saw the young person's drug use as her choice rather than as a sign of exploitation

• Nobody asked where the drugs came from or who paid for them.

Questions for the Child Protection Committee:

3. How does the Committee make sure that practitioners ask who supplies drugs to a young person?

4. Once she was on a part-time timetable, no one had a complete picture of where she was in the afternoons

• Gran believed that she was in school until three o'clock.

7. What worked well

7.1 The school nurse saw her promptly."""


def test_key_learning_stated_as_numbered_items_over_bullets_is_found_whatever_the_numbers_run_on_to():
    # (a list's numbering that ran on through the questions between its items: the learning is labelled by its place)
    proposal = propose_findings(pages(NUMBERING_RUN_ON))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Key learning 1", "When a young person in kinship"),
        ("Key learning 2", "Professionals saw the young pe"),
        ("Key learning 3", "Once she was on a part-time ti"),
    ]
    assert "Kinship carers are often older" in proposal.findings[0].text
    assert proposal.findings[1].questions == [
        "How does the Committee make sure that practitioners ask who supplies drugs to a young person?"
    ]
    assert "school nurse" not in proposal.findings[2].text


def test_a_scans_misread_finding_label_and_the_panels_questions_to_reflect_on_are_read_as_written():
    text = """7. Findings

7.1 The Panel makes three findings.

7.2 Finding 1: Repeated requests for inhalers were not recognised as a sign of poorly controlled asthma. The practice issued twenty-two inhalers in fifteen months.

The Panel asks the SBNI to reflect on the following:

1. How will the SBNI know that children who are not brought to appointments are followed up?

7.3 Fmding 2: The school had no healthcare plan for Child Y. Staff did not know what to do when he was breathless.

7.4 Finding 3: The mother's drinking was known to different services but never assessed. Nobody put that knowledge together."""  # noqa: E501

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Finding 1", "Repeated requests for inhalers"),
        ("Finding 2", "The school had no healthcare p"),
        ("Finding 3", "The mother's drinking was know"),
    ]
    assert proposal.findings[0].questions == [
        "How will the SBNI know that children who are not brought to appointments are followed up?"
    ]


def test_key_learning_on_cards_in_the_appendix_the_report_points_to_is_the_findings_each_with_its_backs_questions():
    text = """6. Analysis

6.1 This section explains the evidence under two topics. The key learning itself is on the cards in Appendix 2.

Seeing the child

6.2 The police attended fourteen times and nobody asked the boy what he saw.

The school

6.3 The school received six of the fourteen concern reports.

Appendix 2: Key learning cards

CARD 1 OF 2 \u00b7 FRONT

Key learning 1

When domestic abuse was reported, agencies worked with the adults and did not ask the boy what he saw.

CARD 2 OF 2 \u00b7 FRONT

Key learning 2

The Named Person received only some of the concern reports, so the link between home and school was never made.

CARD 2 OF 2 \u00b7 BACK

What we saw: six of fourteen reports reached the school.

CARD 1 OF 2 \u00b7 BACK

Questions for the Child Protection Committee

1. How will the Committee know that children's own accounts of domestic abuse are recorded?"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Key learning 1", "When domestic abuse was report"),
        ("Key learning 2", "The Named Person received only"),
    ]
    assert proposal.findings[0].questions == [
        "How will the Committee know that children's own accounts of domestic abuse are recorded?"
    ]
    assert "six of fourteen reports" in proposal.findings[1].text


def test_a_learning_box_read_twice_is_one_finding_and_a_theme_heading_over_learning_is_no_finding():
    box = "Learning 1: Information about the father's violence was held by probation but not shared with the midwife"
    text = f"""6. Findings

Theme 1: Information about Father

{box}

{box}

6.2 Three agencies held part of the picture. Probation knew that Father was on licence for violence.

For the SBNI to reflect on:

1. How do the SBNI's member agencies make sure that a pregnancy leads to a referral?

Theme 2: Seeing the father

Learning 2: Health professionals met Father only in passing and did not ask about his history

6.3 The health visitor saw Father twice and recorded him as supportive."""

    proposal = propose_findings(pages(text))

    assert [f.label for f in proposal.findings] == ["Learning 1", "Learning 2"]
    assert "Three agencies held part of the picture" in proposal.findings[0].text
    assert proposal.findings[0].questions == [
        "How do the SBNI's member agencies make sure that a pregnancy leads to a referral?"
    ]


def test_cards_set_with_no_gaps_between_paragraphs_are_split_at_their_dividers_and_sides():
    # (a PDF's text layer: a line per line of print and no blank line between the cards' paragraphs)
    appendix = """Appendix 2: Key learning cards
- - - - - - \u2702 - - - - - - cut along the dotted line - - - - - - \u2702 - - - - - -
CARD 1 OF 2 \u00b7 FRONT
Key learning 1
When domestic abuse was reported, agencies worked with the adults and did not ask the boy what he saw.
- - - - - - \u2702 - - - - - - cut along the dotted line - - - - - - \u2702 - - - - - -
CARD 2 OF 2 \u00b7 FRONT
Key learning 2
The Named Person received only some of the concern reports, so the link between home and school was never made.
- - - - - - \u2702 - - - - - - cut along the dotted line - - - - - - \u2702 - - - - - -"""
    analysis = """6. Analysis

6.1 This section explains the evidence. The key learning itself is on the cards in Appendix 2.

6.2 The police attended fourteen times and nobody asked the boy what he saw."""

    proposal = propose_findings(pages(analysis, appendix))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Key learning 1", "When domestic abuse was report"),
        ("Key learning 2", "The Named Person received only"),
    ]


def test_learning_in_an_appendixs_spreadsheet_pasted_as_comma_separated_lines_is_the_findings():
    report = """1. Introduction

1.3 The Panel's findings are set out only in Appendix 2, the learning and action plan.

5. Analysis

5.1 In February 2023 the mother brought Child KF to the surgery with a limp."""
    appendix = """Appendix 2: Learning and Action Plan

Ref,Type,Statement,Why it matters,Rec,Lead

L1,Learning,"Professionals relied on Child KF's brother, a child himself, to interpret for the family","The brother interpreted at the GP",R1,SBNI

GP1,Good practice,"The playgroup leader noticed Child KF's feet and wrote down what she saw",,,

L2,Learning,"No agency knew that Child KF was living in a mobile home provided by her father's employer",It was recorded as a farm,R2,Trust"""  # noqa: E501

    proposal = propose_findings(pages(report, appendix))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("L1", "Professionals relied on Child "),
        ("L2", "No agency knew that Child KF w"),
    ]


def test_a_report_forwarded_as_an_emails_quoted_body_and_labels_set_letter_by_letter_are_read():
    quoted = """From: Business Manager
Sent: 14 March 2024 09:12

> 4. Learning

> 4.1 The panel identified two learning points.

> Learning point 1 \u2013 A part-time timetable meant to last a few weeks became the boy's whole education.

> The school did not review it.

> Learning point 2 \u2013 The boy's autism was treated as an explanation of his behaviour rather than as a reason.

> His mother asked for help four times."""
    spaced = """4. Findings

F I N D I N G O N E

When a family moves between areas there is no reliable way of making sure the child is known to the new service.

The transfer notice bounced back from a closed inbox.

F I N D I N G T W O

Appointments the child was not brought to were closed as if missing them were the family's choice.

Each service closed its own episode."""

    assert [f.label for f in propose_findings(pages(quoted)).findings] == ["Learning point 1", "Learning point 2"]
    assert [(f.label, f.title[:20]) for f in propose_findings(pages(spaced)).findings] == [
        ("Finding One", "When a family moves "),
        ("Finding Two", "Appointments the chi"),
    ]


def test_questions_set_out_on_a_finding_named_with_the_word_for_it_and_its_code_are_its_questions():
    text = """4. Learning

No. | Learning point | Detail
L1 | Professionals relied on the boy to interpret for the family | The brother interpreted at the GP.
L2 | No agency knew that the child was living in a mobile home provided by her father's employer | A farm address.

6. Questions for the SBNI

The Panel asks the SBNI to consider, on learning L2:

1. How will agencies know that a young child is living in accommodation provided by an employer?"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.questions) for f in proposal.findings] == [
        ("L1", []),
        ("L2", ["How will agencies know that a young child is living in accommodation provided by an employer?"]),
    ]


def test_a_page_with_its_lines_numbered_in_the_margin_is_read_without_them_and_a_list_numbered_so_keeps_them():
    margin = """141 9.1 The panel makes the following recommendations to the LSCB and to 142 government.

143 1. The LSCB should issue a multi-agency protocol for the assessment of bruising and 144 other injuries in babies.

146 2. The LSCB should provide multi-agency training on identifying and engaging the 147 fathers.

149 3. The LSCB should audit, within six months, whether police notifications of domestic 150 incidents are read."""
    listed = """1 The LSCB should issue a protocol.

2 The LSCB should provide training.

3 The LSCB should audit notifications.

4 The police should share notifications."""

    assert [b.text for b in read_blocks(pages(margin))][1:3] == [
        "1. The LSCB should issue a multi-agency protocol for the assessment of bruising and other injuries in babies.",
        "2. The LSCB should provide multi-agency training on identifying and engaging the fathers.",
    ]
    assert read_blocks(pages(listed))[0].text == "1 The LSCB should issue a protocol."


def test_a_markdown_sources_fenced_divs_are_read_as_the_headings_their_classes_stand_for():
    text = """## 5. What the review found

5.1 The review panel agreed two findings, each in its box.

::: {.finding number="1"}

Professionals did not treat a room in a shared house as a place where a baby lived.

Nobody looked at the shared bathroom or the stairs.

:::

::: {.finding number="2"}

When a family moved between temporary addresses, the information about them stayed at the old address.

Early help was closed twice because the family had moved.

:::

::: {.voice}

"We were in one room."

:::"""

    proposal = propose_findings(pages(text))

    assert [(f.label, f.title[:30]) for f in proposal.findings] == [
        ("Finding 1", "Professionals did not treat a "),
        ("Finding 2", "When a family moved between te"),
    ]
    assert ":::" not in " ".join(f.text for f in proposal.findings)


def test_a_booklet_whose_pages_come_in_the_printers_order_is_read_in_the_order_its_footers_number():
    footer = "SBNI \u00b7 Case Management Review \u00b7 Child ZT \u00b7 {}"
    page = {
        1: "1. Introduction\n\n1.1 This review is about Child ZT.",
        2: "6. What the panel learned\n\nLearning 1. A child's account of being locked in was treated as a question "
        "of parenting advice.",
        3: "Learning 2. Behaviour linked to ADHD was seen as the explanation for everything that went wrong at "
        "home.",
        4: "Learning 3. The police report of an argument was screened out without a check of what was known about "
        "the adults.",
    }
    printed = "\n\n".join(f"{page[n]}\n\n{footer.format(n)}" for n in (4, 1, 2, 3))

    proposal = propose_findings(pages(printed))

    assert [f.label for f in proposal.findings] == ["Learning 1", "Learning 2", "Learning 3"]


def test_run_in_key_learning_known_by_its_code_is_a_finding_and_a_numbered_paragraph_after_its_questions_is_not_one():
    text = """6. Key learning

6.1 The review identified three items of key learning about how the system worked.

KL1 \u2013 Concerns about neglect were recorded separately by school, health and social work. Each agency's records
were accurate, but none of them showed the pattern of a child growing thinner.

KL2 \u2013 The decision to close the case after one visit rested on the state of the home on the day, not on what was
known about the child's weight, health and attendance.

Questions for the Committee:

1. How does the Committee know that a decision to close a case of neglect takes account of the child's health?

Strength \u2013 the depute head kept asking, and her second concern form led to a referral discussion.

6.6 The review makes no recommendation on KL2, because the Committee's neglect toolkit already covers it.

KL3 \u2013 Dental decay and weight loss were treated as health matters to be followed up by letter, not as signs of
neglect needing a child protection response from any agency."""

    findings = propose_findings(pages(text)).findings

    assert [(f.label, f.title[:20]) for f in findings] == [
        ("KL1", "Concerns about negle"),
        ("KL2", "The decision to clos"),
        ("KL3", "Dental decay and wei"),
    ]
    assert findings[1].questions == [
        "How does the Committee know that a decision to close a case of neglect takes account of the child's health?"
    ]


def test_a_caption_files_cues_are_read_as_paragraphs_without_their_numbers_and_timings():
    text = """WEBVTT - Learning review, audio version

NOTE Generated by text-to-speech from the published report.

1 00:00:00.000 --> 00:00:01.600 6. Key learning.

2 00:00:02.000 --> 00:00:14.100 Key learning 1: Once the boy was withdrawn from school to be educated at home, no
service had a reason or a duty to see him, and nobody did for more than three years.

3 00:00:14.500 --> 00:00:20.100 The school closed its file on the day the letter arrived.

4 00:00:20.500 --> 00:00:30.000 Key learning 2: The GP practice removed him from its list after repeated missed
appointments without asking whether anyone had seen him.

5 00:00:30.400 --> 00:00:35.000 The practice's policy treated a child who was not brought as an adult who chose
not to come."""

    findings = propose_findings(pages(text)).findings

    assert [(f.label, f.title[:25]) for f in findings] == [
        ("Key learning 1", "Once the boy was withdraw"),
        ("Key learning 2", "The GP practice removed h"),
    ]
    assert "-->" not in " ".join(f.text for f in findings)


def test_a_records_repeating_groups_printed_with_their_fields_are_its_findings():
    group = """Pwynt dysgu / Learning point [{n} o / of 2] \u00b7 Cyfeirnod / Ref: LP{n}

Datganiad / Statement: {statement}

Beth ddigwyddodd / What happened: {happened}
"""
    text = "4. Dysgu / Learning\n\n" + "\n".join(
        [
            group.format(
                n=1,
                statement="Take-home doses of methadone were agreed without anyone seeing where they would be kept.",
                happened="The mother had been stable for fourteen months when the service agreed the doses.",
            ),
            group.format(
                n=2,
                statement="The grandmother's worries were recorded as a family dispute, not as safeguarding.",
                happened="The call was recorded as a disagreement about contact, because the adults had argued.",
            ),
        ]
    )

    findings = propose_findings(pages(text)).findings

    assert [(f.label, f.title[:25]) for f in findings] == [
        ("Learning point 1", "Take-home doses of methad"),
        ("Learning point 2", "The grandmother's worries"),
    ]


def test_a_comparison_of_a_draft_and_the_published_version_is_read_as_the_published_one():
    text = """6. What the panel learned

Learning 1. Practitioners who visited the home saw the dogs but did not treat them as a risk to [-Davi-]{+the child+}.

[-Learning 5-]{+Learning 2+}. The father's role in the household was not understood, because he was recorded as not
living at the address.

{+Learning 3. The mother's voice was lost because practitioners relied on the father to interpret for her.+}"""

    findings = propose_findings(pages(text)).findings

    assert [f.label for f in findings] == ["Learning 1", "Learning 2", "Learning 3"]
    assert "Davi" not in findings[0].text


def test_a_draft_with_every_fifth_line_numbered_in_the_margin_is_read_without_the_numbers():
    line = "The review team found that the family moved twice and that nobody asked the school why."
    lines = [line] * 40
    for at in range(4, 40, 5):  # the margin's numbers land at the start of a line or inside it
        lines[at] = f"{at + 1} {line}" if at % 10 == 9 else line.replace(" moved ", f" moved {at + 1} ")
    text = "\n".join(lines[:30]) + "\n\n6. Key learning\n\n" + "\n".join(lines[30:])

    laid_out = " ".join(block.text for block in read_blocks(pages(text)))

    assert re.findall(r"\b\d+\b", laid_out) == ["6"]
    assert laid_out.count("the family moved twice") == 40


def test_a_dictations_timecodes_are_taken_from_the_start_of_its_lines():
    text = """Section 5: Key learning

[00:10:20] 5.1 The review identified two areas of key learning.

[00:11:02] Key learning 1. Each missing episode was treated on its own, so the pattern of her absences was not seen
until late. New paragraph.

[00:13:15] Key learning 2. The online contact was known about but the risk it carried was not understood by anyone
who saw her."""

    findings = propose_findings(pages(text)).findings

    assert [(f.label, f.title[:20]) for f in findings] == [
        ("Key learning 1", "Each missing episode"),
        ("Key learning 2", "The online contact w"),
    ]
