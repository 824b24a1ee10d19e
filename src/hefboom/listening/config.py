"""The pipeline's configuration, read once per run from the web database as plain data.

`build_config()` -> PipelineConfig with every name the mentions step looks for and its variants
(docs/listening.md, "Mentions"):

- persons: public figures only (`Person.is_public_figure`, not erased): the press and parliament
  name office holders; matching every contact's name in public texts would be noisy and is not
  what the corpus is for. Variants: "First Last", "F. Last", and a title before the surname
  ("Minister De Croo", "Dhr. Mahdi", "Mevr. De Moor", "M. Michel", "Mme Khattabi", "Mr", "Ms",
  "staatssecretaris", "premier", "député(e)", "Kamerlid", ...). The bare surname only where it is
  safe alone: at least 5 letters (particles such as "de", "van" not counted), not one of
  Belgium's most common surnames (COMMON_SURNAMES), not also someone's first name, and borne by
  one public figure only. "Peeters" or "Michel" alone therefore need context (a title or the
  first name); "Mahdi" or "Khattabi" alone do not.
- parties: organisations of type party, their name and short name, and the names they had before
  or have in the other language (PARTY_ALIASES: sp.a -> Vooruit, cdH -> Les Engagés, ...).
- organisations: every other organisation, name and short name (3+ letters); one named like
  one of the organisation's own names is the organisation itself and is left out here.
- the organisation's own names: listening terms of kind "own_name", and HEFBOOM_IATI_ORG_NAME
  when it is set.
- reports and campaigns: outputs of type study/report and campaign (title; the part before a
  colon as a short title when it has 2+ words) and listening terms of those kinds.
- dossier terms per dossier (listening terms, in the languages in play or all); a dossier with
  no terms yet is looked for by its name when that is short (3 words or fewer, no "/").
"""

import re

from django.conf import settings

from hefboom.listening.pipeline import PipelineConfig

TITLES = (
    "Dhr.", "Dhr", "Mevr.", "Mevr", "Mevrouw", "Meneer", "de heer", "M.", "Mme", "Mme.", "Madame",
    "Monsieur", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "minister", "Minister", "ministre",
    "staatssecretaris", "secrétaire d'État", "premier", "Premier", "eerste minister",
    "Première ministre", "Premier ministre", "Kamerlid", "volksvertegenwoordiger", "député",
    "députée", "senator", "sénateur", "sénatrice", "voorzitter", "président", "présidente",
    "burgemeester", "bourgmestre", "MP", "Commissaris", "commissaire", "Prime Minister",
)

# The most common surnames in Belgium (Statbel): alone they name too many people.
COMMON_SURNAMES = {
    "peeters", "janssens", "maes", "jacobs", "mertens", "willems", "claes", "goossens", "wouters",
    "de smet", "dubois", "lambert", "dupont", "martin", "simon", "laurent", "hermans", "leclercq",
    "aerts", "michiels", "stevens", "desmet", "renard", "lemaire", "dumont", "francois",
    "vermeulen", "pauwels", "smets", "de backer", "hendrickx", "vandenberghe", "claeys",
    "peters", "thomas", "lejeune", "verhaegen", "wuyts", "martens", "de clercq", "mathieu",
    "michel", "charlier", "vos", "de vos", "segers", "bogaert", "jansen", "fontaine",
    "dewilde", "coppens", "hubert", "leroy", "denis", "collard", "moreau", "gerard", "petit",
    "smith", "jones", "brown", "taylor", "wilson", "johnson", "williams", "king", "green",
    "ahmed", "ali", "mohamed", "hassan", "yilmaz",
}
PARTICLES = {"de", "van", "der", "den", "le", "la", "du", "des", "d", "von", "vanden", "vander", "ten", "ter"}

# Party names over time and across languages; keys are compared without accents and case with a
# party's name or short name in the database.
PARTY_ALIASES = {
    "vooruit": ["sp.a", "SP.A", "spa", "Socialistische Partij Anders"],
    "les engages": ["Les Engagés", "cdH", "CDH", "Centre démocrate humaniste"],
    "cd&v": ["CD&V", "CD & V", "Christen-Democratisch en Vlaams"],
    "n-va": ["N-VA", "NVA", "Nieuw-Vlaamse Alliantie"],
    "open vld": ["Open Vld", "Open VLD", "VLD", "Open Vlaamse Liberalen en Democraten"],
    "pvda": ["PVDA", "PTB", "PVDA-PTB", "PTB-PVDA", "Partij van de Arbeid", "Parti du Travail"],
    "ptb": ["PVDA", "PTB", "PVDA-PTB", "PTB-PVDA", "Partij van de Arbeid", "Parti du Travail"],
    "vlaams belang": ["Vlaams Belang", "Vlaams Blok"],
    "groen": ["Groen", "Groen!", "Agalev"],
    "ecolo": ["Ecolo", "ECOLO"],
    "defi": ["DéFI", "DeFI", "FDF"],
    "ps": ["PS", "Parti Socialiste", "Parti socialiste"],
    "mr": ["MR", "Mouvement Réformateur", "Mouvement réformateur"],
}


def _fold(text: str) -> str:
    from hefboom.listening.steps.text import fold

    return " ".join(fold(text).split())


def person_variants(first: str, last: str, safe_alone: bool) -> list[str]:
    first, last = " ".join(first.split()), " ".join(last.split())
    variants = []
    if first:
        variants.append(f"{first} {last}")
        for given in first.split():
            if given[:1].isalpha() and len(given) > 1:
                variants.append(f"{given[0]}. {last}")
                break
    variants += [f"{title} {last}" for title in TITLES]
    if safe_alone:
        variants.append(last)
    return list(dict.fromkeys(variants))


def surname_core(last: str) -> str:
    words = [w for w in re.split(r"[\s'’]+", _fold(last)) if w]
    return " ".join(w for w in words if w not in PARTICLES)


def bare_surname_safe(last: str, surnames_count: dict[str, int], first_names: set[str]) -> bool:
    core = surname_core(last)
    folded = _fold(last)
    return (len(core.replace(" ", "")) >= 5 and folded not in COMMON_SURNAMES
            and core not in COMMON_SURNAMES and surnames_count.get(folded, 0) == 1
            and folded not in first_names)


def _output_variants(title: str) -> list[str]:
    title = " ".join(title.split())
    variants = [title]
    short = re.split(r"\s*[:–—]\s*|\s+-\s+", title, maxsplit=1)[0]
    if short != title and len(short.split()) >= 2:
        variants.append(short)
    return [v for v in variants if len(v) >= 6]


def build_config(*, languages: tuple[str, ...] = ("nl", "fr", "en"), sentiment_tier: str | None = None,
                 **fields) -> PipelineConfig:
    """The config for one run, from the web database (plain lists and dicts, picklable).
    Without `sentiment_tier` the tier in use is the configured one (`tiers.apply_tier`: the ONNX
    directory if set, else the active trained model, else the word lists)."""
    from hefboom.actors.models import Organisation, OrganisationType, Person
    from hefboom.listening.models import TermKind, WatchTerm
    from hefboom.monitoring.models import Output, OutputType
    from hefboom.strategy.models import Dossier

    terms = list(WatchTerm.objects.filter(language__in=("", *languages)))

    people = list(Person.objects.filter(is_public_figure=True, erased_at__isnull=True)
                  .values_list("pk", "first_name", "last_name"))
    surnames: dict[str, int] = {}
    for _pk, _first, last in people:
        surnames[_fold(last)] = surnames.get(_fold(last), 0) + 1
    first_names = {_fold(first) for _pk, first, _last in people if first}
    persons = [(f"actors.person:{pk}", person_variants(first, last,
                                                       bare_surname_safe(last, surnames, first_names)))
               for pk, first, last in people if last]

    own_names = [t.term for t in terms if t.kind == TermKind.OWN_NAME]
    if getattr(settings, "HEFBOOM_IATI_ORG_NAME", ""):
        own_names.append(settings.HEFBOOM_IATI_ORG_NAME)
    own_folded = {_fold(n) for n in own_names}

    parties, organisations = [], []
    for pk, name, short, kind in Organisation.objects.values_list("pk", "name", "short_name", "type"):
        ref = f"actors.organisation:{pk}"
        names = [n for n in (name, short) if n and len(n.strip()) >= 2]
        if any(_fold(n) in own_folded for n in names):
            continue  # the organisation itself, recorded among the actors: a mention of kind organisation
        if kind == OrganisationType.PARTY:
            variants = list(names)
            for n in names:
                variants += PARTY_ALIASES.get(_fold(n), [])
            parties.append((ref, list(dict.fromkeys(variants))))
        else:
            variants = [n for n in names if len(n.strip()) >= 3]
            if variants:
                organisations.append((ref, list(dict.fromkeys(variants))))

    def outputs(types, kind):
        named: dict[str, list[str]] = {}
        for pk, title in Output.objects.filter(type__in=types).values_list("pk", "title"):
            named[f"monitoring.output:{pk}"] = _output_variants(title)
        for t in terms:
            if t.kind == kind:
                ref = f"monitoring.output:{t.output_id}" if t.output_id else f"term:{t.term}"
                named.setdefault(ref, []).append(t.term)
        return [(ref, list(dict.fromkeys(v))) for ref, v in named.items() if v]

    reports = outputs((OutputType.REPORT, OutputType.STUDY), TermKind.REPORT)
    campaigns = outputs((OutputType.CAMPAIGN,), TermKind.CAMPAIGN)

    dossier_terms: dict[int, list[str]] = {}
    for t in terms:
        if t.kind == TermKind.DOSSIER and t.dossier_id:
            dossier_terms.setdefault(t.dossier_id, []).append(t.term)
    theme_of_dossier = {}
    for pk, theme_id, name in Dossier.objects.values_list("pk", "theme_id", "name"):
        theme_of_dossier[pk] = theme_id
        if pk not in dossier_terms and "/" not in name and len(name.split()) <= 3:
            dossier_terms[pk] = [name]

    config = PipelineConfig(
        languages=tuple(languages), own_names=list(dict.fromkeys(own_names)), reports=reports,
        campaigns=campaigns, persons=persons, parties=parties, organisations=organisations,
        dossier_terms=dossier_terms, theme_of_dossier=theme_of_dossier,
        sentiment_tier=sentiment_tier or "lexicon", **fields)
    if sentiment_tier is None:
        from hefboom.listening.tiers import apply_tier

        apply_tier(config)
    return config
