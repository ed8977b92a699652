"""Error codes and exceptions, in one place so tests and users can search for them.

Every error a user can cause carries a code (``E001``...) and names the file and,
where there is one, the field.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    E001 = "E001: file not found"
    E002 = "E002: file is not text (binary content)"
    E003 = "E003: file could not be decoded as text"
    E004 = "E004: file is larger than the size limit"
    E005 = "E005: sidecar metadata is invalid"
    E006 = "E006: spaCy model is not installed"
    E007 = "E007: corpus folder holds no articles"
    E008 = "E008: output folder is not writable"
    E009 = "E009: invalid option value"
    E010 = "E010: unexpected error while processing an article"
    E011 = "E011: benchmark suites not found"
    E012 = "E012: benchmark file could not be read"
    E013 = "E013: not a valid newsclaims record or manifest"
    E014 = "E014: file could not be read"
    E015 = "E015: two articles have the same doc id"
    E016 = "E016: another run is writing to the output folder"
    E017 = "E017: SQL query failed"

    @property
    def code(self) -> str:
        return self.value.split(":", 1)[0]


class NewsclaimsError(Exception):
    """An error with a code, a location (file, field) and a message for people."""

    def __init__(self, code: ErrorCode, message: str, *, path: str | None = None,
                 field: str | None = None) -> None:
        self.error_code = code
        self.path = path
        self.field = field
        self.message = message
        where = path or ""
        if field:
            where = f"{where} (field {field!r})" if where else f"field {field!r}"
        text = f"{code.code}: {message}"
        super().__init__(f"{where}: {text}" if where else text)

    @property
    def code(self) -> str:
        return self.error_code.code


class WarningCode(str, Enum):
    """Something a run worked around; the article is still processed."""

    W001 = "W001: previous record is damaged; the article is processed again"
    W002 = "W002: invalid bytes in the text were replaced"

    @property
    def code(self) -> str:
        return self.value.split(":", 1)[0]


def warning_text(code: WarningCode, message: str, *, path: str | None = None) -> str:
    """One warning line, shaped as an error's: ``<file>: W00x: <what>``."""
    text = f"{code.code}: {message}"
    return f"{path}: {text}" if path else text
