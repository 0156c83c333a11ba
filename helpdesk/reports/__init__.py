"""Support Services reports: volumes, SLA performance, backlog and self-service.

Figures are aggregated in the database (`cases`, `selfservice`), arranged into
`tables.Table`s by `dashboard`, drawn by `charts` and written out by `exports`.
"""
