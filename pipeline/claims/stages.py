"""Imports every stage module, so that their ``@rule`` functions are registered."""
