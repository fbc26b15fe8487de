"""``GET /spec``: the OpenAPI document of the API this server answers (LibreTranslate's, with our
``glossary_id`` and ``names``), built from one table of routes and their parameters."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from bilingual import __version__

_STRING = {"type": "string"}
_ERROR = {
    "description": "an error",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
_ERRORS = {str(code): _ERROR for code in (400, 403, 413, 429, 500, 503)}

# (path, method, summary, form fields {name: (description, required)}, answer schema)
_ROUTES: list[tuple[str, str, str, dict[str, tuple[str, bool]], dict[str, Any]]] = [
    ("/translate", "post", "Translate text (the glossary's names enforced)", {
        "q": ("the text, or a list of texts", True),
        "source": ("en, or auto", True),
        "target": ("ar", True),
        "format": ("text or html (markup and spacing kept as sent)", False),
        "alternatives": ("alternatives wanted (one translation is all a model gives here)", False),
        "api_key": ("a key, when the server needs one", False),
        "glossary_id": ("which of the server's glossaries to enforce (default: its own)", False),
    }, {"type": "object", "properties": {
        "translatedText": {"oneOf": [_STRING, {"type": "array", "items": _STRING}]},
        "detectedLanguage": {"type": "object"},
        "names": {"type": "array", "description": "every glossary name occurrence (english, arabic, status)"},
    }}),
    ("/translate_file", "post", "Translate a file (txt, md, html, docx) in its own format", {
        "file": ("the file (multipart/form-data)", True),
        "source": ("en, or auto", True),
        "target": ("ar", True),
        "api_key": ("a key, when the server needs one", False),
        "glossary_id": ("which of the server's glossaries to enforce", False),
    }, {"type": "object", "properties": {"translatedFileUrl": _STRING}}),
    ("/detect", "post", "Detect the language (Arabic or English, by script)", {
        "q": ("the text", True),
        "api_key": ("a key, when the server needs one", False),
    }, {"type": "array", "items": {"type": "object", "properties": {
        "confidence": {"type": "number"}, "language": _STRING}}}),
    ("/suggest", "post", "Record a better translation in the memory (with --suggestions)", {
        "q": ("the English text", True),
        "s": ("the better Arabic translation", True),
        "source": ("en", True),
        "target": ("ar", True),
        "api_key": ("a key, when the server needs one", False),
    }, {"type": "object", "properties": {"success": {"type": "boolean"}}}),
    ("/languages", "get", "The languages (en → ar)", {}, {"type": "array", "items": {"type": "object"}}),
    ("/languages", "post", "The languages (en → ar)", {}, {"type": "array", "items": {"type": "object"}}),
    ("/download_file/{filename}", "get", "Download a translated file", {}, {"type": "string", "format": "binary"}),
    ("/frontend/settings", "get", "The server's settings for a front end", {}, {"type": "object"}),
    ("/health", "get", "Whether the server answers", {}, {"type": "object"}),
    ("/spec", "get", "This document", {}, {"type": "object"}),
]  # fmt: skip


def document() -> dict[str, Any]:
    """The OpenAPI 3.0 document."""
    paths: dict[str, dict[str, Any]] = {}
    for path, method, summary, fields, answer in _ROUTES:
        operation: dict[str, Any] = {"summary": summary, "responses": {
            "200": {"description": "success", "content": {"application/json": {"schema": answer}}}, **_ERRORS}}  # fmt: skip
        if "{filename}" in path:
            operation["parameters"] = [{"name": "filename", "in": "path", "required": True, "schema": _STRING}]
        if fields:
            schema = {"type": "object", "properties": {name: {"description": d} for name, (d, _r) in fields.items()},
                      "required": [name for name, (_d, required) in fields.items() if required]}  # fmt: skip
            kinds = ["multipart/form-data"] if "file" in fields else [
                "application/json", "application/x-www-form-urlencoded"]  # fmt: skip
            operation["requestBody"] = {"content": {kind: {"schema": schema} for kind in kinds}}
        paths.setdefault(path, {})[method] = operation
    return {
        "openapi": "3.0.3",
        "info": {"title": "bilingual: LibreTranslate's API with the newsroom's glossary", "version": __version__},
        "paths": paths,
        "components": {
            "schemas": {"Error": {"type": "object", "properties": {"error": _STRING}, "required": ["error"]}}
        },
    }


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(document())
