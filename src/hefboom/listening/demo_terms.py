"""Listening terms for the demo case (demo/case.py): the organisation's own names, its reports,
and terms in Dutch, French and English for the climate and migration dossiers.

    from hefboom.listening import demo_terms; demo_terms.load()

Idempotent: a term already there is left alone. Dossiers and outputs are found by their demo
code and title; one that is missing is skipped (the count of terms added is returned)."""

# (CNCD-11.11.11, the French-speaking sister organisation, is an actor of its own in the demo)
OWN_NAMES = ["11.11.11", "elf elf elf", "Koepel van de Vlaamse Noord-Zuidbeweging"]

# output title (as in the demo) -> extra names for it
REPORTS = {
    "VUB-studie naar de uitbuiting van arbeidsmigranten": [
        ("VUB-studie", "nl"), ("studie over de uitbuiting van arbeidsmigranten", "nl"),
        ("étude de la VUB", "fr")],
    "Jaarlijkse pushbackrapporten": [
        ("pushbackrapport", "nl"), ("pushbackrapporten", "nl"), ("rapport sur les pushbacks", "fr"),
        ("pushback report", "en")],
}

# dossier code -> (term, language)
DOSSIER_TERMS = {
    "arbeidsmigratie": [
        ("arbeidsmigratie", "nl"), ("arbeidsmigrant", "nl"), ("arbeidsmigranten", "nl"),
        ("economische migratie", "nl"), ("single permit", ""), ("gecombineerde vergunning", "nl"),
        ("migration de travail", "fr"), ("migration économique", "fr"),
        ("travailleurs migrants", "fr"), ("permis unique", "fr"), ("labour migration", "en"),
        ("migrant workers", "en")],
    "pushbacks": [
        ("pushback", ""), ("pushbacks", ""), ("push-backs", ""), ("Frontex", ""),
        ("terugdrijving", "nl"), ("terugdrijvingen", "nl"), ("refoulement", "fr"),
        ("refoulements", "fr"), ("garde-côtes libyens", "fr"), ("Libische kustwacht", "nl"),
        ("Libyan coast guard", "en")],
    "hervestiging": [
        ("hervestiging", "nl"), ("hervestigingen", "nl"), ("hervestigingsprogramma", "nl"),
        ("réinstallation", "fr"), ("réinstallations", "fr"), ("resettlement", "en")],
    "remittances": [
        ("remittances", ""), ("geldovermakingen", "nl"), ("geldoverdrachten", "nl"),
        ("transferkosten", "nl"), ("transferts d'argent", "fr"), ("envois de fonds", "fr"),
        ("transferts de fonds", "fr")],
    "klimaatfinanciering": [
        ("klimaatfinanciering", "nl"), ("klimaatfinanciën", "nl"), ("financement climatique", "fr"),
        ("financement climat", "fr"), ("finance climat", "fr"), ("climate finance", "en"),
        ("climate financing", "en"), ("Groen Klimaatfonds", "nl"), ("Green Climate Fund", "en"),
        ("COP29", ""), ("NCQG", "")],
    "loss-and-damage": [
        ("loss and damage", ""), ("loss & damage", ""), ("verlies en schade", "nl"),
        ("pertes et préjudices", "fr"), ("pertes et dommages", "fr"), ("schadefonds", "nl"),
        ("fonds pour les pertes et préjudices", "fr")],
}


def load() -> int:
    from hefboom.listening.models import TermKind, WatchTerm
    from hefboom.monitoring.models import Output
    from hefboom.strategy.models import Dossier

    added = 0

    def add(**fields):
        nonlocal added
        _term, created = WatchTerm.objects.get_or_create(**fields)
        added += created

    for name in OWN_NAMES:
        add(kind=TermKind.OWN_NAME, dossier=None, output=None, term=name, language="")
    for title, names in REPORTS.items():
        output = Output.objects.filter(title=title).first()
        if output is None:
            continue
        for term, lang in names:
            add(kind=TermKind.REPORT, dossier=None, output=output, term=term, language=lang)
    for code, terms in DOSSIER_TERMS.items():
        for dossier in Dossier.objects.filter(code=code):
            for term, lang in terms:
                add(kind=TermKind.DOSSIER, dossier=dossier, output=None, term=term, language=lang)
    return added
