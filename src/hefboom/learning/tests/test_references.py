"""Reference tokens in narrative text: parsing and rendering (pure, no database)."""

from hefboom.learning.references import Reference, Resolved, parse, render_html, render_plain


def test_references_are_found_once_each_in_order_of_appearance():
    text = "Na [@contact:12] volgde [@output:3], en opnieuw [@contact:12] en [@outcome:7]."
    found, malformed = parse(text)
    assert found == [Reference("contact", 12), Reference("output", 3), Reference("outcome", 7)]
    assert malformed == []


def test_tokens_that_only_look_like_references_are_reported():
    found, malformed = parse("Zie [@contact:abc], [@meeting:4] en [@outcome:5]; mail a@b.be [niet]")
    assert found == [Reference("outcome", 5)]
    assert malformed == ["[@contact:abc]", "[@meeting:4]"]


def test_empty_text_has_no_references():
    assert parse("") == ([], [])
    assert parse(None) == ([], [])


def test_rendering_links_visible_records_and_hides_the_others():
    resolved = {Reference("outcome", 7): Resolved("Quotum <verhoogd>", "/monitoring/outcomes/7/")}
    html = render_html("Het [@outcome:7] volgde op [@contact:12].", resolved)
    assert '<a class="reference reference-outcome" href="/monitoring/outcomes/7/">' in html
    assert "Quotum &lt;verhoogd&gt;" in html  # titles are escaped
    assert "[unavailable record]" in html
    assert "contact:12" not in html


def test_rendering_escapes_the_text_and_knows_headings_bullets_and_paragraphs():
    html = render_html("## Maart 2023\n- eerste <b>punt</b>\n- tweede\n\nEen alinea\nmet twee regels", {})
    assert html == ("<h3>Maart 2023</h3>\n<ul><li>eerste &lt;b&gt;punt&lt;/b&gt;</li><li>tweede</li></ul>\n"
                    "<p>Een alinea<br>met twee regels</p>")


def test_plain_text_replaces_references_by_titles():
    resolved = {Reference("output", 3): Resolved("Inputnota", "/x/")}
    assert (render_plain("[@output:3] en [@contact:1]", resolved)
            == "Inputnota en [unavailable record]")
