import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = [
    ROOT / "intranet/settings/base.py",
    ROOT / "intranet/settings/production.py",
]
READ = re.compile(r"\benv(?:\.[a-z_]+)?\(\s*\"([A-Z][A-Z0-9_]+)\"")


def _variables() -> set[str]:
    found = set()
    for path in SETTINGS:
        found |= set(READ.findall(path.read_text()))
    return found


def test_settings_read_variables_at_all():
    assert {"DATABASE_URL", "DJANGO_SECRET_KEY", "CELERY_BROKER_URL"} <= _variables()


def test_every_environment_variable_is_in_env_example_and_the_readme():
    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    missing = {
        name: [
            doc
            for doc, text in (("env", example), ("readme", readme))
            if f"{name}" not in text
        ]
        for name in _variables()
    }
    assert {name: docs for name, docs in missing.items() if docs} == {}
