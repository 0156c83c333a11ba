"""Data protection: what each app holds about one member of staff, for subject
access requests."""
