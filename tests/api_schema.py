"""Checking API answers against the OpenAPI description the API generates (api.views.openapi_schema).

conftest.py passes every answer the tests get from /api/v1/ through `check`, so every API response in the
suite is validated against the declared schema of its path and status.
"""

import functools
import json
import re

import jsonschema

checked = []  # (path, status) of every answer checked in this run


@functools.cache
def _document():
    from api.views import openapi_schema

    return openapi_schema()


@functools.cache
def _operations():
    """[(regex of a path, {method: operation})]."""
    out = []
    for template, methods in _document()["paths"].items():
        out.append((re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"), methods))
    return out


def response_schema(path, method, status):
    """The declared JSON schema of the answer, or an AssertionError saying why there is none."""
    for pattern, methods in _operations():
        if pattern.match(path):
            operation = methods.get(method.lower())
            assert operation, f"{method} {path} is not described"
            declared = operation["responses"].get(status) or operation["responses"].get(str(status))
            assert declared, f"{method} {path} answered {status}, which its description does not declare"
            return declared["content"]["application/json"]["schema"]
    raise AssertionError(f"{path} is not described in the OpenAPI document")


def validate(body, schema):
    root = {**schema, "components": _document()["components"]}
    jsonschema.Draft202012Validator(root).validate(body)


def check(path, method, response):
    """Validate one answer of the API against its description (raises jsonschema.ValidationError)."""
    schema = response_schema(path, method, response.status_code)
    validate(json.loads(response.content), schema)
    checked.append((path, response.status_code))
