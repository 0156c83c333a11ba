"""Digital & Design guidance: IT kit, accounts and access, the website."""

from knowledge.demo.build import bullets, callout, contact, heading, p, steps, warning

SERVICE_AREA = "digital"
OWNER_TEAM = "digital-and-design"
OWNER = ("owen.price", "Owen", "Price", "Service desk lead")

TOPICS = [
    ("IT equipment", "it-equipment"),
    ("Accounts and access", "accounts-and-access"),
    ("Website and design", "website-and-design"),
]

ARTICLES = [
    {
        "title": "Laptop problems",
        "summary": (
            "What to try when your laptop (computer) is slow, will not start or "
            "will not connect, and how to get it fixed."
        ),
        "topics": ["it-equipment"],
        "review_in_days": 130,
        "body": [
            steps(
                (
                    "Restart it properly",
                    "Choose Restart from the Start menu, not just closing the lid. "
                    "Many problems clear after updates install on restart.",
                ),
                (
                    "Check it is charged and connected",
                    "Plug in the charger and check the Wi-Fi or docking station light.",
                ),
                (
                    "Run updates",
                    "Open Software Center and install any waiting updates.",
                ),
                (
                    "Still broken? Tell the service desk",
                    "Say what happens, any error message, and your laptop's asset "
                    "number from the sticker underneath.",
                ),
            ),
            callout(
                "If your laptop is damaged or cannot be fixed the same day, the "
                "service desk can lend you one from the pool."
            ),
            contact(
                "IT service desk",
                "Digital & Design",
                "servicedesk@avonford.gov.uk",
                "01632 960 700",
            ),
        ],
    },
    {
        "title": "Resetting your password",
        "summary": "How to reset a forgotten or expired network password yourself.",
        "topics": ["accounts-and-access"],
        "review_in_days": -30,
        "body": [
            p(
                "You can reset your own password if you have set up "
                "multi-factor authentication (the Authenticator app on your phone)."
            ),
            steps(
                "On the sign-in screen choose Forgotten my password.",
                "Enter your work email address and approve the prompt on your phone.",
                "Choose a new password of at least 14 characters. Three random "
                "words work well.",
            ),
            warning(
                "The service desk will never ask you for your password. Report any "
                "email or call that does."
            ),
            callout(
                "If you have not set up multi-factor authentication, call the "
                "service desk to reset your password."
            ),
        ],
    },
    {
        "title": "Connecting to the VPN from home",
        "summary": (
            "How to connect to the council network when working from home or on the "
            "move."
        ),
        "topics": ["accounts-and-access", "it-equipment"],
        "review_in_days": 210,
        "body": [
            p(
                "Most systems work without the VPN. You need it for the finance "
                "system, shared drives and some older line-of-business systems."
            ),
            steps(
                "Connect to your home Wi-Fi first.",
                "Open the Always On VPN icon in the taskbar and choose Connect.",
                "Approve the sign-in on your phone.",
            ),
            heading("If it will not connect"),
            bullets(
                "Restart your laptop and try again.",
                "Check you can open a public website.",
                "Hotel and train Wi-Fi often block VPNs: use your phone's hotspot.",
            ),
        ],
    },
    {
        "title": "Requesting access to a system",
        "summary": (
            "How to get access to a council system, shared mailbox or folder for "
            "yourself or your team."
        ),
        "topics": ["accounts-and-access"],
        "review_in_days": 170,
        "body": [
            p(
                "Access is given by the system's owner, not the service desk, so "
                "every request needs the owner's approval. Managers can request "
                "access for their team."
            ),
            steps(
                "Make an access request, naming the system and the access level "
                "(for example read-only).",
                "The system owner approves it.",
                "The service desk sets up the access within 2 working days.",
            ),
            callout(
                "Remove access when someone changes role: tell the service desk on "
                "their last day in the old team."
            ),
        ],
    },
    {
        "title": "IT kit for new starters",
        "summary": (
            "How managers order a laptop, phone and accounts for someone joining their "
            "team."
        ),
        "topics": ["it-equipment", "accounts-and-access"],
        "audience": "line-managers",
        "review_in_days": 75,
        "body": [
            p(
                "Order kit as soon as the start date is confirmed. We need 10 "
                "working days to have a laptop and account ready on day one."
            ),
            steps(
                "Complete the new starter request with the start date, job title "
                "and team.",
                "Say which systems, shared mailboxes and folders they need.",
                "Collect the laptop from the service desk on the Friday before they "
                "start, or ask for it to be delivered to their office.",
            ),
            bullets(
                "Standard kit: laptop, headset, charger and docking station",
                "Mobile phones only for roles that work away from a desk",
            ),
        ],
    },
    {
        "title": "Changing the council website",
        "summary": "How to get a page on the public website added, changed or removed.",
        "topics": ["website-and-design"],
        "review_in_days": 260,
        "body": [
            p(
                "The web team publishes all changes to avonford.gov.uk so the site "
                "stays accurate, accessible and consistent. Each service has a "
                "named content owner who can ask for changes."
            ),
            steps(
                "Send the page address and the change you need, with any new text.",
                "The web team edits the content to the style guide and checks it "
                "meets accessibility rules.",
                "Small changes go live within 2 working days; new sections take "
                "longer and need a planning meeting.",
            ),
            callout(
                "Urgent changes, such as service disruption notices, go live "
                "within 2 hours."
            ),
        ],
    },
    {
        "title": "Making documents accessible",
        "summary": (
            "How to make Word, PDF and PowerPoint documents accessible before they "
            "are published."
        ),
        "topics": ["website-and-design"],
        "review_in_days": 20,
        "body": [
            p(
                "The law requires documents we publish to be accessible, including "
                "to people using screen readers. Where possible, publish the "
                "information as a web page instead of a document."
            ),
            bullets(
                "Use the built-in heading styles, not bold text, for headings.",
                "Add alternative text to images and charts.",
                "Use meaningful link text, not 'click here'.",
                "Run the accessibility checker in Word or PowerPoint before saving "
                "as PDF.",
            ),
            warning(
                "The web team cannot publish scanned documents or PDFs without tags."
            ),
        ],
    },
    {
        "title": "Asking for design work",
        "summary": (
            "How to ask the design team for posters, reports, branding and social "
            "media graphics."
        ),
        "topics": ["website-and-design"],
        "review_in_days": 290,
        "body": [
            p(
                "The design team produces print and digital designs in the "
                "council's brand. Book work at least 3 weeks before you need it."
            ),
            steps(
                "Make a design request with what you need, who it is for, the size "
                "or format and your deadline.",
                "A designer agrees the brief and timescale with you.",
                "You get up to two rounds of changes before final files are sent.",
            ),
        ],
    },
    {
        "title": "Reporting a phishing email",
        "summary": (
            "What to do if you get a suspicious email, or if you have clicked a "
            "link or opened an attachment you should not have."
        ),
        "topics": ["accounts-and-access"],
        "review_in_days": 155,
        "body": [
            p(
                "Phishing emails try to get you to click a link, open an attachment "
                "or give away your password. They often look urgent or seem to come "
                "from a manager or supplier."
            ),
            steps(
                "Do not click links or open attachments in the email.",
                "Choose Report message in Outlook, then Phishing.",
                "Delete the email.",
            ),
            warning(
                "If you clicked a link or entered your password, call the service "
                "desk straight away and change your password."
            ),
        ],
    },
]
