"""``python -m pipeline.claims doc``: the rule tables (docs/claim-rules.md);
``python -m pipeline.claims check FILE...``: run the examples of rule files (while writing them)."""

from __future__ import annotations

import sys

from pipeline.claims.engine import rules_markdown
from pipeline.claims.examples import check_files


def main(argv: list[str]) -> int:
    if argv[:1] == ["doc"]:
        sys.stdout.write(rules_markdown())
        return 0
    if argv[:1] == ["check"] and argv[1:]:
        return check_files(argv[1:])
    sys.stderr.write("usage: python -m pipeline.claims doc | check FILE...\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
