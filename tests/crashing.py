"""Test-only wrapper: run `hefboom ARGS` and crash it at a chosen moment (tests/test_crash_safety.py).

    python tests/crashing.py ARGS...

With CRASH_AT=module:function set, that function is replaced before the command runs:
- CRASH_MODE=kill: the process sends itself SIGKILL when the function is called (the same as an
  outside `kill -9`: no cleanup, no `finally`), when CRASH_MATCH is unset or its first argument
  ends with CRASH_MATCH;
- CRASH_MODE=announce: it prints CRASH-POINT to stderr and goes on, so that the test can kill
  the process from outside while that function runs.
Nothing of this is in the product: without this wrapper, no code path can crash itself.
"""

import importlib
import os
import signal
import sys


def _install() -> None:
    where = os.environ.get("CRASH_AT")
    if not where:
        return
    module_name, name = where.split(":")
    module = importlib.import_module(module_name)
    original = getattr(module, name)
    mode = os.environ.get("CRASH_MODE", "kill")
    match = os.environ.get("CRASH_MATCH", "")

    def crashing(*args, **kwargs):
        if mode == "announce":
            sys.stderr.write("CRASH-POINT\n")
            sys.stderr.flush()
        elif not match or (args and str(args[-1]).endswith(match)):
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)

    setattr(module, name, crashing)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hefboom.settings")
    import django

    django.setup()
    _install()
    from hefboom.cli import main

    main(sys.argv[1:])
