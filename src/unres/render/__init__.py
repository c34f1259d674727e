"""Renderers of the resolution tree."""
