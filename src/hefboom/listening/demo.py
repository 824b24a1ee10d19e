"""The listening part of `hefboom demo`: real ParlaMint-BE sessions and a few hundred invented
social-media and news items (Dutch, French, English, 2020-2024) that name the organisation, its
reports and the demo dossiers' terms, with a tone, ingested through the normal ingest path.

Alerts are for new things (see `records`); a demo corpus ends in the past, so after ingesting
the demo replays the alert rule as of the day after its newest item, and the alert list shows
what a communication officer would have seen then.
"""

import datetime as dt
import json
import random
import tempfile
from pathlib import Path

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
PARLAMINT = DEMO_DATA / "parlamint-be"
ORGANISATION = "11.11.11"

# Per demo dossier: how it is named in Dutch, French and English.
TERMS = {
    "arbeidsmigratie": ("arbeidsmigratie", "la migration de travail", "labour migration"),
    "pushbacks": ("pushbacks", "les refoulements", "pushbacks"),
    "hervestiging": ("hervestiging", "la réinstallation", "resettlement"),
    "remittances": ("remittances", "les transferts de fonds", "remittances"),
    "klimaatfinanciering": ("klimaatfinanciering", "le financement climatique", "climate finance"),
    "loss-and-damage": ("loss and damage", "les pertes et préjudices", "loss and damage"),
}
REPORTS = ("Jaarlijkse pushbackrapporten", "VUB-studie naar de uitbuiting van arbeidsmigranten")

TEMPLATES = {
    "nl": {
        "pos": ["Sterk en helder rapport van {org} over {term}. Eindelijk goede cijfers, proficiat!",
                "Uitstekend werk van {org}: '{report}' toont hoe het beter kan met {term}."],
        "neg": ["Het rapport van {org} over {term} is eenzijdig en overdreven. Slecht onderbouwd.",
                "Schandalig hoe weinig de regering doet aan {term}. Een zwak en teleurstellend beleid."],
        "neu": ["{org} publiceert vandaag '{report}'. Het gaat over {term}.",
                "Debat in de Kamer over {term} volgende week. Wie volgt het?"],
    },
    "fr": {
        "pos": ["Excellent rapport de {org} sur {term}. Enfin des chiffres clairs, bravo !",
                "Très bon travail de {org} : « {report} » montre une voie positive pour {term}."],
        "neg": ["Le rapport de {org} sur {term} est partial et exagéré. Mauvais et décevant.",
                "Scandaleux : le gouvernement ne fait presque rien pour {term}. Une politique faible."],
        "neu": ["{org} publie aujourd'hui « {report} ». Il porte sur {term}.",
                "Débat à la Chambre sur {term} la semaine prochaine."],
    },
    "en": {
        "pos": ["Excellent report by {org} on {term}. Finally clear figures, well done!",
                "Great work by {org}: '{report}' shows a better way forward on {term}."],
        "neg": ["The {org} report on {term} is one-sided and exaggerated. Poor and disappointing.",
                "Shameful how little the government does on {term}. A weak, failing policy."],
        "neu": ["{org} publishes '{report}' today. It is about {term}.",
                "Parliament debates {term} next week."],
    },
}
# A second sentence, so that no two posts are the same text (ingest drops exact duplicates).
TAILS = {
    "nl": ["Wie leest mee?", "Meer op de website.", "Deel dit bericht.", "Wat denken jullie?",
           "Vanavond op het journaal.", "Lees het volledige verslag.", "De minister moet reageren.",
           "Dit verdient meer aandacht.", "Ook in de commissie besproken.", "Volgende week meer."],
    "fr": ["Qui lit avec nous ?", "Plus d'infos sur le site.", "Partagez ce message.",
           "Qu'en pensez-vous ?", "Ce soir au journal.", "Lisez le rapport complet.",
           "Le ministre doit réagir.", "Cela mérite plus d'attention.", "Discuté en commission aussi."],
    "en": ["Who is reading along?", "More on the website.", "Share this post.", "What do you think?",
           "On the news tonight.", "Read the full report.", "The minister must respond.",
           "This deserves more attention.", "Also discussed in committee."],
}
HASHTAGS = ["#migratie", "#klimaat", "#mensenrechten", "#belgie", "#europa", "#COP", "#ontwikkeling",
            "#solidariteit", "#beleid", "#parlement", "#justice", "#climat", "#migration"]
ACCOUNTS = ["@lotte_vdb", "@marc.janssens", "@sofie_peeters", "@julie.dubois", "@amina_el",
            "@thomas.leroy", "@nieuwsblad_fan", "@climate_watch_be", "@ngo_observer", "@ellen_m"]
CHANNELS = ["X", "Facebook", "Instagram", "LinkedIn", "Mastodon"]


def social_items(n: int = 360, seed: int = 11) -> list[dict]:
    """`n` invented posts over 2020-2024, as the `json` source reads them (generic column names)."""
    rnd = random.Random(seed)  # noqa: S311 - invented demo data, not a secret
    start = dt.datetime(2020, 1, 6, 9, tzinfo=dt.UTC)
    span = (dt.datetime(2024, 12, 20, tzinfo=dt.UTC) - start).total_seconds()
    rows = []
    for i in range(n):
        lang = ("nl", "fr", "en")[rnd.choices((0, 1, 2), weights=(5, 4, 2))[0]]
        dossier = rnd.choice(list(TERMS))
        term = TERMS[dossier][("nl", "fr", "en").index(lang)]
        tone = rnd.choices(("pos", "neg", "neu"), weights=(3, 3, 4))[0]
        # Later years: more talk about pushbacks, and more of it negative (a trend to find).
        published = start + dt.timedelta(seconds=span * (i / n) + rnd.randrange(0, 86400))
        if published.year >= 2023 and rnd.random() < 0.3:
            dossier, tone = "pushbacks", "neg"
            term = TERMS[dossier][("nl", "fr", "en").index(lang)]
        text = rnd.choice(TEMPLATES[lang][tone]).format(org=ORGANISATION, term=term,
                                                        report=rnd.choice(REPORTS))
        text += f" {rnd.choice(TAILS[lang])} {' '.join(rnd.sample(HASHTAGS, 2))} ({i + 1})"
        rows.append({"id": f"demo-{i:04d}", "date": published.isoformat(), "text": text,
                     "author": rnd.choice(ACCOUNTS), "channel": rnd.choice(CHANNELS), "lang": lang,
                     "url": f"https://social.example/demo/{i:04d}"})
    # The last weeks: the new pushback report is picked up, so the alert list has news.
    for j in range(12):
        lang = ("nl", "fr", "en")[j % 3]
        tone = ("neu", "pos", "neg")[j % 3]
        published = dt.datetime(2024, 12, 1, 8, tzinfo=dt.UTC) + dt.timedelta(days=j * 1.5, hours=j)
        term = TERMS["pushbacks"][j % 3]
        text = TEMPLATES[lang][tone][0].format(org=ORGANISATION, term=term, report=REPORTS[0])
        text += f" {TAILS[lang][j % len(TAILS[lang])]} #pushbacks ({n + j + 1})"
        rows.append({"id": f"demo-{n + j:04d}", "date": published.isoformat(), "text": text,
                     "author": ACCOUNTS[j % len(ACCOUNTS)], "channel": CHANNELS[j % len(CHANNELS)],
                     "lang": lang, "url": f"https://social.example/demo/{n + j:04d}"})
    return rows


def write_social(folder: Path) -> Path:
    path = Path(folder) / "hefboom-demo-social.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for row in social_items():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def load(progress: bool = False) -> dict:
    """Ingest the demo corpus (a second run adds nothing) and write its records back. Loads the
    demo dossiers' listening terms first, so that mentions and
    dossiers are found."""
    from hefboom.listening.demo_terms import load as load_terms

    load_terms()
    from hefboom.listening.ingest import ingest
    from hefboom.listening.queries import _connection
    from hefboom.listening.records import write_back

    results = {"parlamint": ingest("parlamint", [PARLAMINT], progress=progress)}
    with tempfile.TemporaryDirectory() as folder:
        results["json"] = ingest("json", [write_social(Path(folder))], progress=progress)
    con = _connection()
    try:
        items = con.sql("SELECT * FROM items").to_arrow_table().to_pylist()
    finally:
        con.close()
    if items:
        newest = max(item["published"] for item in items)
        results["records"] = write_back(items, None, now=newest + dt.timedelta(days=1))
    return results
