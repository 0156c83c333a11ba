"""Demo content for the helpdesk: Avonford's support teams, catalogue and cases."""
