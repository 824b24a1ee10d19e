"""The demo case: records taken from the mid-term evaluation of the 11.11.11 Belgium programme 2022-2026.
Plain lists and dicts, each record citing the report section it comes from; staff appear by role only."""

import datetime

PROGRAMME = {
    "key": "belgieprogramma-2022-2026",
    "name": "Belgiëprogramma 2022-2026",
    "funder": "DGD",
    "start_date": datetime.date(2022, 1, 1),
    "end_date": datetime.date(2026, 12, 31),
    "date_approximate": True,
    "description": (
        "Het Belgisch programma van 11.11.11, gefinancierd door DGD, met een geïntegreerde aanpak van "
        "communicatie, campagnevoering, beleidsbeïnvloeding en bewegingswerk. De aanpak wordt toegepast op "
        "de twee meerjarenthema's klimaat en migratie, gericht op beleidsmakers, civiele samenleving en het "
        "brede publiek."
    ),
    "source": "Evaluatierapport Woord vooraf; Samenvatting; §2",
}

THEMES = [
    {
        "key": "klimaat",
        "name": "Klimaat",
        "description": (
            "Klimaatrechtvaardigheid, met nadruk op klimaatfinanciering en loss and damage. 11.11.11 werkt "
            "vooral via de Klimaatcoalitie en focust op de Belgische positie in aanloop naar en tijdens de "
            "COPs."
        ),
        "source": "Evaluatierapport Samenvatting; §4.1.2.1",
    },
    {
        "key": "migratie",
        "name": "Migratie",
        "description": (
            "Het doel van 11.11.11 is dat het Belgische migratiebeleid de mensenrechten garandeert. Het "
            "thema heeft geen eigen veranderingstheorie, maar wel een logisch kader met een beperkt aantal "
            "hypothesen."
        ),
        "source": "Evaluatierapport §4.1.1",
    },
]

DOSSIERS = [
    {
        "key": "arbeidsmigratie",
        "theme": "migratie",
        "name": "Arbeidsmigratie",
        "description": (
            "“Vlaanderen zet in op een ruimer beleid voor arbeidsmigratie dat meer mogelijkheden biedt voor "
            "zowel laag-, midden- als hooggeschoolden. De rechten van arbeidsmigranten krijgen daarin een "
            "centrale plaats.”"
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "pushbacks",
        "theme": "migratie",
        "name": "Pushbacks / mensenrechten Tunesië en Libië",
        "description": (
            "11.11.11 verzet zich tegen onwettige pushbacks en zet de Belgische regering onder druk om de "
            "problematiek op de Europese agenda te plaatsen. Het lobbyt tegen mensenrechtenschendingen in "
            "Libië en Tunesië en volgt de werking van Frontex op."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "hervestiging",
        "theme": "migratie",
        "name": "Hervestiging",
        "description": (
            "11.11.11 bepleit een structurele aanpak van hervestiging en een groter engagement van België om "
            "het aantal hervestigingen jaarlijks te laten stijgen."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "remittances",
        "theme": "migratie",
        "name": "Remittances",
        "description": (
            "Het verlagen van de transferkosten van geldovermakingen door migranten (remittances), al sinds "
            "de vorige programmaperiode een belangrijk lobbytraject."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "klimaatfinanciering",
        "theme": "klimaat",
        "name": "Klimaatfinanciering",
        "description": (
            "Financiering door het Globale Noorden van mitigatie en adaptatie in het Globale Zuiden. "
            "11.11.11 wil dat België bijdraagt tot een hogere globale klimaatfinanciering (COP29) en zijn "
            "eigen bijdrage verhoogt tot 500 miljoen per jaar."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "loss-and-damage",
        "theme": "klimaat",
        "name": "Loss and damage",
        "description": (
            "Financiering voor herstel na de impact van klimaatverandering in het Globale Zuiden. Vooral het "
            "Vlaamse Gewest bood weerstand, wat zwaar kon wegen op de Belgische positie."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
]

TOC_OUTCOMES = [
    {
        "theme": "migratie",
        "number": 1,
        "statement": (
            "Het draagvlak bij burgers voor een rechtvaardig migratiebeleid is gegroeid en verhoogt de druk "
            "op het Belgische migratiebeleid."
        ),
        "source": "Evaluatierapport §4.1.1",
    },
    {
        "theme": "migratie",
        "number": 2,
        "statement": (
            "Het draagvlak bij het middenveld voor een rechtvaardig migratiebeleid is gegroeid en verhoogt "
            "de druk op het Belgisch migratiebeleid."
        ),
        "source": "Evaluatierapport §4.1.1",
    },
    {
        "theme": "migratie",
        "number": 3,
        "statement": (
            "Het draagvlak bij Belgische beleidsmakers voor een rechtvaardig migratiebeleid is gegroeid en "
            "verhoogt de druk op het Belgische migratiebeleid."
        ),
        "source": "Evaluatierapport §4.1.1",
    },
    {
        "theme": "migratie",
        "number": 4,
        "statement": (
            "De interne organisatie stelt 11.11.11 in staat om activiteiten te organiseren die wegen op het "
            "Belgisch migratiebeleid."
        ),
        "source": "Evaluatierapport §4.1.1",
    },
    {
        "theme": "klimaat",
        "number": 1,
        "statement": (
            "Strategie wordt ontwikkeld voor de komende 3 jaar (mogelijke pistes die onderzocht worden: "
            "rechten van de natuur, klimaatmigratie, alternatieven) gebaseerd op de bestaande personae."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "theme": "klimaat",
        "number": 2,
        "statement": (
            "Inwoners zijn geïnformeerd rond de internationale dimensie van klimaatonrecht en zijn hoopvol."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "theme": "klimaat",
        "number": 3,
        "statement": (
            "Belgische beleidsmakers nemen beslissingen in lijn van onze aanbevelingen over klimaat of "
            "natuurlijke rijkdommen."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "theme": "klimaat",
        "number": 4,
        "statement": (
            "Organisaties besteden aandacht aan de internationale dimensie van de klimaatcrisis en van de "
            "klimaattransitie in hun publiek en politiek werk."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
]

# The report names no explicit list of hypotheses; these are the change paths and strategic
# assumptions it describes as underlying the theory of change.
ASSUMPTIONS = [
    {
        "key": "publiek-draagvlak-en-quick-wins",
        "theme": "migratie",
        "statement": (
            "Bredere maatschappelijke steun voor een humaan migratiebeleid (via campagnes, sociale media, "
            "evenementen en media-aandacht) verhoogt de druk op het beleid; omdat beleidsmakers het "
            "draagvlak als beperkt percipiëren, wordt dit gecombineerd met ‘quick wins’ zoals hervestiging "
            "en evacuaties."
        ),
        "source": "Evaluatierapport §4.1.1",
    },
    {
        "key": "beinvloeding-beleidsmakers",
        "theme": "migratie",
        "statement": (
            "Agendasetting via parlementaire vragen en resoluties en het aanreiken van expertise aan "
            "beleidsmakers en administraties vergroot hun kennis over migratie en leidt tot kleinschalige "
            "beleidswijzigingen die bijdragen aan een humaner migratiebeleid."
        ),
        "source": "Evaluatierapport §4.1.1",
    },
    {
        "key": "gewicht-klimaatcoalitie",
        "theme": "klimaat",
        "statement": (
            "Werken via de tweetalige en brede Klimaatcoalitie geeft meer legitimiteit en gewicht richting "
            "beleid dan de leden (11.11.11 inbegrepen) apart zouden hebben, zeker naar het federale niveau "
            "toe."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "mobilisatie-weegt-op-beleid",
        "theme": "klimaat",
        "statement": (
            "Publieke opinie en mobilisatie rond klimaat (bv. klimaatmarsen) kunnen een zekere invloed "
            "hebben op beleidsbeslissingen; een geïntegreerde aanpak van beleid, media en beweging versterkt "
            "zo de beleidsbeïnvloeding."
        ),
        "source": "Evaluatierapport §4.1.2.3; §4.3",
    },
]

BOUNDARY_PARTNERS = [
    {
        "key": "beleidsmakers-klimaat",
        "theme": "klimaat",
        "name": "Belgische beleidsmakers (klimaat)",
        "description": (
            "De Belgische overheden (focus: federaal), hun kabinetten, parlementairen, partijen en "
            "onderhandelaars, die moeten bijdragen aan de internationale klimaatfinanciering (Outcome 4: "
            "Belgische beleidsmakers nemen internationale solidariteit mee in hun beleid)."
        ),
        # The institutions the description names that the case knows (for the coverage gaps).
        "organisations": ["federale-regering", "vlaamse-regering", "kabinet-ontwikkelingssamenwerking",
                          "kabinet-demir", "kabinet-brouns", "kamer", "vlaams-parlement",
                          "belgische-delegatie-cop"],
        "source": "Evaluatierapport Annex 1 (7.1); §4.1.1",
    },
    {
        "key": "beleidsmakers-migratie",
        "theme": "migratie",
        "name": "Belgische beleidsmakers (migratie)",
        "description": (
            "De Belgische overheid, het kabinet van de staatssecretaris voor Migratie, parlementairen en "
            "partijen, die internationale verantwoordelijkheid moeten opnemen voor mensen op de vlucht "
            "(Outcome 4: Belgische beleidsmakers nemen internationale solidariteit mee in hun beleid)."
        ),
        "organisations": ["federale-regering", "kabinet-asiel-migratie", "kamer"],
        "source": "Evaluatierapport Annex 1 (7.2); §4.1.1",
    },
]

# Annex 1 is a three-column table (expect / like / love to see) that reached us flattened to text;
# the level of each marker follows the row-by-row cell order of that table (see the keys' numbers).
PROGRESS_MARKERS = [
    # --- Klimaat (Annex 1, 7.1) ---
    {
        "key": "pm-klimaat-01",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "klimaatfinanciering",
        "level": "expect",
        "order": 1,
        "statement": (
            "Minstens één bevoegd kabinet van een Vlaamse partij gaat in dialoog met 11.11.11 over "
            "klimaatfinanciering."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 1)",
    },
    {
        "key": "pm-klimaat-02",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "klimaatfinanciering",
        "level": "like",
        "order": 1,
        "statement": (
            "De federale bijdrage voor internationale klimaatfinanciering stijgt (naar meer dan 130 miljoen "
            "/ jaar)."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 2)",
    },
    {
        "key": "pm-klimaat-03",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "klimaatfinanciering",
        "level": "love",
        "order": 1,
        "statement": (
            "De VL, FED, WA en BR ministers sluiten een nieuw akkoord voor de internationale "
            "klimaatfinanciering 2021-2025 met een hogere totale bijdrage dan in de periode 2015-2020 (in "
            "totaal meer dan 150 miljoen/jaar)."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 3)",
    },
    {
        "key": "pm-klimaat-04",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "klimaatfinanciering",
        "level": "expect",
        "order": 2,
        "statement": (
            "De Minister van OS bevestigt jaarlijks de focus van de federale klimaatfinanciering op "
            "aanpassing en op de meest kwetsbare landen."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 4)",
    },
    {
        "key": "pm-klimaat-05",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "klimaatfinanciering",
        "level": "like",
        "order": 2,
        "statement": (
            "Parlementairen (van Vlaamse partijen) vragen in het parlementair debat aandacht voor "
            "internationale klimaatfinanciering."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 5)",
    },
    {
        "key": "pm-klimaat-06",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "klimaatfinanciering",
        "level": "expect",
        "order": 3,
        "statement": (
            "In de komende 5 jaar gaan de studiediensten van drie Vlaamse partijen minstens éénmaal in "
            "dialoog met 11.11.11 over internationale klimaatfinanciering."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 6)",
    },
    {
        "key": "pm-klimaat-07",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "klimaatfinanciering",
        "level": "like",
        "order": 3,
        "statement": (
            "Minstens drie Vlaamse partijen nemen minstens één aanbeveling van 11.11.11 over "
            "klimaatfinanciering op in hun partijprogramma voor de federale verkiezingen 2024."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 7)",
    },
    {
        "key": "pm-klimaat-08",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "loss-and-damage",
        "level": "expect",
        "order": 4,
        "statement": (
            "Minstens één bevoegd kabinet van een Vlaamse partij gaat in gesprek met de koepels over loss "
            "and damage."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 8)",
    },
    {
        "key": "pm-klimaat-09",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": "klimaatfinanciering",
        "level": "like",
        "order": 4,
        "statement": (
            "De Belgische onderhandelaren spreken zich tijdens de internationale klimaatonderhandelingen uit "
            "voor aanbevelingen van 11 over klimaatfinanciering (post-2025, financiering voor adaptatie, "
            "loss and damage...) (discours)."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 9)",
    },
    {
        "key": "pm-klimaat-10",
        "boundary_partner": "beleidsmakers-klimaat",
        "dossier": None,
        "level": "like",
        "order": 5,
        "statement": (
            "Parlementairen vragen in Belgisch of Vlaams parlement aandacht voor gender in het "
            "(internationaal) klimaatbeleid."
        ),
        "source": "Evaluatierapport Annex 1 (7.1, marker 10)",
    },
    # --- Migratie (Annex 1, 7.2) ---
    {
        "key": "pm-migratie-01",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "hervestiging",
        "level": "expect",
        "order": 1,
        "statement": (
            "Het kabinet van de Staatssecretaris van Migratie gaat jaarlijks in gesprek met 11.11.11 over de "
            "aanbevelingen van het middenveld over hervestiging."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 1)",
    },
    {
        "key": "pm-migratie-02",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "hervestiging",
        "level": "like",
        "order": 1,
        "statement": (
            "Parlementairen vragen aandacht voor de genderdimensie in het hervestigingsbeleid in het "
            "parlementair debat."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 2)",
    },
    {
        "key": "pm-migratie-03",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "hervestiging",
        "level": "expect",
        "order": 2,
        "statement": (
            "Parlementairen van minstens 3 Vlaamse partijen gaan met 11.11.11 in gesprek over de "
            "aanbevelingen van het middenveld over hervestiging."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 3)",
    },
    {
        "key": "pm-migratie-04",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "hervestiging",
        "level": "like",
        "order": 2,
        "statement": (
            "Parlementairen van minstens 2 Vlaamse partijen steunen aanbevelingen van het middenveld over "
            "hervestiging in het parlementair debat. (discours, parlementaire vragen, resoluties of andere "
            "initiatieven)."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 4)",
    },
    {
        "key": "pm-migratie-05",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "hervestiging",
        "level": "love",
        "order": 1,
        "statement": (
            "België realiseert een groei (gemiddeld per jaar over 5 jaren) van het reëel aantal naar België "
            "hervestigde personen (2021: 950)."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 5)",
    },
    {
        "key": "pm-migratie-06",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "hervestiging",
        "level": "like",
        "order": 3,
        "statement": (
            "Minstens 3 Vlaamse partijen nemen aanbevelingen van het middenveld over hervestiging op in hun "
            "partijprogramma voor de federale verkiezingen 2024."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 6)",
    },
    {
        "key": "pm-migratie-07",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "hervestiging",
        "level": "love",
        "order": 2,
        "statement": (
            "De regering of het parlement voorziet structurele garanties die hervestiging verankeren (in "
            "lijn met de aanbevelingen van het middenveld) in het Belgische migratiebeleid, bij voorkeur in "
            "het nieuwe Belgische migratiewetboek."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 7)",
    },
    {
        "key": "pm-migratie-08",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "pushbacks",
        "level": "expect",
        "order": 3,
        "statement": (
            "De Belgische regering spreekt zich publiek uit tegen pushbacks en andere "
            "mensenrechtenschendingen. (discours)"
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 8)",
    },
    {
        "key": "pm-migratie-09",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": "pushbacks",
        "level": "love",
        "order": 3,
        "statement": (
            "Parlementairen vragen informatie over Belgische positie binnen Frontex in het parlementair "
            "debat. (discours, parlementaire vragen, resoluties of andere initiatieven)."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 9)",
    },
    {
        "key": "pm-migratie-10",
        "boundary_partner": "beleidsmakers-migratie",
        "dossier": None,
        "level": "love",
        "order": 4,
        "statement": (
            "In kader van de onderhandelingen over het nieuwe EU Pact voor asiel en migratie, steunt de "
            "Belgische regering voorstellen voor verplichte EU solidariteit in het opnemen van verzoekers "
            "van internationale bescherming en de uitbouw van betere systemen van opvang en bescherming in "
            "alle lidstaten (globale evaluatie)."
        ),
        "source": "Evaluatierapport Annex 1 (7.2, marker 10)",
    },
]

ORGANISATIONS = [
    # the organisation itself, its coalitions and partners
    {
        "key": "11-11-11",
        "name": "11.11.11",
        "short_name": "",
        "type": "other",
        "political_level": None,
        "source": "Evaluatierapport Woord vooraf",
    },
    {
        "key": "klimaatcoalitie",
        "name": "Klimaatcoalitie",
        "short_name": "KC",
        "type": "coalition",
        "political_level": None,
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "cncd",
        "name": "CNCD-11.11.11",
        "short_name": "CNCD",
        "type": "other",
        "political_level": None,
        "source": "Evaluatierapport §4.1.2.1; §4.5",
    },
    {
        "key": "werkgroep-arbeidsmigratie",
        "name": "Werkgroep Arbeidsmigratie",
        "short_name": "",
        "type": "coalition",
        "political_level": None,
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "netwerk-solidaire-gemeenten",
        "name": "Netwerk van Solidaire Steden en Gemeenten",
        "short_name": "",
        "type": "coalition",
        "political_level": "local",
        "source": "Evaluatierapport §4.3",
    },
    {
        "key": "can",
        "name": "Climate Action Network",
        "short_name": "CAN",
        "type": "coalition",
        "political_level": "international",
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "acv",
        "name": "ACV",
        "short_name": "ACV",
        "type": "other",
        "political_level": None,
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "fairwork",
        "name": "Fairwork België",
        "short_name": "Fairwork",
        "type": "member_organisation",
        "political_level": None,
        "source": "Evaluatierapport §4.1.1.1; §4.5; §6",
    },
    {
        "key": "orbit",
        "name": "Orbit vzw",
        "short_name": "Orbit",
        "type": "member_organisation",
        "political_level": None,
        "source": "Evaluatierapport §4.1.1.1; §4.5; §6",
    },
    {
        "key": "vluchtelingenwerk",
        "name": "Vluchtelingenwerk Vlaanderen",
        "short_name": "",
        "type": "member_organisation",
        "political_level": None,
        "source": "Evaluatierapport §4.1.1; §4.5; §6",
    },
    {
        "key": "amnesty",
        "name": "Amnesty International Vlaanderen",
        "short_name": "Amnesty",
        "type": "member_organisation",
        "political_level": None,
        "source": "Evaluatierapport §4.3; §4.5; §6",
    },
    {
        "key": "caritas",
        "name": "Caritas International België",
        "short_name": "Caritas",
        "type": "member_organisation",
        "political_level": None,
        "source": "Evaluatierapport §4.3; §4.5",
    },
    {
        "key": "beweging-net",
        "name": "Beweging.net",
        "short_name": "",
        "type": "other",
        "political_level": None,
        "source": "Evaluatierapport §4.3",
    },
    {
        "key": "vub",
        "name": "Vrije Universiteit Brussel",
        "short_name": "VUB",
        "type": "other",
        "political_level": None,
        "source": "Evaluatierapport §4.1.1.1",
    },
    # parliaments
    {
        "key": "vlaams-parlement",
        "name": "Vlaams Parlement",
        "short_name": "",
        "type": "parliament",
        "political_level": "flemish",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "kamer",
        "name": "Kamer van volksvertegenwoordigers",
        "short_name": "Kamer",
        "type": "parliament",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1; §4.1.2.1",
    },
    {
        "key": "senaat",
        "name": "Senaat",
        "short_name": "",
        "type": "parliament",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "fractie-ecolo-groen",
        "name": "Ecolo-Groen-fractie (federaal parlement)",
        "short_name": "Ecolo-Groen",
        "type": "parliamentary_group",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.2.1",
    },
    # cabinets and governments
    {
        "key": "kabinet-asiel-migratie",
        "name": "Kabinet van de staatssecretaris voor Asiel en Migratie",
        "short_name": "",
        "type": "cabinet",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1; §4.3",
    },
    {
        "key": "kabinet-ontwikkelingssamenwerking",
        "name": "Kabinet van de minister van Ontwikkelingssamenwerking",
        "short_name": "",
        "type": "cabinet",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "kabinet-de-sutter",
        "name": "Kabinet De Sutter (Groen)",
        "short_name": "",
        "type": "cabinet",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "kabinet-dermagne",
        "name": "Kabinet Dermagne (PS)",
        "short_name": "",
        "type": "cabinet",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "kabinet-brouns",
        "name": "Kabinet Brouns (CD&V)",
        "short_name": "",
        "type": "cabinet",
        "political_level": "flemish",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "kabinet-demir",
        "name": "Kabinet Demir",
        "short_name": "",
        "type": "cabinet",
        "political_level": "flemish",
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "federale-regering",
        "name": "Belgische federale regering",
        "short_name": "",
        "type": "other",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "vlaamse-regering",
        "name": "Vlaamse Regering",
        "short_name": "",
        "type": "other",
        "political_level": "flemish",
        "source": "Evaluatierapport §4.1.1.1; §4.1.2.1",
    },
    {
        "key": "waalse-regering",
        "name": "Waalse Regering",
        "short_name": "",
        "type": "other",
        "political_level": "walloon",
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "imc",
        "name": "Interministeriële Conferentie",
        "short_name": "IMC",
        "type": "other",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    # administrations
    {
        "key": "dgd",
        "name": "Directie-generaal Ontwikkelingssamenwerking en Humanitaire Hulp",
        "short_name": "DGD",
        "type": "administration",
        "political_level": "federal",
        "source": "Evaluatierapport Woord vooraf; §4.1.1.1",
    },
    {
        "key": "fod-werk",
        "name": "FOD Werkgelegenheid, Arbeid en Sociaal Overleg",
        "short_name": "FOD Werk",
        "type": "administration",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "fod-buitenlandse-zaken",
        "name": "FOD Buitenlandse Zaken",
        "short_name": "BZ",
        "type": "administration",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "enabel",
        "name": "Enabel",
        "short_name": "",
        "type": "administration",
        "political_level": "federal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "belgische-delegatie-cop",
        "name": "Belgische delegatie bij de VN-klimaatonderhandelingen (COP)",
        "short_name": "",
        "type": "administration",
        "political_level": None,
        "source": "Evaluatierapport §4.1.2.1",
    },
    # international bodies
    {
        "key": "europese-commissie",
        "name": "Europese Commissie",
        "short_name": "",
        "type": "international_body",
        "political_level": "eu",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "frontex",
        "name": "Frontex",
        "short_name": "",
        "type": "international_body",
        "political_level": "eu",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "olaf",
        "name": "Europees Bureau voor fraudebestrijding",
        "short_name": "OLAF",
        "type": "international_body",
        "political_level": "eu",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "iom",
        "name": "Internationale Organisatie voor Migratie",
        "short_name": "IOM",
        "type": "international_body",
        "political_level": "international",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "cop-unfccc",
        "name": "Conferentie van de Partijen bij het VN-klimaatverdrag",
        "short_name": "COP",
        "type": "international_body",
        "political_level": "international",
        "source": "Evaluatierapport §4.1.2.1",
    },
    # parties
    {
        "key": "cd-v",
        "name": "CD&V",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 5,
        "source": "Evaluatierapport §4.1.1.1; §4.1.1.2",
    },
    {
        "key": "groen",
        "name": "Groen",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 2,
        "source": "Evaluatierapport §4.1.1.1; §4.1.2.1",
    },
    {
        "key": "ecolo",
        "name": "Ecolo",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 2,
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "vooruit",
        "name": "Vooruit",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 3,
        "source": "Evaluatierapport §4.1.1.2; §4.1.2.1",
    },
    {
        "key": "pvda",
        "name": "PVDA",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 1,
        "source": "Evaluatierapport §4.1.1.2; §4.1.2.1",
    },
    {
        "key": "ps",
        "name": "PS",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 3,
        "source": "Evaluatierapport §4.1.1.1",
    },
    # Coalition parties of the De Croo and Jambon governments that the report does not name: the
    # governments' composition is public record; the report notes the parties it did not reach.
    {
        "key": "open-vld",
        "name": "Open Vld",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 6,
        "source": "Evaluatierapport §3.2 (politieke strekkingen die niet bereikt worden); "
                  "coalitiepartij regering De Croo en regering Jambon (publieke bron)",
    },
    {
        "key": "mr",
        "name": "MR",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 6,
        "source": "Evaluatierapport §3.2 (politieke strekkingen die niet bereikt worden); "
                  "coalitiepartij regering De Croo (publieke bron)",
    },
    {
        "key": "n-va",
        "name": "N-VA",
        "short_name": "",
        "type": "party",
        "political_level": None,
        "spectrum_position": 7,
        "source": "Evaluatierapport §3.2 (politieke strekkingen die niet bereikt worden); "
                  "coalitiepartij regering Jambon (publieke bron)",
    },
    # media
    {
        "key": "de-standaard",
        "name": "De Standaard",
        "short_name": "",
        "type": "media",
        "political_level": None,
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "vrt",
        "name": "VRT",
        "short_name": "",
        "type": "media",
        "political_level": None,
        "source": "Evaluatierapport §4.1.1.1",
    },
]

# Governments: the report names the De Croo government (Bijlage 1) and the Flemish Government
# (§4.1.1.1); their dates and parties are public record.
GOVERNMENTS = [
    {
        "key": "regering-de-croo",
        "name": "Regering De Croo",
        "political_level": "federal",
        "start_date": datetime.date(2020, 10, 1),
        "end_date": datetime.date(2025, 2, 3),
        "parties": ["open-vld", "mr", "ps", "vooruit", "ecolo", "groen", "cd-v"],
        "source": "Evaluatierapport Bijlage 1 (regeerakkoord van de regering De Croo); "
                  "data en partijen: publieke bron",
    },
    {
        "key": "regering-jambon",
        "name": "Vlaamse Regering Jambon",
        "political_level": "flemish",
        "start_date": datetime.date(2019, 10, 2),
        "end_date": datetime.date(2024, 9, 30),
        "parties": ["n-va", "cd-v", "open-vld"],
        "source": "Evaluatierapport §4.1.1.1; §4.1.2.1 (Vlaamse Regering); "
                  "data en partijen: publieke bron",
    },
]

# Role dates that the report does not give are public record (government changes); where only the
# month or year is known the role carries date_approximate. Ministers, state secretaries and party
# chairs are one-holder functions (single_holder); a minister's role names its government. Every
# person here holds or held a public office (the loader marks them public figures).
PERSONS = [
    {
        "key": "sammy-mahdi",
        "first_name": "Sammy",
        "last_name": "Mahdi",
        "source": "Evaluatierapport §4.1.1.1",
        "roles": [
            {
                "organisation": "kabinet-asiel-migratie",
                "title": "Staatssecretaris voor Asiel en Migratie",
                "start_date": datetime.date(2020, 10, 1),
                "end_date": datetime.date(2022, 6, 27),
                "single_holder": True,
                "government": "regering-de-croo",
            },
            {
                "organisation": "cd-v",
                "title": "Partijvoorzitter",
                "start_date": datetime.date(2022, 6, 1),
                "end_date": None,
                "date_approximate": True,
                "single_holder": True,
            },
        ],
    },
    {
        "key": "nicole-de-moor",
        "first_name": "Nicole",
        "last_name": "de Moor",
        "source": "Evaluatierapport §4.1.1.1",
        "roles": [
            {
                "organisation": "kabinet-asiel-migratie",
                "title": "Staatssecretaris voor Asiel en Migratie",
                "start_date": datetime.date(2022, 6, 28),
                "end_date": datetime.date(2025, 2, 3),
                "single_holder": True,
                "government": "regering-de-croo",
            },
        ],
    },
    {
        "key": "ylva-johansson",
        "first_name": "Ylva",
        "last_name": "Johansson",
        "source": "Evaluatierapport §4.1.1.1",
        "roles": [
            {
                "organisation": "europese-commissie",
                "title": "Europees commissaris voor Binnenlandse Zaken",
                "start_date": datetime.date(2019, 12, 1),
                "end_date": datetime.date(2024, 11, 30),
                "single_holder": True,
            },
        ],
    },
    {
        "key": "meryame-kitir",
        "first_name": "Meryame",
        "last_name": "Kitir",
        "report_spelling": "Ketir",
        "source": "Evaluatierapport §4.1.1.1 (gespeld als ‘Ketir’)",
        "roles": [
            {
                "organisation": "kabinet-ontwikkelingssamenwerking",
                "title": "Minister van Ontwikkelingssamenwerking",
                "start_date": datetime.date(2020, 10, 1),
                "end_date": datetime.date(2022, 12, 17),
                "single_holder": True,
                "government": "regering-de-croo",
            },
        ],
    },
    {
        "key": "caroline-gennez",
        "first_name": "Caroline",
        "last_name": "Gennez",
        "source": "Evaluatierapport §4.1.1.1",
        "roles": [
            {
                "organisation": "kabinet-ontwikkelingssamenwerking",
                "title": "Minister van Ontwikkelingssamenwerking en Grootstedenbeleid",
                "start_date": datetime.date(2022, 12, 17),
                "end_date": datetime.date(2025, 2, 3),
                "single_holder": True,
                "government": "regering-de-croo",
            },
        ],
    },
    {
        "key": "zuhal-demir",
        "first_name": "Zuhal",
        "last_name": "Demir",
        "source": "Evaluatierapport Samenvatting; §4.1.2.1",
        "roles": [
            {
                "organisation": "kabinet-demir",
                "title": "Vlaams minister van Justitie en Handhaving, Omgeving, Energie en Toerisme",
                "start_date": datetime.date(2019, 10, 2),
                "end_date": datetime.date(2024, 9, 30),
                "date_approximate": True,
                "single_holder": True,
                "government": "regering-jambon",
            },
        ],
    },
    {
        "key": "petra-de-sutter",
        "first_name": "Petra",
        "last_name": "De Sutter",
        "source": "Evaluatierapport §4.1.1.1",
        "roles": [
            {
                "organisation": "kabinet-de-sutter",
                "title": "Vice-eersteminister",
                "start_date": datetime.date(2020, 10, 1),
                "end_date": datetime.date(2025, 2, 3),
                "single_holder": True,
                "government": "regering-de-croo",
            },
        ],
    },
    {
        "key": "pierre-yves-dermagne",
        "first_name": "Pierre-Yves",
        "last_name": "Dermagne",
        "source": "Evaluatierapport §4.1.1.1",
        "roles": [
            {
                "organisation": "kabinet-dermagne",
                "title": "Vice-eersteminister en minister van Economie en Werk",
                "start_date": datetime.date(2020, 10, 1),
                "end_date": datetime.date(2025, 2, 3),
                "single_holder": True,
                "government": "regering-de-croo",
            },
        ],
    },
    {
        "key": "jo-brouns",
        "first_name": "Jo",
        "last_name": "Brouns",
        "source": "Evaluatierapport §4.1.1.1",
        "roles": [
            {
                "organisation": "kabinet-brouns",
                "title": "Vlaams minister van Economie, Innovatie, Werk, Sociale Economie en Landbouw",
                "start_date": datetime.date(2022, 5, 18),
                "end_date": datetime.date(2024, 9, 30),
                "single_holder": True,
                "government": "regering-jambon",
            },
        ],
    },
    {
        "key": "fabrice-leggeri",
        "first_name": "Fabrice",
        "last_name": "Leggeri",
        "source": "Evaluatierapport §4.1.1.1",
        "roles": [
            {
                "organisation": "frontex",
                "title": "Uitvoerend directeur",
                "start_date": datetime.date(2015, 1, 1),
                "end_date": datetime.date(2022, 4, 1),
                "date_approximate": True,
                "single_holder": True,
            },
        ],
    },
]

STAFF = [
    {"key": "policy-migration", "role_title": "Beleidsmedewerker migratie"},
    {"key": "policy-climate", "role_title": "Beleidsmedewerker klimaat"},
    {"key": "director", "role_title": "Directeur"},
    {"key": "me-officer", "role_title": "M&E-medewerker"},
    {"key": "communication", "role_title": "Communicatiemedewerker"},
    {"key": "movement", "role_title": "Medewerker beweging"},
]

# Party membership of the office holders above (public record; the report names their cabinets
# and sometimes their party, e.g. "Kabinet Brouns (CD&V)"). Membership dates are not known, so the
# role is open-ended and approximate. The coverage dashboard counts a contact with a cabinet for
# the party of whoever headed it on the contact's date.
PARTY_MEMBERSHIP = {
    "sammy-mahdi": "cd-v",
    "nicole-de-moor": "cd-v",
    "meryame-kitir": "vooruit",
    "caroline-gennez": "vooruit",
    "zuhal-demir": "n-va",
    "petra-de-sutter": "groen",
    "pierre-yves-dermagne": "ps",
    "jo-brouns": "cd-v",
}
for _person in PERSONS:
    if _person["key"] in PARTY_MEMBERSHIP:
        _person["roles"].append({"organisation": PARTY_MEMBERSHIP[_person["key"]],
                                 "title": "Partijlid", "start_date": None, "end_date": None,
                                 "date_approximate": True})

CONTACTS = [
    {
        "key": "c-2022-kabinet-mahdi-frontex",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-asiel-migratie"],
        "dossiers": ["pushbacks"],
        "summary": (
            "Lobbyactiviteiten naar het kabinet Mahdi (en verschillende vice-kabinetten) over de rol van "
            "België in de Raad van Bestuur van Frontex."
        ),
        "arguments": (
            "Frontex-directeur Fabrice Leggeri moet ontslag nemen of op non-actief worden geplaatst, en er "
            "moeten duidelijke criteria komen voor het aanstellen van een nieuwe directeur."
        ),
        "their_position": (
            "Opeenvolgende bewindslieden (Mahdi, De Moor) stelden dat pushbacks niet geoorloofd zijn."
        ),
        "follow_up": "Parlementaire vragen, een resolutie en twee hoorzittingen in het federale parlement.",
        "follow_up_done": True,  # the report describes them as held (§4.1.1.1)
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2022-hoorzitting-frontex",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "channel": "event",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kamer"],
        "dossiers": ["pushbacks"],
        "summary": (
            "Deelname van 11.11.11 aan een van de twee hoorzittingen in het federale parlement na de "
            "resolutie over Frontex; ook de Belgische vertegenwoordiger in de Frontex-Raad van Bestuur moest "
            "er verantwoording afleggen over de Belgische posities."
        ),
        "arguments": (
            "België moet als lid van de Raad van Bestuur van Frontex waken over de naleving van de "
            "mensenrechten."
        ),
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2022-kabinet-kitir-remittances",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-ontwikkelingssamenwerking"],
        "dossiers": ["remittances"],
        "summary": (
            "Lobby bij het kabinet van ontwikkelingssamenwerking (Kitir) voor de uitvoering van het "
            "engagement uit het federaal regeerakkoord 2020 om de kosten van remittances te verlagen."
        ),
        "arguments": (
            "De kosten van geldtransfers moeten omlaag; 11.11.11 leverde cijfers, inzichten en oplossingen "
            "aan."
        ),
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2022-administratie-remittances",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["dgd", "iom", "enabel"],
        "dossiers": ["remittances"],
        "summary": (
            "Overleg met DGD, IOM en Enabel over de implementatie van het engagement om de kosten van "
            "remittances te verlagen."
        ),
        "arguments": "Informatie, cijfers en oplossingen van 11.11.11 over de kosten van geldtransfers.",
        "their_position": (
            "De administratie doet actief beroep op 11.11.11 voor informatie; haar nota was sterk gebaseerd "
            "op de cijfers en oplossingen van 11.11.11."
        ),
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1; §4.1.1.2",
    },
    {
        "key": "c-2023-kabinet-de-moor-imc",
        "date": datetime.date(2023, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-asiel-migratie"],
        "dossiers": ["arbeidsmigratie"],
        "summary": (
            "Overleg met het federale kabinet De Moor (CD&V) in het kader van het lobbytraject naar de "
            "Interministeriële Conferentie over arbeidsmigratie."
        ),
        "arguments": "De aanbevelingen van de VUB-studie over de uitbuiting van arbeidsmigranten.",
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2023-kabinet-de-sutter-imc",
        "date": datetime.date(2023, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-de-sutter"],
        "dossiers": ["arbeidsmigratie"],
        "summary": (
            "Overleg met het federale kabinet De Sutter (Groen) in functie van de IMC over arbeidsmigratie."
        ),
        "arguments": "De aanbevelingen van de VUB-studie over de uitbuiting van arbeidsmigranten.",
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2023-kabinet-dermagne-imc",
        "date": datetime.date(2023, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-dermagne"],
        "dossiers": ["arbeidsmigratie"],
        "summary": (
            "Overleg met het federale kabinet Dermagne (PS) in functie van de IMC over arbeidsmigratie."
        ),
        "arguments": "De aanbevelingen van de VUB-studie over de uitbuiting van arbeidsmigranten.",
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2023-kabinet-brouns-imc",
        "date": datetime.date(2023, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-brouns"],
        "dossiers": ["arbeidsmigratie"],
        "summary": (
            "Lobby op het Vlaamse niveau bij het kabinet Brouns (CD&V) in functie van de IMC over "
            "arbeidsmigratie."
        ),
        "arguments": "De aanbevelingen van de VUB-studie over de uitbuiting van arbeidsmigranten.",
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2023-kabinet-asiel-na-campagne",
        "date": datetime.date(2023, 5, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-asiel-migratie"],
        "dossiers": ["pushbacks"],
        "summary": (
            "Na de campagne ‘Mooi gezegd, nooit gedaan’ (8-21 mei 2023) werd de beleidsmedewerker door het "
            "kabinet van de staatssecretaris van Asiel en Migratie uitgenodigd voor een gesprek."
        ),
        "arguments": (
            "De kloof tussen politieke retoriek en de harde realiteit waarmee vluchtelingen en asielzoekers "
            "worden geconfronteerd."
        ),
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.3",
    },
    {
        "key": "c-2023-kabinet-de-moor-tunesie",
        "date": datetime.date(2023, 7, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-asiel-migratie"],
        "dossiers": ["pushbacks"],
        "summary": (
            "Gesprekken van 11.11.11 met het kabinet De Moor over de mensenrechtenschendingen in het kader "
            "van de EU-Tunesiëdeal (16 juli 2023)."
        ),
        "arguments": (
            "De EU is mee verantwoordelijk voor de mensenrechtenschendingen door haar akkoord met Tunesië; "
            "de Belgische regering moet de naleving van de mensenrechten opvolgen."
        ),
        "their_position": "",
        "follow_up": "Schriftelijke opvolging naar het kabinet.",
        "confidentiality": "confidential",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2023-kabinet-de-moor-tunesie-opvolging",
        "date": datetime.date(2023, 7, 1),
        "date_approximate": True,
        "channel": "email",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-asiel-migratie"],
        "dossiers": ["pushbacks"],
        "summary": "Schriftelijke opvolging van de gesprekken met het kabinet De Moor over de Tunesiëdeal.",
        "arguments": "Respect voor de mensenrechten bij de uitvoering van de Tunesiëdeal.",
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-2024-kabinet-gennez-libie",
        "date": datetime.date(2024, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-migration"],
        "persons": [],
        "organisations": ["kabinet-ontwikkelingssamenwerking"],
        "dossiers": ["pushbacks"],
        "summary": (
            "Lobbyactiviteiten van 11.11.11 op het kabinet Gennez over de mensenrechtenschendingen in Libië "
            "en de EU-samenwerking met Libië."
        ),
        "arguments": "Meer aandacht voor mensenrechten en transparantie in de EU-samenwerking met Libië.",
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "c-kabinet-demir-klimaat",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-climate"],
        "persons": [],
        "organisations": ["kabinet-demir"],
        "dossiers": ["klimaatfinanciering", "loss-and-damage"],
        "summary": (
            "Uitwisselingen met het kabinet van Minister Demir over klimaatfinanciering en loss and damage; "
            "deze waren minder talrijk dan met beleidsmakers op dezelfde golflengte."
        ),
        "arguments": (
            "Klimaatrechtvaardigheid: de geïndustrialiseerde landen moeten de landen in het Globale Zuiden "
            "bijstaan."
        ),
        "their_position": (
            "De expertise van 11.11.11 werd erkend, maar men vond dat 11.11.11 “onrealistische eisen stelde” "
            "en te weinig oog had voor de economische realiteit van België/Vlaanderen; de uitwisselingen "
            "waren “minder constructief”."
        ),
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "c-2023-cop28-delegatie",
        "date": datetime.date(2023, 12, 1),
        "date_approximate": True,
        "channel": "side_meeting",
        "formal": False,
        "our_participants": ["policy-climate"],
        "persons": [],
        "organisations": ["belgische-delegatie-cop"],
        "dossiers": ["klimaatfinanciering", "loss-and-damage"],
        "summary": (
            "Op COP28 in Dubai gaf 11.11.11/Klimaatcoalitie opmerkingen en vragen aan het Belgische "
            "onderhandelingsteam bij tekstvoorstellen."
        ),
        "arguments": (
            "Voorstellen vanuit klimaatrechtvaardigheid over klimaatfinanciering en loss and damage."
        ),
        "their_position": (
            "Bepaalde bijdragen op tekstvoorstellen werden als te radicaal beschouwd; de sterke aanwezigheid "
            "bij het onderhandelingsteam werd soms als negatief ervaren."
        ),
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.2",
    },
    {
        "key": "c-2024-cop29-ontbijt",
        "date": datetime.date(2024, 11, 11),
        "date_approximate": True,
        "channel": "side_meeting",
        "formal": False,
        "our_participants": ["policy-climate"],
        "persons": [],
        "organisations": ["belgische-delegatie-cop"],
        "dossiers": ["klimaatfinanciering"],
        "summary": (
            "Deelname aan de dagelijkse update-ontbijten van de Belgische delegatie op COP29 en "
            "uitwisselingen met de onderhandelaars, ook ’s avonds in het hotel van de delegatie."
        ),
        "arguments": (
            "Feedback op tekstvoorstellen over het financieringsdossier (nieuwe doelstelling voor "
            "klimaatfinanciering)."
        ),
        "their_position": (
            "De delegatie had een open houding naar het middenveld; de onderhandelaars ervoeren op COP29 een "
            "beter evenwicht in de verhoudingen."
        ),
        "follow_up": "Post-COP-terugkoppeling in de Senaat (december 2024).",
        "follow_up_due": datetime.date(2024, 12, 31),
        "follow_up_done": True,  # the feedback in the Senate took place (§4.1.2.1)
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.1.2.1; §4.2",
    },
]

ACTIVITIES = [
    {
        "key": "a-2022-vub-studie-werkgroep",
        "title": "Werkgroep Arbeidsmigratie laat VUB-studie uitvoeren",
        "type": "research",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "end_date": datetime.date(2022, 5, 10),
        "dossiers": ["arbeidsmigratie"],
        "organisations": ["werkgroep-arbeidsmigratie", "acv", "fairwork", "orbit", "vub"],
        "description": (
            "11.11.11 liet samen met de andere leden van de Werkgroep Arbeidsmigratie (ACV, Fairwork België, "
            "Orbit vzw) de VUB een studie uitvoeren naar de uitbuiting van arbeidsmigranten."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "a-2022-lobbytraject-imc",
        "title": "Intensief lobbytraject arbeidsmigratie richting de IMC",
        "type": "lobby",
        "date": datetime.date(2022, 5, 10),
        "date_approximate": True,
        "end_date": datetime.date(2023, 7, 7),
        "dossiers": ["arbeidsmigratie"],
        "organisations": [
            "kabinet-asiel-migratie",
            "kabinet-de-sutter",
            "kabinet-dermagne",
            "kabinet-brouns",
            "imc",
        ],
        "description": (
            "Na de VUB-studie voerde 11.11.11 in 2022 en 2023 een intensief lobbytraject naar verschillende "
            "politieke partijen en politici in functie van de Interministeriële Conferentie, federaal en "
            "Vlaams."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "a-lobby-hervestiging",
        "title": "Pleitbezorging voor een structurele aanpak van hervestiging",
        "type": "lobby",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "end_date": None,
        "dossiers": ["hervestiging"],
        "organisations": ["kabinet-asiel-migratie", "vluchtelingenwerk", "caritas"],
        "description": (
            "11.11.11 bepleitte, al sinds het vorige programma, een structurele aanpak van hervestiging en "
            "een jaarlijkse stijging van het aantal hervestigingen; de dossiers worden in overleg met de "
            "leden opgebouwd."
        ),
        "source": "Evaluatierapport §4.1.1.1; §4.1.1.2",
    },
    {
        "key": "a-2023-campagne-mooi-gezegd",
        "title": "Campagne ‘Mooi gezegd, nooit gedaan’",
        "type": "campaign",
        "date": datetime.date(2023, 5, 8),
        "end_date": datetime.date(2023, 5, 21),
        "dossiers": ["pushbacks"],
        "organisations": [],
        "description": (
            "Campagne over de kloof tussen politieke retoriek en de harde realiteit van vluchtelingen en "
            "asielzoekers, in drie fasen (bewustwording, betrokkenheid, conversie); zeer veel media-aandacht "
            "en aandacht op sociale media."
        ),
        "source": "Evaluatierapport §4.3",
    },
    {
        "key": "a-klimaatcoalitie-politieke-werkgroep",
        "title": "Co-coördinatie van de politieke werkgroep van de Klimaatcoalitie",
        "type": "coalition_work",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "end_date": None,
        "dossiers": ["klimaatfinanciering", "loss-and-damage"],
        "organisations": ["klimaatcoalitie", "cncd"],
        "description": (
            "11.11.11 leidt samen met CNCD de politieke werkgroep (15-20 leden) van de Klimaatcoalitie en "
            "zit in de kerngroep; het voedt de groep met input en brengt de diverse leden op één lijn."
        ),
        "source": "Evaluatierapport §4.1.2.1; §4.1.2.2",
    },
    {
        "key": "a-stakeholderdialoog-bz",
        "title": "Panel in de jaarlijkse stakeholderdialoog van BZ voor de COP",
        "type": "event",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "end_date": None,
        "dossiers": ["klimaatfinanciering"],
        "organisations": ["fod-buitenlandse-zaken"],
        "description": (
            "11.11.11 is altijd aanwezig in een panel in de jaarlijkse stakeholderdialoog die BZ in aanloop "
            "naar de COPs organiseert."
        ),
        "source": "Evaluatierapport §4.1.2.1; §4.1.2.2",
    },
    {
        "key": "a-najaarscampagne-klimaat",
        "title": "Najaarscampagnes rond klimaat (2022 en 2023)",
        "type": "campaign",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "end_date": datetime.date(2023, 12, 31),
        "dossiers": ["klimaatfinanciering"],
        "organisations": [],
        "description": (
            "Klimaat stond in 2022 en 2023 centraal in de najaarscampagne, het duidelijkste voorbeeld van "
            "een geïntegreerde aanpak rond klimaat waarbij alle diensten betrokken zijn, gekoppeld aan de "
            "COP."
        ),
        "source": "Evaluatierapport §4.1.2.3; §4.3",
    },
    {
        "key": "a-2023-cop28",
        "title": "Aanwezigheid op COP28 (Dubai)",
        "type": "event",
        "date": datetime.date(2023, 11, 30),
        "end_date": datetime.date(2023, 12, 12),
        "dossiers": ["klimaatfinanciering", "loss-and-damage"],
        "organisations": ["klimaatcoalitie", "belgische-delegatie-cop", "cop-unfccc"],
        "description": (
            "11.11.11 was als vertegenwoordiger van de Klimaatcoalitie sterk aanwezig bij het Belgische "
            "onderhandelingsteam op COP28 in Dubai."
        ),
        "source": "Evaluatierapport §4.2 (data van de COP: publiek bekend)",
    },
    {
        "key": "a-2024-cop29",
        "title": "Aanwezigheid op COP29",
        "type": "event",
        "date": datetime.date(2024, 11, 11),
        "end_date": datetime.date(2024, 11, 22),
        "dossiers": ["klimaatfinanciering"],
        "organisations": ["klimaatcoalitie", "belgische-delegatie-cop", "cop-unfccc", "amnesty"],
        "description": (
            "Op COP29 nam 11.11.11/KC deel aan de update-ontbijten van de Belgische delegatie, gaf feedback "
            "op tekstvoorstellen, steunde een side-event van Amnesty International met sprekers uit het "
            "Zuiden en speelde een rol in het finale perscommuniqué van het middenveld."
        ),
        "source": "Evaluatierapport §4.1.2.1 (data van de COP: publiek bekend)",
    },
    {
        "key": "a-2024-post-cop-recap-senaat",
        "title": "Post-COP-terugkoppeling in de Senaat",
        "type": "event",
        "date": datetime.date(2024, 12, 1),
        "date_approximate": True,
        "end_date": None,
        "dossiers": ["klimaatfinanciering"],
        "organisations": ["klimaatcoalitie", "senaat"],
        "description": (
            "11.11.11/KC organiseert jaarlijks een post-COP-terugkoppeling (recap), zoals in december 2024 "
            "in de Senaat, om lessen te trekken en agenda's te versterken."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
]

OUTPUTS = [
    {
        "key": "o-2022-vub-studie",
        "title": "VUB-studie naar de uitbuiting van arbeidsmigranten",
        "type": "study",
        "date": datetime.date(2022, 5, 10),
        "dossiers": ["arbeidsmigratie"],
        "url": "",
        "description": "Studie in opdracht van de Werkgroep Arbeidsmigratie, op 10 mei 2022 in de pers.",
        "full_text": (
            "De VUB voerde in opdracht van 11.11.11, ACV, Fairwork België en Orbit vzw een studie uit naar "
            "de uitbuiting van arbeidsmigranten, die schrijnende toestanden aan het licht bracht. De studie "
            "verscheen op 10 mei 2022 in de pers en werd expliciet vermeld in het besluit van de IMC van 7 "
            "juli 2023.\n\n"
            # The recommendations below are rebuilt from the IMC decision as §4.1.1.1 quotes it (the
            # report says the decisions largely followed the study's recommendations); the wording
            # of the study itself is not in the report.
            "Aanbevelingen. De bescherming van arbeidsmigranten moet verbeterd worden door hen beter te "
            "informeren over hun rechten. Duidelijke en toegankelijke informatie over arbeidsrechten moet in "
            "meerdere talen beschikbaar zijn op de websites van FOD Werk en de gewestelijke "
            "arbeidsadministraties, met op termijn één centrale website.\n\n"
            "Slachtoffers van sociale inbreuken door werkgevers moeten 180 dagen in plaats van 90 dagen "
            "krijgen om een nieuwe baan te vinden, zodat zij minder terughoudend zijn om misstanden te "
            "melden.\n\n"
            "Er moet wettelijk vastgelegd worden dat werkgevers de kosten van de procedure voor een "
            "gecombineerde vergunning dragen."
        ),
        "source": "Evaluatierapport §4.1.1.1 (aanbevelingen gereconstrueerd uit het IMC-besluit dat het "
                  "rapport citeert)",
    },
    {
        "key": "o-2020-inputpapers-regeerakkoord",
        "title": "Inputpapers voor het federaal regeerakkoord en de beleidsnota migratie",
        "type": "input_paper",
        "date": datetime.date(2020, 1, 1),
        "date_approximate": True,
        "dossiers": ["hervestiging"],
        "url": "",
        "description": (
            "Korte inputpapers aan het kabinet (vorige programmaperiode), gepresenteerd in het kabinet Mahdi."
        ),
        "full_text": (
            "Via korte inputpapers aan het kabinet probeerde 11.11.11 tot progressievere standpunten te "
            "komen in het regeerakkoord en de daaropvolgende beleidsnota. Bepaalde zinnen uit de inputpapers "
            "van 11.11.11 en haar lidorganisaties werden daadwerkelijk overgenomen."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "o-2022-parlementaire-vragen-frontex",
        "title": "Drie parlementaire vragen over Frontex",
        "type": "parliamentary_question",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "dossiers": ["pushbacks"],
        "url": "",
        "description": (
            "Drie parlementaire vragen, geschreven door 11.11.11 en overgenomen door een parlementslid."
        ),
        "full_text": (
            "Via drie parlementaire vragen zette 11.11.11 druk op de regering om haar rol binnen de "
            "bestuursorganen van Frontex op te nemen: directeur Fabrice Leggeri moest ontslag nemen of op "
            "non-actief worden geplaatst, en er moesten duidelijke criteria komen voor het aanstellen van "
            "een nieuwe directeur."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "o-2022-resolutie-frontex",
        "title": "Resolutie over Frontex in het federale parlement",
        "type": "resolution",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "dossiers": ["pushbacks"],
        "url": "",
        "description": "Resolutie ingediend in het federale parlement op initiatief van 11.11.11.",
        "full_text": (
            "Op initiatief van 11.11.11 werd een resolutie ingediend in het federale parlement. Daarop "
            "volgden twee hoorzittingen met deelname van 11.11.11, waarin ook de Belgische vertegenwoordiger "
            "in de Raad van Bestuur van Frontex verantwoording moest afleggen."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "o-pushbackrapporten",
        "title": "Jaarlijkse pushbackrapporten",
        "type": "report",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "dossiers": ["pushbacks"],
        "url": "",
        "description": (
            "Rapporten over pushbacks die 11.11.11 sinds een drietal jaar jaarlijks naar buiten brengt."
        ),
        "full_text": (
            "De jaarlijkse pushbackrapporten krijgen aanzienlijke media-aandacht, waardoor 11.11.11 door "
            "externe stakeholders, ook politici, erkend wordt als gegevensexpert over pushbacks. Er komt "
            "aantoonbaar reactie vanuit de politieke wereld op de rapporten."
        ),
        "source": "Evaluatierapport §4.1.1.1; §4.3",
    },
    {
        "key": "o-2023-oproep-opschorting-tunesiedeal",
        "title": "Oproep tot opschorting van de Tunesiëdeal (De Standaard, VRT-radio)",
        "type": "press_release",
        "date": datetime.date(2023, 7, 29),
        "dossiers": ["pushbacks"],
        "url": "",
        "description": "Oproep via De Standaard en VRT-radio om de EU-Tunesiëdeal op te schorten.",
        "full_text": (
            "11.11.11 riep via De Standaard en VRT-radio op tot opschorting van de Tunesiëdeal, waarop "
            "staatssecretaris De Moor reageerde (29/07/2023)."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "o-2023-petitie-tunesiedeal",
        "title": "Petitie tegen de Tunesiëdeal",
        "type": "petition",
        "date": datetime.date(2023, 7, 31),
        "dossiers": ["pushbacks"],
        "url": "",
        "description": "Lancering van een petitie tegen de EU-Tunesiëdeal op 31 juli 2023.",
        "full_text": (
            "Op 31 juli 2023 lanceerde 11.11.11 een petitie tegen de Tunesiëdeal, als onderdeel van de druk "
            "op de Belgische regering naar aanleiding van de mensenrechtenschendingen bij de uitvoering "
            "ervan."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "o-2022-remittances-input",
        "title": "Cijfers en oplossingen over de kosten van remittances",
        "type": "input_paper",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "dossiers": ["remittances"],
        "url": "",
        "description": "Informatie, inzichten en oplossingen aangeleverd aan kabinet en administratie.",
        "full_text": (
            "11.11.11 leverde informatie, inzichten en oplossingen aan de beleidsvoerders over de kosten van "
            "geldtransfers. De nota die de administratie aanleverde, was sterk gebaseerd op de cijfers en "
            "oplossingen van 11.11.11; het kabinet nam die nota aan."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "o-2024-input-vlaams-regeerakkoord",
        "title": "Input aan de onderhandelaars van het Vlaams regeerakkoord over arbeidsmigratie",
        "type": "input_paper",
        "date": datetime.date(2024, 1, 1),
        "date_approximate": True,
        "dossiers": ["arbeidsmigratie"],
        "url": "",
        "description": (
            "Input aan de onderhandelaars van het Vlaams regeerakkoord 2024 over de rechten van "
            "arbeidsmigranten."
        ),
        "full_text": (
            "11.11.11 leverde input aan de onderhandelaars over arbeidsmigratie. De evaluatoren achten het "
            "aannemelijk, gezien het trackrecord, dat dit geleid heeft tot opname van het thema in het "
            "regeerakkoord, maar vonden onvoldoende bewijsmateriaal."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "o-2024-thought-paper-cop29",
        "title": "Thought paper klimaattop COP29",
        "type": "position_paper",
        "date": datetime.date(2024, 1, 1),
        "date_approximate": True,
        "dossiers": ["klimaatfinanciering"],
        "url": "https://11.be/thought-paper/klimaattop-cop29",
        "description": "Standpunt van 11.11.11 in aanloop naar COP29 over klimaatfinanciering.",
        "full_text": (
            "11.11.11 wilde België ertoe aanzetten bij te dragen tot een verhoging van de globale "
            "klimaatfinanciering op COP29 en de Belgische bijdrage – die verschillende actoren ontoereikend "
            "vinden – te verhogen van 154 miljoen USD per jaar tot 500 miljoen USD."
        ),
        "source": "Evaluatierapport §4.1.2.1 (voetnoot 4)",
    },
    {
        "key": "o-parlementaire-vragen-klimaat",
        "title": "Parlementaire vragen en resoluties over klimaatfinanciering en loss and damage",
        "type": "parliamentary_question",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "dossiers": ["klimaatfinanciering", "loss-and-damage"],
        "url": "",
        "description": "Met parlementariërs uitgewerkte en ingediende parlementaire vragen en resoluties.",
        "full_text": (
            "11.11.11 werkte met parlementariërs van verschillende strekkingen (vooral partijen op dezelfde "
            "golflengte) parlementaire vragen en resoluties uit rond klimaatfinanciering, loss and damage en "
            "biofuels. Gealigneerde parlementairen gebruikten documenten van 11.11.11/KC als inspiratie."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "o-2024-perscommunique-cop29",
        "title": "Finaal perscommuniqué van het middenveld op COP29",
        "type": "press_release",
        "date": datetime.date(2024, 11, 1),
        "date_approximate": True,
        "dossiers": ["klimaatfinanciering"],
        "url": "",
        "description": (
            "Gezamenlijk slotcommuniqué van het middenveld, waarin 11.11.11 een rol speelde zonder de lead."
        ),
        "full_text": (
            "Op COP29 speelde 11.11.11 een rol, zonder de lead te hebben, in het finale perscommuniqué van "
            "het middenveld."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "o-2022-aanbevelingen-imc",
        "title": "Aanbevelingen van de Werkgroep Arbeidsmigratie voor de IMC",
        "type": "position_paper",
        "date": datetime.date(2022, 5, 10),
        "date_approximate": True,
        "dossiers": ["arbeidsmigratie"],
        "url": "",
        "description": (
            "De aanbevelingen van de VUB-studie, uitgewerkt voor het lobbytraject richting de "
            "Interministeriële Conferentie (2022-2023)."
        ),
        "full_text": (
            "Vlaanderen zet in op een ruimer beleid voor arbeidsmigratie dat meer mogelijkheden biedt voor "
            "zowel laag-, midden- als hooggeschoolden. De rechten van arbeidsmigranten krijgen daarin een "
            "centrale plaats.\n\n"
            "Bij de afgifte of verlenging van een visum of gecombineerde vergunning moeten arbeidsmigranten "
            "een brochure ontvangen met relevante informatie over hun rechten.\n\n"
            "Om voldoende huisvesting te garanderen voor werknemers die via hun werkgever worden gehuisvest, "
            "moet onderzocht worden hoe deze groep beter geïdentificeerd kan worden bij de "
            "vergunningsaanvraag en hoe de informatie-uitwisseling tussen de administratie wonen en de "
            "arbeidsinspecties verbeterd kan worden.\n\n"
            "Geef arbeidsmigranten de mogelijkheid om deel te nemen aan vrijwillige inburgeringstrajecten. "
            "De overheden moeten de behandelingstermijnen voor gecombineerde vergunningen verkorten en "
            "regelmatig monitoren, zodat werknemers sneller aan de slag kunnen."
        ),
        "source": "Evaluatierapport §4.1.1.1 (het standpunt zoals het rapport het citeert; de aanbevelingen "
                  "gereconstrueerd uit het IMC-besluit dat het rapport citeert)",
    },
]

OUTCOMES = [
    {
        "key": "oc-2022-actualiteitsdebat-vlaams-parlement",
        "title": "Actualiteitsdebat over uitbuiting van arbeidsmigranten",
        "description": (
            "Het Vlaams Parlement hield op 11 mei 2022 een actualiteitendebat over de uitbuiting van "
            "arbeidsmigranten, de dag nadat de VUB-studie in de pers verscheen."
        ),
        "date": datetime.date(2022, 5, 11),
        "political_level": "flemish",
        "change_type": "agenda",
        "intended": True,
        "positive": True,
        "significance": (
            "Het thema kwam meteen op de politieke agenda, als opstap naar het lobbytraject richting de IMC."
        ),
        "contribution": (
            "De VUB-studie van de Werkgroep Arbeidsmigratie (met 11.11.11) gaf onmiddellijk aanleiding tot "
            "het debat."
        ),
        "substantiation": "substantiated",
        "social_actor_organisations": ["vlaams-parlement"],
        "social_actor_persons": [],
        "dossiers": ["arbeidsmigratie"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2023-imc-arbeidsmigratie",
        "title": "IMC beslist over betere bescherming van arbeidsmigranten",
        "description": (
            "De Interministeriële Conferentie besliste op 7 juli 2023: informatie over arbeidsrechten in "
            "meerdere talen, 180 in plaats van 90 dagen voor slachtoffers van sociale inbreuken om een "
            "nieuwe baan te vinden, werkgevers dragen de kosten (€138) van de gecombineerde vergunning, en "
            "vrijwillige inburgeringstrajecten."
        ),
        "date": datetime.date(2023, 7, 7),
        "political_level": "federal",
        "change_type": "policy_content",
        "intended": True,
        "positive": True,
        "significance": (
            "De beslissingen volgden in belangrijke mate de aanbevelingen van de studie; de studie werd "
            "expliciet vermeld in het besluit."
        ),
        "contribution": (
            "Volgens de evaluatoren sterk: de combinatie van onderzoek, persaandacht, parlementair debat en "
            "lobbywerk bij de kabinetten De Moor, De Sutter, Dermagne en Brouns."
        ),
        "substantiation": "substantiated",
        "social_actor_organisations": ["imc"],
        "social_actor_persons": [],
        "dossiers": ["arbeidsmigratie"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2023-hervestigingsstructuur",
        "title": "Autonome opvangstructuur voor hervestiging",
        "description": (
            "Staatssecretaris De Moor besliste op 31 juli 2023 tot de oprichting van een autonome "
            "opvangstructuur voor hervestiging."
        ),
        "date": datetime.date(2023, 7, 31),
        "political_level": "federal",
        "change_type": "policy_content",
        "intended": True,
        "positive": True,
        "significance": (
            "Hervestiging was door het tekort aan opvangplaatsen quasi volledig stilgevallen; de structuur "
            "wordt erkend als beleidswinst."
        ),
        "contribution": (
            "Dit was reeds lang een vraag van 11.11.11; De Moor gaf zelf te kennen dat ze met deze "
            "beslissing gehoor gaf aan de vraag van 11.11.11 – een zeer sterke indicatie van contributie."
        ),
        "substantiation": "substantiated",
        "social_actor_organisations": ["kabinet-asiel-migratie"],
        "social_actor_persons": ["nicole-de-moor"],
        "dossiers": ["hervestiging"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-hervestiging-migratiewetboek",
        "title": "Hervestiging opgenomen in het nieuwe migratiewetboek",
        "description": (
            "Hervestiging lijkt te zijn opgenomen in het (voorlopige) nieuwe migratiewetboek, waarvan de "
            "stemming in de huidige vorm door de nieuwe regering hoogst onzeker is."
        ),
        "date": datetime.date(2024, 1, 1),
        "date_approximate": True,
        "political_level": "federal",
        "change_type": "policy_content",
        "intended": True,
        "positive": True,
        "significance": "Zou hervestiging wettelijk verankeren, maar de stemming is onzeker.",
        "contribution": (
            "De beleidsvoerders erkenden uitdrukkelijk de contributie van 11.11.11 aan het thema "
            "hervestiging."
        ),
        "substantiation": "partly",
        "social_actor_organisations": ["federale-regering"],
        "social_actor_persons": [],
        "dossiers": ["hervestiging"],
        "source": "Evaluatierapport §4.1.1.1; Samenvatting",
    },
    {
        "key": "oc-2023-o-remit",
        "title": "O-REMIT-project goedgekeurd",
        "description": (
            "Het kabinet Gennez keurde op 1 februari 2023 het O-REMIT-project van IOM goed, dat de "
            "transactiekosten van remittances vanuit België onder 3% wil brengen en diaspora-investeerders "
            "ondersteunt."
        ),
        "date": datetime.date(2023, 2, 1),
        "political_level": "federal",
        "change_type": "budget",
        "intended": True,
        "positive": True,
        "significance": (
            "Uitvoering van het engagement uit het federaal regeerakkoord 2020 om de kosten van remittances "
            "te verlagen."
        ),
        "contribution": (
            "Met vrij grote zekerheid een grote inbreng: de nota van de administratie was sterk gebaseerd op "
            "cijfers en oplossingen van 11.11.11, en het kabinet nam die nota aan."
        ),
        "substantiation": "substantiated",
        "social_actor_organisations": ["kabinet-ontwikkelingssamenwerking", "dgd"],
        "social_actor_persons": ["caroline-gennez"],
        "dossiers": ["remittances"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2020-inputpapers-overgenomen",
        "title": "Zinnen uit inputpapers in regeerakkoord en beleidsnota",
        "description": (
            "Bepaalde zinnen uit de inputpapers van 11.11.11 en haar lidorganisaties werden overgenomen in "
            "het federaal regeerakkoord en in de beleidsnota migratie van staatssecretaris Mahdi (vorige "
            "programmaperiode)."
        ),
        "date": datetime.date(2020, 1, 1),
        "date_approximate": True,
        "political_level": "federal",
        "change_type": "policy_content",
        "intended": True,
        "positive": True,
        "significance": (
            "Rechtstreekse invloed op het officiële beleid, al werd de contributie als ‘gematigd’ omschreven."
        ),
        "contribution": (
            "Korte inputpapers aan het kabinet en de presentatie van de standpunten in het kabinet Mahdi "
            "droegen er concreet toe bij dat enkele suggesties een plek kregen in de beleidsnota."
        ),
        "substantiation": "substantiated",
        "social_actor_organisations": ["kabinet-asiel-migratie", "federale-regering"],
        "social_actor_persons": ["sammy-mahdi"],
        "dossiers": ["hervestiging"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2022-ontslag-leggeri",
        "title": "Frontex-directeur Leggeri neemt ontslag",
        "description": (
            "In april 2022 diende Frontex-directeur Fabrice Leggeri zijn ontslag in, nadat OLAF had "
            "aanbevolen een disciplinaire procedure tegen hem te starten (o.a. betrokkenheid bij pushbacks)."
        ),
        "date": datetime.date(2022, 4, 1),
        "date_approximate": True,
        "political_level": "eu",
        "change_type": "behaviour",
        "intended": True,
        "positive": True,
        "significance": (
            "Een eis van 11.11.11 tegenover de Belgische regering als lid van de Frontex-Raad van Bestuur."
        ),
        "contribution": (
            "11.11.11 speelde een sterke rol op Belgisch niveau (lobby, parlementaire vragen, resolutie, "
            "hoorzittingen), maar het was een samenspel van Belgische en Europese organisaties en fracties."
        ),
        "substantiation": "partly",
        "social_actor_organisations": ["frontex"],
        "social_actor_persons": ["fabrice-leggeri"],
        "dossiers": ["pushbacks"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2022-de-moor-tegen-pushbacks",
        "title": "De Moor stelt dat pushbacks niet geoorloofd zijn",
        "description": (
            "Staatssecretaris De Moor bevestigde bij haar aantreden (18 juli 2022) het standpunt van haar "
            "voorganger Mahdi dat pushbacks niet geoorloofd zijn."
        ),
        "date": datetime.date(2022, 7, 18),
        "political_level": "federal",
        "change_type": "discourse",
        "intended": True,
        "positive": True,
        "significance": "Publieke uitspraak van de regering tegen pushbacks (progress marker 8 migratie).",
        "contribution": (
            "Geen rechtstreeks verband vastgesteld met de standpunten van 11.11.11, al komt er aantoonbaar "
            "politieke reactie op de pushbackrapporten."
        ),
        "substantiation": "partly",
        "social_actor_organisations": ["kabinet-asiel-migratie"],
        "social_actor_persons": ["nicole-de-moor"],
        "dossiers": ["pushbacks"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2023-brief-johansson",
        "title": "Brief kabinet De Moor aan Commissaris Johansson over Tunesiëdeal",
        "description": (
            "Het kabinet De Moor vroeg op 28 juli 2023 in een brief aan EU-Commissaris Ylva Johansson om het "
            "respect voor de mensenrechten nauwlettend in de gaten te houden bij de uitvoering van de "
            "Tunesiëdeal; De Moor reageerde op 29 juli 2023 ook op de oproep tot opschorting."
        ),
        "date": datetime.date(2023, 7, 28),
        "political_level": "federal",
        "change_type": "behaviour",
        "intended": True,
        "positive": True,
        "significance": (
            "België zet mensenrechten op de EU-agenda; eind januari 2025 maakte de Europese Commissie "
            "verdere betalingen aan Tunesië afhankelijk van de naleving van mensenrechten."
        ),
        "contribution": (
            "De brief kan in verband worden gebracht met de gesprekken van 11.11.11 met het kabinet De Moor "
            "en de schriftelijke opvolging; het relatieve gewicht in de Europese beleidswijziging is "
            "moeilijk te bepalen."
        ),
        "substantiation": "partly",
        "social_actor_organisations": ["kabinet-asiel-migratie"],
        "social_actor_persons": ["nicole-de-moor"],
        "dossiers": ["pushbacks"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2024-eu-voorzitterschap-agenda",
        "title": "Mensenrechten van vluchtelingen op agenda EU-werkgroep",
        "description": (
            "Naar aanleiding van het Belgisch EU-voorzitterschap plaatste de Belgische regering op 6 juni "
            "2024 de mensenrechtensituatie van vluchtelingen op de agenda van de werkgroep over externe "
            "aspecten van het migratiebeleid."
        ),
        "date": datetime.date(2024, 6, 6),
        "political_level": "eu",
        "change_type": "agenda",
        "intended": True,
        "positive": True,
        "significance": (
            "België gebruikt zijn EU-voorzitterschap om mensenrechten in het externe migratiebeleid te "
            "agenderen."
        ),
        "contribution": (
            "Opgesomd onder de activiteiten waarmee 11.11.11 de Belgische regering beïnvloedde rond de "
            "Tunesiëdeal."
        ),
        "substantiation": "partly",
        "social_actor_organisations": ["federale-regering"],
        "social_actor_persons": [],
        "dossiers": ["pushbacks"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2024-gennez-libie",
        "title": "Gennez pleit voor mensenrechten in EU-samenwerking met Libië",
        "description": (
            "Minister van Ontwikkelingssamenwerking Gennez pleitte op 1 juni 2024 voor meer aandacht voor "
            "mensenrechten en transparantie in de EU-samenwerking met Libië."
        ),
        "date": datetime.date(2024, 6, 1),
        "political_level": "federal",
        "change_type": "discourse",
        "intended": True,
        "positive": True,
        "significance": "Verhoogde aandacht voor mensenrechten in de samenwerking met Libië.",
        "contribution": (
            "Volgens verschillende geïnterviewden het gevolg van lobbyactiviteiten van 11.11.11 op het "
            "kabinet Gennez."
        ),
        "substantiation": "substantiated",
        "social_actor_organisations": ["kabinet-ontwikkelingssamenwerking"],
        "social_actor_persons": ["caroline-gennez"],
        "dossiers": ["pushbacks"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2024-vlaams-regeerakkoord-arbeidsmigranten",
        "title": "Vlaams regeerakkoord 2024: loket voor arbeidsmigranten",
        "description": (
            "Het Vlaams regeerakkoord 2024 besteedt opnieuw aandacht aan de rechten van arbeidsmigranten en "
            "kondigt een loket aan waar zij info krijgen over hun rechten; het blijft vooral focussen op "
            "kennismigratie en knelpuntberoepen."
        ),
        "date": datetime.date(2024, 1, 1),
        "date_approximate": True,
        "political_level": "flemish",
        "change_type": "policy_content",
        "intended": True,
        "positive": True,
        "significance": "Aandacht voor de rechten van arbeidsmigranten op Vlaams niveau.",
        "contribution": (
            "Onvoldoende bewijsmateriaal gevonden; wel aannemelijk dat de input aan de onderhandelaars tot "
            "opname van het thema leidde."
        ),
        "substantiation": "not_substantiated",
        "social_actor_organisations": ["vlaamse-regering"],
        "social_actor_persons": [],
        "dossiers": ["arbeidsmigratie"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "oc-2024-klimaatfinanciering-247-miljoen",
        "title": "Belgische klimaatfinanciering stijgt van 154 naar 247 miljoen per jaar",
        "description": (
            "De Belgische bijdrage aan internationale klimaatfinanciering stijgt van 154 miljoen naar 247 "
            "miljoen per jaar; het door 11.11.11 gevraagde bedrag van 500 miljoen werd niet bereikt."
        ),
        "date": datetime.date(2024, 1, 1),
        "date_approximate": True,
        "political_level": "federal",
        "change_type": "budget",
        "intended": True,
        "positive": True,
        "significance": "Substantiële vooruitgang, hoewel minder dan gevraagd.",
        "contribution": (
            "Grotendeels toe te schrijven aan een combinatie van Europese verplichtingen, internationale "
            "onderhandelingen en de advocacy van 11.11.11 en de Klimaatcoalitie; de exacte contributie is "
            "moeilijk te bepalen. De discussies werden vooral begrotingsdiscussies."
        ),
        "substantiation": "partly",
        "social_actor_organisations": ["federale-regering"],
        "social_actor_persons": [],
        "dossiers": ["klimaatfinanciering"],
        "source": "Evaluatierapport Samenvatting; §4.1.2.1; §6",
    },
    {
        "key": "oc-2024-cop29-ncqg",
        "title": "COP29: nieuwe doelstelling voor klimaatfinanciering verdrievoudigd",
        "description": (
            "Op COP29 werd de VN-doelstelling voor klimaatfinanciering (NCQG) verhoogd van 100 naar 300 "
            "miljard USD per jaar (vanaf 2035), met tot 1,3 biljoen USD via privé-actoren; België verzette "
            "zich daar niet tegen."
        ),
        "date": datetime.date(2024, 11, 1),
        "date_approximate": True,
        "political_level": "international",
        "change_type": "policy_content",
        "intended": True,
        "positive": True,
        "significance": "Ook vermogende ontwikkelingslanden kunnen nu formeel bijdragen.",
        "contribution": (
            "11.11.11/KC gaf veel feedback aan de Belgische delegatie op tekstvoorstellen en volgde de "
            "tussentijdse meetings via CAN op; de exacte contributie is moeilijk te bepalen."
        ),
        "substantiation": "partly",
        "social_actor_organisations": ["cop-unfccc", "belgische-delegatie-cop"],
        "social_actor_persons": [],
        "dossiers": ["klimaatfinanciering"],
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "oc-loss-and-damage-opening",
        "title": "Opening rond loss and damage",
        "description": (
            "Minister Demir was in het begin tegenstander van loss and damage, maar heeft het uiteindelijk "
            "niet geblokkeerd; Wallonië en het federale niveau hebben met een klein bedrag bijgedragen."
        ),
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "political_level": "flemish",
        "change_type": "behaviour",
        "intended": True,
        "positive": True,
        "significance": "Een opening en een belangrijke stap naar toekomstig politiek werk.",
        "contribution": (
            "11.11.11 beïnvloedde de Belgische positie via de Klimaatcoalitie; rond loss and damage werkten "
            "beleid, communicatie en beweging goed samen (o.a. Keniaanse activisten in België)."
        ),
        "substantiation": "partly",
        "social_actor_organisations": ["kabinet-demir", "waalse-regering", "federale-regering"],
        "social_actor_persons": ["zuhal-demir"],
        "dossiers": ["loss-and-damage"],
        "source": "Evaluatierapport Samenvatting; §4.1.2.1; §4.3",
    },
]

EVIDENCE = [
    {
        "key": "ev-debat-vlaams-parlement",
        "outcome": "oc-2022-actualiteitsdebat-vlaams-parlement",
        "source_type": "parliamentary_record",
        "reference": "Actualiteitsdebat Vlaams Parlement, 11 mei 2022",
        "url": "",
        "quote": "",
        "date": datetime.date(2022, 5, 11),
        "reliability": "high",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-evaluatie-debat",
        "outcome": "oc-2022-actualiteitsdebat-vlaams-parlement",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, bevindingen sub-thema arbeidsmigratie",
        "url": "",
        "quote": (
            "De studie verscheen op 10 mei 2022 in de pers wat onmiddellijk aanleiding gaf tot een "
            "actualiteitendebat op 11 mei 2022 in het Vlaams Parlement."
        ),
        "date": None,
        "reliability": "high",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-imc-besluit",
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "source_type": "document",
        "reference": "Besluit van de Interministeriële Conferentie van 7 juli 2023",
        "url": "",
        "quote": "De studie werd trouwens expliciet vermeld in het besluit.",
        "date": datetime.date(2023, 7, 7),
        "reliability": "high",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-evaluatie-imc",
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, contributieanalyse arbeidsmigratie",
        "url": "",
        "quote": (
            "De contributie van 11.11.11 op de beslissingen van het IMC omtrent een betere bescherming van "
            "de arbeidsmigranten lijkt sterk geweest te zijn."
        ),
        "date": None,
        "reliability": "high",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-interviews-hervestiging",
        "outcome": "oc-2023-hervestigingsstructuur",
        "source_type": "interview",
        "reference": "Interviews met beleidsvoerders (tussentijdse evaluatie)",
        "url": "",
        "quote": (
            "De Moor gaf zelf te kennen dat ze met deze beslissing gehoor gaf aan de vraag van 11.11.11."
        ),
        "date": None,
        "reliability": "high",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-hervestiging-lange-vraag",
        "outcome": "oc-2023-hervestigingsstructuur",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, sub-thema hervestiging: een lange vraag van 11.11.11",
        "url": "",
        "quote": (
            "Tijdens de huidige programmaperiode werd door de Staatssecretaris voor de oprichting van een "
            "autonome opvangstructuur voor hervestiging beslist (31/07/2023). Dit was reeds lang een vraag "
            "van 11.11.11."
        ),
        "date": None,
        "reliability": "high",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-hervestiging-erkenning",
        "outcome": "oc-2023-hervestigingsstructuur",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, sub-thema hervestiging: contributie erkend door beleidsvoerders",
        "url": "",
        "quote": (
            "De contributie van 11.11.11 aan het thema hervestiging en de hierboven aangehaalde elementen "
            "werd door de beleidsvoerders uitdrukkelijk erkend."
        ),
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-evaluatie-migratiewetboek",
        "outcome": "oc-hervestiging-migratiewetboek",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, sub-thema hervestiging",
        "url": "",
        "quote": "Daarnaast lijkt ook hervestiging te zijn opgenomen in het nieuwe migratiewetboek.",
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-evaluatie-o-remit",
        "outcome": "oc-2023-o-remit",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, thema remittances",
        "url": "",
        "quote": (
            "De nota, die vanuit de administratie, werd aangeleverd was sterk gebaseerd op cijfers en "
            "oplossingen die door 11.11.11 werden aangedragen."
        ),
        "date": None,
        "reliability": "high",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-impactstudie-ace-hiva",
        "outcome": "oc-2020-inputpapers-overgenomen",
        "source_type": "document",
        "reference": (
            "ACE Europe & HIVA (2022). Eindevaluatie van de beleidsbeïnvloeding van 11.11.11 – 2017-2022. "
            "Deelrapport Migratie, p.36."
        ),
        "url": "",
        "quote": "",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "reliability": "high",
        "source": "Evaluatierapport §4.1.1.1 (voetnoot 1)",
    },
    {
        "key": "ev-evaluatie-leggeri",
        "outcome": "oc-2022-ontslag-leggeri",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, sub-thema pushbacks",
        "url": "",
        "quote": (
            "Uiteraard is de contributie in het aankaarten van de mensenrechtenschendingen bij Frontex een "
            "samenspel geweest van verschillende Belgische én Europese civiele organisaties."
        ),
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-tweet-de-moor",
        "outcome": "oc-2022-de-moor-tegen-pushbacks",
        "source_type": "social_media",
        "reference": "Bericht van Nicole de Moor op X, als reactie op de pushbackrapporten",
        "url": "https://x.com/Nicole_demoor/status/1757679162729414989",
        "quote": "",
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.1.1 (voetnoot 2)",
    },
    {
        "key": "ev-evaluatie-brief-johansson",
        "outcome": "oc-2023-brief-johansson",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, sub-thema pushbacks / Tunesiëdeal",
        "url": "",
        "quote": (
            "Deze brief kan in verband worden gebracht met de gesprekken van 11.11.11 met het kabinet De "
            "Moor en schriftelijke opvolgingsactiviteiten."
        ),
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-pers-reactie-de-moor",
        "outcome": "oc-2023-brief-johansson",
        "source_type": "press",
        "reference": (
            "Reactie van De Moor op de oproep tot opschorting van de Tunesiëdeal (De Standaard, VRT-radio)"
        ),
        "url": "",
        "quote": "",
        "date": datetime.date(2023, 7, 29),
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-evaluatie-eu-voorzitterschap",
        "outcome": "oc-2024-eu-voorzitterschap-agenda",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, sub-thema pushbacks / Tunesiëdeal",
        "url": "",
        "quote": "",
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-interviews-gennez",
        "outcome": "oc-2024-gennez-libie",
        "source_type": "interview",
        "reference": "Interviews (tussentijdse evaluatie), verschillende geïnterviewden",
        "url": "",
        "quote": "",
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-evaluatie-vlaams-regeerakkoord",
        "outcome": "oc-2024-vlaams-regeerakkoord-arbeidsmigranten",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, sub-thema arbeidsmigratie",
        "url": "",
        "quote": (
            "In Het Vlaams regeerakkoord 2024 konden de evaluatoren onvoldoende bewijsmateriaal vinden dat "
            "11.11.11 een invloed heeft gehad op de aandacht voor de rechten van arbeidsmigranten."
        ),
        "date": None,
        "reliability": "low",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "key": "ev-evaluatie-klimaatfinanciering",
        "outcome": "oc-2024-klimaatfinanciering-247-miljoen",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, outcomes klimaatstrategie",
        "url": "",
        "quote": (
            "Uiteindelijk is het Belgische bedrag van klimaatfinanciering substantieel verhoogd, hoewel "
            "minder dan op voorhand gevraagd, nl. naar 247 miljoen."
        ),
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "ev-government-se-ncqg",
        "outcome": "oc-2024-cop29-ncqg",
        "source_type": "website",
        "reference": "Government Offices of Sweden: New climate finance goal adopted at COP29",
        "url": "https://www.government.se/articles/2024/12/new-climate-finance-goal-adopted-at-cop29/",
        "quote": "",
        "date": datetime.date(2024, 12, 1),
        "date_approximate": True,
        "reliability": "high",
        "source": "Evaluatierapport §4.1.2.1 (voetnoot 7)",
    },
    {
        "key": "ev-evaluatie-ncqg",
        "outcome": "oc-2024-cop29-ncqg",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, outcomes klimaatstrategie (COP29)",
        "url": "",
        "quote": "België heeft zich daar niet tegen verzet.",
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "ev-evaluatie-loss-and-damage",
        "outcome": "oc-loss-and-damage-opening",
        "source_type": "evaluation",
        "reference": "Evaluatierapport, outcomes klimaatstrategie",
        "url": "",
        "quote": (
            "Minister Demir was in het begin tegenstander van loss and damage, maar uiteindelijk heeft ze "
            "het niet geblokkeerd."
        ),
        "date": None,
        "reliability": "medium",
        "source": "Evaluatierapport §4.1.2.1",
    },
]

CONTRIBUTIONS = [
    # arbeidsmigratie
    {
        "outcome": "oc-2022-actualiteitsdebat-vlaams-parlement",
        "output": "o-2022-vub-studie",
        "narrative": (
            "De publicatie van de VUB-studie in de pers op 10 mei 2022 gaf onmiddellijk aanleiding tot het "
            "actualiteitendebat."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2022-actualiteitsdebat-vlaams-parlement",
        "activity": "a-2022-vub-studie-werkgroep",
        "narrative": "11.11.11 liet de studie uitvoeren samen met de Werkgroep Arbeidsmigratie.",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "output": "o-2022-vub-studie",
        "narrative": (
            "De IMC-beslissingen volgden in belangrijke mate de aanbevelingen van de studie, die expliciet "
            "in het besluit werd vermeld."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "activity": "a-2022-lobbytraject-imc",
        "narrative": (
            "Intensief lobbytraject in 2022 en 2023 naar partijen en politici in functie van de IMC."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "contact": "c-2023-kabinet-de-moor-imc",
        "narrative": "Overleg met het federale kabinet De Moor.",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "contact": "c-2023-kabinet-de-sutter-imc",
        "narrative": "Overleg met het federale kabinet De Sutter.",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "contact": "c-2023-kabinet-dermagne-imc",
        "narrative": "Overleg met het federale kabinet Dermagne.",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "contact": "c-2023-kabinet-brouns-imc",
        "narrative": "Lobby op het Vlaamse niveau bij het kabinet Brouns.",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-imc-arbeidsmigratie",
        "organisation": "werkgroep-arbeidsmigratie",
        "narrative": (
            "De leden van de Werkgroep Arbeidsmigratie (ACV, Fairwork België, Orbit vzw) gaven samen met "
            "11.11.11 de studie in opdracht."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2024-vlaams-regeerakkoord-arbeidsmigranten",
        "output": "o-2024-input-vlaams-regeerakkoord",
        "narrative": (
            "Aannemelijk, maar onvoldoende onderbouwd, dat de input aan de onderhandelaars tot opname van "
            "het thema leidde."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    # hervestiging
    {
        "outcome": "oc-2023-hervestigingsstructuur",
        "activity": "a-lobby-hervestiging",
        "narrative": (
            "Een autonome opvangstructuur voor hervestiging was reeds lang een vraag van 11.11.11; De Moor "
            "erkende dat ze daarmee gehoor gaf aan die vraag."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-hervestiging-migratiewetboek",
        "activity": "a-lobby-hervestiging",
        "narrative": (
            "De contributie van 11.11.11 aan het thema hervestiging werd door de beleidsvoerders "
            "uitdrukkelijk erkend."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2020-inputpapers-overgenomen",
        "output": "o-2020-inputpapers-regeerakkoord",
        "narrative": (
            "Zinnen uit de inputpapers werden overgenomen; de presentatie in het kabinet Mahdi droeg bij tot "
            "een plek in de beleidsnota."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    # remittances
    {
        "outcome": "oc-2023-o-remit",
        "contact": "c-2022-kabinet-kitir-remittances",
        "narrative": (
            "Lobby bij het kabinet van ontwikkelingssamenwerking voor de uitvoering van het engagement uit "
            "het regeerakkoord."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-o-remit",
        "contact": "c-2022-administratie-remittances",
        "narrative": (
            "Lobby bij DGD, IOM en Enabel; de administratie deed actief beroep op 11.11.11 voor informatie."
        ),
        "source": "Evaluatierapport §4.1.1.1; §4.1.1.2",
    },
    {
        "outcome": "oc-2023-o-remit",
        "output": "o-2022-remittances-input",
        "narrative": (
            "De nota van de administratie, die het kabinet aannam, was sterk gebaseerd op de cijfers en "
            "oplossingen van 11.11.11."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    # pushbacks
    {
        "outcome": "oc-2022-ontslag-leggeri",
        "output": "o-2022-parlementaire-vragen-frontex",
        "narrative": (
            "Drie door 11.11.11 geschreven parlementaire vragen zetten de regering onder druk om haar rol in "
            "de Frontex-bestuursorganen op te nemen."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2022-ontslag-leggeri",
        "output": "o-2022-resolutie-frontex",
        "narrative": "Resolutie op initiatief van 11.11.11, gevolgd door twee hoorzittingen.",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2022-ontslag-leggeri",
        "contact": "c-2022-kabinet-mahdi-frontex",
        "narrative": "Lobbyactiviteiten naar het kabinet Mahdi en verschillende vice-kabinetten.",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2022-ontslag-leggeri",
        "contact": "c-2022-hoorzitting-frontex",
        "narrative": (
            "In een hoorzitting moest de Belgische vertegenwoordiger in de Frontex-Raad van Bestuur "
            "verantwoording afleggen."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2022-de-moor-tegen-pushbacks",
        "output": "o-pushbackrapporten",
        "narrative": (
            "Er komt aantoonbaar politieke reactie op de pushbackrapporten, al is er geen rechtstreeks "
            "verband met de standpuntinname vastgesteld."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-brief-johansson",
        "contact": "c-2023-kabinet-de-moor-tunesie",
        "narrative": (
            "De brief kan in verband worden gebracht met de gesprekken van 11.11.11 met het kabinet De Moor."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-brief-johansson",
        "contact": "c-2023-kabinet-de-moor-tunesie-opvolging",
        "narrative": "En met de schriftelijke opvolgingsactiviteiten.",
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2023-brief-johansson",
        "output": "o-2023-oproep-opschorting-tunesiedeal",
        "narrative": (
            "De oproep via De Standaard en VRT-radio lokte een reactie van De Moor uit (29/07/2023)."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2024-eu-voorzitterschap-agenda",
        "output": "o-2023-petitie-tunesiedeal",
        "narrative": (
            "De petitie maakte deel uit van de druk op de Belgische regering rond de Tunesiëdeal die "
            "voorafging aan de agendering."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2024-eu-voorzitterschap-agenda",
        "contact": "c-2023-kabinet-de-moor-tunesie",
        "narrative": (
            "De gesprekken met het kabinet De Moor over de mensenrechten in het externe migratiebeleid."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "outcome": "oc-2024-gennez-libie",
        "contact": "c-2024-kabinet-gennez-libie",
        "narrative": (
            "Volgens verschillende geïnterviewden was het pleidooi het gevolg van lobbyactiviteiten van "
            "11.11.11 op het kabinet Gennez."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
    # klimaat
    {
        "outcome": "oc-2024-klimaatfinanciering-247-miljoen",
        "activity": "a-klimaatcoalitie-politieke-werkgroep",
        "narrative": (
            "11.11.11 zette, vaak namens de Klimaatcoalitie, fors in op een verhoging van de Belgische "
            "bijdrage."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "outcome": "oc-2024-klimaatfinanciering-247-miljoen",
        "output": "o-2024-thought-paper-cop29",
        "narrative": (
            "Het thought paper vroeg een verhoging van de Belgische bijdrage tot 500 miljoen per jaar."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "outcome": "oc-2024-klimaatfinanciering-247-miljoen",
        "organisation": "klimaatcoalitie",
        "narrative": (
            "De advocacy van 11.11.11 en haar coalitiepartners speelde mee naast Europese verplichtingen en "
            "internationale onderhandelingen."
        ),
        "source": "Evaluatierapport §6",
    },
    {
        "outcome": "oc-2024-cop29-ncqg",
        "contact": "c-2024-cop29-ontbijt",
        "narrative": (
            "Feedback op tekstvoorstellen aan de Belgische delegatie, die voor de EU vaak de eerste drafts "
            "uitwerkte."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "outcome": "oc-2024-cop29-ncqg",
        "activity": "a-2024-cop29",
        "narrative": (
            "Sterke aanwezigheid van 11.11.11/KC op COP29, waar rond het financieringsdossier veel ter "
            "plekke werd beslist."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "outcome": "oc-2024-cop29-ncqg",
        "organisation": "can",
        "narrative": (
            "Bijdrage aan de tussentijdse meetings over klimaatfinanciering via het Climate Action Network."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "outcome": "oc-loss-and-damage-opening",
        "activity": "a-klimaatcoalitie-politieke-werkgroep",
        "narrative": (
            "11.11.11 wilde via de Klimaatcoalitie de Belgische positie over loss and damage beïnvloeden, "
            "waar vooral het Vlaamse Gewest weerstand bood."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "outcome": "oc-loss-and-damage-opening",
        "contact": "c-kabinet-demir-klimaat",
        "narrative": (
            "Uitwisselingen met het kabinet Demir, al waren die minder talrijk en minder constructief."
        ),
        "source": "Evaluatierapport §4.1.2.1",
    },
]

OBSERVATIONS = [
    {
        "progress_marker": "pm-klimaat-01",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "medium",
        "narrative": (
            "Er waren uitwisselingen met het kabinet van Vlaams minister Demir, maar minder talrijk en "
            "volgens dat kabinet “minder constructief”; 11.11.11 koos bewust meer voor het federale niveau."
        ),
        "outcomes": [],
        "contacts": ["c-kabinet-demir-klimaat"],
        "source": "Evaluatierapport §4.1.2.1; §4.2",
    },
    {
        "progress_marker": "pm-klimaat-02",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "high",
        "narrative": "De Belgische bijdrage aan klimaatfinanciering steeg van 154 naar 247 miljoen per jaar.",
        "outcomes": ["oc-2024-klimaatfinanciering-247-miljoen"],
        "contacts": [],
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "progress_marker": "pm-klimaat-03",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "low",
        "narrative": (
            "De totale Belgische bijdrage ligt met 247 miljoen per jaar boven 150 miljoen, maar het rapport "
            "vermeldt geen nieuw akkoord tussen de Vlaamse, federale, Waalse en Brusselse ministers."
        ),
        "outcomes": ["oc-2024-klimaatfinanciering-247-miljoen"],
        "contacts": [],
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "progress_marker": "pm-klimaat-05",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "medium",
        "narrative": (
            "Met parlementairen (vooral Groen/Ecolo, Vooruit en in mindere mate PVDA) werden parlementaire "
            "vragen en resoluties over klimaatfinanciering uitgewerkt en ingediend, maar minder dan in "
            "aanloop naar COP26."
        ),
        "outcomes": [],
        "contacts": [],
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "progress_marker": "pm-klimaat-08",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "low",
        "narrative": (
            "Minister Demir was aanvankelijk tegenstander van loss and damage maar blokkeerde het "
            "uiteindelijk niet; de uitwisselingen met haar kabinet bleven beperkt."
        ),
        "outcomes": ["oc-loss-and-damage-opening"],
        "contacts": ["c-kabinet-demir-klimaat"],
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "progress_marker": "pm-klimaat-09",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "medium",
        "narrative": (
            "België sprak zich explicieter uit over de nood aan bijkomende klimaatfinanciering en, beperkt, "
            "over het fonds voor loss and damage; op COP29 verzette België zich niet tegen de nieuwe "
            "doelstelling."
        ),
        "outcomes": ["oc-2024-cop29-ncqg", "oc-loss-and-damage-opening"],
        "contacts": ["c-2023-cop28-delegatie", "c-2024-cop29-ontbijt"],
        "source": "Evaluatierapport §4.1.2.1; §6",
    },
    {
        "progress_marker": "pm-migratie-01",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "medium",
        "narrative": (
            "Het kabinet van de staatssecretaris erkende de vraag van 11.11.11 over hervestiging "
            "uitdrukkelijk bij de beslissing van 31 juli 2023; jaarlijkse gesprekken worden in het rapport "
            "niet afzonderlijk beschreven."
        ),
        "outcomes": ["oc-2023-hervestigingsstructuur"],
        "contacts": [],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "progress_marker": "pm-migratie-05",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "none",
        "narrative": (
            "Door het tekort aan opvangplaatsen werden de beloofde aantallen hervestigingen niet waargemaakt "
            "en kwam hervestiging quasi volledig tot stilstand."
        ),
        "outcomes": [],
        "contacts": [],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "progress_marker": "pm-migratie-07",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "medium",
        "narrative": (
            "Er werd een autonome opvangstructuur voor hervestiging opgericht (31/07/2023) en hervestiging "
            "lijkt opgenomen in het nieuwe migratiewetboek, waarvan de stemming hoogst onzeker is."
        ),
        "outcomes": ["oc-2023-hervestigingsstructuur", "oc-hervestiging-migratiewetboek"],
        "contacts": [],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "progress_marker": "pm-migratie-08",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "high",
        "narrative": (
            "Opeenvolgende bewindslieden (Mahdi, De Moor) stelden dat pushbacks niet geoorloofd zijn; de "
            "regering vroeg aandacht voor mensenrechten bij de Tunesiëdeal en agendeerde ze tijdens het "
            "EU-voorzitterschap."
        ),
        "outcomes": [
            "oc-2022-de-moor-tegen-pushbacks",
            "oc-2023-brief-johansson",
            "oc-2024-eu-voorzitterschap-agenda",
        ],
        "contacts": ["c-2023-kabinet-de-moor-tunesie"],
        "source": "Evaluatierapport §4.1.1.1",
    },
    {
        "progress_marker": "pm-migratie-09",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "rating": "high",
        "narrative": (
            "Drie door 11.11.11 geschreven parlementaire vragen en een resolutie over Frontex; in een "
            "hoorzitting moest de Belgische vertegenwoordiger in de Frontex-Raad van Bestuur de Belgische "
            "posities verantwoorden."
        ),
        "outcomes": ["oc-2022-ontslag-leggeri"],
        "contacts": ["c-2022-hoorzitting-frontex"],
        "source": "Evaluatierapport §4.1.1.1",
    },
]


# Contribution claims with their assessed evidence (docs/contribution.md works this one out).
CLAIMS = [
    {
        "key": "cl-hervestigingsstructuur",
        "outcome": "oc-2023-hervestigingsstructuur",
        "statement": (
            "De autonome opvangstructuur voor hervestiging werd mee beslist dankzij de pleitbezorging "
            "van 11.11.11 bij het kabinet van de staatssecretaris."
        ),
        "story": (
            "11.11.11 bepleitte al in het vorige programma een structurele aanpak van hervestiging en een "
            "jaarlijkse stijging van het aantal hervestigingen. Toen hervestiging door het tekort aan "
            "opvangplaatsen quasi stilviel, bleef 11.11.11 aandringen. Op 31 juli 2023 besliste "
            "staatssecretaris De Moor tot een autonome opvangstructuur en gaf ze zelf te kennen dat ze "
            "daarmee gehoor gaf aan de vraag van 11.11.11."
        ),
        "alternatives": (
            "De regering had zich al eerder tot meer hervestiging verbonden, en het stilvallen door het "
            "tekort aan opvangplaatsen vroeg hoe dan ook om een oplossing; ook andere pleitbezorgers kunnen "
            "erop aangedrongen hebben. Die verklaringen sluiten een bijdrage van 11.11.11 niet uit, maar "
            "verklaren niet waarom de staatssecretaris zelf naar de vraag van 11.11.11 verwees."
        ),
        "prior": "0.5",
        "evidence": [
            {
                "evidence": "ev-hervestiging-lange-vraag",
                "test_type": "hoop",
                "reasoning": (
                    "Als onze lobby meespeelde, moet 11.11.11 de structuur vooraf gevraagd hebben (bijna "
                    "zeker); maar 11.11.11 vraagt ook veel wat er zonder haar zou komen."
                ),
            },
            {
                "evidence": "ev-hervestiging-erkenning",
                "test_type": "straw",
                "reasoning": (
                    "Beleidsvoerders die de contributie erkennen wijst op invloed, maar zo'n erkenning "
                    "wordt ook uit beleefdheid gegeven."
                ),
            },
            {
                "evidence": "ev-interviews-hervestiging",
                "test_type": "smoking_gun",
                "reasoning": (
                    "Een staatssecretaris zegt zelden publiek dat ze aan de vraag van een organisatie "
                    "tegemoetkomt, ook als die invloed had; zonder echte invloed zou ze het nauwelijks "
                    "zeggen."
                ),
            },
        ],
        "source": "Evaluatierapport §4.1.1.1",
    },
]

# A dossier narrative, as a policy officer would write it from the generated first draft.
# `{kind:key}` becomes a reference to that demo record (`[@kind:id]`) when it is loaded.
NARRATIVES = [
    {
        "key": "n-2023-hervestiging",
        "dossier": "hervestiging",
        "period_start": datetime.date(2023, 1, 1),
        "period_end": datetime.date(2023, 12, 31),
        "title": "Hervestiging in 2023",
        "text": (
            "Hervestiging was door het tekort aan opvangplaatsen quasi volledig stilgevallen. "
            "11.11.11 bleef aandringen op een structurele aanpak ({activity:a-lobby-hervestiging}).\n\n"
            "Op 31 juli 2023 besliste staatssecretaris {person:nicole-de-moor} tot een autonome "
            "opvangstructuur voor hervestiging ({outcome:oc-2023-hervestigingsstructuur}). Ze gaf zelf "
            "te kennen dat ze daarmee gehoor gaf aan de vraag van 11.11.11: de evaluatoren zien dat "
            "als een zeer sterke indicatie van contributie (zie de bijdrageclaim bij de outcome)."
        ),
        "source": "Evaluatierapport §4.1.1.1",
    },
]

# Indicators of the yearly report to the funder. The report names the kinds of figure the
# monitoring workbook carries (§4.6: quantitative indicators, progress markers, outcomes,
# political contacts, outputs) and recommends keeping what DGD strictly needs at aggregated
# level; the computed ones count the records above with a list filter. Targets are the
# programme's own planning figures, not taken from the report, except the climate-finance
# target and figures (§4.1.2.1).
INDICATORS = [
    {
        "key": "OC4.1", "order": 1, "result_level": "outcome", "kind": "computed",
        "record_kind": "contact", "filter": {"level": "federal", "institution": "cabinet"},
        "title": "Politieke contacten met federale kabinetten",
        "title_fr": "Contacts politiques avec des cabinets fédéraux",
        "title_en": "Political contacts with federal cabinets",
        "unit": "contacten", "baseline_year": 2021, "baseline_value": 2,
        "targets": {2022: 3, 2023: 4, 2024: 4, 2025: 4, 2026: 4},
        "source": "Evaluatierapport §4.6",
    },
    {
        "key": "OC4.2", "order": 2, "result_level": "outcome", "kind": "computed",
        "record_kind": "contact", "filter": {"institution": "administration"},
        "title": "Contacten met administraties",
        "title_fr": "Contacts avec les administrations",
        "title_en": "Contacts with administrations",
        "unit": "contacten", "baseline_year": 2021, "baseline_value": 0,
        "targets": {2023: 1, 2024: 2, 2025: 2, 2026: 2},
        "source": "Evaluatierapport §4.6; aanbeveling 1",
    },
    {
        "key": "OC4.3", "order": 3, "result_level": "outcome", "kind": "computed",
        "record_kind": "outcome", "filter": {"type": "policy_content"},
        "title": "Outcomes in beleidsinhoud",
        "title_fr": "Changements dans le contenu des politiques",
        "title_en": "Outcomes in policy content",
        "unit": "outcomes", "baseline_year": 2021, "baseline_value": 1,
        "targets": {2022: 1, 2023: 2, 2024: 2, 2025: 2, 2026: 2},
        "source": "Evaluatierapport §4.6",
    },
    {
        "key": "OC4.4", "order": 4, "result_level": "outcome", "kind": "manual",
        "theme": "klimaat",
        "title": "Belgische publieke klimaatfinanciering per jaar (miljoen)",
        "title_fr": "Financement climatique public belge par an (millions)",
        "title_en": "Belgian public climate finance per year (million)",
        "unit": "miljoen", "baseline_year": 2021, "baseline_value": 154,
        "baseline_comment": "Jaarlijkse Belgische bijdrage voor de start van het programma.",
        "targets": {2023: 500, 2024: 500, 2025: 500, 2026: 500},
        "actuals": {2024: 247},
        "comment": {2024: "Substantieel verhoogd, minder dan de gevraagde 500 miljoen."},
        "source": "Evaluatierapport §4.1.2.1",
    },
    {
        "key": "OC4.5", "order": 5, "result_level": "outcome", "kind": "qualitative",
        "title": "Belgische beleidsmakers nemen internationale solidariteit mee in hun beleid",
        "title_fr": "Les décideurs belges intègrent la solidarité internationale dans leurs politiques",
        "title_en": "Belgian policy makers take international solidarity into account in their policies",
        "ratings": {
            2023: ("medium",
                   "Staatssecretaris De Moor besliste tot een autonome opvangstructuur voor "
                   "hervestiging en gaf aan daarmee gehoor te geven aan de vraag van 11.11.11.",
                   "La secrétaire d'État De Moor a décidé de créer une structure d'accueil autonome "
                   "pour la réinstallation, en réponse à la demande de 11.11.11.",
                   "State Secretary De Moor decided on a separate reception structure for "
                   "resettlement, answering the call of 11.11.11."),
            2024: ("medium",
                   "De Belgische klimaatfinanciering steeg naar 247 miljoen per jaar; België "
                   "blokkeerde loss and damage niet langer.",
                   "Le financement climatique belge est passé à 247 millions par an ; la "
                   "Belgique ne bloque plus les pertes et préjudices.",
                   "Belgian climate finance rose to 247 million a year; Belgium no longer "
                   "blocked loss and damage."),
        },
        "source": "Evaluatierapport §4.1; outcome 4 van de veranderingstheorie",
    },
    {
        "key": "OP1", "order": 10, "result_level": "output", "kind": "computed",
        "record_kind": "output", "filter": {"type": "input_paper"},
        "title": "Gepubliceerde inputpapers",
        "title_fr": "Notes d'input publiées",
        "title_en": "Input papers published",
        "unit": "inputpapers", "baseline_year": 2021, "baseline_value": 1,
        "targets": {2022: 2, 2023: 2, 2024: 2, 2025: 2, 2026: 2},
        "source": "Evaluatierapport §4.6",
    },
    {
        "key": "OP2", "order": 11, "result_level": "output", "kind": "computed",
        "record_kind": "output", "filter": {"type": "parliamentary_question"},
        "title": "Voorbereide parlementaire vragen",
        "title_fr": "Questions parlementaires préparées",
        "title_en": "Drafted parliamentary questions",
        "unit": "vragen", "baseline_year": 2021, "baseline_value": 0,
        "targets": {2022: 1, 2023: 1, 2024: 1, 2025: 1, 2026: 1},
        "source": "Evaluatierapport §4.6",
    },
]


# ---------------------------------------------------------------------------------------------
# The integrated approach (issue 10): services, partners, memberships, dossier plans, moments.
# ---------------------------------------------------------------------------------------------

# The service each staff login works in (§4.3 names the four services).
STAFF_SERVICES = {
    "policy-migration": "policy",
    "policy-climate": "policy",
    "communication": "communication",
    "movement": "movement",
}

# Member organisations and coalitions we take part in. The report names them as members or
# partners but gives no dates: the memberships are open at both ends.
MEMBERSHIPS = [
    {"organisation": "klimaatcoalitie", "kind": "coalition",
     "notes": "Rond klimaat krijgt de betrokkenheid van de leden vorm via de Klimaatcoalitie.",
     "source": "Evaluatierapport §4.5"},
    {"organisation": "werkgroep-arbeidsmigratie", "kind": "coalition",
     "notes": "Met ACV, Fairwork België en Orbit vzw.",
     "source": "Evaluatierapport §4.1.1.1"},
    {"organisation": "netwerk-solidaire-gemeenten", "kind": "coalition",
     "notes": "Initiatief van 11.11.11, Vluchtelingenwerk Vlaanderen, Caritas, Amnesty en "
              "Beweging.net.",
     "source": "Evaluatierapport §4.3"},
    {"organisation": "can", "kind": "coalition",
     "notes": "Via CAN (het Europese klimaatnetwerk) droeg 11.11.11 bij aan de COP.",
     "source": "Evaluatierapport §4.1.2.1"},
    {"organisation": "vluchtelingenwerk", "kind": "member",
     "notes": "Een van de leden die zeer betrokken zijn bij het thema migratie.",
     "source": "Evaluatierapport §4.5"},
    {"organisation": "amnesty", "kind": "member",
     "notes": "Een van de leden die zeer betrokken zijn bij het thema migratie.",
     "source": "Evaluatierapport §4.5"},
    {"organisation": "caritas", "kind": "member",
     "notes": "Een van de leden die zeer betrokken zijn bij het thema migratie.",
     "source": "Evaluatierapport §4.5"},
    {"organisation": "orbit", "kind": "member",
     "notes": "Lid van de Werkgroep Arbeidsmigratie; zeer betrokken bij migratie.",
     "source": "Evaluatierapport §4.1.1.1; §4.5"},
    {"organisation": "fairwork", "kind": "member",
     "notes": "Lid van de Werkgroep Arbeidsmigratie; zeer betrokken bij migratie.",
     "source": "Evaluatierapport §4.1.1.1; §4.5"},
]

# Loss and damage: "in combinatie met beleidsbeïnvloeding zijn er Kenyaanse activisten naar
# België gehaald, die deel hebben uitgemaakt van beleidsbeïnvloeding en gelinkt zijn aan de
# klimaatmars, die ook gekoppeld was aan de beweging. Dit alles is gemediatiseerd" (§4.3). The
# report dates none of it; like the outcome it led to, the records carry the programme's first year.
CONTACTS += [
    {
        "key": "c-keniaanse-activisten-beleidsmakers",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "channel": "meeting",
        "formal": True,
        "our_participants": ["policy-climate"],
        "persons": [],
        "organisations": [],
        "dossiers": ["loss-and-damage"],
        "summary": (
            "Keniaanse klimaatactivisten, door 11.11.11 naar België gehaald, spreken met Belgische "
            "beleidsmakers over de schade en verliezen door de klimaatcrisis (loss and damage)."
        ),
        "arguments": "Getuigenissen uit het Globale Zuiden: wie het minst bijdroeg, lijdt het meest.",
        "their_position": "",
        "follow_up": "",
        "confidentiality": "normal",
        "source": "Evaluatierapport §4.3",
    },
]

ACTIVITIES += [
    {
        "key": "a-keniaanse-activisten",
        "title": "Keniaanse klimaatactivisten naar België gehaald",
        "type": "event",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "end_date": None,
        "dossiers": ["loss-and-damage"],
        "organisations": [],
        "description": (
            "In combinatie met beleidsbeïnvloeding haalde 11.11.11 Keniaanse activisten naar België; zij "
            "namen deel aan de beleidsbeïnvloeding en aan de klimaatmars."
        ),
        "source": "Evaluatierapport §4.3",
    },
    {
        "key": "a-klimaatmars",
        "title": "Klimaatmars met de Klimaatcoalitie",
        "type": "campaign",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "end_date": None,
        "dossiers": ["loss-and-damage", "klimaatfinanciering"],
        "organisations": ["klimaatcoalitie"],
        "description": (
            "11.11.11 mobiliseert mee voor de jaarlijkse klimaatmars, vaak in het kader van de "
            "Klimaatcoalitie; de Keniaanse activisten waren eraan gelinkt."
        ),
        "source": "Evaluatierapport §4.1.2.1; §4.3",
    },
]

OUTPUTS += [
    {
        "key": "o-media-loss-and-damage",
        "title": "Mediawerk rond loss and damage en de Keniaanse activisten",
        "type": "press_release",
        "date": datetime.date(2022, 1, 1),
        "date_approximate": True,
        "dossiers": ["loss-and-damage"],
        "description": (
            "Persberichten en interviews rond het bezoek van de Keniaanse activisten en de klimaatmars, "
            "waardoor loss and damage bij de bredere bevolking bekend raakte."
        ),
        "source": "Evaluatierapport §4.3",
    },
]

CONTRIBUTIONS += [
    {
        "outcome": "oc-loss-and-damage-opening",
        "activity": "a-keniaanse-activisten",
        "narrative": (
            "Rond loss and damage werkten de diensten goed samen: de Keniaanse activisten namen deel "
            "aan de beleidsbeïnvloeding, de klimaatmars en het mediawerk."
        ),
        "source": "Evaluatierapport §4.3",
    },
    {
        "outcome": "oc-loss-and-damage-opening",
        "output": "o-media-loss-and-damage",
        "narrative": "Het mediawerk socialiseerde loss and damage bij de bredere bevolking.",
        "source": "Evaluatierapport §4.3",
    },
]

# The services (and partners) of each contact, activity and output; the source says where the
# report describes who did the work. Contacts by a policy officer are the policy service's.
_POLICY = {"services": ["policy"], "source": "§4.3 (lobbywerk door de beleidsdienst)"}
RECORD_SERVICES = {
    # migration contacts: lobby work of the policy service
    "c-2022-kabinet-mahdi-frontex": _POLICY,
    "c-2022-hoorzitting-frontex": _POLICY,
    "c-2022-kabinet-kitir-remittances": _POLICY,
    "c-2022-administratie-remittances": _POLICY,
    "c-2023-kabinet-de-moor-imc": _POLICY,
    "c-2023-kabinet-de-sutter-imc": _POLICY,
    "c-2023-kabinet-dermagne-imc": _POLICY,
    "c-2023-kabinet-brouns-imc": _POLICY,
    "c-2023-kabinet-asiel-na-campagne": _POLICY,
    "c-2023-kabinet-de-moor-tunesie": _POLICY,
    "c-2023-kabinet-de-moor-tunesie-opvolging": _POLICY,
    "c-2024-kabinet-gennez-libie": _POLICY,
    "c-kabinet-demir-klimaat": _POLICY,
    "c-2023-cop28-delegatie": {
        "services": ["policy"], "partners": ["klimaatcoalitie"],
        "source": "§4.2 (11.11.11/Klimaatcoalitie op COP28)"},
    "c-2024-cop29-ontbijt": _POLICY,
    "c-keniaanse-activisten-beleidsmakers": {
        "services": ["policy", "international"],
        "source": "§4.3 (activisten uit het Zuiden bij beleidsmakers)"},
    # activities
    "a-2022-vub-studie-werkgroep": {
        "services": ["policy"], "partners": ["werkgroep-arbeidsmigratie", "orbit", "fairwork"],
        "source": "§4.1.1.1 (samen met de Werkgroep Arbeidsmigratie)"},
    "a-2022-lobbytraject-imc": {
        "services": ["policy"], "partners": ["werkgroep-arbeidsmigratie"],
        "source": "§4.1.1.1"},
    "a-lobby-hervestiging": {
        "services": ["policy"], "partners": ["vluchtelingenwerk", "caritas"],
        "source": "§4.5 (dossiers in gemeenschappelijk overleg met de leden)"},
    "a-2023-campagne-mooi-gezegd": {
        "services": ["communication", "policy"],
        "source": "§4.3 (goede samenwerking beleid en communicatie bij de pushbackcampagne)"},
    "a-klimaatcoalitie-politieke-werkgroep": {
        "services": ["policy"], "partners": ["klimaatcoalitie"], "source": "§4.1.2.2; §4.5"},
    "a-stakeholderdialoog-bz": _POLICY,
    "a-najaarscampagne-klimaat": {
        "services": ["communication", "movement", "policy", "international"],
        "source": "§4.1.2.3 (alle diensten betrokken bij de najaarscampagne)"},
    "a-2023-cop28": {
        "services": ["policy", "international", "communication"],
        "source": "§4.3 (deelname van partners uit het Zuiden aan COPs; COP in de communicatie)"},
    "a-2024-cop29": {
        "services": ["policy", "international", "communication"],
        "source": "§4.3 (deelname van partners uit het Zuiden aan COPs; COP in de communicatie)"},
    "a-2024-post-cop-recap-senaat": {
        "services": ["policy"], "partners": ["klimaatcoalitie"], "source": "§4.1.2.1"},
    "a-keniaanse-activisten": {
        "services": ["international", "policy", "movement", "communication"],
        "source": "§4.3 (dienstoverschrijdend rond loss and damage)"},
    "a-klimaatmars": {
        "services": ["movement", "communication"], "partners": ["klimaatcoalitie"],
        "source": "§4.1.2.1; §4.3"},
    # outputs
    "o-2022-vub-studie": {
        "services": ["policy"], "partners": ["werkgroep-arbeidsmigratie", "orbit", "fairwork"],
        "source": "§4.1.1.1 (studie samen met de Werkgroep Arbeidsmigratie)"},
    "o-2022-aanbevelingen-imc": {
        "services": ["policy"], "partners": ["werkgroep-arbeidsmigratie"],
        "source": "§4.1.1.1 (lobbytraject samen met de Werkgroep Arbeidsmigratie)"},
    "o-2020-inputpapers-regeerakkoord": _POLICY,
    "o-2022-parlementaire-vragen-frontex": _POLICY,
    "o-2022-resolutie-frontex": _POLICY,
    "o-pushbackrapporten": {
        "services": ["policy", "communication"],
        "source": "§4.3 (grote coördinatie tussen beleids- en communicatiedienst)"},
    "o-2023-oproep-opschorting-tunesiedeal": {
        "services": ["policy", "communication"], "source": "§4.1.1.1; §4.3"},
    "o-2023-petitie-tunesiedeal": {
        "services": ["communication", "policy"],
        "source": "§4.1.1.1; §4.3 (de bewegingsdienst is minder betrokken bij migratie)"},
    "o-2022-remittances-input": _POLICY,
    "o-2024-input-vlaams-regeerakkoord": _POLICY,
    "o-2024-thought-paper-cop29": _POLICY,
    "o-parlementaire-vragen-klimaat": _POLICY,
    "o-2024-perscommunique-cop29": {
        "services": ["communication", "policy"], "source": "§4.1.2.1; §4.3"},
    "o-media-loss-and-damage": {
        "services": ["communication", "policy"], "source": "§4.3 (dit alles is gemediatiseerd)"},
}

# Dossier plans: the "start document" of recommendation 7 for two dossiers the report describes
# as worked on across services. Steps link the records above; `toc` names theory-of-change
# outcomes as (theme, number). The 2026 pushback plan is the current one for the steering page:
# its steps follow recommendation 6 and the Annex 1 markers and are made up for the demo
# (nothing is recorded for them yet, so the steering page flags them).
PLANS = [
    {
        "key": "plan-pushbacks-2023",
        "dossier": "pushbacks",
        "period_start": datetime.date(2023, 1, 1),
        "period_end": datetime.date(2023, 12, 31),
        "status": "closed",
        "problem_analysis": (
            "Aan de Europese buitengrenzen worden mensenrechten geschonden: pushbacks, en de EU sluit "
            "migratiedeals met Tunesië en Libië zonder mensenrechtengaranties. 11.11.11 is erkend expert "
            "op pushbackdata, maar beleidsmakers spreken zich pas uit onder publieke druk."
        ),
        "lobby_goals": (
            "De Belgische regering spreekt zich publiek uit tegen pushbacks en vraagt mensenrechten"
            "garanties in de EU-samenwerking met Tunesië; de staatssecretaris gaat hierover in gesprek."
        ),
        "toc": [("migratie", 1), ("migratie", 3)],
        "progress_markers": ["pm-migratie-08"],
        "objectives": {
            "policy": ("Lobby bij het kabinet asiel en migratie met de pushbackdata en over de "
                       "Tunesiëdeal.", "Gesprekken met het kabinet; een Belgisch standpunt op EU-niveau."),
            "communication": ("De pushbackrapporten en de campagne ‘Mooi gezegd, nooit gedaan’ breed "
                              "in de media en op sociale media.", "Media-aandacht die beleidsmakers "
                              "niet kunnen negeren."),
            "movement": ("Burgers laten tekenen tegen de Tunesiëdeal.", "Een petitie met breed draagvlak."),
        },
        "steps": [
            {"title": "Jaarlijks pushbackrapport uitbrengen", "responsible": "policy",
             "supporting": ["communication"], "status": "done", "due": datetime.date(2023, 4, 30),
             "outputs": ["o-pushbackrapporten"], "toc": [("migratie", 3)],
             "progress_markers": ["pm-migratie-08"]},
            {"title": "Campagne ‘Mooi gezegd, nooit gedaan’ (8-21 mei)", "responsible": "communication",
             "supporting": ["policy"], "status": "done", "due": datetime.date(2023, 5, 21),
             "activities": ["a-2023-campagne-mooi-gezegd"], "toc": [("migratie", 1)]},
            {"title": "Gesprek met het kabinet asiel en migratie na de campagne",
             "responsible": "policy", "supporting": ["communication"], "status": "done",
             "due": datetime.date(2023, 6, 30), "contacts": ["c-2023-kabinet-asiel-na-campagne"],
             "toc": [("migratie", 3)]},
            {"title": "Lobby bij het kabinet De Moor over de Tunesiëdeal", "responsible": "policy",
             "status": "done", "due": datetime.date(2023, 7, 31),
             "contacts": ["c-2023-kabinet-de-moor-tunesie", "c-2023-kabinet-de-moor-tunesie-opvolging"],
             "progress_markers": ["pm-migratie-08"]},
            {"title": "Publieke oproep tot opschorting van de Tunesiëdeal", "responsible": "communication",
             "supporting": ["policy"], "status": "done", "due": datetime.date(2023, 7, 31),
             "outputs": ["o-2023-oproep-opschorting-tunesiedeal"]},
            # The movement service was to carry the petition; the records show communication
            # and policy did (§4.3: the movement service is less involved in migration), so the
            # step is flagged.
            {"title": "Petitie tegen de Tunesiëdeal", "responsible": "movement",
             "supporting": ["communication"], "status": "done", "due": datetime.date(2023, 8, 31),
             "outputs": ["o-2023-petitie-tunesiedeal"], "toc": [("migratie", 1)]},
        ],
        "source": "Evaluatierapport §4.1.1.1; §4.3",
    },
    {
        "key": "plan-pushbacks-2026",
        "dossier": "pushbacks",
        "period_start": datetime.date(2026, 1, 1),
        "period_end": datetime.date(2026, 12, 31),
        "status": "agreed",
        "problem_analysis": (
            "Het EU-pact voor asiel en migratie wordt uitgevoerd; pushbacks en deals met derde landen "
            "gaan door. De pushbackrapporten trekken elk jaar aandacht, maar het publicatieritme hangt "
            "af van de beschikbare tijd."
        ),
        "lobby_goals": (
            "België pleit voor een onafhankelijk en effectief Europees monitoringmechanisme om "
            "pushbacks te onderzoeken."
        ),
        "toc": [("migratie", 3)],
        "progress_markers": ["pm-migratie-08", "pm-migratie-10"],
        "objectives": {
            "policy": ("Een vaste publicatieroutine voor het pushbackrapport en lobby voor een "
                       "monitoringmechanisme.", "Het standpunt in de beleidsnota asiel en migratie."),
            "communication": ("Het rapport en de reactie op parlementaire vragen snel in de media.",
                              "Aandacht in de Vlaamse en Franstalige pers."),
            "international": ("Cases en getuigenissen van partners aan de buitengrenzen aanreiken.",
                              "Twee cases voor het rapport."),
            "movement": ("Het Netwerk van Solidaire Gemeenten laat lokale besturen reageren.",
                         "Steunverklaringen van gemeenten."),
        },
        "steps": [
            {"title": "Cases van partners aan de buitengrenzen verzamelen",
             "responsible": "international", "supporting": ["policy"], "status": "done",
             "due": datetime.date(2026, 9, 30)},
            {"title": "Pushbackrapport 2026 schrijven en lanceren", "responsible": "policy",
             "supporting": ["communication", "international"], "status": "under_way",
             "due": datetime.date(2026, 12, 15), "progress_markers": ["pm-migratie-08"]},
            {"title": "Steunverklaringen van solidaire gemeenten", "responsible": "movement",
             "supporting": ["communication"], "status": "planned",
             "due": datetime.date(2026, 10, 31)},
            {"title": "Lobby bij de Kamercommissie Binnenlandse Zaken voor een monitoringmechanisme",
             "responsible": "policy", "status": "planned", "due": datetime.date(2026, 12, 18),
             "toc": [("migratie", 3)], "progress_markers": ["pm-migratie-10"]},
        ],
        "source": ("Evaluatierapport §5 (aanbeveling 6: jaarlijkse pushbackrapporten); Annex 1 §7.2 "
                   "(monitoringmechanisme); plan verzonnen voor de demo"),
    },
    {
        "key": "plan-loss-and-damage-2022",
        "dossier": "loss-and-damage",
        "period_start": datetime.date(2022, 1, 1),
        "period_end": datetime.date(2022, 12, 31),
        "status": "closed",
        "problem_analysis": (
            "De landen die het minst bijdroegen aan de klimaatcrisis lijden het meest onder de schade "
            "en verliezen ervan. Loss and damage staat hoog op de COP-agenda, maar de Vlaamse minister "
            "van Klimaat verzet zich en het thema is bij het brede publiek onbekend."
        ),
        "lobby_goals": (
            "België blokkeert een fonds voor loss and damage niet en draagt eraan bij; het thema wordt "
            "bekend bij de bredere bevolking."
        ),
        "toc": [("klimaat", 2), ("klimaat", 3)],
        "progress_markers": ["pm-klimaat-08"],
        "objectives": {
            "policy": ("Via de politieke werkgroep van de Klimaatcoalitie en bij de bevoegde kabinetten "
                       "pleiten voor loss and damage.", "Geen Belgische blokkering; een eerste bijdrage."),
            "communication": ("Loss and damage in de media brengen, met de stemmen van de Keniaanse "
                              "activisten.", "Media-aandacht rond het bezoek en de klimaatmars."),
            "movement": ("Mee mobiliseren voor de klimaatmars.", "Deelnemers aan de klimaatmars."),
            "international": ("Keniaanse activisten naar België halen.",
                              "Getuigenissen bij beleidsmakers en op de klimaatmars."),
        },
        "steps": [
            {"title": "Standpunt over loss and damage in de politieke werkgroep van de Klimaatcoalitie",
             "responsible": "policy", "status": "done",
             "activities": ["a-klimaatcoalitie-politieke-werkgroep"], "toc": [("klimaat", 3)]},
            {"title": "Keniaanse activisten naar België halen", "responsible": "international",
             "supporting": ["policy", "movement", "communication"], "status": "done",
             "activities": ["a-keniaanse-activisten"], "toc": [("klimaat", 2)]},
            {"title": "Gesprekken van de activisten met beleidsmakers", "responsible": "policy",
             "supporting": ["international"], "status": "done",
             "contacts": ["c-keniaanse-activisten-beleidsmakers"], "toc": [("klimaat", 3)],
             "progress_markers": ["pm-klimaat-08"]},
            {"title": "Overleg met het kabinet Demir", "responsible": "policy", "status": "done",
             "contacts": ["c-kabinet-demir-klimaat"], "progress_markers": ["pm-klimaat-08"]},
            {"title": "Mobiliseren voor de klimaatmars", "responsible": "movement",
             "supporting": ["communication"], "status": "done", "activities": ["a-klimaatmars"],
             "toc": [("klimaat", 2)]},
            {"title": "Mediawerk rond de activisten en de klimaatmars", "responsible": "communication",
             "supporting": ["policy"], "status": "done", "outputs": ["o-media-loss-and-damage"],
             "toc": [("klimaat", 2)]},
        ],
        "source": "Evaluatierapport §4.1.2.1; §4.3",
    },
]

# Political moments for the steering groups: past summits and campaign moments with their public
# dates, and a few ahead (fixed dates; the demo computes nothing from today's date).
MOMENTS = [
    {"title": "COP27 (Sharm el-Sheikh): akkoord over een fonds voor loss and damage",
     "kind": "summit", "level": "international", "date": datetime.date(2022, 11, 6),
     "end_date": datetime.date(2022, 11, 20), "dossiers": ["loss-and-damage", "klimaatfinanciering"],
     "source": "Evaluatierapport §4.1.2.1 (data van de COP: publiek bekend)"},
    {"title": "Campagne ‘Mooi gezegd, nooit gedaan’", "kind": "campaign", "level": "",
     "date": datetime.date(2023, 5, 8), "end_date": datetime.date(2023, 5, 21),
     "dossiers": ["pushbacks"], "source": "Evaluatierapport §4.3"},
    {"title": "COP28 (Dubai)", "kind": "summit", "level": "international",
     "date": datetime.date(2023, 11, 30), "end_date": datetime.date(2023, 12, 12),
     "dossiers": ["loss-and-damage", "klimaatfinanciering"],
     "source": "Evaluatierapport §4.2 (data van de COP: publiek bekend)"},
    {"title": "COP29 (Bakoe): nieuwe doelstelling voor klimaatfinanciering", "kind": "summit",
     "level": "international", "date": datetime.date(2024, 11, 11),
     "end_date": datetime.date(2024, 11, 22), "dossiers": ["klimaatfinanciering"],
     "source": "Evaluatierapport §4.1.2.1 (data van de COP: publiek bekend)"},
    {"title": "Kamer: bespreking van de beleidsnota asiel en migratie", "kind": "budget",
     "level": "federal", "date": datetime.date(2026, 12, 9), "end_date": None,
     "dossiers": ["pushbacks", "hervestiging", "arbeidsmigratie"],
     "source": "Evaluatierapport §4.1.1.1 (beleidsnota's; datum verzonnen voor de demo)"},
    {"title": "Internationale Dag van de Migrant", "kind": "campaign", "level": "",
     "date": datetime.date(2026, 12, 18), "end_date": None,
     "dossiers": ["pushbacks", "hervestiging"],
     "source": "Evaluatierapport §4.3 (campagnemoment; datum: VN-dag)"},
    {"title": "Plenaire stemming over de resolutie klimaatfinanciering", "kind": "plenary",
     "level": "federal", "date": datetime.date(2027, 1, 21), "end_date": None,
     "dossiers": ["klimaatfinanciering", "loss-and-damage"],
     "source": "Evaluatierapport §4.1.2.1 (resoluties; datum verzonnen voor de demo)"},
]


# Policy documents of the uptake corpus (hefboom uptake): the IMC decision of 7 July 2023 as
# §4.1.1.1 quotes it. The report says the decision explicitly mentions the study; that sentence
# is rebuilt here, the decision's other paragraphs are the report's own quotation.
POLICY_DOCUMENTS = [
    {
        "key": "pd-2023-imc-arbeidsmigratie",
        "title": "Beslissingen van de Interministeriële Conferentie van 7 juli 2023 over de bescherming "
                 "van arbeidsmigranten",
        "kind": "ministerial_decision",
        "institution": "Interministeriële Conferentie",
        "level": "federal",
        "date": datetime.date(2023, 7, 7),
        "url": "",
        "text": (
            "De Interministeriële Conferentie heeft kennis genomen van de studie van de VUB naar de "
            "uitbuiting van arbeidsmigranten, uitgevoerd in opdracht van 11.11.11, ACV, Fairwork België en "
            "Orbit vzw.\n\n"
            "De bescherming van arbeidsmigranten wordt verbeterd door hen beter te informeren over hun "
            "rechten. Duidelijke en toegankelijke informatie over arbeidsrechten wordt in meerdere talen "
            "beschikbaar gesteld op de websites van FOD Werk en de gewestelijke arbeidsadministraties, met "
            "als doel uiteindelijk één centrale website te creëren. Bij de afgifte of verlenging van een "
            "visum of gecombineerde vergunning ontvangen arbeidsmigranten een (digitale) brochure met "
            "relevante informatie.\n\n"
            "Slachtoffers van sociale inbreuken door werkgevers krijgen voortaan 180 dagen (in plaats van "
            "90) om een nieuwe baan te vinden, zodat zij minder terughoudend zijn om misstanden te melden. "
            "Daarnaast wordt wettelijk vastgelegd dat werkgevers de kosten (€138) van de procedure voor een "
            "gecombineerde vergunning moeten dragen.\n\n"
            "Om voldoende huisvesting te garanderen voor werknemers die via hun werkgever worden gehuisvest, "
            "wordt onderzocht hoe deze groep beter geïdentificeerd kan worden bij de vergunningsaanvraag en "
            "hoe de informatie-uitwisseling tussen de administratie wonen en de arbeidsinspecties verbeterd "
            "kan worden.\n\n"
            "Arbeidsmigranten krijgen de mogelijkheid om deel te nemen aan vrijwillige "
            "inburgeringstrajecten. Ook zetten de verschillende overheden zich in om de "
            "behandelingstermijnen voor gecombineerde vergunningen te verkorten en regelmatig te monitoren, "
            "zodat werknemers sneller effectief aan de slag kunnen."
        ),
        "source": "Evaluatierapport §4.1.1.1 (de beslissingen zoals het rapport ze citeert)",
    },
]
