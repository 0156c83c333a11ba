"""The REST API at /api/v1/ for other council systems, documented at /api/docs/.

Lists and single records are scoped by the same selectors as the screens, and
every write goes through the same services.
"""
