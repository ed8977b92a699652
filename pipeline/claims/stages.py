"""Imports every stage module, so that their ``@rule`` functions are registered."""

from pipeline.claims import anchor, entity, link, measure, skip, timing  # noqa: F401
