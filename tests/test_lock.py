"""The lock (``constraints.txt``) and ``pyproject.toml`` agree.

``constraints.txt`` pins every runtime, test and bench dependency (refresh it with the one-liner in
its header); ``pyproject.toml`` keeps the compatible ranges library users install from. The
README's two commands and ``.ci/run`` install with ``-c constraints.txt``, so what CI tests is
what the lock says. This test fails when a dependency is added to the pyproject but not
locked, or when a pin falls outside the range the pyproject allows.
"""

from __future__ import annotations

import re

import pytest
import tomllib
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCK_PYTHON = "3.11"  # constraints.txt is compiled with --python-version 3.11 (its header)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[canonicalize_name(match.group(1))] = Version(match.group(2))
    return pins


def _requirements() -> list[Requirement]:
    """Every requirement of the project and of its extras, self-references left out, that
    applies to the Python the lock is compiled for (3.11: a backport for 3.10 is not in it)."""
    reqs = [Requirement(r) for r in PROJECT["dependencies"]]
    for extra in PROJECT.get("optional-dependencies", {}).values():
        reqs += [Requirement(r) for r in extra if canonicalize_name(Requirement(r).name) != "newsclaims"]
    return [r for r in reqs if r.marker is None or r.marker.evaluate({"python_version": LOCK_PYTHON,
                                                                        "python_full_version": LOCK_PYTHON + ".0"})]


@pytest.mark.parametrize("req", _requirements(), ids=str)
def test_every_dependency_is_pinned_inside_its_range(req: Requirement):
    pins = _pins()
    name = canonicalize_name(req.name)
    assert name in pins, f"{req.name} is in pyproject.toml but not pinned in constraints.txt"
    assert req.specifier.contains(pins[name], prereleases=True), (
        f"constraints.txt pins {req.name}=={pins[name]}, outside pyproject.toml's {req.specifier}")


def test_lock_pins_exact_versions_only():
    lines = [ln.strip() for ln in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()]
    entries = [ln for ln in lines if ln and not ln.startswith("#")]
    assert entries and all(PIN.match(ln) for ln in entries), [ln for ln in entries if not PIN.match(ln)]
