"""The package version; also the ``pipeline.version`` of every record."""

__version__ = "0.7.0"
