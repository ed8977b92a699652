"""spaCy components: find spans and call :mod:`pipeline.normalize` to read them."""
