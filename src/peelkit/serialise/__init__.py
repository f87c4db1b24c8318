"""The ``peelkit/1`` JSON format.

:mod:`peelkit.serialise.format` holds the public functions; the generated fast paths
come from one code generator, :mod:`peelkit.serialise._generate`.
"""

from peelkit.serialise.format import (
    FORMAT,
    converter,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)

__all__ = ["FORMAT", "converter", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]
