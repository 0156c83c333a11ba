"""How long closed cases are kept, and how they are purged or anonymised after."""
