"""The one place the version is written; packaging and ``peelkit --version`` read it."""

__version__ = "0.1.0.dev0"
