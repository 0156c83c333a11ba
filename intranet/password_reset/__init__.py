"""Password reset for local accounts: the break-glass administrators' way back in.

Staff sign in through the council's identity provider; the few who keep a local
password can ask for a reset link by email. Requests are limited per address and
per account, the emails go through the outbox, and nothing on the way tells a
stranger whether an address belongs to anyone.
"""
