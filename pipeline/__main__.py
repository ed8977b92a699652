"""``python -m pipeline`` is the ``newsclaims`` command."""

from pipeline.cli import main

raise SystemExit(main())
