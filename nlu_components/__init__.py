"""Rasa graph components of our own (named in config.yml). Thin adapters over libraries."""
