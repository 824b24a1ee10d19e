"""The evaluation matrix of the mid-term evaluation (2022–2024), as Annex 2 of the report has it.

Only what the report says: the main questions EV.1–EV.6 (section 2 and Annex 2), their derived
sub-questions, criteria or indicators and data sources. `load_annex2_matrix()` is idempotent:
it creates what is missing and brings what exists back to the report's text.
"""

import datetime as dt

from django.db import transaction

from hefboom.core.actions import save_record
from hefboom.evaluation.models import Evaluation, EvaluationQuestion

SOURCE = "Evaluatierapport Belgiëprogramma 2022-2026, Annex 2 Evaluatiematrix"
TITLE = "Tussentijdse evaluatie Belgiëprogramma 2022-2026"

STAFF_INTERVIEWS = "Interviews of focusgroepdiscussies met de betrokken 11.11.11. teams"

# (code, question, criteria or indicators, data sources, sub-questions as the same triples)
ANNEX2 = [
    ("EV.1", "Worden de verwachtingen aangaande doeltreffendheid en impact van de geïntegreerde "
             "aanpak ingelost en liggen de outcomes voor de thema's klimaat en migratie in lijn met "
             "het beoogde veranderingsproces en de onderliggende hypothesen?", "", "", [
        ("EV.1.1", "Worden de outcomes (vnl. Outcome 4) en resultaten behaald zoals voorzien (met "
                   "betrekking tot Klimaat & Migratie) of zijn ze in lijn met de verwachtingen? "
                   "(Effectiviteit)",
         "Bereikte outcomes & resultaten in functie van het logische kader",
         "Monitoringgegevens\nDocumentanalyses\nInterviews met teamleden betrokken bij klimaat- en "
         "migratie-advocacy / beleidsdienst en andere betrokken diensten"),
        ("EV.1.2", "Zijn er (on-)verwachte positieve/negatieve veranderingen?",
         "Inventarisatie van veranderingen die positief/negatief waren en niet voorzien waren",
         "Monitoringgegevens\nDocumentanalyses\nInterviews met teamleden + 3 prioritaire "
         "doelgroepen"),
        ("EV.1.3", "Zijn de waargenomen veranderingen in lijn met het beoogde veranderingsproces en "
                   "de onderliggende hypothesen? (Relevantie)",
         "Analyse van de veranderingstheorie op basis van contextanalyse en bereikte veranderingen",
         "Documentanalyses\nInterviews met teamleden + 3 prioritaire doelgroepen"),
        ("EV.1.4", "Hoe werden de veranderingen bereikt en welke rol speelt/speelde 11.11.11 daarin? "
                   "(contributie)",
         "Contributie van bereikte resultaten en outcomes",
         "Documentanalyses\nInterviews met teamleden + 3 prioritaire doelgroepen op basis van "
         "contributie-analyses & Outcome Harvesting"),
        ("EV.1.5", "Wat is de toegevoegde waarde van de geïntegreerde aanpak?",
         "Identificatie van goede praktijken (casestudies)",
         "Documentanalyses\nInterviews of focusgroepdiscussies met teamleden van alle betrokken "
         "diensten + 3 prioritaire doelgroepen"),
    ]),
    ("EV.2", "Wat zijn de mogelijke verbeterpunten op vlak van efficiëntie, doeltreffendheid? "
             "Moeten bepaalde hypothesen herzien worden?", "", "", [
        ("EV.2.1", "Zijn er verbeterpunten in de geïntegreerde aanpak vast te stellen zodat de "
                   "doeltreffendheid wordt vergroot? (Op basis van de bevindingen onder "
                   "evaluatievraag 1)",
         "Zie evaluatievraag 1; wordt ontwikkeld op basis van de antwoorden op de andere "
         "evaluatievragen", ""),
        ("EV.2.2", "Dienen er aanpassingen te worden gemaakt aan de veranderingstheorie en/of "
                   "hypothesen?",
         "Contextuele verandering\nBehoeften doelgroepen\nLogische samenhang / interne consistentie "
         "/ haalbaarheid\nDit alles op basis en met behulp van de antwoorden op evaluatievraag 1",
         "Focusgroepdiscussies of interviews met teamleden 11.11.11\nInterviews met "
         "sleutelinformanten"),
    ]),
    ("EV.3", "In welke mate hebben de structuren en tools voor dienstoverschrijdende samenwerking "
             "(zowel binnen de België-werking als de link met de internationale werking) bijgedragen "
             "tot een effectievere en efficiëntere aanpak van geïntegreerde acties m.b.t. klimaat en "
             "migratie?", "", "", [
        ("EV.3.1", "Welke tools en structuren voor dienstoverschrijdende samenwerking bestaan er "
                   "m.b.t. klimaat en migratie? (Zowel in België als de link met de internationale "
                   "samenwerking)",
         "Inventarisatie van tools & structuren",
         "Documentanalyses + interviews met staff en andere betrokkenen (doelgroepen)"),
        ("EV.3.2", "Zijn deze tools en structuren effectief voor beleidsverandering op het vlak van "
                   "zowel klimaat als migratie? Is er een onderscheid te maken tussen beide? (sphere "
                   "of influence?)",
         "Tools & structuren hebben bijgedragen tot het bereiken van de resultaten",
         "Documentanalyses\nInterviews met 11.11.11-teams én de drie prioritaire doelgroepen"),
        ("EV.3.3", "Zijn deze tools en structuren efficiënt voor beleidsverandering op het vlak van "
                   "zowel klimaat als migratie? Is er een onderscheid te maken tussen beide?",
         "De opgezette tools en structuren werden ervaren als de meest efficiënte werkwijzen", ""),
        ("EV.3.4", "Welke verbeterpunten en aanbevelingen kunnen worden geïdentificeerd/"
                   "geformuleerd?", "", ""),
    ]),
    ("EV.4", "In welke mate heeft de nieuwe kerngedachte “Strength in Numbers” uit de rebranding "
             "bijgedragen tot een effectievere en efficiëntere netwerking van 11.11.11?", "", "", [
        ("EV.4.1", "In hoeverre is de nieuwe kerngedachte (en manifest) bij de verschillende "
                   "doelgroepen bekend? Hoe wordt het begrepen en wat betekent dit in de praktijk? "
                   "Ervaren CSO's dat er door samenwerking meer slagkracht is?",
         "Bekendheid van en gekende invulling van de nieuwe kerngedachte/manifest",
         "Interviews of focusgroepdiscussies met drie prioritaire doelgroepen\nSurvey"),
        ("EV.4.2", "In welke mate draagt het specifiek bij tot doeltreffendheid? In welke mate draagt "
                   "het specifiek bij tot efficiëntie?",
         "Positieve / negatieve / neutrale beoordeling van de rebranding bij de doelgroepen",
         "Interviews of focusgroepdiscussies met drie prioritaire doelgroepen\nSurvey"),
        ("EV.4.3", "Welke verbeterpunten kunnen worden geïdentificeerd?", "", ""),
    ]),
    ("EV.5", "Hoe wordt de betrokkenheid geëvalueerd van onze leden bij de organisatie en de "
             "uitvoering van acties voor beleidsmakers en het brede publiek? Wat zijn de mogelijke "
             "verbeterpunten?", "", "", [
        ("EV.5.1", "Hoe betrokken zijn de leden volgens de 11.11.11-teams? (opm.: door "
                   "samenwerking/coalitie meer impact)", "", STAFF_INTERVIEWS),
        ("EV.5.2", "Hoe betrokken zijn en voelen de leden zich bij de uitvoering en organisatie van "
                   "acties? En bij de beleidsbeïnvloeding?", "",
         "Interviews of focusgroepdiscussies met de betrokken leden"),
        # The report numbers both of the next two "5.3"; they are kept apart as 5.3 and 5.4.
        ("EV.5.3", "Wat zijn de sterktes en zwaktes van de verschillende vormen van betrokkenheid?",
         "", ""),
        ("EV.5.4", "Welke verbeterpunten kunnen worden geïdentificeerd? (in de matrix ook als "
                   "EV.5.3 genummerd)", "", STAFF_INTERVIEWS),
    ]),
    ("EV.6", "Bijkomende evaluatievraag: is het monitoringssysteem (met progress markers bij "
             "boundary partners) afdoende om veranderingen (en contributie) te meten in het "
             "beleidswerk / Outcome 4?", "", "", [
        ("EV.6.1", "Hoe wordt het monitoringssysteem beoordeeld als instrument om verandering te "
                   "meten door de teamleden van 11.11.11?", "", STAFF_INTERVIEWS),
        ("EV.6.2", "Zijn veranderingen nodig/wenselijk in het monitoringssysteem?", "",
         STAFF_INTERVIEWS),
    ]),
]


def _put(model, lookup: dict, values: dict, user):
    record = model.objects.filter(**lookup).first() or model(**lookup)
    changed = record._state.adding or any(getattr(record, k) != v for k, v in values.items())
    for key, value in values.items():
        setattr(record, key, value)
    return save_record(record, user) if changed else record


@transaction.atomic
def load_annex2_matrix(user=None, programme=None) -> Evaluation:
    """Create (or bring up to date) the mid-term evaluation and its Annex 2 questions."""
    values = {"programme": programme} if programme is not None else {}
    evaluation = _put(Evaluation, {"title": TITLE}, values | {
        "period_start": dt.date(2022, 1, 1),
        "period_end": dt.date(2024, 12, 31),
        "evaluator": "Externe evaluatoren (tussentijdse evaluatie)",
        "description": "Evaluatievragen, afgeleide vragen, beoordelingscriteria/indicatoren en "
                       "gegevensbronnen uit Annex 2 van het evaluatierapport.",
        "source_reference": SOURCE,
    }, user)
    order = 0
    for code, text, criteria, sources, subs in ANNEX2:
        order += 1
        main = _put(EvaluationQuestion, {"evaluation": evaluation, "code": code}, {
            "parent": None, "text": text, "criteria": criteria, "data_sources": sources,
            "order": order, "source_reference": SOURCE}, user)
        for sub_code, sub_text, sub_criteria, sub_sources in subs:
            order += 1
            _put(EvaluationQuestion, {"evaluation": evaluation, "code": sub_code}, {
                "parent": main, "text": sub_text, "criteria": sub_criteria,
                "data_sources": sub_sources, "order": order, "source_reference": SOURCE}, user)
    return evaluation
