"""About forty requests Avonford's staff made, and how Support Services handled
them: every status, both kinds of team, triage, a sealed grievance, an SLA
breach, a merged duplicate and linked cases.

They are told oldest first, so a story that merges into or links to another
must start later than it.
"""

from . import digital, finance, hr, legal, pa_support, staff, triage

STORIES = (
    *staff.STORIES,
    *hr.STORIES,
    *legal.STORIES,
    *finance.STORIES,
    *digital.STORIES,
    *pa_support.STORIES,
    *triage.STORIES,
)
