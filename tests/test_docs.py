"""Conventions as tests: the docs follow the code."""

import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_matches_the_real_help():
    cli_docs = runpy.run_path(str(ROOT / "scripts" / "cli-docs"), run_name="cli_docs")
    current = (ROOT / "docs" / "cli.md").read_text()
    assert cli_docs["render"](current) == current, "docs/cli.md is stale: run scripts/cli-docs"


def test_every_environment_variable_is_documented():
    read = set()
    for path in (ROOT / "src" / "hefboom").glob("settings.py"):
        read |= set(re.findall(r'env_\w+\("([A-Z_]+)"', path.read_text()))
    documented = (ROOT / "docs" / "configuration.md").read_text()
    assert read, "no variables found: did settings.py change shape?"
    missing = sorted(name for name in read if f"`{name}`" not in documented)
    assert not missing, f"undocumented in docs/configuration.md: {missing}"


def test_every_ui_text_is_translated_and_compiled():
    import polib

    for language in ("nl", "fr"):
        folder = ROOT / "src" / "hefboom" / "locale" / language / "LC_MESSAGES"
        catalogue = polib.pofile(str(folder / "django.po"))
        assert not catalogue.untranslated_entries(), (language, catalogue.untranslated_entries()[:3])
        assert not catalogue.fuzzy_entries(), (language, catalogue.fuzzy_entries()[:3])
        compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(folder / "django.mo"))}
        stale = [e.msgid for e in catalogue.translated_entries()
                 if not e.msgid_plural and compiled.get(e.msgid) != e.msgstr]
        assert not stale, f"{language}: django.mo is stale, run 'make messages': {stale[:3]}"
