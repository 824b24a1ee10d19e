"""scripts/audit: vulnerabilities fail the build, an unreachable advisory database is said out
loud and does not, and an audit that checked nothing never passes for a clean one."""

import os
import subprocess
import sys
from pathlib import Path

AUDIT = Path(__file__).resolve().parent.parent / "scripts" / "audit"


def fake_pip_audit(tmp_path, *, report=None, stderr="", status=0):
    """A stand-in for pip-audit that writes `report` where --output says and exits `status`."""
    script = tmp_path / "pip-audit"
    script.write_text(f"""#!{sys.executable}
import json, sys
args = sys.argv[1:]
assert "--no-deps" in args and args.count("-r") == 2, args
report = {report!r}
if report is not None:
    open(args[args.index("--output") + 1], "w").write(json.dumps(report))
sys.stderr.write({stderr!r})
sys.exit({status})
""")
    script.chmod(0o755)
    return script


def audit(pip_audit):
    env = {**os.environ, "PIP_AUDIT": str(pip_audit)}
    return subprocess.run([sys.executable, str(AUDIT)], env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def dep(name, version="1.0", **extra):
    return {"name": name, "version": version, "vulns": [], **extra}


def test_a_known_vulnerability_fails_and_names_the_package_and_fix(tmp_path):
    report = {"dependencies": [
        dep("django", "5.2.0", vulns=[{"id": "PYSEC-2099-1", "fix_versions": ["5.2.1"],
                                       "aliases": [], "description": "invented"}]),
        dep("whitenoise")], "fixes": []}
    result = audit(fake_pip_audit(tmp_path, report=report, status=1))
    assert result.returncode == 1
    assert "VULNERABLE django 5.2.0: PYSEC-2099-1 (fixed in: 5.2.1)" in result.stdout


def test_nothing_known_passes_and_says_how_many_were_audited(tmp_path):
    result = audit(fake_pip_audit(tmp_path, report={"dependencies": [dep("django"),
                                                                     dep("whitenoise")]}))
    assert result.returncode == 0
    assert "no known vulnerabilities in 2 pinned packages" in result.stdout


def test_an_unreachable_advisory_database_is_said_clearly_and_does_not_fail(tmp_path):
    stderr = "requests.exceptions.ConnectionError: Max retries exceeded with url: /v1/query\n"
    result = audit(fake_pip_audit(tmp_path, stderr=stderr, status=1))
    assert result.returncode == 0
    assert result.stdout.startswith("dependency audit skipped: advisory database unreachable (")


def test_a_service_that_knows_none_of_the_packages_is_no_clean_audit(tmp_path):
    skipped = "Dependency not found on PyPI and could not be audited"
    report = {"dependencies": [{"name": n, "skip_reason": skipped} for n in ("django", "lxml")]}
    result = audit(fake_pip_audit(tmp_path, report=report))
    assert result.returncode == 0
    assert "dependency audit skipped: advisory database unreachable" in result.stdout
    assert "no known vulnerabilities" not in result.stdout


def test_any_other_failure_of_pip_audit_fails(tmp_path):
    stderr = "error: invalid requirement 'django>>5'\n"
    result = audit(fake_pip_audit(tmp_path, stderr=stderr, status=1))
    assert result.returncode == 2
    assert "invalid requirement" in result.stderr


def test_the_report_lists_what_could_not_be_audited(tmp_path):
    report = {"dependencies": [dep("django"),
                               {"name": "hefboom-internal", "skip_reason": "not on PyPI"}]}
    result = audit(fake_pip_audit(tmp_path, report=report))
    assert result.returncode == 0
    assert "not audited: hefboom-internal: not on PyPI" in result.stdout
