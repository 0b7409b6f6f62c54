import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_int, env_list, env_str


def test_a_missing_required_variable_fails_loudly_with_its_name(monkeypatch):
    monkeypatch.delenv("CASEREVIEWS_NEEDED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="CASEREVIEWS_NEEDED must be set"):
        env_str("CASEREVIEWS_NEEDED")


def test_defaults_apply_only_when_the_variable_is_unset_or_empty(monkeypatch):
    monkeypatch.setenv("CASEREVIEWS_EMPTY", "")
    assert env_str("CASEREVIEWS_EMPTY", default="fallback") == "fallback"
    monkeypatch.setenv("CASEREVIEWS_EMPTY", "given")
    assert env_str("CASEREVIEWS_EMPTY", default="fallback") == "given"


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("yes", True), ("ON", True), ("0", False), ("false", False)])
def test_booleans_accept_the_usual_spellings(monkeypatch, raw, value):
    monkeypatch.setenv("CASEREVIEWS_FLAG", raw)
    assert env_bool("CASEREVIEWS_FLAG", default=not value) is value


def test_a_boolean_that_is_not_one_fails_loudly(monkeypatch):
    monkeypatch.setenv("CASEREVIEWS_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="CASEREVIEWS_FLAG='maybe' is not a boolean"):
        env_bool("CASEREVIEWS_FLAG", default=False)


def test_numbers_and_lists_are_parsed_or_refused(monkeypatch):
    monkeypatch.setenv("CASEREVIEWS_N", "25")
    assert env_int("CASEREVIEWS_N", 1) == 25
    monkeypatch.setenv("CASEREVIEWS_N", "many")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("CASEREVIEWS_N", 1)
    monkeypatch.setenv("CASEREVIEWS_HOSTS", "a.example, b.example,")
    assert env_list("CASEREVIEWS_HOSTS", []) == ["a.example", "b.example"]


def test_a_choice_setting_names_the_allowed_values_when_given_another(monkeypatch):
    monkeypatch.setenv("CASEREVIEWS_BACKEND", "redis")
    with pytest.raises(ImproperlyConfigured, match="not one of: database, immediate"):
        env_choice("CASEREVIEWS_BACKEND", {"database": 1, "immediate": 2}, "database")
    monkeypatch.setenv("CASEREVIEWS_BACKEND", "immediate")
    assert env_choice("CASEREVIEWS_BACKEND", {"database": 1, "immediate": 2}, "database") == "immediate"


def test_logs_are_one_json_object_a_line_when_asked_for():
    root = Path(__file__).resolve().parent.parent
    script = "import logging; logging.getLogger('casereviews.check').warning('Document %s refused', 7)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=root,
        env={**os.environ, "LOG_FORMAT": "json", "DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "casereviews.check", "Document 7 refused")
    assert line["time"] and line["pid"]


def test_gunicorn_accepts_the_production_settings():
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "--check-config", "config.wsgi"],
        cwd=root,
        env={**os.environ, "LOG_FORMAT": "json", "DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
