"""Renderers of an Analysis for the command line: JSON, plain text, Rich."""
