"""Readers of other formats into the resolution tree."""
