"""Theme suggestions: the rules, a curator's keyword edit, and the suggest_themes command (the classifier:
test_theme_model)."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from findings.models import Theme
from ingest import suggestions
from ingest.suggestions import suggest_themes

pytestmark = pytest.mark.django_db


def by_slug(found):
    return {s.slug: s for s in found}


def test_a_keyword_gives_its_theme_with_the_sentence_it_is_in():
    text = (
        "Child J lived with his mother in Northshire. Police were called to the flat three times after "
        "reports of domestic abuse, and the health visitor was not told about any of the call-outs."
    )
    found = by_slug(suggest_themes(text, title="Finding 2: Domestic abuse was not linked to the baby"))
    assert "domestic-abuse" in found
    reasons = found["domestic-abuse"].reasons
    assert reasons[0].keyword == "domestic abuse"
    assert reasons[0].sentence == "Finding 2: Domestic abuse was not linked to the baby"
    assert any("reports of domestic abuse" in r.sentence for r in reasons) or len(reasons) == 1
    assert found["domestic-abuse"].source == "rules"
    assert 0 < found["domestic-abuse"].score <= 1


def test_stemming_and_hyphen_variants_match():
    found = by_slug(
        suggest_themes(
            "Baby K died after co sleeping on a sofa with his father. Safer sleep advice had been given once.",
            title="Unsafe sleeping arrangements",
        )
    )
    assert "sudi-unsafe-sleep" in found
    keywords = [r.keyword for r in found["sudi-unsafe-sleep"].reasons]
    assert "co-sleeping" in keywords  # written "co sleeping"
    assert by_slug(suggest_themes("The children were neglected and the home was neglectful.", title="Neglect"))


def test_acronyms_match_their_expansions_both_ways():
    found = by_slug(suggest_themes("There had been four DV incidents at the address.", title="Repeated DV incidents"))
    assert "domestic-abuse" in found
    assert found["domestic-abuse"].reasons[0].keyword.startswith("DV (domestic ")

    found = by_slug(
        suggest_themes(
            "The referral to the multi-agency safeguarding hub was closed without the school being told.",
            title="The multi-agency safeguarding hub closed the referral",
        )
    )
    assert "information-sharing" in found
    assert any("MASH" in r.keyword for r in found["information-sharing"].reasons)


def test_a_denied_context_theme_is_not_suggested():
    denied = (
        "There was no evidence of domestic abuse in the household. Father was not known to substance misuse "
        "services. The school raised concerns about Child P's attendance and weight."
    )
    found = by_slug(suggest_themes(denied, title="Concerns about Child P"))
    assert "domestic-abuse" not in found
    assert "parental-substance-misuse" not in found

    stated = denied.replace("There was no evidence of domestic abuse", "There was domestic abuse").replace(
        "was not known to substance misuse services", "used cannabis and drank alcohol daily"
    )
    found = by_slug(suggest_themes(stated, title="Domestic abuse and substance misuse at home"))
    assert {"domestic-abuse", "parental-substance-misuse"} <= set(found)


def test_a_single_generic_word_does_not_tag():
    assert suggest_themes("The family needed more support at home and at school.") == []
    assert suggest_themes("The risk at home was discussed with the school.", title="Risk") == []
    ranked = suggestions.get_suggester().rank(
        [suggestions.Part("The risk at home was discussed with the school.", "Risk")]
    )
    assert all(s.score < suggestions.FINDING_THRESHOLD for s in ranked)


def test_a_keyword_in_the_title_outranks_one_in_passing():
    text = (
        "Child T's mother had been a care leaver. The review found that neglect of Child T's teeth and clothing "
        "was recorded by the school but never brought together."
    )
    suggester = suggestions.get_suggester()
    in_title = by_slug(suggester.rank([suggestions.Part(text, "Chronic neglect was not recognised")]))
    in_passing = by_slug(suggester.rank([suggestions.Part(text, "Records were not brought together")]))
    assert in_title["neglect"].score > in_passing["neglect"].score
    assert suggester.suggest(text, title="Chronic neglect was not recognised")[0].slug == "neglect"


def test_several_distinct_keywords_count_more_than_one_repeated():
    suggester = suggestions.get_suggester()
    one = suggester.rank([suggestions.Part("Mother drank alcohol. Alcohol was mentioned again. Alcohol again.")])
    several = suggester.rank([suggestions.Part("Mother drank alcohol, used cannabis and was on methadone.")])
    assert by_slug(several)["parental-substance-misuse"].score > by_slug(one)["parental-substance-misuse"].score


def test_a_curator_keyword_edit_changes_suggestions_at_once():
    text = "The family had applied twice to the Northshire hardship grant and were refused both times."
    assert "poverty-housing" not in by_slug(suggest_themes(text, title="Applications to the Northshire hardship grant"))

    theme = Theme.objects.get(slug="poverty-housing")
    theme.keywords = [*theme.keywords, "Northshire hardship grant"]
    theme.save()
    found = by_slug(suggest_themes(text, title="Applications to the Northshire hardship grant"))
    assert "poverty-housing" in found
    assert found["poverty-housing"].reasons[0].keyword == "Northshire hardship grant"

    theme.active = False
    theme.save()
    assert "poverty-housing" not in by_slug(suggest_themes(text, title="Applications to the Northshire hardship grant"))


def write_lines(tmp_path, lines):
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


RECORDS = [
    json.dumps(
        {
            "id": "north-001",
            "title": "Child J",
            "summary": "Child J was seriously injured at seven months. Police had attended three domestic abuse "
            "incidents, but the notifications were not shared with the health visitor.",
            "keywords": ["domestic abuse", "bruising", "non-mobile baby"],
            "learning": ["Any bruise on a baby who is not independently mobile needs a paediatric assessment."],
            "full_text": "A long report that mentions many things in passing.",
        }
    ),
    '{"id": "broken", "summary": "no closing brace"',
    json.dumps({"title": "Child Q", "summary": "A record with no id."}),
    json.dumps(
        {
            "external_id": "north-002",
            "title": "Young Person R",
            "findings": [
                {
                    "title": "Finding 1: Child sexual exploitation was not recognised",
                    "text": "Young Person R went missing eleven times and was seen with older men. Each return "
                    "home interview was done by a different worker.",
                },
                {"title": "Finding 2: The school did not share what it knew", "text": "Information was not shared."},
            ],
        }
    ),
]


def test_command_prints_one_line_per_record_and_reports_bad_lines(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="2 lines could not be read"):
        call_command("suggest_themes", str(write_lines(tmp_path, RECORDS)), "--limit", "4", stdout=out, stderr=err)
    printed = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [p["id"] for p in printed] == ["north-001", "north-002"]
    first = {t["slug"]: t for t in printed[0]["themes"]}
    assert {"domestic-abuse", "bruising-non-mobile"} <= set(first)
    assert len(printed[0]["themes"]) <= 4
    assert all(set(t) == {"slug", "score", "reasons"} for t in printed[0]["themes"])
    assert first["domestic-abuse"]["reasons"][0] == {"keyword": "domestic abuse", "sentence": "domestic abuse"}
    scores = [t["score"] for t in printed[0]["themes"]]
    assert scores == sorted(scores, reverse=True)
    assert "child-sexual-exploitation" in {t["slug"] for t in printed[1]["themes"]}
    errors = err.getvalue()
    assert "line 2: not valid JSON" in errors
    assert "line 3: the record has no id" in errors


def test_command_reads_standard_input_and_succeeds_when_every_line_is_good():
    out = io.StringIO()
    call_command("suggest_themes", "-", stdin=io.StringIO(RECORDS[0] + "\n\n"), stdout=out)
    (line,) = out.getvalue().splitlines()
    assert json.loads(line)["id"] == "north-001"


def test_command_rejects_a_missing_file_and_a_bad_limit(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("suggest_themes", str(tmp_path / "missing.jsonl"))
    with pytest.raises(CommandError, match="--limit"):
        call_command("suggest_themes", str(write_lines(tmp_path, RECORDS[:1])), "--limit", "0")
