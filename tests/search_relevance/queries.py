"""Queries staff really type, each with the demo article that should answer it.

Written from knowledge/demo/content; a query passes when its article is in the
top three results. Includes typos and the council's synonyms.
"""

QUERIES: list[tuple[str, str]] = [
    ("annual leave", "Annual leave policy"),
    ("holiday", "Annual leave policy"),
    ("anual leave", "Annual leave policy"),
    ("book holiday", "How to book annual leave"),
    ("carry over leave", "Annual leave policy"),
    ("off sick", "Reporting sickness absence"),
    ("illness", "Reporting sickness absence"),
    ("payslip", "Payslips and pay dates"),
    ("payslp", "Payslips and pay dates"),
    ("wage slip", "Payslips and pay dates"),
    ("when do I get paid", "Payslips and pay dates"),
    ("flexible working", "Flexible working requests"),
    ("maternity leave", "Maternity, paternity and shared parental leave"),
    ("mileage", "Claiming expenses and mileage"),
    ("expense claim", "Claiming expenses and mileage"),
    ("dbs check", "DBS checks"),
    ("grievance", "Raising a grievance"),
    ("dentist appointment", "Time off for appointments and emergencies"),
    ("change my address", "Updating your personal details"),
    ("computer broken", "Laptop problems"),
    ("laptop wont start", "Laptop problems"),
    ("forgotten password", "Resetting your password"),
    ("pasword reset", "Resetting your password"),
    ("vpn", "Connecting to the VPN from home"),
    ("phishing", "Reporting a phishing email"),
    ("purchase order", "Raising a purchase order"),
    ("new supplier", "Setting up a new supplier"),
    ("invoice not paid", "Invoice and payment queries"),
    ("purchasing card", "Using a purchasing card"),
    ("contract review", "Getting a contract reviewed"),
    ("freedom of information", "Freedom of Information (FOI) requests"),
    ("foi", "Freedom of Information (FOI) requests"),
    ("subject access request", "Subject access requests"),
    ("sar", "Subject access requests"),
    ("legal advice", "Asking for legal advice"),
    ("meeting room", "Booking a meeting room"),
    ("minute taker", "Booking a minute-taker"),
    ("committee report deadline", "Committee report deadlines"),
    ("declare interest", "Declaring interests at meetings"),
    ("webcasting committee", "Booking committee support"),
]
PASS_RATE = 0.9
TOP = 3
