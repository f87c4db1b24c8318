"""Shared test set-up: the sandbox guard and the hypothesis profiles.

The guard (:mod:`_sandbox`) fails the run if any test writes outside its temporary
folders, and checks at the end that ``/dev/null`` is still a character device.

``ci`` (chosen when the ``CI`` environment variable is set) is derandomised, with a
bounded number of examples and no deadline, so CI never flakes; ``dev`` is the
default for local runs, and ``thorough`` is there for a long hunt:
``HYPOTHESIS_PROFILE=thorough pytest``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from _sandbox import _sandbox_session, pytest_sessionfinish, sandbox

__all__ = ["_sandbox_session", "pytest_sessionfinish", "sandbox"]

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
