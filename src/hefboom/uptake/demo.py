"""The demo's policy corpus: its documents imported through the normal path, then one scan."""

from hefboom.uptake.actions import import_document
from hefboom.uptake.scan import run_scan


def load_policy_documents(recorder, documents) -> dict[str, int]:
    for d in documents:
        import_document(recorder, text=d["text"], title=d["title"], kind=d["kind"],
                        institution=d["institution"], level=d["level"], date=d["date"],
                        url=d.get("url", ""), source_reference=d["source"])
    run = run_scan()
    return {"policy documents": len(documents), "reuse matches": run.matches_found}
