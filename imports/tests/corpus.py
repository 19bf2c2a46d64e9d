# ruff: noqa: E501  (the texts keep the long lines real pages have)
"""Promise texts written for the tests in the styles municipalities publish in: bullets and
prose, news articles, several years on one page, noise from saved web pages. Every place
and person is invented (Exempelby, Testvik, Provsala …), with what a reader should get out.
"""

from dataclasses import dataclass, field


@dataclass
class Case:
    name: str
    text: str
    year: int
    activities: list[tuple[str, int | None]]
    signatories: list[str] = field(default_factory=list)
    follow_up: str | None = None
    fmt: str = "txt"


CASES = [
    Case(
        "bullets with digits",
        """Medborgarlöfte Exempelby 2023
Bakgrund
Invånarna oroar sig för buskörning med moped i centrum.
Aktiviteter
• 20 trafikkontroller med inriktning på mopeder.
• 3 trygghetsvandringar i Norra Exempelby.
• 2 medborgardialoger på torget.
Uppföljning
Löftet följs upp kvartalsvis.
2023-02-10
Karin Exempel
Lokalpolisområdeschef
Per Påhitt
Kommunstyrelsens ordförande
""",
        2023,
        [("traffic_control", 20), ("safety_walk", 3), ("citizen_dialogue", 2)],
        ["Karin Exempel", "Per Påhitt"],
        "quarterly",
    ),
    Case(
        "numbered list with number words",
        """Medborgarlöften i Testvik 2022
Problembild
Klagomål om nedskräpning och skadegörelse vid skolorna.
Insatser
1. Fyra trygghetsvandringar tillsammans med fastighetsägare.
2. Tolv nattvandringar med föreningar.
3. Två informationskampanjer mot nedskräpning.
Återrapportering
Återrapportering sker halvårsvis till kommunstyrelsen.
15 mars 2022
Lena Test, kommunpolis
Ove Prov, kommunstyrelsens ordförande
""",
        2022,
        [("safety_walk", 4), ("night_walk", 12), ("information_campaign", 2)],
        ["Lena Test", "Ove Prov"],
        "biannual",
    ),
    Case(
        "news article prose",
        """Nytt medborgarlöfte i Provsala 2024
Polisen och Provsala kommun har skrivit under årets medborgarlöfte.
Löftet
Polisen och kommunen lovar att arbeta för en tryggare trafikmiljö kring skolorna. Under året kommer 25 hastighetskontroller att genomföras vid skolorna. Dessutom ska sex skolbesök göras i årskurs 6.
Löftet följs upp varje månad i samverkansgruppen.
2024-01-20
Anna Provsson
Lokalpolisområdeschef
""",
        2024,
        [("traffic_control", 25), ("school_education", 6)],
        ["Anna Provsson"],
        "monthly",
    ),
    Case(
        "we promise with dashes",
        """Medborgarlöfte 2021 – Påhittköping
Vi lovar
- Minst 6 riktade trafikinsatser mot tung trafik genom centrum.
- Femton nykterhetskontroller vid infarterna.
- En enkät om trygghet i bostadsområdena.
Effekt
Färre olyckor och en tryggare trafik.
2021-04-01
Gun Exempelsson, lokalpolisområdeschef
""",
        2021,
        [("traffic_operation", 6), ("traffic_control", 15), ("survey", 1)],
        ["Gun Exempelsson"],
    ),
    Case(
        "actions with asterisks",
        """Medborgarlöfte för Exempelstrand 2020
Lägesbild
Oro för inbrott i villaområden under sommaren.
Åtgärder
* Tre informationsmöten om grannsamverkan.
* Två närvaropatrulleringar per vecka under juli är inte räknade här.
* Ett tiotal trygghetsvandringar.
Uppföljning
Uppföljning sker en gång per år.
1/6 2020
Rolf Strand
Kommunpolis
""",
        2020,
        [("meeting", 3), ("presence_patrol", 2), ("safety_walk", None)],
        ["Rolf Strand"],
        "yearly",
    ),
    Case(
        "en dash bullets and monthly follow-up",
        """Medborgarlöften i Sjöbyn 2019
Aktiviteter
– Åtta trafikkontroller med inriktning på alkohol och droger.
– Två medarbetardialoger om lägesbilden.
– En trygghetsvandring i hamnen.
Uppföljning
Löftet följs upp varje månad.
2019-05-05
Sara Sjö
Lokalpolisområdeschef
Nils Bygd
Kommunstyrelsens ordförande
""",
        2019,
        [("traffic_control", 8), ("employee_dialogue", 2), ("safety_walk", 1)],
        ["Sara Sjö", "Nils Bygd"],
        "monthly",
    ),
    Case(
        "saved page with noise",
        """Hoppa till huvudinnehåll
Meny
Sök
Vi använder kakor (cookies) för att webbplatsen ska fungera.
Medborgarlöfte Ekdala 2024
Bakgrund
Ekdala har under året haft problem med ordningsstörningar i centrum.
Aktiviteter
• 10 närvaropatrulleringar i centrum på helgkvällar.
• 2 medborgardialoger.
Dela
Skriv ut
2024-03-03
Mona Ek
Lokalpolisområdeschef
Till toppen
""",
        2024,
        [("presence_patrol", 10), ("citizen_dialogue", 2)],
        ["Mona Ek"],
    ),
    Case(
        "two years on one page",
        """Medborgarlöfte Lövby 2022
Aktiviteter
• Fem trafikkontroller.
• Två trygghetsvandringar.
2022-02-02
Eva Löv
Lokalpolisområdeschef
Medborgarlöfte Lövby 2021
Aktiviteter
• Tre trafikkontroller.
2021-02-02
Eva Löv
Lokalpolisområdeschef
""",
        2022,
        [("traffic_control", 5), ("safety_walk", 2)],
        ["Eva Löv"],
    ),
    Case(
        "dates with slash and prose promise",
        """Medborgarlöfte Backe 2023
Medborgarlöftet
Kommunen och polisen lovar att under året genomföra 4 trygghetsvandringar och 2 medborgardialoger i Backe.
3/5 2023
Ulf Backe
Kommunpolis
""",
        2023,
        [("safety_walk", 4), ("citizen_dialogue", 2)],
        ["Ulf Backe"],
    ),
    Case(
        "school and youth",
        """Medborgarlöfte Skolby 2024
Aktiviteter
• Sju skolbesök i årskurs 8 om droger och grupptryck.
• En kunskapsdag för alla elever i årskurs 5.
• 30 timmar närvaropatrullering vid fritidsgården räknas inte som tillfällen.
Uppföljning
Uppföljning kvartalsvis.
2024-01-09
Bo Skol
Lokalpolisområdeschef
""",
        2024,
        [("school_education", 7), ("school_education", 1), ("presence_patrol", 30)],
        ["Bo Skol"],
        "quarterly",
    ),
    Case(
        "neighbourhood watch and meetings",
        """Medborgarlöfte Grannlunda 2023
Insatser
• Tre nya grannsamverkansområden startas.
• Fyra samverkansmöten med bostadsbolagen.
2023-03-15
Lisa Granne
Lokalpolisområdeschef
""",
        2023,
        [("neighbourhood_watch", 3), ("meeting", 4)],
        ["Lisa Granne"],
    ),
    Case(
        "heavy traffic and speed",
        """Medborgarlöfte Vägby 2022
Åtgärder
• 12 hastighetskontroller på genomfartsleden.
• 2 riktade trafikinsatser mot tung trafik.
• En informationskampanj om hastighet vid skolorna.
2022-06-01
Kjell Väg
Lokalpolisområdeschef
""",
        2022,
        [("traffic_control", 12), ("traffic_operation", 2), ("information_campaign", 1)],
        ["Kjell Väg"],
    ),
    Case(
        "plural without count",
        """Medborgarlöfte Oklarby 2021
Aktiviteter
• Trafikkontroller vid skolorna under hösten.
• Två trygghetsvandringar.
2021-09-01
Ann Oklar
Kommunpolis
""",
        2021,
        [("traffic_control", None), ("safety_walk", 2)],
        ["Ann Oklar"],
    ),
    Case(
        "signatures with comma and role",
        """Medborgarlöfte Kommaby 2020
Aktiviteter
• Sex trafikkontroller.
2020-02-20
Maja Komma, lokalpolisområdeschef
Olle Punkt, kommunstyrelsens ordförande
""",
        2020,
        [("traffic_control", 6)],
        ["Maja Komma", "Olle Punkt"],
    ),
    Case(
        "word document",
        """Medborgarlöfte Dokumentby 2024
Bakgrund
Oro för mopeder i centrum.
Aktiviteter
• Tio trafikkontroller med inriktning på mopeder.
• Två trygghetsvandringar.
Uppföljning
Följs upp kvartalsvis.
2024-02-14
Greta Dok
Lokalpolisområdeschef
""",
        2024,
        [("traffic_control", 10), ("safety_walk", 2)],
        ["Greta Dok"],
        "quarterly",
        fmt="docx",
    ),
    Case(
        "pdf document",
        """Medborgarlöfte Pdfby 2023
Aktiviteter
• Nio trafikkontroller.
• Tre medborgardialoger.
• En enkät till invånarna.
2023-04-04
Hans Pdf
Lokalpolisområdeschef
""",
        2023,
        [("traffic_control", 9), ("citizen_dialogue", 3), ("survey", 1)],
        ["Hans Pdf"],
        fmt="pdf",
    ),
    Case(
        "html with list and headings",
        """<!DOCTYPE html><html><body>
<nav><ul><li>Start</li><li>Om oss</li></ul></nav>
<h1>Medborgarlöfte Webbyn 2022</h1>
<h2>Aktiviteter</h2>
<ul><li>Elva trafikkontroller vid skolorna.</li><li>Fyra trygghetsvandringar.</li></ul>
<p>2022-03-01</p><p>Tove Webb</p><p>Lokalpolisområdeschef</p>
<footer><p>Kontakta oss</p></footer></body></html>""",
        2022,
        [("traffic_control", 11), ("safety_walk", 4)],
        ["Tove Webb"],
        fmt="html",
    ),
    Case(
        "tjugo and trettio",
        """Medborgarlöfte Storby 2023
Aktiviteter
• Tjugo trafikkontroller.
• Trettio närvaropatrulleringar i centrum.
2023-01-31
Stina Stor
Lokalpolisområdeschef
""",
        2023,
        [("traffic_control", 20), ("presence_patrol", 30)],
        ["Stina Stor"],
    ),
    Case(
        "employee dialogue and survey",
        """Medborgarlöfte Medby 2021
Aktiviteter
• Två medarbetardialoger.
• En trygghetsmätning under hösten.
• Tre medborgardialoger.
2021-03-03
Erik Med
Lokalpolisområdeschef
""",
        2021,
        [("employee_dialogue", 2), ("survey", 1), ("citizen_dialogue", 3)],
        ["Erik Med"],
    ),
    Case(
        "background mentions but no invention",
        """Medborgarlöfte Bakgrundsby 2024
Bakgrund
Vid tre medborgardialoger och fem trygghetsvandringar förra året framkom oro för belysningen.
Aktiviteter
• Två trygghetsvandringar med fokus på belysning.
2024-02-01
Ida Bak
Lokalpolisområdeschef
""",
        2024,
        [("safety_walk", 2)],
        ["Ida Bak"],
    ),
    Case(
        "long-form promise sentences",
        """Medborgarlöfte Meningsby 2022
Löften
Polisen lovar att genomföra 40 trafikkontroller under året med fokus på hastighet och beteende. Kommunen lovar att genomföra två trygghetsvandringar tillsammans med polisen.
2022-02-22
Jan Mening
Lokalpolisområdeschef
Lise Sats
Kommunstyrelsens ordförande
""",
        2022,
        [("traffic_control", 40), ("safety_walk", 2)],
        ["Jan Mening", "Lise Sats"],
    ),
]
