#!/usr/bin/env python
"""Load test: colleagues log contacts, edit outcomes and browse at once, against gunicorn.

    .venv/bin/python benchmarks/loadtest.py [--seconds 60] [--users 20]
    .venv/bin/python benchmarks/loadtest.py --database-url postgres://postgres@127.0.0.1:5432/hb_load

Starts Hefboom under gunicorn on 127.0.0.1 with a data directory of its own (a new temporary
one unless --data-dir), migrates the database (SQLite in the data directory, or the PostgreSQL
database of --database-url) and, when it holds no records yet, fills it with
generate_dataset.py at --scale (0: a handful of records, for the short run in the test suite).
Then --users simulated colleagues (threads, each its own HTTP session) log in through the login
form and for --seconds do what colleagues do before a deadline, through the real pages and forms
with their CSRF tokens:

- log a contact: the contact form, then its POST with a unique marker in the summary;
- edit an outcome: one of a few "hot" outcomes that everyone edits, with the version the form
  carries; a refusal because someone else saved it first is a conflict, counted on its own: the
  expected answer, neither an error nor a lost write;
- browse: home, the dossiers' pages and timelines, the lists, an outcome's page.

Afterwards it counts in the database: every contact a client was told was saved exists exactly
once, every saved outcome edit is in the outcome's history exactly once, no refused edit is, and
no two saves of one outcome got the same version. It prints requests, errors, lost and
duplicated writes, conflicts, p50/p95/p99 latency per kind of request and the throughput, and
exits with 1 when there was an error, a lost or a duplicated write. ``tests/test_load.py`` runs
`run()` for a few seconds in the test suite.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "hefboom-demo"  # the demo's password, as generate_dataset.py's users have
USERNAME = "load-{}"
HOT_OUTCOMES = 4  # the outcomes everyone edits: the newest ones
MARKER = re.compile(r"loadtest-[0-9a-f]+-[a-z]+-\d+-\d+")
# What a simulated colleague does next, and how often.
ACTIONS = {"log contact": 3, "edit outcome": 2, "browse": 5}


# The server side: preparing the database, serving it, counting afterwards.

def server_env(data_dir: Path, database_url: str | None) -> dict:
    """The environment of the server and of the prepare and verify steps."""
    env = dict(os.environ)
    env["HEFBOOM_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "hefboom.settings"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def _step(env: dict, *args: str, stdin: str | None = None) -> str:
    """Run one of this script's own steps (_prepare, _verify) in the server's environment."""
    done = subprocess.run(  # noqa: S603 - this script itself, with fixed arguments
        [sys.executable, str(Path(__file__).resolve()), *args], env=env, input=stdin,
        capture_output=True, text=True, timeout=1800)
    if done.returncode:
        raise RuntimeError(f"loadtest.py {args[0]} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1]  # the step's answer is its last line


def prepare(users: int, scale: float) -> str:
    """Migrate; fill an empty database (generate_dataset at `scale`, or a handful of records at
    scale 0); make the simulated colleagues' accounts. Runs inside the server's environment."""
    import generate_dataset

    generate_dataset.setup_django()
    from django.contrib.auth.hashers import make_password

    from hefboom.accounts.models import Role, User

    started = time.perf_counter()
    generate_dataset.migrate()
    migrated = time.perf_counter() - started
    filled = "kept the records already there"
    if not generate_dataset.holds_data():
        if scale > 0:
            counts = generate_dataset.generate(scale, out=lambda line: None)["counts"]
            filled = f"generate_dataset.py --scale {scale}: {counts['contact']} contacts, " \
                     f"{counts['outcome']} outcomes"
        else:
            filled = _seed_a_handful()
    password = make_password(PASSWORD)  # hashed once: the hasher is slow on purpose
    names = [USERNAME.format(i) for i in range(1, users + 1)]
    User.objects.filter(username__in=names).update(password=password, is_active=True)
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    User.objects.bulk_create([
        User(username=name, password=password, role=Role.POLICY_OFFICER, is_staff=True,
             first_name="Load", last_name=name.split("-")[1])
        for name in names if name not in existing])
    return f"{filled} (migrate {migrated:.1f} s, all {time.perf_counter() - started:.1f} s)"


def _seed_a_handful() -> str:
    """A programme with three dossiers, six outcomes and a dozen contacts: enough to edit,
    log and browse, made in a second (the test suite's short run)."""
    import datetime as dt

    from django.utils import timezone

    from hefboom.accounts.models import Role, User
    from hefboom.core.actions import save_record
    from hefboom.monitoring import actions
    from hefboom.monitoring.models import ChangeType, Channel, Contact, Outcome
    from hefboom.strategy.models import Dossier, Programme, Theme

    today = timezone.localdate()
    author = User.objects.create(username="load-seed", role=Role.ME_OFFICER, is_active=False)
    programme = save_record(Programme(code="load", name="Load test", funder="DGD",
                                      start_date=dt.date(today.year - 2, 1, 1),
                                      end_date=dt.date(today.year + 2, 12, 31)), author)
    theme = save_record(Theme(programme=programme, code="load", name="Load"), author)
    dossiers = [save_record(Dossier(theme=theme, code=f"load-{i}", name=f"Dossier {i}"), author)
                for i in range(1, 4)]
    for i in range(6):
        actions.record_outcome(author, Outcome(
            title=f"Outcome {i}", description="The government decided.",
            change_type=ChangeType.POLICY_CONTENT, date=today - dt.timedelta(days=i)),
            dossiers=[dossiers[i % 3]])
    for i in range(12):
        actions.record_contact(author, Contact(date=today - dt.timedelta(days=i), summary=f"Call {i}",
                                               channel=Channel.CALL),
                               our_participants=[author], dossiers=[dossiers[i % 3]])
    return "a handful of records (3 dossiers, 6 outcomes, 12 contacts)"


def verify(run_id: str, contacts: list[str], edits: dict[str, int], refused: list[str]) -> dict:
    """Count in the database what the clients were told: runs in the server's environment."""
    import generate_dataset

    generate_dataset.setup_django()
    from hefboom.monitoring.models import Contact, Outcome

    stored = Counter(m for summary in Contact.all_objects.filter(summary__contains=run_id)
                     .values_list("summary", flat=True) for m in MARKER.findall(summary))
    history = list(Outcome.history.filter(description__contains=run_id)
                   .values_list("id", "version", "description"))
    saved = Counter(m for _pk, _v, text in history for m in MARKER.findall(text))
    versions = Counter((pk, version) for pk, version, _text in history)
    acknowledged = set(contacts) | set(edits)
    return {
        "contacts_stored": sum(stored.values()),
        "edits_in_history": len(history),
        "lost": sorted([m for m in contacts if not stored[m]] + [m for m in edits if not saved[m]]),
        "duplicated": sorted([m for m, n in stored.items() if n > 1]
                             + [m for m, n in saved.items() if n > 1]),
        # Saved although the client was told otherwise (a timeout, a refusal): not lost, but a
        # colleague would save it again and get a duplicate.
        "unacknowledged": sorted(m for m in [*stored, *saved] if m not in acknowledged),
        "refused_but_saved": sorted(m for m in refused if saved[m]),
        # Two saves of one outcome that got the same version: one overwrote the other unseen.
        "same_version": sorted(f"outcome {pk} v{v}" for (pk, v), n in versions.items() if n > 1),
        "edits_of_wrong_outcome": sorted(m for pk, _v, text in history for m in MARKER.findall(text)
                                         if m in edits and edits[m] != pk),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving Hefboom on 127.0.0.1 until the block ends."""

    def __init__(self, env: dict, *, workers: int, threads: int, log: Path):
        self.env, self.workers, self.threads, self.log = env, workers, threads, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        import requests

        self.log_file = open(self.log, "w")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(  # noqa: S603 - gunicorn with fixed arguments
            [sys.executable, "-m", "gunicorn", "hefboom.wsgi", "--workers", str(self.workers),
             "--threads", str(self.threads), "--bind", f"127.0.0.1:{self.port}",
             "--timeout", "120", "--log-level", "warning", "--preload"],
            env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn stopped at start:\n{self.log.read_text()}")
                try:
                    if requests.get(self.url + "/login/", timeout=30).status_code == 200:
                        return self
                except requests.RequestException:
                    pass
                time.sleep(0.3)
            raise RuntimeError(f"gunicorn did not answer within 120 s:\n{self.log.read_text()}")
        except BaseException:
            self.__exit__()  # a block that never started is not left by `with`: stop it here
            raise

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()


# The client side: forms as a browser submits them, and the simulated colleagues.

class FormReader(HTMLParser):
    """The fields of each POST form on a page as a browser would submit them, and the choices
    of their tick boxes and lists."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[list, dict]] = []  # ([name, value] pairs in order, choices)
        self.values = self.choices = None
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.values, self.choices = [], defaultdict(list)
            self.forms.append((self.values, self.choices))
        if self.values is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                self.choices[name].append(attrs.get("value", "on"))
                if "checked" in attrs:
                    self.values.append([name, attrs.get("value", "on")])
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.values.append([name, attrs.get("value") or ""])
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "first": None,
                            "selected": False}
        elif tag == "option" and self._select is not None:
            value, select = attrs.get("value", ""), self._select
            self.choices[select["name"]].append(value)
            if select["first"] is None:
                select["first"] = value
            if "selected" in attrs:
                self.values.append([select["name"], value])
                select["selected"] = True
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
            self.values.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.values = self.choices = None
        elif tag == "select" and self._select is not None:
            select = self._select
            if not select["selected"] and not select["multiple"] and select["first"] is not None:
                self.values.append([select["name"], select["first"]])  # what a browser sends
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            if self._textarea[1].startswith("\n"):  # the newline after <textarea> is not content
                self._textarea[1] = self._textarea[1][1:]
            self._textarea = None


class Form:
    """The page's POST form that has a field named `having` (pages have other forms too: the
    language switch, logging out)."""

    def __init__(self, html: str, having: str):
        reader = FormReader()
        reader.feed(html)
        found = [(values, choices) for values, choices in reader.forms
                 if any(name == having for name, _value in values) or having in choices]
        if not found:
            raise ValueError(f"no form with a field {having!r} on the page")
        self.values, self.choices = found[0]

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.values if key == name), None)

    def set(self, name: str, *values: str) -> None:
        self.values = [pair for pair in self.values if pair[0] != name]
        self.values += [[name, value] for value in values]

    def data(self) -> list[tuple[str, str]]:
        return [(key, value) for key, value in self.values]


@dataclass
class Tally:
    """What the colleagues did and were told; shared by their threads under a lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    timings: dict = field(default_factory=lambda: defaultdict(list))  # kind -> [seconds]
    errors: list = field(default_factory=list)  # (kind, what went wrong)
    contacts: list = field(default_factory=list)  # markers the server said it saved
    edits: dict = field(default_factory=dict)  # marker -> outcome pk, saved
    conflicts: list = field(default_factory=list)  # markers refused as edit conflicts
    unsure: list = field(default_factory=list)  # markers of writes that ended in an error

    def time(self, kind, seconds):
        with self.lock:
            self.timings[kind].append(seconds)

    def error(self, kind, what):
        with self.lock:
            self.errors.append((kind, what[:300]))


class Colleague:
    """One simulated user: a session of its own, logged in through the login form."""

    def __init__(self, number: int, base_url: str, run_id: str, tally: Tally, *, think: float,
                 seed: int):
        import requests

        self.number, self.base, self.run_id, self.tally = number, base_url, run_id, tally
        self.think, self.rng = think, random.Random(seed * 1000 + number)  # noqa: S311
        self.http = requests.Session()
        self.http.headers["Accept-Language"] = "en"
        # One connection per request, as a reverse proxy in front of gunicorn makes them (nginx
        # does not keep its upstream connections alive by default); a kept-alive connection that
        # gunicorn closes as the next request arrives would be reset, an artefact of the client.
        self.http.headers["Connection"] = "close"
        self.sequence = 0
        self.dossiers: list[str] = []
        self.outcomes: list[str] = []

    def request(self, kind, method, path, *, expect=(200,), **kwargs):
        """One timed request; None (and an error counted) when it failed or answered otherwise
        than `expect`."""
        started = time.perf_counter()
        try:
            response = self.http.request(method, self.base + path, allow_redirects=False,
                                         timeout=60, **kwargs)
        except Exception as exc:  # noqa: BLE001 - any failure of a request is an error
            self.tally.time(kind, time.perf_counter() - started)
            self.tally.error(kind, f"{method} {path}: {type(exc).__name__}: {exc}")
            return None
        self.tally.time(kind, time.perf_counter() - started)
        if response.status_code not in expect:
            self.tally.error(kind, f"{method} {path}: HTTP {response.status_code}")
            return None
        return response

    def log_in(self) -> bool:
        page = self.request("login form", "GET", "/login/")
        if page is None:
            return False
        form = Form(page.text, "username")
        form.set("username", USERNAME.format(self.number))
        form.set("password", PASSWORD)
        done = self.request("login", "POST", "/login/", data=form.data(), expect=(302,))
        if done is None:
            return False
        # What there is to work on: the dossiers (from the list) and the newest outcomes.
        dossiers = self.request("dossier list", "GET", "/strategy/dossiers/")
        outcomes = self.request("outcome list", "GET", "/monitoring/outcomes/")
        if dossiers is None or outcomes is None:
            return False
        self.dossiers = _unique(re.findall(r'href="/strategy/dossiers/(\d+)/"', dossiers.text))
        self.outcomes = _unique(re.findall(r'href="/monitoring/outcomes/(\d+)/"', outcomes.text))
        if not self.dossiers or not self.outcomes:
            self.tally.error("login", "no dossiers or outcomes to work on")
            return False
        return True

    def marker(self, what: str) -> str:
        self.sequence += 1
        return f"{self.run_id}-{what}-{self.number}-{self.sequence}"

    def work_until(self, deadline: float) -> None:
        actions, weights = zip(*ACTIONS.items(), strict=True)
        while time.monotonic() < deadline:
            action = self.rng.choices(actions, weights)[0]
            try:
                {"log contact": self.log_contact, "edit outcome": self.edit_outcome,
                 "browse": self.browse}[action]()
            except Exception as exc:  # noqa: BLE001 - e.g. a page without its form
                self.tally.error(action, f"{type(exc).__name__}: {exc}")

    def log_contact(self) -> None:
        page = self.request("contact form", "GET", "/monitoring/contacts/new/")
        if page is None:
            return
        form = Form(page.text, "summary")
        marker = self.marker("contact")
        form.set("summary", f"Phone call about the budget ({marker})")
        form.set("channel", self.rng.choice([c for c in form.choices["channel"] if c]))
        form.set("dossiers", self.rng.choice(form.choices["dossiers"]))
        self.pause()
        saved = self.request("contact save", "POST", "/monitoring/contacts/new/",
                             data=form.data(), expect=(302,))
        location = saved and urlsplit(saved.headers.get("Location", "")).path
        if saved is not None and re.fullmatch(r"/monitoring/contacts/\d+/", location or ""):
            with self.tally.lock:
                self.tally.contacts.append(marker)
            if self.rng.random() < 0.3:  # look at what was saved
                self.request("contact page", "GET", location)
        else:
            if saved is not None:
                self.tally.error("contact save", f"redirected to {location!r}")
            with self.tally.lock:
                self.tally.unsure.append(marker)

    def edit_outcome(self) -> None:
        pk = self.rng.choice(self.outcomes[:HOT_OUTCOMES])
        path = f"/monitoring/outcomes/{pk}/edit/"
        page = self.request("outcome form", "GET", path)
        if page is None:
            return
        form = Form(page.text, "description")
        marker = self.marker("edit")
        text = "\n".join(line for line in (form.get("description") or "").splitlines()
                         if not MARKER.search(line)).strip()
        form.set("description", f"{text}\nChecked by {marker}")
        seen_version = form.get("expected_version")
        self.pause()
        answer = self.request("outcome save", "POST", path, data=form.data(), expect=(200, 302))
        if answer is None:
            with self.tally.lock:
                self.tally.unsure.append(marker)
        elif answer.status_code == 302:
            with self.tally.lock:
                self.tally.edits[marker] = int(pk)
        elif Form(answer.text, "description").get("expected_version") != seen_version:
            # Someone saved it first: the form now carries the stored version and says so.
            with self.tally.lock:
                self.tally.conflicts.append(marker)
            self.tally.time("outcome conflict", 0)
        else:
            self.tally.error("outcome save", f"POST {path}: the form was refused: "
                             + _errors(answer.text))
            with self.tally.lock:
                self.tally.unsure.append(marker)

    def browse(self) -> None:
        dossier = self.rng.choice(self.dossiers)
        kind, path = self.rng.choice([
            ("home", "/"),
            ("dossier page", f"/strategy/dossiers/{dossier}/"),
            ("dossier timeline", f"/strategy/dossiers/{dossier}/timeline/"),
            ("contact list", "/monitoring/contacts/"),
            ("outcome list", "/monitoring/outcomes/"),
            ("outcome page", f"/monitoring/outcomes/{self.rng.choice(self.outcomes)}/"),
        ])
        self.request(kind, "GET", path)

    def pause(self) -> None:
        """A colleague takes a moment between opening a form and saving it."""
        if self.think:
            time.sleep(self.rng.uniform(0, 2 * self.think))


def _unique(items):
    return list(dict.fromkeys(items))


def _errors(html: str) -> str:
    found = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", " ".join(found)).strip()[:200] or "no error shown"


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def run(*, seconds: float = 60, users: int = 20, database_url: str | None = None,
        data_dir: Path | None = None, scale: float = 0.01, workers: int = 4, threads: int = 4,
        think: float = 0.1, seed: int = 4, out=print) -> dict:
    """Prepare, serve, load and verify; the figures (see `report`)."""
    own_dir = data_dir is None
    data_dir = Path(tempfile.mkdtemp(prefix="hefboom-load-")) if own_dir else Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    env = server_env(data_dir, database_url)
    run_id = f"loadtest-{os.urandom(4).hex()}"  # marks this run's writes
    database = database_url.rsplit("/", 1)[-1] if database_url else str(data_dir / "hefboom.sqlite3")
    out(f"preparing {'postgresql ' if database_url else 'sqlite '}{database} ...")
    started = time.perf_counter()
    filled = _step(env, "_prepare", "--users", str(users), "--scale", str(scale)).strip()
    out(f"  {filled}; {users} users ({time.perf_counter() - started:.0f} s)")
    started = time.perf_counter()
    tally = Tally()
    try:
        with Server(env, workers=workers, threads=threads, log=data_dir / "gunicorn.log") as server:
            colleagues = [Colleague(i, server.url, run_id, tally, think=think, seed=seed)
                          for i in range(1, users + 1)]
            logged_in = _in_threads([c.log_in for c in colleagues])
            if not all(logged_in):
                raise RuntimeError(f"{logged_in.count(False)} users could not log in: "
                                   f"{tally.errors[:3]}")
            out(f"  gunicorn started, {users} users logged in ({time.perf_counter() - started:.0f} s)")
            login_timings = tally.timings.copy()
            tally.timings.clear()
            out(f"serving {server.url} (gunicorn, {workers} workers x {threads} threads); "
                f"{users} users for {seconds:g} s ...")
            began = time.monotonic()
            _in_threads([lambda c=c: c.work_until(began + seconds) for c in colleagues])
            elapsed = time.monotonic() - began
        server_log = (data_dir / "gunicorn.log").read_text(errors="replace")
        checked = json.loads(_step(env, "_verify", stdin=json.dumps({
            "run_id": run_id, "contacts": tally.contacts, "edits": tally.edits,
            "refused": tally.conflicts})))
        out(f"  counted in the database ({time.perf_counter() - started:.0f} s from the start of "
            f"the server)")
    finally:
        if own_dir:
            shutil.rmtree(data_dir, ignore_errors=True)
    result = summarise(tally, checked, elapsed, login_timings)
    result.update(database="postgresql" if database_url else "sqlite", users=users,
                  seconds=seconds, workers=workers, threads=threads, dataset=filled,
                  server_errors=_first_error(server_log))
    report(result, out)
    return result


def _first_error(log: str) -> list[str]:
    """The server's first error with its traceback (the last lines, where the cause is)."""
    lines = log.splitlines()
    start = next((i for i, line in enumerate(lines) if "Error" in line or "Traceback" in line), None)
    if start is None:
        return []
    end = next((i for i in range(start + 2, len(lines)) if lines[i][:1].strip()
                and not lines[i].startswith(("Traceback", "During", "The above"))
                and "Error" in lines[i]), len(lines) - 1)
    return [lines[start], "...", *lines[max(start + 1, end - 8):end + 1]]


def _in_threads(calls) -> list:
    results = [None] * len(calls)

    def call(i):
        results[i] = calls[i]()

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def summarise(tally: Tally, checked: dict, elapsed: float, login_timings: dict) -> dict:
    kinds = {}
    errors_by_kind = Counter(kind for kind, _what in tally.errors)
    for kind, values in sorted({**login_timings, **tally.timings}.items()):
        if kind == "outcome conflict":
            continue
        kinds[kind] = {"requests": len(values), "errors": errors_by_kind[kind],
                       **{f"p{p}_ms": round(percentile(values, p / 100) * 1000, 1)
                          for p in (50, 95, 99)}}
    requests_made = sum(len(v) for k, v in tally.timings.items() if k != "outcome conflict")
    return {
        "requests": requests_made,
        "errors": len(tally.errors),
        "error_examples": tally.errors[:5],
        "lost": len(checked["lost"]),
        "duplicated": len(checked["duplicated"]),
        "conflicts": len(tally.conflicts),
        "contacts_saved": len(tally.contacts),
        "outcome_edits_saved": len(tally.edits),
        "unacknowledged": len(checked["unacknowledged"]),
        "refused_but_saved": len(checked["refused_but_saved"]),
        "same_version": len(checked["same_version"]),
        "edits_of_wrong_outcome": len(checked["edits_of_wrong_outcome"]),
        "verified": checked,
        "elapsed_s": round(elapsed, 1),
        "throughput_rps": round(requests_made / elapsed, 1),
        "writes_per_s": round((len(tally.contacts) + len(tally.edits)) / elapsed, 1),
        "kinds": kinds,
    }


def failures(result: dict) -> list[str]:
    """What makes the run fail; empty when it passed."""
    return [f"{key.replace('_', ' ')}: {result[key]}"
            for key in ("errors", "lost", "duplicated", "unacknowledged", "refused_but_saved",
                        "same_version", "edits_of_wrong_outcome") if result[key]]


def report(result: dict, out=print) -> None:
    out(f"{'kind':<18} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, row in result["kinds"].items():
        out(f"{kind:<18} {row['requests']:>8} {row['errors']:>6} {row['p50_ms']:>8.1f} "
            f"{row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f}")
    out(f"requests: {result['requests']} in {result['elapsed_s']} s = {result['throughput_rps']}/s "
        f"(logins and first look-ups not counted); errors: {result['errors']}")
    out(f"writes: {result['contacts_saved']} contacts logged, {result['outcome_edits_saved']} "
        f"outcome edits saved ({result['writes_per_s']}/s); conflicts (an edit refused because "
        f"someone saved first, as expected): {result['conflicts']}")
    out(f"verified in the database: lost {result['lost']}, duplicated {result['duplicated']}, "
        f"saved without the client being told {result['unacknowledged']}, refused but saved "
        f"{result['refused_but_saved']}, two saves with one version {result['same_version']}")
    for kind, what in result["error_examples"]:
        out(f"  error ({kind}): {what}")
    for line in result["server_errors"]:
        out(f"  server: {line}")
    problems = failures(result)
    out("RESULT: " + ("FAIL (" + "; ".join(problems) + ")" if problems else "OK"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long the users work (60)")
    parser.add_argument("--users", type=int, default=20, help="simulated colleagues (20)")
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL database to use (postgres://...); default: SQLite in "
                             "the data directory. An empty database is filled; one with records "
                             "is used as it is. Never a real one: the test adds users load-1... "
                             "with a known password and writes contacts and edits")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="the server's HEFBOOM_DATA_DIR (default: a new temporary one, removed "
                             "afterwards)")
    parser.add_argument("--scale", type=float, default=0.01,
                        help="generate_dataset.py's scale for an empty database (0.01: 1,000 "
                             "contacts, 50 outcomes; 0: a handful of records)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (4)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (4)")
    parser.add_argument("--think", type=float, default=0.1,
                        help="mean seconds between opening a form and saving it (0.1)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    result = run(seconds=args.seconds, users=args.users, database_url=args.database_url,
                 data_dir=args.data_dir, scale=args.scale, workers=args.workers,
                 threads=args.threads, think=args.think, seed=args.seed)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    sys.exit(1 if failures(result) else 0)


def _steps() -> None:
    """The steps run in the server's environment: _prepare and _verify."""
    step = sys.argv[1]
    if step == "_prepare":
        parser = argparse.ArgumentParser()
        parser.add_argument("--users", type=int, required=True)
        parser.add_argument("--scale", type=float, required=True)
        args = parser.parse_args(sys.argv[2:])
        print(prepare(args.users, args.scale))
    elif step == "_verify":
        given = json.loads(sys.stdin.read())
        print(json.dumps(verify(given["run_id"], given["contacts"],
                                {m: int(pk) for m, pk in given["edits"].items()}, given["refused"])))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        _steps()
    else:
        main()
