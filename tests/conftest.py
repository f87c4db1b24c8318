"""Shared test set-up: the hypothesis profiles.

``ci`` (chosen when the ``CI`` environment variable is set) is derandomised, with a
bounded number of examples and no deadline, so CI never flakes; ``dev`` is the
default for local runs, and ``thorough`` is there for a long hunt:
``HYPOTHESIS_PROFILE=thorough pytest``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
