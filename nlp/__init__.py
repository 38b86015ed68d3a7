"""newsfacts NLP: entities and count claims from news text (no database here)."""

# Stamped on every stored fact; bump it when extraction output changes so
# `process --reprocess` can find facts made by an older extractor.
EXTRACTOR_VERSION = "0.8.0"
