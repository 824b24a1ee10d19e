"""The permission walk: every URL pattern of the project, requested by every role, and the
confidential meeting of tests/access_world.py looked for on every page and in every file.

The tables (which record fills each URL argument, what each role must get) are in
tests/access_table.py. A pattern missing there makes the walk fail, so a new view cannot slip in
without someone deciding who may use it. HEFBOOM_WALK_PRINT=1 prints what each role got.
"""

import io
import os
import re
import time
import zipfile

import pytest
from access_table import (
    ADMIN_ACCESS,
    ADMIN_KWARGS,
    ADMIN_MODEL_VIEWS,
    ADMIN_OBJECTS,
    ADMIN_SITE_PAGES,
    EXPECTED_TABLE,
    MISSING,
    URL_KWARGS,
    WHO,
)
from access_world import ROLES, build_world
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from hefboom.monitoring.models import Contact
from hefboom.reporting.formats import FORMATS

# Patterns every visitor may use without logging in.
PUBLIC = {"login", "logout", "set_language", "health", "favicon.ico", "admin:login", "admin:logout",
          "admin:jsi18n"}


@pytest.fixture(scope="module", name="world")
def world_fixture(demo_module, django_db_blocker, tmp_path_factory):
    uploads = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("uploads"))
    # Inside demo_module's transaction: rolled back with it when the module ends.
    with uploads, django_db_blocker.unblock():
        yield build_world()


def walk(resolver=None, prefix="", namespace=None):
    """(name, route, pattern) of every URL pattern; unnamed ones are named by their route."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = route
            if pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, route, pattern


def all_patterns():
    return list(walk())


def admin_model(name, route):
    """The `app_model` an admin pattern belongs to, or None for the site-wide admin pages."""
    if name in ADMIN_SITE_PAGES:
        return None
    if name.startswith("admin:"):
        base, _, view = name[len("admin:"):].rpartition("_")
        return base if view in ADMIN_MODEL_VIEWS else None
    parts = route.split("/")
    if route.startswith("admin/") and len(parts) > 3 and "<path:object_id>" in route:
        return f"{parts[1]}_{parts[2]}"
    return None


def kwargs_for(name, route, pattern, world):
    """The URL arguments of a pattern, or an AssertionError naming what to add."""
    wanted = set(pattern.pattern.regex.groupindex) - set(pattern.default_args)
    if not wanted:
        return {}
    model = admin_model(name, route)
    if model is not None and wanted == {"object_id"}:
        if model not in ADMIN_OBJECTS:
            raise AssertionError(f"{name}: add the admin model {model!r} to ADMIN_OBJECTS")
        table = {"object_id": ADMIN_OBJECTS[model]}
    else:
        table = URL_KWARGS.get(name) or ADMIN_KWARGS.get(name)
        if table is None:
            raise AssertionError(f"{name} ({route}): add its arguments {sorted(wanted)} to "
                                 "URL_KWARGS in tests/access_table.py")
    values = {}
    for kwarg in wanted:
        source = table.get(kwarg, MISSING)
        if source is None or source == MISSING:
            value = MISSING
        elif source.startswith("'"):
            value = source.strip("'")
        else:
            value = getattr(world, source)
            value = getattr(value, "pk", value)
        values[kwarg] = value
    return values


def url_for(name, route, pattern, world):
    kwargs = kwargs_for(name, route, pattern, world)
    if ":" in name or name in PUBLIC or not route.startswith("admin/"):
        try:
            return reverse(name, kwargs=kwargs or None)
        except Exception:  # unnamed patterns (privacy/) are reached by their route
            pass
    path = "/" + route
    for key, value in kwargs.items():
        path = path.replace(f"<int:{key}>", str(value)).replace(f"<path:{key}>", str(value))
    return path.replace("(?P<url>.*)$", str(kwargs.get("url", "")))


def outcome_of(response):
    status = response.status_code
    if status in (301, 302):
        location = response.headers.get("Location", "")
        login_pages = (reverse(settings.LOGIN_URL), reverse("admin:login"))
        return "login" if location.split("?")[0] in login_pages else "ok"
    if status == 400:  # the role may write; the (empty) input was refused
        return "ok"
    if status in (403, 404, 405, 500):
        return str(status)
    return "ok" if status < 400 else str(status)


def request_as(client, method, url):
    """One request inside a savepoint that is rolled back: the world stays as it was."""
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    return response


def client_for(role, world):
    client = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def parse_table(text):
    lines = [line.split() for line in text.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    roles = header[2:]
    assert tuple(roles) == ROLES, roles
    return {(row[0], row[1]): dict(zip(roles, row[2:], strict=True)) for row in rows}


EXPECTED = parse_table(EXPECTED_TABLE)


def admin_expected(model, view, role):
    if role in ("anonymous", "victor"):
        return "login"
    read, write = ADMIN_ACCESS[model]
    if view == "redirect":  # admin/<app>/<model>/<id>/ only redirects to the change page
        return "ok" if role in WHO["staff"] else "403"
    group = write if view in ("add", "delete") else read
    return "ok" if role in WHO[group] else "403"


def admin_history_args(model, world):
    """(object id, version id) for simple_history's version page of the model's record."""
    source = ADMIN_OBJECTS.get(model)
    if source is None:
        return None
    record = getattr(world, source)
    version = record.history.order_by("-history_id").first()
    return None if version is None else (record.pk, version.history_id)


def requests_for(world):
    """(name, method, url, expected per role) for every pattern; fails for unknown patterns."""
    plan, missing = [], []
    for name, route, pattern in all_patterns():
        model = admin_model(name, route) if route.startswith("admin/") else None
        if route.startswith("admin/") and "simple_history" in name:
            model = name[len("admin:"):-len("_simple_history")]
            if model not in ADMIN_ACCESS:
                missing.append(f"{name}: add {model!r} to ADMIN_ACCESS and ADMIN_OBJECTS")
                continue
            args = admin_history_args(model, world)
            if args is not None:
                plan.append((name, "get", reverse(name, args=args),
                             {r: admin_expected(model, "history", r) for r in ROLES}))
            continue
        if model is not None:
            if model not in ADMIN_ACCESS or model not in ADMIN_OBJECTS:
                missing.append(f"{name}: add {model!r} to ADMIN_ACCESS and ADMIN_OBJECTS")
                continue
            view = name.rpartition("_")[2] if name.startswith("admin:") else "redirect"
            if ADMIN_OBJECTS[model] is None and view not in ("changelist", "add"):
                continue  # no such record to open
            url = url_for(name, route, pattern, world)
            plan.append((name, "get", url, {r: admin_expected(model, view, r) for r in ROLES}))
            continue
        try:
            url = url_for(name, route, pattern, world)
        except AssertionError as exc:
            missing.append(str(exc))
            continue
        if name == "health" and (name, "get") not in EXPECTED:
            # The health endpoint (issue 9, deployment) answers everyone, logged in or not.
            plan.append((name, "get", url, dict.fromkeys(ROLES, "ok")))
            continue
        if (name, "get") not in EXPECTED:
            missing.append(f"{name} ({route}): add a `get` row (and a `post` row if it changes "
                           "anything) to EXPECTED_TABLE in tests/access_table.py")
            continue
        for method in ("get", "post"):
            if (name, method) in EXPECTED:
                plan.append((name, method, url, EXPECTED[name, method]))
    assert not missing, "Patterns the walk does not know:\n" + "\n".join(missing)
    known = {name for name, _route, _pattern in all_patterns()}
    stale = sorted({name for name, _method in EXPECTED} - known)
    assert not stale, f"EXPECTED_TABLE names patterns that no longer exist: {stale}"
    return plan


def text_of(response):
    """The response as text, with every file of a zip (xlsx, docx, evidence pack) unpacked."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace")
                             for name in archive.namelist())
    return body.decode("utf-8", "replace")


def shows_marker(response, world):
    # The search page repeats the words searched for; only its results count.
    text = text_of(response).replace(f"q={world.marker}", "")
    return world.marker in text.replace(f'value="{world.marker}"', "")


# Roles that may not see Alice's confidential meeting: the walk looks for it in all they get.
KEPT_FROM = {"anonymous", "victor", "bob", "mia"}


def observe(role, world, plan):
    """(name, method, url, expected, outcome) per request, and the URLs that showed the marker."""
    client = client_for(role, world)
    seen, leaks = [], []
    for name, method, url, expected in plan:
        started = time.perf_counter()
        response = request_as(client, method, url)
        seen.append((name, method, url, expected[role], outcome_of(response)))
        if os.environ.get("HEFBOOM_WALK_PRINT"):
            print(f"{time.perf_counter() - started:6.3f} {method} {url}")
        if role in KEPT_FROM and method == "get" and shows_marker(response, world):
            leaks.append(url)
        if name in ("logout", "admin:logout") and method == "post":
            client = client_for(role, world)
    return seen, leaks


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_table_says(role, world, db):
    plan = requests_for(world)
    seen, leaks = observe(role, world, plan)
    if os.environ.get("HEFBOOM_WALK_PRINT"):
        for name, method, url, _expected, outcome in seen:
            print(f"{role:9} {name:50} {method:4} {outcome:6} {url}")
    wrong = [f"{method.upper():4} {url} ({name}): expected {expected}, got {outcome}"
             for name, method, url, expected, outcome in seen if outcome != expected]
    wrong += [f"GET  {url}: shows the confidential meeting" for url in leaks]
    assert not wrong, f"{len(wrong)} answers are wrong for {role}:\n" + "\n".join(wrong)
    assert len(seen) > 400  # the walk really walked


def test_anonymous_visitors_are_sent_to_log_in_everywhere_but_the_public_pages():
    for (name, method), row in EXPECTED.items():
        if name not in PUBLIC:
            assert row["anonymous"] == "login", (name, method)


# ---------------------------------------------------------------------------------------------
# The confidential meeting beyond the walk: its own pages, the report in every format, search,
# and the figures on every page.

def own_pages(world):
    """Pages of the confidential meeting itself and of the person met only there."""
    secret = world.secret.pk
    return [reverse("monitoring:contact", args=[secret]),
            reverse("monitoring:contact_edit", args=[secret]),
            reverse("monitoring:follow_up_create", args=[secret]),
            reverse("monitoring:contribution_to_outcome", args=["contact", secret]),
            reverse("monitoring:follow_up_change", args=[world.secret_follow_up.pk]),
            reverse("monitoring:contribution_edit", args=[world.secret_link.pk]),
            reverse("admin:monitoring_contact_change", args=[secret]),
            reverse("admin:monitoring_contact_history", args=[secret]),
            reverse("admin:monitoring_followup_change", args=[world.secret_follow_up.pk]),
            reverse("admin:monitoring_followup_history", args=[world.secret_follow_up.pk])]


def files_and_searches(world):
    urls = [reverse("reporting:download", args=[world.programme.pk, world.year, fmt])
            for fmt in FORMATS if fmt != "pdf"]  # the pdf's text is compressed; html has it
    urls += [reverse("search:search") + f"?q={world.marker}",
             reverse("actors:person", args=[world.secret_person.pk]),
             reverse("network:person_briefing", args=[world.secret_person.pk]),
             reverse("evaluation:evidence_pack", args=[world.evaluation.pk])]
    return urls


@pytest.mark.parametrize("role", ["bob", "victor"])
def test_the_confidential_meeting_stays_hidden_beyond_the_walk(role, world, db):
    client = client_for(role, world)
    # 404 on the site, a redirect to the admin's index ("does not exist"), 403 for a viewer
    denied = [url for url in own_pages(world)
              if request_as(client, "get", url).status_code == 200]
    assert not denied, f"{role} may open the confidential meeting's pages: {denied}"
    leaks = [url for url in files_and_searches(world)
             if shows_marker(request_as(client, "get", url), world)]
    assert not leaks, f"{role} finds the confidential meeting in: {leaks}"


@pytest.mark.parametrize("role", ["alice", "carol"])
def test_its_participant_and_the_administrator_do_see_it(role, world, db):
    client = client_for(role, world)
    for url in own_pages(world)[:3] + own_pages(world)[6:8] + files_and_searches(world)[-4:-2]:
        response = request_as(client, "get", url)
        assert response.status_code == 200, url
        assert world.marker in text_of(response).replace(f"q={world.marker}", ""), url


# Pages whose figures count confidential contacts for everyone, by design: a number names no
# contact (docs/coverage.md, docs/reporting.md).
COUNTS_INCLUDE_CONFIDENTIAL = ("reporting:", "coverage:")
VOLATILE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|csrf[^"]*"[^"]*"')


def figures(response):
    """The numbers a page shows, in order (tokens left out)."""
    return re.findall(r"\d+", VOLATILE.sub("", text_of(response)))


def test_counts_do_not_reveal_the_confidential_meeting(world, db):
    """Bob's pages show the same figures with and without Alice's confidential meeting."""
    plan = [(name, url) for name, method, url, expected in requests_for(world)
            if method == "get" and expected["bob"] == "ok" and not name.startswith("admin")
            and not name.startswith(COUNTS_INCLUDE_CONFIDENTIAL)]
    client, alice = client_for("bob", world), client_for("alice", world)
    contacts = reverse("monitoring:contacts")
    with_meeting = {url: figures(request_as(client, "get", url)) for _name, url in plan}
    alice_with = figures(request_as(alice, "get", contacts))
    with transaction.atomic():
        Contact.all_objects.filter(pk=world.secret.pk).delete()
        without = {url: figures(client.get(url)) for _name, url in plan}
        alice_without = figures(alice.get(contacts))
        transaction.set_rollback(True)
    # The comparison does see the meeting go where it may be seen: in Alice's list.
    assert alice_with != alice_without
    differ = [url for _name, url in plan if with_meeting[url] != without[url]
              # a page whose figures change between two requests anyway (a clock) says nothing
              and figures(request_as(client, "get", url)) == with_meeting[url]]
    assert not differ, "Figures that change with a meeting Bob may not see:\n" + "\n".join(differ)
    assert len(plan) > 80
