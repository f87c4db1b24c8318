"""Published PEEL pillar pages: grammar, parse, render, HTML."""
