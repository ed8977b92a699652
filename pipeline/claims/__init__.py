"""Claim extraction in stages (see docs/claims.md): rules as data in ``rules/``, applied by ``engine``."""
