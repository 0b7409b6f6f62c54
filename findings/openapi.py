"""The OpenAPI description of the public API, served at /api/v1/schema."""

from findings.filters import LEVEL_CHOICES, MATCH_CHOICES, SORT_CHOICES
from reviews.vocabulary import AgeBand, Nation, Outcome, Region, ReviewType


def _list_param(name, description, values=None):
    items = {"type": "string"}
    if values:
        items["enum"] = values
    return {
        "name": name,
        "in": "query",
        "description": description + " Repeat the parameter for several values.",
        "schema": {"type": "array", "items": items},
        "style": "form",
        "explode": True,
    }


def _param(name, description, schema):
    return {"name": name, "in": "query", "description": description, "schema": schema}


REVIEW = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "external_id": {"type": ["string", "null"], "description": "The identifier of the source record, if imported"},
        "title": {"type": "string", "description": "The pseudonym, e.g. Child J"},
        "area": {"type": "string", "description": "The publishing partnership, or Anonymous"},
        "nation": {"type": "string", "enum": Nation.values},
        "year": {"type": ["integer", "null"]},
        "review_type": {"type": "string", "enum": ReviewType.values},
        "url": {"type": "string", "format": "uri"},
    },
}
FINDING = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "text": {"type": "string"},
        "recommendation": {"type": "string"},
        "themes": {"type": "array", "items": {"type": "string"}, "description": "Theme slugs"},
        "agencies": {"type": "array", "items": {"type": "string"}, "description": "Agency slugs"},
        "url": {"type": "string", "format": "uri"},
        "review": {"$ref": "#/components/schemas/Review"},
        "snippet": {"type": "string", "description": "HTML: escaped text with <mark> around matches"},
        "score": {"type": "number"},
    },
}
LESSON = {
    "type": "object",
    "description": "A recurring lesson: something several reviews found, stated by the curators",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "statement": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "themes": {"type": "array", "items": {"type": "string"}, "description": "Theme slugs"},
        "reviews": {"type": "integer", "description": "How many published reviews found it"},
    },
}
WITH_SUMMARY = {"type": "object", "properties": {"summary": {"type": "string"}}}
FACET_OPTION = {
    "type": "object",
    "properties": {"value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer"}},
}


def openapi_schema(server_url):
    search_parameters = [
        _param(
            "q", 'What to search for. Plain phrases work; "quoted phrases", OR and -exclude too.', {"type": "string"}
        ),
        _param(
            "level",
            "Findings, or reviews with their best-matching findings.",
            {"type": "string", "enum": [v for v, _ in LEVEL_CHOICES], "default": "findings"},
        ),
        _param(
            "sort",
            "Order of results (relevance needs q).",
            {"type": "string", "enum": [v for v, _ in SORT_CHOICES], "default": "relevance"},
        ),
        _param("exact", "true: search for q as typed, without a spelling suggestion.", {"type": "boolean"}),
        _list_param("theme", "Theme slugs (see /api/v1/themes)."),
        _param(
            "theme_match",
            "Whether results carry any or all of the chosen themes.",
            {"type": "string", "enum": [v for v, _ in MATCH_CHOICES], "default": "any"},
        ),
        _list_param("facet", "Kind of theme.", ["practice", "context"]),
        _list_param("agency", "Agency slugs."),
        _list_param("nation", "Nations.", Nation.values),
        _list_param("region", "English regions.", Region.values),
        _list_param("review_type", "Types of review.", ReviewType.values),
        _param("year_from", "First year of publication.", {"type": "integer", "minimum": 1970}),
        _param("year_to", "Last year of publication.", {"type": "integer", "minimum": 1970}),
        _list_param("age_band", "Age of the child.", AgeBand.values),
        _list_param("outcome", "Outcome for the child.", Outcome.values),
        _param("page", "Page number.", {"type": "integer", "minimum": 1, "default": 1}),
        _param("page_size", "Results per page.", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
    ]
    error = {
        "description": "Invalid parameters",
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"error": {"type": "string"}, "errors": {"type": "object"}}}
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "casereviews API",
            "version": "1.0.0",
            "description": "Published findings and reviews from UK child safeguarding case reviews. "
            "Read-only; only published material is returned.",
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/api/v1/search": {
                "get": {
                    "summary": "Search findings or reviews, with facet counts",
                    "parameters": search_parameters,
                    "responses": {
                        "200": {
                            "description": "A page of results",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchPage"}}},
                        },
                        "400": error,
                    },
                }
            },
            "/api/v1/reviews/{id}": {
                "get": {
                    "summary": "One published review with its findings",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "The review's id (a UUID) or its slug",
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The review",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "allOf": [
                                            {"$ref": "#/components/schemas/Review"},
                                            {
                                                "type": "object",
                                                "properties": {
                                                    "summary": {"type": "string"},
                                                    "findings": {
                                                        "type": "array",
                                                        "items": {"$ref": "#/components/schemas/Finding"},
                                                    },
                                                },
                                            },
                                        ]
                                    }
                                }
                            },
                        },
                        "404": {"description": "No review the caller may see has this id"},
                    },
                }
            },
            "/api/v1/themes": {
                "get": {
                    "summary": "The themes with the number of published findings and reviews for each",
                    "responses": {"200": {"description": "The themes"}},
                }
            },
            "/api/v1/lessons": {
                "get": {
                    "summary": "The published recurring lessons, those found by the most reviews first",
                    "responses": {
                        "200": {
                            "description": "The lessons",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "results": {
                                                "type": "array",
                                                "items": {
                                                    "allOf": [{"$ref": "#/components/schemas/Lesson"}, WITH_SUMMARY]
                                                },
                                            }
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/api/v1/lessons/{id}": {
                "get": {
                    "summary": "One published recurring lesson with the published findings that found it",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "The lesson's id (a UUID) or its slug",
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The lesson",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "allOf": [
                                            {"$ref": "#/components/schemas/Lesson"},
                                            {
                                                "type": "object",
                                                "properties": {
                                                    "summary": {"type": "string"},
                                                    "years": {"type": "array", "items": {"type": "integer"}},
                                                    "nations": {
                                                        "type": "array",
                                                        "items": {"type": "string", "enum": Nation.values},
                                                    },
                                                    "findings": {
                                                        "type": "array",
                                                        "items": {"$ref": "#/components/schemas/Finding"},
                                                    },
                                                },
                                            },
                                        ]
                                    }
                                }
                            },
                        },
                        "404": {"description": "No lesson the caller may see has this id"},
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Review": REVIEW,
                "Finding": FINDING,
                "Lesson": LESSON,
                "FacetOption": FACET_OPTION,
                "SearchPage": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string", "description": "The query searched (a spelling suggestion, maybe)"},
                        "corrected_from": {"type": ["string", "null"], "description": "The query as typed"},
                        "level": {"type": "string"},
                        "sort": {"type": "string"},
                        "count": {"type": "integer"},
                        "next": {"type": ["string", "null"], "format": "uri"},
                        "previous": {"type": ["string", "null"], "format": "uri"},
                        "results": {
                            "type": "array",
                            "items": {
                                "oneOf": [
                                    {"$ref": "#/components/schemas/Finding"},
                                    {
                                        "allOf": [
                                            {"$ref": "#/components/schemas/Review"},
                                            {
                                                "type": "object",
                                                "properties": {
                                                    "score": {"type": "number"},
                                                    "snippet": {"type": "string"},
                                                    "findings": {
                                                        "type": "array",
                                                        "items": {"$ref": "#/components/schemas/Finding"},
                                                    },
                                                },
                                            },
                                        ]
                                    },
                                ]
                            },
                        },
                        "lessons": {
                            "type": "array",
                            "description": "Recurring lessons that match q (at most 5; first page only)",
                            "items": {"$ref": "#/components/schemas/Lesson"},
                        },
                        "facets": {
                            "type": "object",
                            "additionalProperties": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/FacetOption"},
                            },
                        },
                        "facets_approximate": {
                            "type": "boolean",
                            "description": "True when more than 20,000 results match: facet counts are then estimated "
                            "from every 8th result",
                        },
                    },
                },
            }
        },
    }
