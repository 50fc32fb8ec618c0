"""Issue 9, defect 13: small things found by attacking the portal."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from actors.search import MAX_TERMS, MAX_WORD_LENGTH, terms
from events.dates import relative_day
from events.services import send_reminders
from portal.settings import runserver_site_url
from tests.factories import make_event, make_registration, oslo


def test_empty_database_url_counts_as_unset():
    env = {**os.environ, "DATABASE_URL": "", "DJANGO_SETTINGS_MODULE": "portal.settings"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_search_words_are_capped_in_number_and_length():
    words = terms(" ".join(f"{letter * 480}" for letter in "abcdefghij"))

    assert len(words) == MAX_TERMS
    assert all(len(word) == MAX_WORD_LENGTH for word in words)


@pytest.mark.parametrize(
    ("argv", "url"),
    [
        (["manage.py", "runserver", "8123"], "http://127.0.0.1:8123"),
        (["manage.py", "runserver", "0.0.0.0:8124"], "http://127.0.0.1:8124"),
        (["manage.py", "runserver", "--noreload", "localhost:8125"], "http://localhost:8125"),
        (["manage.py", "runserver"], "http://127.0.0.1:8000"),
        (["gunicorn"], "http://127.0.0.1:8000"),
    ],
)
def test_development_site_url_follows_runserver(argv, url):
    assert runserver_site_url(argv) == url


def test_relative_day():
    now = oslo(2026, 6, 4, 8, 0)

    assert relative_day(oslo(2026, 6, 4, 19, 0), now) == "i dag"
    assert relative_day(oslo(2026, 6, 5, 7, 0), now) == "i morgen"
    assert relative_day(oslo(2026, 6, 7, 19, 0), now) == "søndag 7. juni"


@pytest.mark.django_db
def test_a_reminder_for_this_evening_says_today(django_capture_on_commit_callbacks):
    event = make_event(starts_at=timezone.now() + timedelta(minutes=1))  # later today
    make_registration(event)

    with django_capture_on_commit_callbacks(execute=True):
        send_reminders()

    message = mail.outbox[0]
    assert message.subject.endswith(relative_day(event.starts_at))
    assert f"se deg {relative_day(event.starts_at)}!" in message.body


@pytest.mark.django_db
def test_the_calendar_attachment_names_its_charset_once(client, django_capture_on_commit_callbacks):
    event = make_event()
    make_registration(event)

    with django_capture_on_commit_callbacks(execute=True):
        from events.emails import Kind, queue_email

        queue_email(registration=event.registrations.get(), kind=Kind.CONFIRMATION)

    raw = mail.outbox[0].message().as_string()
    header = next(
        line for line in raw.splitlines() if line.startswith("Content-Type: text/calendar")
    )
    assert header.lower().count("charset") == 1
