"""``python -m peelkit``: the same as the ``peelkit`` command."""

import sys

from peelkit.cli import main

sys.exit(main())
