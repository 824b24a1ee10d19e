"""The Content-Security-Policy: every page sends it, and no page template or markup built in
Python carries what it refuses (inline scripts, event handler attributes, style attributes,
<style> blocks). The browser test (tests/test_csp_browser.py) checks the pages themselves."""

import re
from pathlib import Path

from django.urls import reverse

SRC = Path(__file__).resolve().parents[2]

# Files that are not web pages of the app: e-mails (mail clients need inline styles) and
# standalone documents that are downloaded and opened from disk, where no policy applies.
NOT_PAGES = {
    "monitoring/templates/monitoring/digest.html",
    "reporting/templates/reporting/narrative_report.html",
    "evaluation/templates/evaluation/pack/base.html",
    "network/templates/network/handover_file.html",
    "privacy/templates/privacy/export.html",
}
REFUSED = [
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>"), "an inline <script>"),
    (re.compile(r"<style[\s>]"), "a <style> block"),
    (re.compile(r"""\sstyle\s*=\s*["']"""), "a style attribute"),
    (re.compile(r"""\son[a-z]+\s*=\s*["']"""), "an event handler attribute (onclick=...)"),
    (re.compile(r"""\shx-on[:-]"""), "hx-on (htmx evaluates it as code)"),
    (re.compile(r"""javascript:"""), "a javascript: URL"),
]


def test_every_page_sends_the_policy(client, alice):
    client.force_login(alice)
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert directives["base-uri"] == "'self'"
    assert "unsafe" not in policy
    # ... the login page and the admin site too.
    client.logout()
    assert "Content-Security-Policy" in client.get(reverse("login"))
    client.force_login(alice)
    assert "Content-Security-Policy" in client.get(reverse("admin:index"))


def test_no_template_or_python_markup_needs_unsafe_inline():
    found = []
    files = [*SRC.glob("**/templates/**/*.html"), *SRC.glob("**/*.py")]
    for path in files:
        relative = path.relative_to(SRC).as_posix()
        if relative in NOT_PAGES or "/tests/" in relative or "/migrations/" in relative:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py" and "<td" not in text and "<span" not in text and "<div" not in text:
            continue  # Python that builds no markup (the pattern would match keyword arguments)
        for pattern, what in REFUSED:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{relative}:{line}: {what}")
    assert not found, "The Content-Security-Policy refuses these; use static files and classes:\n" \
        + "\n".join(found)
