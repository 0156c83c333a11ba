"""Demo content for Avonford Borough Council, loaded by ``manage.py seed_demo``."""
