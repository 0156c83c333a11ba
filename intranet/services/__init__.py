"""Writes to people and the organisation: one transaction per service call."""
