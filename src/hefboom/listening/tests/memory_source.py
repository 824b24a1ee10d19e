"""A source that reads items from memory (tests): register it with `use_memory_source`."""

import datetime as dt

from hefboom.listening.sources import Input, item_id

START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def post(n: int, text: str, **extra) -> dict:
    return {"id": item_id("memory", str(n)), "source": "memory", "kind": "post", "channel": "test",
            "external_id": str(n), "text": text, "published": START + dt.timedelta(hours=n),
            "author": f"@user{n % 7}", "meta": "{}", **extra}


class MemorySource:
    name = "memory"
    feeds: dict[str, list[dict]] = {}

    def inputs(self, paths):
        return [Input(f"memory:{p}") for p in paths]

    def read(self, item_input):
        for item in self.feeds[item_input.location.removeprefix("memory:")]:
            yield dict(item)
