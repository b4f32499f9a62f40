"""Banmian core: parsing, entities, documents and persistence. Never imports Qt."""
