"""What a legacy monitoring sheet can hold: record types, their fields and the words teams use.

Headers differ from team to team and come in Dutch, French or English; the synonyms below are
what the mapping proposal compares them with (after `actors.matching.normalise`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from hefboom.actors.matching import normalise
from hefboom.actors.models import PoliticalLevel
from hefboom.monitoring.models import ChangeType, Channel, OutputType, Rating


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    synonyms: tuple[str, ...]
    required: bool = False
    default: str = ""  # used, with a warning, when no column is mapped


@dataclass(frozen=True)
class RecordType:
    name: str
    label: str
    sheet_words: tuple[str, ...]
    fields: tuple[Field, ...] = ()
    imported: bool = True

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


DATE = Field("date", _("date"), ("datum", "date", "dag", "wanneer", "when", "date du contact", "jour",
                                 "datum contact", "datum publicatie", "date de publication"),
             required=True)
DOSSIERS = Field("dossiers", _("dossier"), ("dossier", "dossiers", "subthema", "sub thema",
                                            "thema", "onderwerp", "sous theme", "theme", "sujet",
                                            "topic", "subtheme", "subtopic"), required=True)
PARTY = Field("party", _("party"), ("partij", "politieke partij", "parti", "parti politique",
                                    "party", "political party", "fractie"))

CONTACT = RecordType("contact", _("political contacts"), (
    "contacten", "politieke contacten", "contacts", "contacts politiques", "political contacts",
    "contact"), (
    DATE,
    Field("channel", _("channel"), ("kanaal", "type contact", "soort contact", "vorm", "canal",
                                    "type de contact", "channel", "contact type", "medium"),
          default=Channel.MEETING),
    Field("formal", _("formal"), ("formeel", "formeel informeel", "formel", "formal", "informeel",
                                  "formel informel")),
    Field("persons", _("their participants"), (
        "contactpersoon", "persoon", "personen", "met wie", "gesprekspartner", "naam",
        "politicus", "wie", "personne", "interlocuteur", "avec qui", "contact person",
        "person", "name", "with whom", "politician", "contactpersonen")),
    Field("email", _("e-mail"), ("e mail", "email", "mail", "courriel", "adresse e mail")),
    Field("organisations", _("organisations"), (
        "organisatie", "instelling", "kabinet", "administratie", "organisation", "institution",
        "cabinet", "organization", "instantie")),
    PARTY,
    DOSSIERS,
    Field("summary", _("summary"), (
        "samenvatting", "omschrijving", "beschrijving", "inhoud", "besproken", "verslag",
        "resume", "description", "contenu", "summary", "notes", "onderwerp gesprek"),
          required=True),
    Field("our_participants", _("our participants"), (
        "wie van ons", "medewerker", "medewerkers", "wie van 11 11 11", "onze deelnemers",
        "beleidsmedewerker", "collega", "collegue", "qui de chez nous", "participants",
        "staff", "our participants", "staff member")),
    Field("arguments", _("arguments used"), ("argumenten", "boodschap", "argumentatie",
                                             "arguments", "message", "key messages")),
    Field("their_position", _("their position"), ("standpunt", "hun standpunt", "positie",
                                                  "reactie", "position", "reaction",
                                                  "their position")),
    Field("follow_up", _("follow-up"), ("opvolging", "follow up", "vervolg", "suivi",
                                        "next steps", "volgende stappen")),
    Field("confidential", _("confidential"), ("vertrouwelijk", "confidentiel", "confidential")),
))

OUTPUT = RecordType("output", _("outputs"), (
    "outputs", "output", "producten", "publicaties", "productions", "publications"), (
    DATE,
    Field("title", _("title"), ("titel", "naam output", "output", "titre", "title", "naam"),
          required=True),
    Field("type", _("type"), ("type", "soort", "type output", "soort output", "genre", "kind",
                              "type de production"), required=True),
    DOSSIERS,
    Field("url", _("link"), ("link", "url", "lien", "website", "vindplaats", "weblink")),
    Field("description", _("description"), ("beschrijving", "omschrijving", "toelichting",
                                            "description", "summary", "inhoud")),
))

OUTCOME = RecordType("outcome", _("outcomes"), (
    "outcomes", "outcome", "resultaten", "veranderingen", "resultats", "changements",
    "outcome harvesting"), (
    DATE,
    Field("title", _("title"), ("titel", "titre", "title", "korte titel")),
    Field("description", _("description of the change"), (
        "outcome", "beschrijving outcome", "verandering", "omschrijving", "beschrijving",
        "wat veranderde", "description", "changement", "change", "description of change",
        "outcome beschrijving"), required=True),
    Field("change_type", _("type of change"), ("type verandering", "soort verandering",
                                               "type de changement", "type of change",
                                               "type outcome", "type"),
          default=ChangeType.POLICY_CONTENT),
    DOSSIERS,
    Field("actors", _("social actors"), ("actor", "actoren", "sociale actor", "wie veranderde",
                                         "boundary partner", "acteur", "acteurs", "social actor",
                                         "who changed")),
    PARTY,
    Field("political_level", _("political level"), ("niveau", "beleidsniveau",
                                                     "niveau politique", "level",
                                                     "political level")),
    Field("significance", _("significance"), ("belang", "significantie", "relevantie",
                                              "importance", "significance")),
    Field("contribution", _("contribution"), ("bijdrage", "contributie", "onze bijdrage",
                                              "contribution", "rol 11 11 11")),
    Field("source", _("source"), ("bron", "bronnen", "bronverwijzing", "source", "sources",
                                  "evidence", "bewijs", "preuve")),
))

OBSERVATION = RecordType("observation", _("progress-marker observations"), (
    "progress markers", "progressmarkers", "progress marker", "marqueurs de progres", "pm"), (
    Field("progress_marker", _("progress marker"), ("progress marker", "marker",
                                                    "progressiemarker", "marqueur",
                                                    "marqueur de progres", "pm"), required=True),
    Field("boundary_partner", _("boundary partner"), ("boundary partner", "partner",
                                                      "partenaire limitrophe", "actor")),
    Field("period", _("period"), ("periode", "jaar", "period", "year", "annee"), required=True),
    Field("rating", _("rating"), ("score", "status", "beoordeling", "mate", "evaluation",
                                  "rating", "progress", "vooruitgang"), required=True),
    Field("narrative", _("narrative"), ("toelichting", "verklaring", "uitleg", "commentaar",
                                        "explication", "commentaire", "narrative",
                                        "explanation", "comment")),
))

INDICATOR = RecordType("indicator", _("indicators (not imported yet)"), (
    "indicatoren", "kwantitatieve indicatoren", "indicateurs", "indicators", "indicator"), (
    Field("indicator", _("indicator"), ("indicator", "indicateur", "indicatoren")),
    Field("baseline", _("baseline"), ("baseline", "nulmeting", "valeur de base")),
    Field("target", _("target"), ("target", "streefwaarde", "doel", "cible")),
    Field("value", _("value"), ("waarde", "resultaat", "realisatie", "valeur", "value",
                                "actual")),
), imported=False)

IGNORE = RecordType("ignore", _("ignore this sheet"), (), imported=False)

RECORD_TYPES = {t.name: t for t in (CONTACT, OUTPUT, OUTCOME, OBSERVATION, INDICATOR, IGNORE)}
IMPORTED_TYPES = [t for t in RECORD_TYPES.values() if t.imported]

# Words in cells, per choice field: normalised word -> value.
CHANNEL_WORDS = {
    Channel.MEETING: ("meeting", "vergadering", "overleg", "afspraak", "gesprek", "ontmoeting",
                      "reunion", "rencontre", "rendez vous", "bilateraal", "lunch"),
    Channel.CALL: ("call", "telefoon", "telefonisch", "bellen", "gebeld", "appel", "phone",
                   "videocall", "teams", "zoom"),
    Channel.EMAIL: ("email", "e mail", "mail", "brief", "courrier", "lettre", "letter"),
    Channel.MESSAGE: ("message", "bericht", "sms", "whatsapp", "signal", "chat", "dm"),
    Channel.EVENT: ("event", "evenement", "debat", "conferentie", "receptie", "ontbijt",
                    "seminarie", "hoorzitting", "conference", "debate", "colloque"),
    Channel.SIDE_MEETING: ("side meeting", "side event", "cop", "cop breakfast", "zijmeeting"),
}
OUTPUT_TYPE_WORDS = {
    OutputType.STUDY: ("studie", "study", "etude", "onderzoek"),
    OutputType.REPORT: ("rapport", "report", "verslag"),
    OutputType.INPUT_PAPER: ("inputnota", "input paper", "input", "nota", "beleidsnota",
                             "note", "memorandum", "beleidsaanbevelingen"),
    OutputType.POSITION_PAPER: ("standpunt", "position paper", "standpuntnota", "prise de position",
                                "positienota"),
    OutputType.PRESS_RELEASE: ("persbericht", "communique", "communique de presse",
                               "press release", "perstekst"),
    OutputType.OP_ED: ("opinie", "opiniestuk", "carte blanche", "op ed", "opinion", "column"),
    OutputType.SOCIAL_POST: ("post", "tweet", "social media", "sociale media", "linkedin"),
    OutputType.PARLIAMENTARY_QUESTION: ("parlementaire vraag", "vraag", "question parlementaire",
                                        "parliamentary question", "pv"),
    OutputType.RESOLUTION: ("resolutie", "resolution", "voorstel van resolutie"),
    OutputType.PETITION: ("petitie", "petition"),
    OutputType.CAMPAIGN: ("campagne", "campaign", "actie"),
    OutputType.EVENT: ("evenement", "event", "debat", "webinar"),
}
CHANGE_TYPE_WORDS = {
    ChangeType.DISCOURSE: ("discours", "discourse", "retoriek", "uitspraak"),
    ChangeType.AGENDA: ("agenda", "agendering", "agenda setting"),
    ChangeType.PROCEDURE: ("procedure", "procedures", "proces"),
    ChangeType.POLICY_CONTENT: ("beleid", "beleidsinhoud", "policy", "policy content",
                                "politique", "wetgeving", "regelgeving", "legislation"),
    ChangeType.BUDGET: ("budget", "begroting", "financiering", "funding"),
    ChangeType.BEHAVIOUR: ("gedrag", "behaviour", "behavior", "comportement", "praktijk"),
}
RATING_WORDS = {
    Rating.NONE: ("geen", "none", "aucun", "aucune", "0", "nul", "niet"),
    Rating.LOW: ("laag", "low", "faible", "1", "beperkt", "weinig", "bas"),
    Rating.MEDIUM: ("gemiddeld", "medium", "moyen", "2", "matig", "middel", "deels"),
    Rating.HIGH: ("hoog", "high", "eleve", "3", "sterk", "veel", "volledig"),
}
LEVEL_WORDS = {
    PoliticalLevel.FEDERAL: ("federaal", "federal", "federale", "belgie"),
    PoliticalLevel.FLEMISH: ("vlaams", "vlaanderen", "flemish", "flamand"),
    PoliticalLevel.WALLOON: ("waals", "wallonie", "walloon", "wallon"),
    PoliticalLevel.BRUSSELS: ("brussel", "brussels", "bruxelles", "brussels hoofdstedelijk"),
    PoliticalLevel.EU: ("eu", "europees", "europa", "europe", "european union", "ue",
                        "europeen"),
    PoliticalLevel.INTERNATIONAL: ("internationaal", "international", "vn", "un", "multilateraal"),
    PoliticalLevel.LOCAL: ("lokaal", "local", "gemeente", "commune"),
}
TRUE_WORDS = {"ja", "yes", "oui", "j", "y", "x", "1", "true", "waar", "vrai", "formeel", "formel",
              "formal", "vertrouwelijk", "confidentiel", "confidential"}
FALSE_WORDS = {"nee", "neen", "no", "non", "n", "0", "false", "onwaar", "faux", "informeel",
               "informel", "informal", "normaal", "normal"}


def word_index(words: dict) -> dict[str, str]:
    return {normalise(word): str(value) for value, ws in words.items() for word in ws}


def all_synonyms() -> set[str]:
    return {normalise(s) for t in RECORD_TYPES.values() for f in t.fields for s in f.synonyms}
