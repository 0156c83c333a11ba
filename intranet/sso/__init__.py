"""Single sign-on with OpenID Connect, matching staff records by email address."""
