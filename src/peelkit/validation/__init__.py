"""Validation: the runner and the catalogue of rules.

:mod:`peelkit.validation.runner` holds :class:`Validator`, :func:`validate` and
:func:`check`; :mod:`peelkit.validation.rules` is the catalogue, each rule's metadata
beside its check. The rule types themselves live in :mod:`peelkit.diagnostics`.
"""

from peelkit.validation.runner import Validator, check, locate, validate, violations_from_problems

__all__ = ["Validator", "check", "locate", "validate", "violations_from_problems"]
