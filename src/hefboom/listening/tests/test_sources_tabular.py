"""The csv and json sources: presets, mapping files, encodings, shifted headers, dates, size."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hefboom.listening.schema import RAW_COLUMNS
from hefboom.listening.sources import SOURCES, Input, SourceError, get_source, item_id, tabular
from hefboom.listening.sources.common import DateParser, local_zone
from hefboom.listening.sources.tabular import CsvSource, JsonSource

SAMPLES = Path(__file__).parent / "samples"


def read(source, *paths):
    return [item for inp in source.inputs([str(p) for p in paths]) for item in source.read(inp)]


def write_csv(path: Path, lines: list[str], encoding="utf-8") -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def test_every_source_is_registered_and_loads():
    for name in ("csv", "json", "rss", "web", "docs"):
        assert name in SOURCES
        assert get_source(name).name == name


def test_coosto_export_with_title_lines_above_the_header():
    source = CsvSource(preset="coosto")
    items = read(source, SAMPLES / "coosto-export.csv")

    assert [i["author"] for i in items] == ["@fictief_an", "Redactie", "@exemple_marie"]
    first = items[0]
    assert set(first) == set(RAW_COLUMNS)
    assert first["source"] == "csv" and first["kind"] == "post" and first["channel"] == "twitter.com"
    assert first["published"] == datetime(2024, 3, 7, 8, 15, tzinfo=UTC)  # 09:15 in Brussels
    assert first["id"] == item_id("csv", "https://x.com/fictief_an/status/1001")
    assert items[1]["text"] == 'Volgens het rapport "Niemand op straat" slapen nog 2.000 mensen buiten.'
    assert items[1]["title"] == "Opvang blijft knelpunt"
    assert json.loads(first["meta"]) == {"file": "coosto-export.csv", "row": 4}
    assert "header on row 3" in source.notes[0] and "';'" in source.notes[0]
    assert source.skipped == {"empty text": 1}
    # the same file again gives the same ids: re-ingesting adds nothing
    assert [i["id"] for i in read(CsvSource(preset="coosto"), SAMPLES / "coosto-export.csv")] == [
        i["id"] for i in items]


def test_generic_preset_finds_the_dutch_headers_of_the_coosto_file_too():
    items = read(CsvSource(), SAMPLES / "coosto-export.csv")
    assert len(items) == 3 and items[0]["channel"] == "twitter.com"


def test_a_cp1252_export_is_read_without_mojibake_and_says_so():
    source = CsvSource()
    items = read(source, SAMPLES / "generic-export-cp1252.csv")

    assert items[0]["text"].startswith("Één zorg") and "20 €" in items[0]["text"]
    assert "l’État" in items[0]["text"] and "« Personne à la rue »" in items[1]["text"]
    assert not any("Ã" in i["text"] or "â€" in i["text"] for i in items)
    assert "encoding cp1252" in source.notes[0]
    assert items[2]["published"] == datetime(2024, 2, 3, tzinfo=UTC)  # a day stays on its day


def test_the_wrong_encoding_given_is_a_clear_message_not_mojibake():
    with pytest.raises(SourceError) as caught:
        read(CsvSource(encoding="utf-8"), SAMPLES / "generic-export-cp1252.csv")
    message = str(caught.value)
    assert "generic-export-cp1252.csv" in message and "not valid utf-8" in message
    assert 'encoding = "cp1252"' in message


def test_bad_bytes_after_the_sampled_part_name_the_row(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "SAMPLE_BYTES", 200)
    lines = ["date,text"] + [f"2024-01-{d:02d},gewone tekst {d}" for d in range(1, 20)]
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode() + "2024-01-21,café\n".encode("cp1252"))
    with pytest.raises(SourceError, match=r"late\.csv, line 21: the bytes are not valid utf-8"):
        read(CsvSource(), path)


def test_a_header_that_cannot_be_found_says_what_to_do(tmp_path):
    path = write_csv(tmp_path / "odd.csv", ["Rapport", "", "kolom a;kolom b", "2024-01-01;iets"])
    with pytest.raises(SourceError) as caught:
        read(CsvSource(), path)
    message = str(caught.value)
    assert "odd.csv" in message and "first 20 rows" in message and "header_row" in message


def test_a_file_without_header_is_recognised_as_data(tmp_path):
    path = write_csv(tmp_path / "bare.csv", ["2024-01-01 10:00;@an;Eerste bericht",
                                             "2024-01-02 11:00;@bo;Tweede bericht"])
    with pytest.raises(SourceError, match="Row 1 looks like data"):
        read(CsvSource(), path)
    mapping = tmp_path / "bare.toml"
    mapping.write_text('header_row = 0\n[columns]\ndate = 1\nauthor = 2\ntext = 3\n')
    items = read(CsvSource(mapping=str(mapping)), path)
    assert [i["text"] for i in items] == ["Eerste bericht", "Tweede bericht"]
    assert items[1]["author"] == "@bo"


def test_a_mapping_file_names_columns_and_fixed_values(tmp_path):
    path = write_csv(tmp_path / "tool.csv", ["Wanneer|Inhoud|Wie", "05/03/2024 08:00|Goed rapport|Kim"])
    mapping = tmp_path / "tool.json"
    mapping.write_text(json.dumps({"columns": {"date": "Wanneer", "text": "Inhoud", "author": "Wie"},
                                   "channel": "Mastodon", "lang": "nl", "timezone": "UTC"}))
    [item] = read(CsvSource(mapping=str(mapping)), path)
    assert item["channel"] == "Mastodon" and item["lang_declared"] == "nl"
    assert item["published"] == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("content", "message"), [
    ('colums = {text = "a"}', "unknown key 'colums'"),
    ('[columns]\nbody = "a"', "'body' is not a field"),
    ("[columns\n", "not valid TOML"),
])
def test_a_wrong_mapping_file_is_named(tmp_path, content, message):
    mapping = tmp_path / "map.toml"
    mapping.write_text(content)
    with pytest.raises(SourceError, match=message):
        CsvSource(mapping=str(mapping))


def test_a_mapped_column_missing_from_the_file_lists_the_columns(tmp_path):
    path = write_csv(tmp_path / "x.csv", ["date,text", "2024-01-01,iets"])
    with pytest.raises(SourceError, match=r"no such column\. Columns are: 'date', 'text'"):
        read(CsvSource(mapping={"columns": {"author": "Auteur"}}), path)


def test_a_bad_date_names_file_row_and_column_or_is_counted(tmp_path):
    path = write_csv(tmp_path / "dates.csv", ["datum,bericht", "2024-01-01,goed", "gisteren,fout",
                                              "2024-01-03,ook goed"])
    with pytest.raises(SourceError) as caught:
        read(CsvSource(), path)
    assert "dates.csv, row 3, column 'datum': 'gisteren' is not a date" in str(caught.value)

    source = CsvSource(on_error="skip")
    assert [i["text"] for i in read(source, path)] == ["goed", "ook goed"]
    assert source.skipped == {"bad date": 1}


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-03-01T12:05:00Z", datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),
    ("2024-03-01 13:05", datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),  # Brussels, winter
    ("2024-07-01 14:05:00", datetime(2024, 7, 1, 12, 5, tzinfo=UTC)),  # Brussels, summer
    ("01/03/2024", datetime(2024, 3, 1, tzinfo=UTC)),
    ("01-03-2024 13:05", datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),
    ("1709294700", datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),
    ("1709294700000", datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),
    (1709294700, datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),
    ("Fri, 01 Mar 2024 12:05:00 +0000", datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),
    ("Fri Mar 01 12:05:00 +0000 2024", datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),
    ("2024-03-01 13:05:00 CET", datetime(2024, 3, 1, 12, 5, tzinfo=UTC)),
    ("31/02/2024", None),
    ("", None),
])
def test_common_date_formats(value, expected):
    assert DateParser(local_zone("Europe/Brussels"))(value) == expected


def test_a_file_over_the_ceiling_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse: 2 GB on paper, nothing on disk
        handle.truncate(2 * 1024**3)
    with pytest.raises(SourceError, match=r"huge\.csv is 2048 MB, over the ceiling of 1024 MB"):
        CsvSource().inputs([str(path)])
    with pytest.raises(SourceError, match="HEFBOOM_INGEST_MAX_FILE_MB"):
        list(CsvSource().read(Input(str(path))))


def test_the_ceiling_is_a_setting(tmp_path, settings):
    settings.HEFBOOM_INGEST_MAX_FILE_MB = 1
    path = tmp_path / "medium.csv"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**2)
    with pytest.raises(SourceError, match="over the ceiling of 1 MB"):
        CsvSource().inputs([str(path)])


def test_inputs_expand_directories_and_name_missing_paths(tmp_path):
    write_csv(tmp_path / "a.csv", ["date,text", "2024-01-01,a"])
    (tmp_path / "sub").mkdir()
    write_csv(tmp_path / "sub" / "b.csv", ["date,text", "2024-01-02,b"])
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not a CSV: left out
    assert [Path(i.location).name for i in CsvSource().inputs([str(tmp_path)])] == ["a.csv", "b.csv"]
    with pytest.raises(SourceError, match="does not exist"):
        CsvSource().inputs([str(tmp_path / "nope.csv")])
    with pytest.raises(SourceError, match="reads files, not addresses"):
        CsvSource().inputs(["https://example.org/export.csv"])


def test_unknown_preset_and_kind_are_refused():
    with pytest.raises(SourceError, match="Unknown preset 'tiktok'; presets: generic, coosto"):
        CsvSource(preset="tiktok")
    with pytest.raises(SourceError, match="kind must be one of"):
        CsvSource(kind="tweet")


def test_x_json_lines_with_nested_user():
    source = JsonSource(preset="x")
    items = read(source, SAMPLES / "x-tweets.jsonl")
    assert [i["author"] for i in items] == ["fictief_an", "example_sam", "exemple_lea"]
    assert [i["lang_declared"] for i in items] == ["nl", "en", "fr"]
    assert items[0]["channel"] == "X" and items[0]["source"] == "json"
    assert items[0]["external_id"] == "1760000000000000001"
    assert items[0]["published"] == datetime(2024, 2, 21, 9, 12, 44, tzinfo=UTC)


def test_facebook_json_with_records_under_data():
    items = read(JsonSource(preset="facebook"), SAMPLES / "facebook-posts.json")
    assert [i["external_id"] for i in items] == ["9001", "9002"]
    assert items[0]["published"] == datetime(2024, 3, 1, 11, 0, tzinfo=UTC)
    assert items[1]["published"] == datetime(2024, 3, 3, 12, 0, tzinfo=UTC)  # epoch seconds
    assert json.loads(items[0]["meta"])["columns"] == {"Likes": 42}


def test_a_bad_json_line_is_named(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text('{"date": "2024-01-01", "text": "a"}\n{"date": "2024-01-02", "text": \n')
    with pytest.raises(SourceError, match=r"posts\.jsonl, line 2: not valid JSON"):
        read(JsonSource(), path)
    source = JsonSource(on_error="skip")
    assert len(read(source, path)) == 1 and source.skipped == {"bad JSON line": 1}


def test_json_that_is_not_a_list_of_records(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"a": 1}')
    with pytest.raises(SourceError, match="no list of records found"):
        read(JsonSource(), path)


def test_a_dry_run_shows_what_was_detected_and_a_mapping_to_start_from(tmp_path):
    preview = CsvSource().preview(Input(str(SAMPLES / "coosto-export.csv")), rows=2)
    assert preview["error"] is None and len(preview["items"]) == 2
    assert preview["layout"]["header_row"] == 3 and preview["layout"]["delimiter"] == ";"
    mapping = tmp_path / "proposed.toml"
    mapping.write_text(preview["mapping"])
    assert 'text = "bericht tekst"' in preview["mapping"] and '# lang = "..."' in preview["mapping"]
    # the proposal, passed back, reads the same file the same way
    items = read(CsvSource(mapping=str(mapping)), SAMPLES / "coosto-export.csv")
    assert [i["id"] for i in items] == [i["id"] for i in read(CsvSource(), SAMPLES / "coosto-export.csv")]

    bad = write_csv(tmp_path / "odd.csv", ["Rapport", "kolom a;kolom b", "2024-01-01;iets"])
    preview = CsvSource().preview(Input(str(bad)))
    assert "no header row" in preview["error"] and preview["items"] == []


def test_every_option_a_source_lists_is_a_keyword_of_its_constructor():
    import inspect

    for name in ("csv", "json", "rss", "web", "docs"):
        cls = type(get_source(name))
        keywords = set(inspect.signature(cls).parameters)
        assert set(cls.options) == keywords, name


def test_the_reader_benchmark_runs_and_reads_every_row():
    import importlib.util

    path = Path(__file__).resolve().parents[4] / "benchmarks" / "listening_sources.py"
    spec = importlib.util.spec_from_file_location("listening_sources_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines = []
    results = module.run(300, out=lines.append)
    assert results["csv"]["items"] == results["jsonl"]["items"] == 300
    assert "µs/item" in lines[0]


@pytest.mark.parametrize(("encoding", "expected"), [("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig")])
def test_excel_unicode_text_and_utf8_with_bom(tmp_path, encoding, expected):
    path = write_csv(tmp_path / "excel.txt", ["Datum\tAuteur\tBericht", "01/02/2024 10:00\tKim\tÉén café"],
                     encoding=encoding)
    source = CsvSource()
    [item] = read(source, path)
    assert item["text"] == "Één café"
    assert item["author"] == "Kim" and f"encoding {expected} (byte order mark)" in source.notes[0]


def test_a_header_far_down_can_be_named(tmp_path):
    lines = [f"Titelregel {n}" for n in range(1, 25)] + ["Wanneer;Wat", "2024-01-01 10:00;Tekst"]
    path = write_csv(tmp_path / "deep.csv", lines)
    mapping = {"header_row": 25, "columns": {"date": "Wanneer", "text": "Wat"}}
    [item] = read(CsvSource(mapping=mapping), path)
    assert item["text"] == "Tekst" and json.loads(item["meta"])["row"] == 26
    with pytest.raises(SourceError, match="has no row 40 for the header"):
        read(CsvSource(header_row=40), path)
