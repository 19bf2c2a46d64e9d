"""The parser reads the shapes real texts take by word families and grammar: compounds and
compounds sharing a last part, promise bullets without a kind's noun, background and method
sentences beside promises, rates in other words, one activity told twice, signatories linked
by a verb, and years from date spans and start dates. Each rule is tried on wordings of our
own, more than one for each, so that no rule fits a single phrase."""

import pytest

from imports.reading import find_signatories, parse_activities, parse_text
from imports.reading.promising import not_promised
from imports.reading.vocabulary import FOLLOW_UP, PROMISE
from imports.reading.years import find_years


def _activities(text: str) -> list[tuple[str, int | None]]:
    document = parse_text(text)["documents"][0]
    return [(a["kind"], a["target"]) for a in document["activities"]]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Polisen gör förarkontroller vid infarterna.", "traffic_control"),
        ("Polisen genomför fordonskontroller på riksvägen.", "traffic_control"),
        ("Kommunen ordnar en ungdomsdialog på fritidsgården.", "citizen_dialogue"),
        ("Polisen håller poliskontoret öppet på tisdagar.", "presence_patrol"),
        ("Polisen bedriver trafikövervakning vid skolan.", "traffic_operation"),
        ("Polisen gör skol- och fritidsgårdsbesök under våren.", "school_education"),
        ("Polisen gör skol- och ungdomsgårdsbesök.", "school_education"),
        ("Vi bjuder in till dialog- och informationsmöten i mars.", "citizen_dialogue"),
        ("Polisen ska prioritera närvaro i hamnen.", "presence_patrol"),
        ("Polisen arbetar mot narkotikaförsäljningen vid torget.", "drug_operation"),
        ("Skolan och polisen ska tidigt upptäcka barn som far illa.", "early_intervention"),
        ("Kommunen ska mäta och kartlägga farten på Storgatan.", "speed_measurement"),
        ("Föräldrainformation om droger vid skolstarten.", "information_campaign"),
        (
            "Vi arbetar förebyggande genom informationsspridning i sociala medier.",
            "information_campaign",
        ),
        ("Kommunen ger trafikinformation till eleverna i årskurs fem.", "school_education"),
        (
            "Polisen ska göra kontroller i syfte att minska mopedtrafiken i centrum.",
            "traffic_control",
        ),
    ],
)
def test_a_kind_is_read_from_its_word_family(sentence: str, kind: str) -> None:
    found = parse_activities(sentence)
    assert [a.kind for a in found][:1] == [kind], found


def test_a_topic_word_describing_the_situation_names_no_activity() -> None:
    assert parse_activities("Narkotikan bland unga oroar många föräldrar.") == []
    assert parse_activities("Polisens närvaro upplevs som låg i byarna.") == []


def test_modal_bullets_without_a_kind_are_activities_of_kind_other() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "• Kommunen och polisen ska verka för en tryggare busstation.\n"
        "• Polisen kommer att ta fram en plan mot stölder i förråd.\n"
        "• Vi lovar att stödja föreningslivet i trygghetsfrågor.\n"
    )
    assert _activities(text) == [("other", None)] * 3


def test_items_after_a_purpose_lead_and_method_sentences_are_no_activities() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Medborgarlöften ska:\n"
        "• vara konkreta\n"
        "• öka tryggheten och minska brottsligheten\n"
        "Löftet baseras på medborgardialoger och en enkät.\n"
        "Så här gör vi:\n"
        "• Polisen genomför tio trafikkontroller.\n"
        "Vi följer upp arbetet genom trygghetsmätningar.\n"
    )
    assert _activities(text) == [("traffic_control", 10)]


def test_an_example_and_a_renaming_sentence_are_the_same_activity() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "• Polisen för dialog med elevråden, till exempel trygghetsvandringar på skolgården.\n"
        "Polisen bjuder in till öppna möten i byarna. Det blir en form av medborgardialoger.\n"
    )
    kinds = [kind for kind, _target in _activities(text)]
    assert kinds == ["citizen_dialogue", "citizen_dialogue"]


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Varje helgfri onsdag har polisen en patrull vid torget.", 52),
        ("Kommunen genomför den årliga trygghetsvandringen.", 1),
        ("Kommunen erbjuder minst ett tillfälle för en ungdomsdialog.", 1),
    ],
)
def test_rates_and_counts_in_other_words(sentence: str, target: int) -> None:
    assert [a.target for a in parse_activities(sentence)][:1] == [target]


@pytest.mark.parametrize(
    "lines",
    [
        ["Kommunalråd Eva Prov (C) undertecknar löftet tillsammans med polischef Bo Test."],
        ["I dag skrev kommunchef Eva Prov och polischef Bo Test på ett medborgarlöfte."],
        ["Lokalpolisområdeschef Bo Test och Eva Prov, regiondirektör signerar medborgarlöftet."],
    ],
)
def test_signatories_linked_by_a_verb(lines: list[str]) -> None:
    names = {person["name"] for person in find_signatories(lines, PROMISE)}
    assert names == {"Eva Prov", "Bo Test"}


def test_one_quoted_and_named_as_a_contact_did_not_sign() -> None:
    lines = [
        "– Vi är nöjda med året, säger kommissarie Nils Prov.",
        "Kommissarie Nils Prov",
        "Kommunpolis, Lokalpolisområde Provbyn",
    ]
    assert find_signatories(lines, PROMISE) == []


@pytest.mark.parametrize(
    ("lines", "year"),
    [
        (["Löftet gäller 2019-07-01—2021-06-30 i hela kommunen."], 2019),
        (["Med början den 3 oktober 2017 patrullerar polisen varje tisdag."], 2017),
        (
            [
                "Under 2020 genomförde kommunen en trygghetsundersökning.",
                "Medborgarlöftet 2021 innehåller tre insatser.",
            ],
            2021,
        ),
    ],
)
def test_the_year_from_date_spans_start_dates_and_not_from_background(
    lines: list[str], year: int
) -> None:
    assert find_years("", lines, PROMISE, None)[0] == year


def test_items_opened_by_dots_and_att_in_a_list_of_promises() -> None:
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Löftet innehåller:\n"
        "... att eftersträva fler vuxna ute på helgerna\n"
        "… att hålla ordning vid badplatsen\n"
    )
    assert _activities(text) == [("other", None), ("other", None)]


def test_a_topic_word_within_another_activity_is_not_one_of_its_own() -> None:
    found = parse_activities(
        "Polisen håller informationskampanjer på skolan inom ramen för ANDT-arbetet "
        "(alkohol, narkotika, doping och tobak)."
    )
    assert [a.kind for a in found] == ["information_campaign"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kommunen och polisen genomför minst två förstärkta insatser under våren "
            "bestående av nattvandringar och polisiär närvaro.",
            [("other", 2, True)],
        ),
        (
            "Polisen gör tre gemensamma åtgärder vid Exempelby torg, till exempel "
            "trygghetsvandringar och trafikkontroller.",
            [("other", 3, False)],
        ),
        ("Polisen gör insatser bestående av trafikkontroller.", [("traffic_control", None, False)]),
    ],
)
def test_a_count_belongs_to_the_noun_it_stands_before_not_to_its_examples(
    sentence: str, expected: list[tuple[str, int | None, bool]]
) -> None:
    found = parse_activities(sentence)
    assert [(a.kind, a.target, a.minimum) for a in found] == expected


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Polisen ska ha polisiär närvaro vid stationen i Testvik.", "presence_patrol"),
        ("Polisen ska öka sin polisiära närvaro i Provsala centrum.", "presence_patrol"),
        ("Fältgruppen har samtal med ungdomar och deras vårdnadshavare.", "early_intervention"),
        ("Skolan bjuder in till samtal med föräldrar till unga i riskzon.", "early_intervention"),
        ("Båtsamverkan startas i Testviks hamn.", "neighbourhood_watch"),
        ("Besök på skolor och fritidsgårdar i Provsala.", "school_education"),
        ("Polisen gör besök i alla klasser i årskurs 7.", "school_education"),
        ("Polisen stödjer företagssamverkan i handelsområdet.", "neighbourhood_watch"),
    ],
)
def test_kinds_named_by_words_outside_the_old_vocabulary(sentence: str, kind: str) -> None:
    assert [a.kind for a in parse_activities(sentence)][:1] == [kind]


@pytest.mark.parametrize(
    ("lines", "year"),
    [
        (
            ["Dialogerna genomfördes under 2016.", "Mot slutet av 2017 ska arbetet utvärderas."],
            2017,
        ),
        (
            ["Enkäten gjordes under 2020.", "I början av 2021 ska polisen starta nattvandringar."],
            2021,
        ),
    ],
)
def test_a_part_of_a_year_still_to_come_is_the_promise_year(lines: list[str], year: int) -> None:
    assert find_years("", lines, PROMISE, None)[0] == year


def test_a_part_of_a_past_year_is_background() -> None:
    assert find_years("", ["I slutet av 2019 gjorde vi en enkät."], PROMISE, None)[0] is None


@pytest.mark.parametrize("word", ["Medborgarlöftena", "Löftet", "Överenskommelsen"])
def test_a_year_the_promise_is_for_outweighs_one_things_were_seen_in(word: str) -> None:
    lines = [
        "I Exempelby har polisen under 2021 sett fler inbrott i villaområdena.",
        f"{word} för 2022 innebär att polisen ska genomföra 10 trafikkontroller.",
    ]
    assert find_years("", lines, PROMISE, None)[0] == 2022


@pytest.mark.parametrize(
    "text",
    [
        "Nu börjar det nya medborgarlöftet att gälla i Testvik\n\n"
        "Under våren besökte polisen och Testviks kommun tre bostadsområden och genomförde "
        "medborgardialoger. Under hösten gjorde kommunen en trygghetsundersökning.\n\n"
        "Tillsammans kommer man att prioritera arbetet mot narkotikaförsäljning vid "
        "stationen.\n",
        "Nytt medborgarlöfte för Provsala\n\n"
        "Polisen höll fyra medborgardialoger i byarna. Kommunen genomförde en enkät bland "
        "de boende.\n\nUnder året ska polisen göra trafikkontroller vid skolorna.\n",
    ],
)
def test_a_news_item_on_a_new_promise_that_tells_its_background_is_a_promise(
    text: str,
) -> None:
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == PROMISE
    assert len(document["activities"]) == 1


def test_a_report_that_ends_in_a_new_promise_is_still_a_report() -> None:
    text = (
        "Exempelby: dialogerna gav ett nytt löfte\n\n"
        "Polisen har hållit sex medborgardialoger och tre trygghetsvandringar under året. "
        "Kommunen har dessutom gjort 20 tillsyner på krogarna.\n\n"
        "Synpunkterna från dialogerna tas med när nästa löfte skrivs.\n"
    )
    assert parse_text(text)["documents"][0]["document_type"] == "follow_up"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nya medborgarlöften i Testvik 2024\n\n"
            "Testviks kommun tillsammans med polisen ska aktivt arbeta för att främja "
            "mopedåkande ungdomars möjlighet att köra på en egen bana.\n",
            [("other", None)],
        ),
        (
            "Medborgarlöfte för Provsala 2023\n\n"
            "I år kommer polisen och kommunen att stärka tryggheten för äldre i "
            "Provsala centrum.\n",
            [("other", None)],
        ),
        (
            "Medborgarlöftet i Exempelby 2022\n\n"
            "Bland åtgärderna finns trafikkontroller vid skolan och nattvandring på "
            "helgerna, samt röjning av buskage vid stationen.\n",
            [("traffic_control", None), ("night_walk", None), ("physical_measure", None)],
        ),
        (
            "Medborgarlöfte Påhittsköping 2021\n\n"
            "Bland löftena märks även insatser för att öka tryggheten i Norrbyn.\n",
            [("other", None)],
        ),
        (
            "Medborgarlöfte Testvik 2020\n\n"
            "Årets medborgarlöfte har fokus på ökad tillgänglighet samt att jobba "
            "förebyggande mot buskörning.\n",
            [("presence_patrol", None), ("traffic_operation", None)],
        ),
        (
            "Medborgarlöfte Provsala 2021\n\n"
            "Löftet lägger fokus på polisens närvaro i byarna, trygghetsvandringar i "
            "centrum och att motverka fortkörning.\n",
            [("presence_patrol", None), ("safety_walk", None), ("traffic_operation", None)],
        ),
    ],
)
def test_promises_told_in_running_text(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert _activities(text) == expected


def test_the_running_text_around_a_list_of_promises_is_its_frame() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Kommunen och polisen lovar att arbeta för att motverka skadegörelse i Exempelby.\n\n"
        "Detta ska göras genom att:\n"
        "• Polisen genomför trafikkontroller vid skolan.\n"
        "• Kommunen röjer buskage vid stationen.\n"
    )
    assert [kind for kind, _target in _activities(text)] == ["traffic_control", "physical_measure"]


@pytest.mark.parametrize(
    "text",
    [
        "Medborgarlöfte för Testviks kommun 2024\n\n"
        "Årets medborgarlöfte har fokus på ökad tillgänglighet i byarna.\n",
        "Testviks kommun och polisen, 2023\n\n"
        "Dagens löfte handlar om att polisen ska genomföra trafikkontroller vid skolan.\n",
    ],
)
def test_a_word_of_time_in_the_genitive_is_no_municipality(text: str) -> None:
    assert parse_text(text)["documents"][0]["municipalities"] == ["Testvik"]


@pytest.mark.parametrize(
    "text",
    [
        "Nytt medborgarlöfte i Exempelby 2024\n\n"
        "Polisen och kommunen ska arbeta för en tryggare trafikmiljö. Under året görs "
        "tolv trafikkontroller vid skolorna.\n",
        "Medborgarlöfte Provsala 2022\n\n"
        "Kommunen kommer att verka för ett tryggare centrum genom att anordna fyra "
        "trygghetsvandringar. Polisen gör också skolbesök i årskurs 7.\n",
    ],
)
def test_a_sentence_that_frames_the_activities_of_its_paragraph_is_none(text: str) -> None:
    assert "other" not in [kind for kind, _target in _activities(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Med den som grund och med synpunkter från medborgardialoger har löftena arbetats fram.",
        "Med detta som underlag har polisen och kommunen arbetat fram nya medborgarlöften.",
        "Det som kom fram i dialogerna har fogats samman med polisens statistik.",
        "Synpunkterna från trygghetsvandringarna vägdes samman med lägesbilden.",
    ],
)
def test_how_a_promise_was_worked_out_is_its_background(sentence: str) -> None:
    assert not_promised(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Kommunen ska sätta upp övervakningskameror vid busstationen.", "physical_measure"),
        ("Polisen ska införa kameraövervakning på torget.", "physical_measure"),
        ("Polisen gör kontroller mot mopeder vid fritidsgården.", "traffic_control"),
        ("Polisen gör riktade insatser mot EPA-traktorer i centrum.", "traffic_operation"),
        ("Polisen gör insatser mot buskörning på sommarkvällarna.", "traffic_operation"),
        ("Kommunen gör kontroller av serveringsställen på helgerna.", "licence_inspection"),
        ("Vi gör kontroller av tobaksförsäljningsställen i centrum.", "licence_inspection"),
        ("Kommunen håller en temadag om trafik för årskurs 8.", "school_education"),
        ("Kommunen gör mätningar med hastighetsskylten på Storgatan.", "speed_measurement"),
        ("Vi gör mätningar av farten vid skolan.", "speed_measurement"),
    ],
)
def test_kinds_read_from_the_wordings_promises_use(sentence: str, kind: str) -> None:
    found = parse_activities(sentence)
    assert [a.kind for a in found][:1] == [kind], found


def test_running_text_telling_what_is_or_was_promises_nothing() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Under året har genomförda trygghetsvandringar visat att belysningen brister.\n"
        "Dialogmöten var ett viktigt verktyg när löftet togs fram.\n"
        "Av trygghetsenkäten framkommer att många undviker parken.\n"
        "Polisen kommer att genomföra fyra trygghetsvandringar i parken.\n"
    )
    assert _activities(text) == [("safety_walk", 4)]


def test_a_digit_restating_a_number_word_is_the_same_count() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "• Polis och kommun ska finnas på plats minst två (2) ”riskkvällar” per år.\n"
        "• Genomföra minst fyra (4) trafikkontroller vid skolorna.\n"
    )
    assert _activities(text) == [("presence_patrol", 2), ("traffic_control", 4)]


def test_an_action_no_kind_names_keeps_the_occasions_it_promises() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Polisen lovar att:\n"
        "• Vid 10 tillfällen per år göra insatser mot den lokala problembilden.\n"
        "• vid minst tre tillfällen bjuda in föreningarna i byn.\n"
    )
    assert _activities(text) == [("other", 10), ("other", 3)]


def test_a_list_of_examples_or_of_choices_is_one_activity() -> None:
    assert [
        a.kind
        for a in parse_activities(
            "Kommunen ska ha dialog med de boende, till exempel medborgardialoger, tematräffar "
            "eller trygghetsvandringar."
        )
    ] == ["citizen_dialogue"]
    assert [
        (a.kind, a.target)
        for a in parse_activities(
            "Vid 5 tillfällen per vecka göra någon av följande: trafikkontroll, skolbesök eller "
            "fotpatrull."
        )
    ] == [("traffic_control", 260)]


def test_different_measures_of_one_kind_listed_are_each_an_activity() -> None:
    found = parse_activities(
        "Kommunen ska arbeta med belysning, nedskräpning samt situationell brottsprevention."
    )
    assert [a.kind for a in found] == ["physical_measure"] * 3


def test_every_clause_of_a_list_of_promises_is_an_activity_and_topics_are_not() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Polis och kommun kommer att göra följande:\n"
        "• Lokalpolisen i Provbyn och Provbyns kommun ska bjuda in föreningarna i byn.\n"
        "• Polisen och kommunen kommer gemensamt stödja föräldrarna i byn.\n"
        "• Skapa en mötesplats för unga i Provbyn.\n"
        "Vi arbetar med följande:\n"
        "• Digitala kanaler och sociala medier\n"
        "• Bruk av alkohol i kommunen\n"
    )
    assert _activities(text) == [("other", None)] * 3


def test_residents_and_passive_items_and_what_residents_may_do_are_no_activities() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Polisen lovar att:\n"
        "• Genomföra minst 3 medborgarmöten per år.\n"
        "• Ska genomföras på olika platser i kommunen.\n"
        "• Gäller i samverkan med föreningarna.\n"
        "• Medborgarna ska kunna lämna synpunkter på arbetet.\n"
        "Invånarna kommer att kunna följa arbetet i:\n"
        "• Medborgardialog\n"
    )
    assert _activities(text) == [("citizen_dialogue", 3)]


def test_a_promise_made_by_committing_oneself_is_read_as_a_promise() -> None:
    text = (
        "Provbyn – medborgarlöften 2021\n"
        "• Polisen förbinder sig att arbeta brottsförebyggande genom ökad närvaro.\n"
        "• Kommunen förbinder sig att arbeta med belysning och röjning av sly.\n"
        "Uppföljning av medborgarlöftet kommer att ske genom:\n"
        "• Resursuppföljning\n"
    )
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == PROMISE
    assert [a["kind"] for a in document["activities"]] == [
        "presence_patrol",
        "physical_measure",
        "physical_measure",
    ]


def test_actions_named_by_a_noun_and_headings_of_the_situation_are_read_as_such() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Gemensam lägesbild\n"
        "Fokusområdena berör såväl trygghet som situationell brottsprevention.\n"
        "Fokusområden\n"
        "• Insatser mot tillgreppsbrott i sommarstugor.\n"
        "• Insatser mot brott och förseelser i trafikmiljön.\n"
    )
    assert _activities(text) == [("other", None), ("traffic_operation", None)]


def test_what_residents_wish_or_a_survey_found_is_no_promise() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "• Polisen ska genomföra fyra trafikkontroller vid skolan.\n"
        "Av enkäten framkommer att medborgarna vill att polisen gör fler trafikkontroller.\n"
        "Det invånarna tycker att kommunen ska prioritera är:\n"
        "• Belysning i parken\n"
        "• Skapa fler mötesplatser för unga\n"
        "Resultat av trygghetsenkäten hösten 2021\n"
        "• Fler nattvandrare efterfrågas\n"
    )
    assert _activities(text) == [("traffic_control", 4)]


def test_a_list_lead_frames_its_items_and_an_action_noun_keeps_its_count() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Polisen arbetar förebyggande mot narkotika i Provbyn genom att:\n"
        "• Genomföra minst fyra riktade insatser i kommunen per år.\n"
        "• Ordna två aktiviteter för föräldrarna under hösten.\n"
    )
    assert _activities(text) == [("other", 4), ("other", 2)]


def test_two_of_a_kind_each_with_its_own_count_are_two_activities() -> None:
    found = parse_activities(
        "Polisen och kommunen ska genomföra minst tre kontroller av serveringsställen och "
        "minst fem kontroller av tobaksförsäljningsställen."
    )
    assert [(a.kind, a.target) for a in found] == [
        ("licence_inspection", 3),
        ("licence_inspection", 5),
    ]


def test_a_condition_of_residents_then_a_promise_is_read_from_the_promise() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "• Önskar boende öka sin kunskap om inbrott så lovar vi att starta grannsamverkan.\n"
        "• Vill en förening ha hjälp så lovar vi att utföra en säkerhetsgenomgång.\n"
    )
    assert _activities(text) == [("neighbourhood_watch", None), ("other", None)]


def test_a_page_on_how_a_promise_was_kept_is_a_follow_up_with_its_round_figures() -> None:
    text = (
        "Provbyn – så uppfyllde polisen sitt löfte 2021\n"
        "I medborgarlöftet 2021 lovade vi att:\n"
        "• Genomföra trygghetsskapande patrullering i centrum.\n"
        "Polisen utförde sammanlagt ett 60-tal trygghetsskapande patrulleringar i centrum.\n"
        "Polisen gjorde under året ett tiotal besök på skolorna.\n"
    )
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == FOLLOW_UP
    assert [(a["kind"], a["done"]) for a in document["achieved"]] == [
        ("presence_patrol", 60),
        ("school_education", 10),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ansöka om tillstånd för kamerabevakning på torget.",
        "Belysa och aktivera gångstråket längs ån.",
        "Stänga av biltrafiken på torget under sommaren.",
        "Ta fram en ny gestaltning av Storgatan.",
        "Kontinuerligt arbeta med en ren och välskött park.",
    ],
)
def test_changes_to_the_place_are_physical_measures(sentence: str) -> None:
    assert [a.kind for a in parse_activities(sentence)] == ["physical_measure"]


def test_what_becomes_of_the_promise_and_what_was_done_before_it_promise_nothing() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Löftet förnyas varje år efter nya enkäter och dialoger.\n"
        "Lokalpolisområdet gör detta med kommunen som gemensamt genomfört medborgardialoger.\n"
        "Polis och kommun kommer att inrikta arbetet mot narkotikabrottslighet.\n"
        "Polisen och kommunen kommer att:\n"
        "• Genomföra tillsyn på krogar med inriktning mot ansvarsfull alkoholservering.\n"
        "• Genomföra informationsutbyte angående den rådande lägesbilden.\n"
        "• Polisen ska närvara med synlig uniformerad polis i centrum.\n"
    )
    assert _activities(text) == [
        ("licence_inspection", None),
        ("situation_picture", None),
        ("presence_patrol", None),
    ]


def test_walks_drug_operations_and_the_promise_s_own_follow_up_in_other_words() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022\n"
        "Uppföljning ska genomföras tillsammans varje halvår.\n"
        "Polisen kommer att:\n"
        "• genomföra minst två st. insatser mot försäljning av alkohol och narkotika.\n"
        "• Genomföra en trafiksäkerhetsvandring vid skolorna.\n"
        "• Bjuda in till säkerhetsvandringar i hamnen.\n"
    )
    assert _activities(text) == [
        ("drug_operation", 2),
        ("safety_walk", None),
        ("safety_walk", None),
    ]


def test_a_period_in_written_dates_gives_the_years_and_an_end_date_is_no_signing() -> None:
    spans = parse_text(
        "Medborgarlöfte Provbyn\n"
        "• Medborgarlöftet gäller från 1 januari 2018 – 31 december 2019.\n"
        "• Polisen ska genomföra trafikkontroller vid skolorna.\n"
    )["documents"][0]
    assert (spans["year"], spans["period"]) == (2018, [2018, 2019])
    until = parse_text(
        "Nytt medborgarlöfte i Provbyn\n"
        "Polisen och kommunen ska genomföra trygghetsvandringar i centrum.\n"
        "Löftet gäller till 2025-12-31\n"
    )["documents"][0]
    assert (until["year"], until["signed_on"]) == (None, None)


def test_a_chief_named_at_the_foot_of_the_page_and_a_comma_without_space_are_read() -> None:
    foot = find_signatories(
        ["Medborgarlöfte", "Öka närvaron.", "Karin Exempel", "Lokalpolisområdeschef Provbyn"],
        PROMISE,
    )
    assert foot == [{"name": "Karin Exempel", "title": "Lokalpolisområdeschef"}]
    text = (
        "Medborgarlöfte Provbyn 2020\n"
        "Kommunchef Per Påhitt och Eva Provsson,chef för lokalpolisområde Provbyn "
        "undertecknade i dag ett medborgarlöfte.\n"
        "• Polisen ska genomföra trafikkontroller vid skolorna.\n"
    )
    names = [s["name"] for s in parse_text(text)["documents"][0]["signatories"]]
    assert names == ["Per Påhitt", "Eva Provsson"]


def test_a_lead_left_open_above_its_items_is_no_activity_of_its_own() -> None:
    text = (
        "Medborgarlöfte Provbyn 2017\n"
        "1. Polisen skall öka synligheten i byarna genom\n"
        "• Trafikinsatser med betoning på nykterhet\n"
        "• Fotpatruller i Provbyns centrum\n"
        "2. Polisen och kommunen skall tillsammans\n"
        "• Genomföra informationsmöten och kampanjer för föräldrar\n"
    )
    assert _activities(text) == [
        ("traffic_operation", None),
        ("presence_patrol", None),
        ("information_campaign", None),
    ]


def test_sentences_on_what_meetings_give_residents_promise_nothing() -> None:
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Genom den årliga medborgardialogen ges medborgarna möjlighet att påverka arbetet.\n"
        "Det är i mötet med eleverna som relationer skapas och tillit byggs.\n"
        "Polisen ska föreläsa om droger för elever i årskurs 8.\n"
    )
    assert _activities(text) == [("school_education", None)]


def test_a_link_to_a_follow_up_file_does_not_make_the_page_a_follow_up() -> None:
    text = (
        "Medborgarlöfte Provbyn 2022-2023\n"
        "Polisen och kommunen lovar att:\n"
        "• genomföra förebyggande narkotikasök med hund i skolmiljö.\n"
        "Uppföljning Medborgarlöfte Provbyn 2022 (pdf, 173 kB)\n"
    )
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == PROMISE
    assert [a["kind"] for a in document["activities"]] == ["drug_operation"]


def test_counts_told_before_the_verb_or_in_pieces_and_items_led_by_an_adverb() -> None:
    text = (
        "Medborgarlöfte Provbyn 2019\n"
        "Polisen lovar att:\n"
        "• vid minst två tillfällen under året, vår och höst, genomföra trafikinsatser.\n"
        "• genomföra tillsyn av alkohol (3 st) under året.\n"
        "• regelbundet förverka alkohol i området.\n"
        "• utföra hembesök hos ägarna till fordon som varit aktiva. Minst 1 kontakt/vecka.\n"
        "• genomföra s.k. orosamtal med unga som är på väg in i kriminalitet.\n"
    )
    assert _activities(text) == [
        ("traffic_operation", 2),
        ("licence_inspection", 3),
        ("other", None),
        ("early_intervention", 52),
        ("early_intervention", None),
    ]


def test_a_later_sentence_of_an_item_names_its_kind_but_adds_no_activity() -> None:
    text = (
        "Medborgarlöfte Provbyn 2024\n"
        "• Polisen och kommunen kommer att arbeta förebyggande mot bedrägerier. Målet är att "
        "öka medborgarnas kunskap.\n"
        "• Polisen ska genomföra trafikinsatser vid skolorna. Inriktning under hösten är "
        "belysning och reflexer.\n"
    )
    assert _activities(text) == [("information_campaign", None), ("traffic_operation", None)]


def test_what_a_follow_up_says_was_done_at_least_or_about_is_read() -> None:
    text = (
        "Uppföljning av medborgarlöftet 2021 i Provbyn\n"
        "Under 2021 har polisen utfört minst 55 fasta trafikkontroller i Provbyn.\n"
        "Polisen har även gjort ett tio-tal narkotikasök på skolorna.\n"
    )
    document = parse_text(text)["documents"][0]
    assert [(a["kind"], a["done"]) for a in document["achieved"]] == [
        ("traffic_control", 55),
        ("drug_operation", 10),
    ]


@pytest.mark.parametrize(
    ("text", "year", "period"),
    [
        (
            "Nytt medborgarlöfte i Provbyn\nLöftet gäller i två år, under åren 2023-24, och "
            "revideras inför 2024.\nPolisen ska genomföra trafikkontroller.\n",
            2023,
            [2023, 2024],
        ),
        (
            "Provbyn\nGemensamma medborgarlöften i Provbyns kommun från 2022.\n"
            "Polisen ska genomföra trafikkontroller.\n",
            2022,
            [2022, 2022],
        ),
        (
            "Provbyn\nKommunen och polisen har kommit överens om ett medborgarlöfte för år "
            "2022. Löftet kan komma att förlängas för år 2023.\n"
            "Polisen ska genomföra trafikkontroller.\n",
            2022,
            [2022, 2022],
        ),
    ],
)
def test_the_promise_s_years_and_not_those_it_may_be_prolonged_to(
    text: str, year: int, period: list[int]
) -> None:
    document = parse_text(text)["documents"][0]
    assert (document["year"], document["period"]) == (year, period)


def test_passive_promises_and_a_promise_to_help_on_request_are_read() -> None:
    text = (
        "Medborgarlöfte Provbyn 2024\n"
        "• Varje år kommer minst en anti-langningskampanj att genomföras.\n"
        "• Vid minst tre tillfällen per år kommer det att satsas extra resurser mot "
        "ungdomsfester.\n"
        "• Om det uppkommer önskemål om trygghetsvandringar så lovar vi att bistå.\n"
        "Det visar den årliga trygghetsmätningen som polis och kommun genomför.\n"
    )
    assert _activities(text) == [
        ("information_campaign", 1),
        ("other", 3),
        ("safety_walk", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "kind", "target"),
    [
        (
            "Kommunen ska fortsätta med de slumpvisa drogtesterna på gymnasiet.",
            "drug_operation",
            None,
        ),
        ("Kommunen ska genomföra 4 mätningar av droger i avloppsvattnet.", "other", 4),
        (
            "Vi ska genomföra tidiga brottsförebyggande insatser för unga.",
            "early_intervention",
            None,
        ),
        ("Polisen ska genomföra två stycken riktade insatser/år i centrum.", "other", 2),
        ("Kommunen ska säkerställa närvaro av centrumvärdar i centrum.", "safety_hosts", None),
        ("Kommunen anlitar ordningsvakter vid torget på helgerna.", "safety_hosts", None),
        ("Kommunen gör fysiska förändringar i parken.", "physical_measure", None),
        ("Vi samverkar i de sociala insatsgrupperna.", "early_intervention", None),
    ],
)
def test_kinds_and_counts_in_more_wordings(sentence: str, kind: str, target: int | None) -> None:
    text = f"Medborgarlöfte Provbyn 2024\nPolisen och kommunen lovar att:\n• {sentence}\n"
    assert _activities(text) == [(kind, target)]


def test_a_page_on_how_it_went_with_the_promises_is_a_follow_up() -> None:
    text = (
        "Så här gick det med polisens medborgarlöften\n"
        "Polisen har levt upp till sina löften.\n"
        "Två trygghetsvandringar har genomförts i centrum.\n"
    )
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == FOLLOW_UP
    assert [(a["kind"], a["done"]) for a in document["achieved"]] == [("safety_walk", 2)]


def test_rounds_home_visits_and_a_rate_in_an_item_s_second_sentence() -> None:
    text = (
        "Medborgarlöfte Provbyn 2020\n"
        "Genom en gemensamt framarbetad problembild och medborgardialoger har löftet tagits fram.\n"
        "Polisen och kommunen lovar att:\n"
        "• Göra en trygghetsrond på varje förskola i kommunen.\n"
        "• Utföra hembesök hos unga som riskerar att fara illa. Minst 1 besök/vecka.\n"
    )
    assert _activities(text) == [("safety_walk", None), ("early_intervention", 52)]


def test_a_name_to_contact_is_no_signatory() -> None:
    lines = [
        "Medborgarlöfte Provbyn 2019",
        "Har du synpunkter är du välkommen att höra av dig till:",
        "Karin Exempel",
        "kommunpolis",
        "Telefon: 010-123 45 67",
    ]
    assert find_signatories(lines, PROMISE) == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Det är viktigt.Den 3 juni skrev kommunstyrelsens ordförande, Per Påhitt, och "
            "chefen för lokalpolisområde Provby, Eva Provsson, under löftet.",
            ["Per Påhitt", "Eva Provsson"],
        ),
        (
            "Kommunalråd Anna Exempel (M) och Bo Testsson lokalpolischef i Provby skrev på "
            "torsdagen på ett nytt medborgarlöfte.",
            ["Anna Exempel", "Bo Testsson"],
        ),
        (
            "Löftet undertecknades av lokalområdeschef Karin Fiktiv och kommunalrådet Olle "
            "Påhittsson.",
            ["Karin Fiktiv", "Olle Påhittsson"],
        ),
    ],
)
def test_signatories_named_with_their_titles_in_other_orders(
    sentence: str, names: list[str]
) -> None:
    text = f"Medborgarlöfte Provby 2020\n{sentence}\n• Polisen ska genomföra trafikkontroller.\n"
    assert [s["name"] for s in parse_text(text)["documents"][0]["signatories"]] == names


def test_a_lead_ending_in_a_semicolon_and_items_with_adjectives_in_the_past_form() -> None:
    text = (
        "Medborgarlöften för 2023–2025\n"
        "Därför lovar vi att prioritera arbetet mot trafikbrott och narkotika genom att;\n"
        "• Arbeta i samverkan runt unga med ökade risker att börja med narkotika.\n"
        "• Arbeta med att förebygga viltolyckor.\n"
    )
    assert _activities(text) == [("drug_operation", None), ("other", None)]


def test_running_text_of_a_news_item_sentence_by_sentence() -> None:
    text = (
        "Nytt medborgarlöfte i Provby 2024\n"
        "Varje lördag får du aktuella artiklar och tips om evenemang.\n"
        "Polisen och kommunen ska gemensamt informera föräldrar/vårdnadshavare om vad som "
        "gäller för A-traktorer. Kommunen ska fortsätta att utveckla insatser för unga med "
        "intresse för motorer.\n"
        "Polisen och kommunen ska tillsammans skapa en fokusgrupp med unga kvinnor.\n"
    )
    assert _activities(text) == [
        ("information_campaign", None),
        ("other", None),
        ("citizen_dialogue", None),
    ]


def test_school_searches_with_dogs_action_nouns_in_compounds_and_quotes_told_otherwise() -> None:
    text = (
        "Nytt medborgarlöfte i Provby 2016\n"
        "– Efter dialog med invånare och 200 enkäter framgick det att invånarna vill att "
        "polisen prioriterar narkotikabrott, berättar kommunpolis Bo Exempel.\n"
        "Där lovar polisen bland annat:\n"
        "• Att några gånger i år besöka skolor med narkotikahundar efter skoltid.\n"
        "• Vi ska genomföra minst sex polisinsatser mot rån bland unga.\n"
    )
    assert _activities(text) == [("drug_operation", None), ("other", 6)]


def test_the_aim_of_all_the_work_and_how_the_promise_was_made_are_no_activities() -> None:
    text = (
        "Nytt medborgarlöfte i Provby\n"
        "Polisen och kommunen lovar att arbeta för att förbättra den upplevda tryggheten i "
        "centrum.\n"
        "De boende har genom medborgardialoger varit involverade i att ta fram det nya "
        "medborgarlöftet.\n"
        "Polisen lovar att öka sin närvaro och synlighet i centrum.\n"
    )
    assert _activities(text) == [("presence_patrol", None)]


def test_time_spent_per_year_is_no_rate() -> None:
    found = parse_activities(
        "Polisen ska närvara med synlig polis i centrum, minst 900 timmar per år."
    )
    assert [(a.kind, a.target, a.rate) for a in found] == [("presence_patrol", None, None)]
    found = parse_activities("Polisen gör trafikkontroller två gånger per månad.")
    assert [(a.kind, a.target) for a in found] == [("traffic_control", 24)]


@pytest.mark.parametrize(
    ("text", "municipalities"),
    [
        ("Löftet inriktas på Halmstads stadskärna.\n• Polisen ska öka närvaron.\n", ["Halmstad"]),
        ("Kungsbacka – medborgarlöften\n• Polisen ska öka närvaron.\n", ["Kungsbacka"]),
        # A word that opens a sentence is no place: "Vara" is a municipality and a verb.
        ("Medborgarlöfte\nVara synlig är viktigt.\n• Polisen ska öka närvaron.\n", []),
    ],
)
def test_a_municipality_of_sweden_named_in_passing_is_read(
    text: str, municipalities: list[str]
) -> None:
    assert parse_text(text)["documents"][0]["municipalities"] == municipalities


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Kommunen ska arbeta med belysningsåtgärder längs gång- och cykelvägarna.",
            "physical_measure",
        ),
        ("Kommunen ska se över utemiljön kring Exempelby station.", "physical_measure"),
        ("Kommunen ska göra åtgärder i den fysiska trafikmiljön vid skolan.", "physical_measure"),
        ("Polisen ska öka synligheten i Exempelby centrum.", "presence_patrol"),
        ("Polisen ska förlägga mer arbetstid i kommunens ytterområden.", "presence_patrol"),
        (
            "Polisen ska bedriva förtroende- och kontaktskapande arbete i Testvik.",
            "presence_patrol",
        ),
        ("Kommunen ska öka vuxennärvaron i centrum på fredagskvällar.", "night_walk"),
        ("Kommunen ska verka för närvaro av fler engagerade vuxna i parken.", "night_walk"),
        (
            "Polis och kommun ska agera vid tidiga tecken på normbrytande beteende.",
            "early_intervention",
        ),
        (
            "Polisen ska underrätta vårdnadshavare när unga påträffas sent ute.",
            "early_intervention",
        ),
        (
            "Kommunen ska ge information om drogers skadeverkan till elever i årskurs 7.",
            "school_education",
        ),
        ("Polisen ska ge ökad kunskap om nätmobbning hos skoleleverna.", "school_education"),
        (
            "Kommunen ska erbjuda samlad information om grannsamverkan i maj.",
            "information_campaign",
        ),
        ("Polisen ska genomföra gemensamma tillsynskontroller av krogarna.", "licence_inspection"),
        ("Skolan ska arbeta med förebyggande narkotikasök på högstadiet.", "drug_operation"),
        ("Polisen ska arbeta mot den öppna droghandeln vid stationen.", "drug_operation"),
        ("Kommunen bjuder in till ett medborgarforum i Provsala.", "citizen_dialogue"),
    ],
)
def test_a_kind_is_read_from_the_words_real_promises_use_for_it(sentence: str, kind: str) -> None:
    found = parse_activities(sentence)
    assert [a.kind for a in found][:1] == [kind], found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # How long each control is, not how many.
        (
            "Polisen ska genomföra minst 150 stycken 30 minuters trafikkontroller i Testvik.",
            [("traffic_control", 150)],
        ),
        # Crimes found are an outcome.
        (
            "Polisen ska arbeta mot narkotika med målet att upptäcka minst 40 narkotikabrott.",
            [("drug_operation", None)],
        ),
        ("Polisen ska genomföra minst 4 narkotika insatser i Exempelby.", [("drug_operation", 4)]),
    ],
)
def test_durations_of_each_and_crimes_found_are_no_targets(
    sentence: str, expected: list[tuple[str, int | None]]
) -> None:
    assert [(a.kind, a.target) for a in parse_activities(sentence)] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Vi vill minska skadegörelsen och nedskräpningen i centrum.",
        "Vi vill att torget ska upplevas som tryggt på kvällarna.",
        "Syftet med löftet är att öka tryggheten genom fler trafikkontroller.",
        "Som grund för lägesbilden ligger trygghetsmätningen och de anmälda brotten.",
        "Ur dialogerna kan man utläsa att de boende vill se fler fotpatruller.",
    ],
)
def test_wishes_aims_and_grounds_in_a_list_of_promises_are_no_activities(line: str) -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\nPolisen och kommunen lovar att:\n\n"
        f"• {line}\n• Genomföra 4 trygghetsvandringar i Testvik.\n"
    )
    assert _activities(text) == [("safety_walk", 4)]


def test_what_an_abbreviation_stands_for_is_no_activity() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Polisen och kommunen ska arbeta enligt SSPF med unga i riskzon.\n\n"
        "SSPF står för samverkan mellan skola, socialtjänst, polis och fritid.\n"
    )
    assert _activities(text) == [("early_intervention", None)]


def test_a_promise_resting_on_what_was_worked_out_is_still_read() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Utifrån de framtagna fokusområdena ska polisen patrullera till fots i centrum.\n\n"
        "Utifrån den framtagna lägesbilden ska polisen finnas ute i byarna genom att "
        "genomföra 6 trafikkontroller.\n"
    )
    assert _activities(text) == [("presence_patrol", None), ("traffic_control", 6)]


def test_a_subordinate_clause_closed_by_a_comma_does_not_hide_the_main_clause() -> None:
    sentence = (
        "Genom att polisen är på plats i byn varje vecka, där de boende kan träffa dem, ska "
        "kommunen och polisen genomföra trygghetsvandringar."
    )
    assert "safety_walk" in [a.kind for a in parse_activities(sentence)]


def test_a_sentence_naming_what_is_to_be_done_lists_its_promises() -> None:
    text = (
        "Nytt medborgarlöfte för Exempelby torg 2021\n\n"
        "De åtgärder som ska genomföras handlar om trafikkontroller, nattvandring och "
        "klottersanering. Polisen kommer också att ha en hög närvaro på helgerna.\n"
    )
    assert _activities(text) == [
        ("traffic_control", None),
        ("night_walk", None),
        ("physical_measure", None),
        ("presence_patrol", None),
    ]


def test_what_the_whole_promise_focuses_on_is_told_again_below_and_counts_once() -> None:
    text = (
        "Medborgarlöftena fokuserar främst på arbetet mot narkotika och för trafiksäkerheten\n\n"
        "Polisen och Testviks kommun har tecknat medborgarlöften för 2023.\n\n"
        "Polisen ska genomföra 20 trafikkontroller vid skolorna. Kommunen ska anordna "
        "4 föräldramöten om droger.\n"
    )
    assert _activities(text) == [("traffic_control", 20), ("meeting", 4)]


@pytest.mark.parametrize(
    "line",
    [
        "Ökad service mot medborgarna.",
        "Ökad generell trygghet bland invånarna i kommunen.",
        "Följa upp arbetet i samband med framtagande av nytt medborgarlöfte.",
    ],
)
def test_gains_named_as_nouns_and_the_next_promise_are_no_activities(line: str) -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\nPolisen och kommunen lovar att:\n\n"
        f"• {line}\n• Genomföra 4 trygghetsvandringar i Testvik.\n"
    )
    assert _activities(text) == [("safety_walk", 4)]


def test_a_focus_on_making_people_safer_is_the_aim_not_an_activity() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Medborgarlöftet har särskilt fokus på att öka tryggheten runt stationen samt "
        "att motverka klotter i gångtunnlarna.\n"
    )
    assert _activities(text) == [("physical_measure", None)]


def test_a_heading_over_a_paragraph_of_promises_names_their_topic_only() -> None:
    text = (
        "Medborgarlöfte Exempelby 2020\n\n"
        "Grannsamverkan och stöldskydd\n\n"
        "Invånarna ska erbjudas information om grannsamverkan två gånger under året.\n\n"
        "Trafik\n\n"
        "Polisen ska genomföra 12 hastighetsmätningar vid skolorna.\n"
    )
    assert _activities(text) == [("information_campaign", 2), ("speed_measurement", 12)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Polisen ska hålla möten om grannsamverkan fyra gånger per år.", [("meeting", 4)]),
        # A count before the topic is the topic's own.
        (
            "Polisen ska hålla möten om 3 nya grannsamverkansområden.",
            [("meeting", None), ("neighbourhood_watch", 3)],
        ),
    ],
)
def test_a_count_told_after_a_topic_belongs_to_the_activity_it_is_the_topic_of(
    sentence: str, expected: list[tuple[str, int | None]]
) -> None:
    assert [(a.kind, a.target) for a in parse_activities(sentence)] == expected


def test_a_pasted_article_that_opens_with_who_signed_names_them() -> None:
    text = (
        "Kommunstyrelsens ordförande Karin Exempel (C) och Per Påhitt lokalpolischef i "
        "Testvik skrev på tisdagen på ett nytt medborgarlöfte för 2024.\n"
        "Polisen ska genomföra 10 trafikkontroller vid skolorna.\n"
        "– Vi vill se fler vuxna ute på kvällarna, säger Karin Exempel (C).\n"
    )
    names = [s["name"] for s in parse_text(text)["documents"][0]["signatories"]]
    assert names == ["Karin Exempel", "Per Påhitt"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A title written with a capital after the name.
        (
            [
                "Kommunstyrelsens ordförande Karin Exempel (C) och Per Påhitt "
                "Lokalpolisområdeschef skriver under löftet."
            ],
            [
                ("Karin Exempel", "Kommunstyrelsens ordförande"),
                ("Per Påhitt", "Lokalpolisområdeschef"),
            ],
        ),
        # The chair's title in the other order, under the name.
        (
            [
                "Medborgarlöftet gäller 2022.",
                "Per Påhitt",
                "Chef lokalpolisområde Testvik",
                "Karin Exempel",
                "Ordförande kommunstyrelsen",
                "Testviks kommun",
            ],
            [
                ("Per Påhitt", "Chef lokalpolisområde Testvik"),
                ("Karin Exempel", "Ordförande kommunstyrelsen"),
            ],
        ),
        # Any head of a service, with the organisation after.
        (
            [
                "Polisen ska genomföra 4 trygghetsvandringar.",
                "",
                "Lisa Provsson, säkerhetschef, Testviks kommun",
            ],
            [("Lisa Provsson", "säkerhetschef")],
        ),
    ],
)
def test_signatories_in_the_forms_real_pages_write_them(
    lines: list[str], expected: list[tuple[str, str]]
) -> None:
    found = find_signatories([line for line in lines if line], PROMISE)
    assert [(s["name"], s["title"]) for s in found] == expected


def test_a_chief_named_right_after_the_area_keeps_the_whole_name() -> None:
    found = find_signatories(
        ["Medborgarlöftet undertecknades av chefen för lokalpolisområdet Per Påhitt."], PROMISE
    )
    assert [s["name"] for s in found] == ["Per Påhitt"]


def test_a_pasted_article_s_first_paragraph_is_no_heading_for_its_year() -> None:
    text = (
        "I mars 2023 valde Testviks kommun och polisen att satsa på torget i sitt "
        "medborgarlöfte, eftersom många kände sig otrygga där och det fanns problem med "
        "skadegörelse och snatteri i affärerna runt omkring.\n\n"
        "2024 kommer man att fortsätta arbeta med trygghetsvandringar på torget.\n"
    )
    assert parse_text(text)["documents"][0]["year"] == 2024


def test_a_span_written_out_with_a_day_only_at_its_start_gives_the_period() -> None:
    lines = ["Våra löften för perioden 1 juni 2023 – juni 2024 är:", "• Nattvandring"]
    assert find_years("", lines, PROMISE, None)[:2] == (2023, [2023, 2024])


def test_a_word_before_kommun_is_no_municipality_where_a_real_one_is_named() -> None:
    text = (
        "Uppföljning av medborgarlöftet i Strängnäs kommun 2019\n\n"
        "Polisen har genomfört 12 trafikkontroller.\n\n"
        "Samverkan kommun och polis\n\n"
        "Mötena har hållits varje månad.\n"
    )
    assert parse_text(text)["documents"][0]["municipalities"] == ["Strängnäs"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Adults out at night, not the police's presence.
        ("Verka för ökad närvaro av trygga vuxna på kvällar och helger.", "night_walk"),
        ("Öka närvaron av trygghetsskapande vuxna i Testviks centrum.", "night_walk"),
        # The supply of drugs, not the police being at hand.
        ("Arbeta för att begränsa tillgängligheten av narkotika bland unga.", "drug_operation"),
        # Schools joined by a hyphen.
        ("Polisen ska besöka högstadie-och gymnasieskolor i Provsala.", "school_education"),
    ],
)
def test_what_is_present_or_at_hand_decides_the_kind(sentence: str, kind: str) -> None:
    assert [a.kind for a in parse_activities(sentence)][:1] == [kind]


def test_every_item_under_a_heading_of_activities_is_one() -> None:
    text = (
        "Medborgarlöfte Exempelby 2024\n\n"
        "Gemensamma aktiviteter:\n\n"
        "• Fortsatt arbete i etablerade former för samverkan med skolan\n"
        "• Trafikkontroller vid skolorna\n\n"
        "Fokusområden:\n\n"
        "• Bruk av ANDT i kommunen\n"
    )
    assert _activities(text) == [("other", None), ("traffic_control", None)]


def test_a_sentence_naming_the_following_promise_leads_its_list() -> None:
    text = (
        "Medborgarlöfte 2023\n\n"
        "Lokalpolisområde Exempelby och Testviks kommun har tecknat följande medborgarlöfte "
        "som de tillsammans kommer arbeta med under året.\n\n"
        "• Arbeta utifrån den lokala lägesbilden i Norrbyn med förebyggande åtgärder.\n"
    )
    assert _activities(text) == [("other", None)]


def test_a_short_line_that_opens_its_items_sentence_leads_a_list_of_promises() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Det här ska vi göra\n\n"
        "Kommunen ska\n\n"
        "• Fortsätta utveckla stödet till föreningarna i Norrbyn.\n"
        "• Erbjuda minst 2 nya föräldrastödsgrupper under 2022.\n\n"
        "Polisen ska\n\n"
        "• Arbeta förebyggande på platser där unga samlas.\n"
    )
    assert _activities(text) == [("other", None), ("other", 2), ("other", None)]


@pytest.mark.parametrize(
    "line",
    [
        "Inträffar det något oväntat under året kan prioriteringarna behöva ändras.",
        "Exempelvis att göra narkotikainsatser på skolorna och informera föräldrar.",
        "Vid regelbundna möten ska kommun och polis informera varandra om händelser.",
    ],
)
def test_what_happens_examples_and_telling_each_other_are_no_activities_of_their_own(
    line: str,
) -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Polisen ska genomföra 4 trygghetsvandringar i Testvik.\n\n"
        f"{line}\n"
    )
    kinds = [kind for kind, _target in _activities(text)]
    assert "information_campaign" not in kinds and "drug_operation" not in kinds
    assert kinds.count("meeting") <= int("möten" in line)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The modal verb goes on with another action: each is an activity.
        (
            "Vi ska fortsätta vårt samarbete mellan polis och skolor i Testvik samt "
            "kontinuerligt uppdatera vår gemensamma lägesbild.",
            [("other", None), ("situation_picture", None)],
        ),
        (
            "Polisen ska genomföra 10 trafikkontroller vid skolorna och förmedla kontakt "
            "med socialtjänsten när unga far illa.",
            [("traffic_control", 10), ("early_intervention", None)],
        ),
        # Two verbs of one object, the same thing again, a clause within: one activity.
        (
            "Kommunen ska mäta och kartlägga hastigheterna vid skolan.",
            [("speed_measurement", None)],
        ),
        (
            "Kommunen ska sätta upp fartvisare vid skolan och flytta dem efter behov.",
            [("speed_measurement", None)],
        ),
        (
            "Polisen ska hålla öppet hus en gång i månaden, så att invånarna kan komma dit "
            "och prata med polisen.",
            [("citizen_dialogue", 12)],
        ),
        # The aim of the work goes on with another aim, not another action.
        (
            "Kommunen ska arbeta med nattvandring för att öka kunskapen och minska "
            "tillgången på alkohol.",
            [("night_walk", None)],
        ),
    ],
)
def test_a_sentence_that_goes_on_with_another_action_holds_two(
    sentence: str, expected: list[tuple[str, int | None]]
) -> None:
    text = f"Medborgarlöfte Exempelby 2022\n\n{sentence}\n"
    assert _activities(text) == expected


def test_the_situation_picture_a_promise_rests_on_is_no_activity() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Utifrån lägesbilden lovar polisen och kommunen att sanera klotter vid stationen.\n"
    )
    assert _activities(text) == [("physical_measure", None)]


def test_an_item_that_took_up_a_heading_s_activity_is_still_one_item_of_the_list() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Polisen och Testviks kommun har tecknat följande medborgarlöfte för året.\n\n"
        "Effektiv samordning för trygghet (EST)\n\n"
        "• Kommunen ska fortsätta arbetet med metoden EST, som ger en gemensam lägesbild.\n"
        "• Lägesbild för Norrbyn ska tas fram en gång i veckan.\n"
        "• Lägesbild för Söderbyn ska tas fram en gång i månaden.\n"
    )
    assert _activities(text) == [
        ("situation_picture", None),
        ("situation_picture", 52),
        ("situation_picture", 12),
    ]


def test_drugs_as_one_of_the_substances_prevention_is_about_name_no_drug_operation() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\nDet här lovar vi:\n\n"
        "• Kommunen ska fortsätta sitt arbete med frågor rörande alkohol, narkotika, doping "
        "och tobak.\n"
        "• Polisen ska genomföra insatser mot narkotikaförsäljningen vid stationen.\n"
    )
    assert _activities(text) == [("other", None), ("drug_operation", None)]


@pytest.mark.parametrize(
    "line",
    [
        "Öka tryggheten",
        "Stärka förtroendet för polisen",
        "Att öka den upplevda tryggheten i centrala Testvik.",
        "Minska antalet anmälda bostadsinbrott i kommunen.",
        "Polisen och kommunen ska offentliggöra medborgarlöftet via hemsidor och lokalbladet.",
    ],
)
def test_a_gain_aimed_at_and_making_the_promise_known_are_no_activities(line: str) -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\nPolisen och kommunen lovar att:\n\n"
        f"• {line}\n• Genomföra 4 trygghetsvandringar i Testvik.\n"
    )
    assert _activities(text) == [("safety_walk", 4)]


def test_a_gain_aimed_at_with_the_means_told_is_an_activity() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\nPolisen och kommunen lovar att:\n\n"
        "• Öka tryggheten i centrum. Detta sker genom ökad polisiär närvaro på kvällarna.\n"
    )
    assert _activities(text) == [("presence_patrol", None)]


def test_a_list_of_what_will_be_done_above_a_link_to_the_reports_is_a_promise() -> None:
    text = (
        "Testvik – medborgarlöften\n\n"
        "Polisen och Testviks kommun har tecknat följande medborgarlöfte som gäller 2023.\n\n"
        "• Polisen ska genomföra minst femton trafikkontroller vid skolorna.\n"
        "• Polisen ska vid minst femton tillfällen genomföra flygande inspektioner av fordon.\n"
        "• Kommunen ska presentera minst två hastighetsdämpande åtgärder för nämnden.\n"
        "• Polisen ska genomföra minst tio riktade insatser för att upptäcka fler "
        "narkotikabrott bland unga.\n"
        "• Kommunen ska genomföra informationssatsningar och sprida nationella kampanjer "
        "till föräldrar.\n\n"
        "Uppföljning\n\n"
        "Uppföljning medborgarlöften, tertial 3 2023\n"
    )
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == PROMISE
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("traffic_control", 15),
        ("traffic_control", 15),
        ("physical_measure", 2),
        ("drug_operation", 10),
        ("information_campaign", None),
    ]


def test_two_verbs_of_one_object_are_one_action() -> None:
    text = (
        "Medborgarlöfte Exempelby 2022\n\n"
        "Kommunen ska tillsammans med polisen och andra aktörer implementera och börja "
        "använda arbetsmetoden EST.\n"
    )
    assert _activities(text) == [("situation_picture", None)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["Medborgarlöftena ska gälla från 2023-06-20 till och med 2024-06-20."],
            (2023, [2023, 2024]),
        ),
        (
            [
                "Detta medborgarlöfte är en förlängning av det tidigare medborgarlöftet för "
                "2019-2020. Insatserna ska genomföras under åren 2021-2023."
            ],
            (2021, [2021, 2023]),
        ),
        (
            [
                "Under 2023 har det genomförts medborgardialoger i kommunerna.",
                "Under 2024–2025 lovar polisen och kommunerna att bjuda in till möten.",
            ],
            (2024, [2024, 2025]),
        ),
    ],
)
def test_the_promise_s_own_years_not_an_earlier_promise_s_nor_those_of_what_was_done(
    lines: list[str], expected: tuple[int, list[int]]
) -> None:
    assert find_years("", lines, PROMISE, None)[:2] == expected


def test_a_heading_s_part_of_town_gives_way_to_the_municipality_the_page_names() -> None:
    text = (
        "Medborgarlöfte Centrum 2022-2023\n\n"
        "Polisen och Borås Stad samverkar med fastighetsägarna i Borås centrum.\n\n"
        "• Polisen ska genomföra fotpatruller i Borås centrum varje helg.\n"
    )
    assert parse_text(text)["documents"][0]["municipalities"] == ["Borås"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Polisen ska genomföra minst 15 riktade insatser per år för att upptäcka fler "
            "narkotikabrott.",
            "drug_operation",
        ),
        ("Polisen ska ha en ökad polisiär synlighet på krogarna.", "presence_patrol"),
        ("Kommunen ska göra en kartläggning av utsatta platser i Testvik.", "situation_picture"),
        ("Polisen ska bjuda in till ett öppet samtalsforum en gång i månaden.", "citizen_dialogue"),
        ("Polisen ska informera i skolan om trafikvett och brandförebyggande.", "school_education"),
    ],
)
def test_more_words_real_promises_use_for_a_kind(sentence: str, kind: str) -> None:
    assert [a.kind for a in parse_activities(sentence)][:1] == [kind]


def test_an_item_that_tells_in_full_what_the_focus_named_is_kept() -> None:
    """The focus is pruned as a summary of topics; an item that was read into the focus's
    activity is the item itself, and stays."""
    text = (
        "Testviken – medborgarlöften\n"
        "Särskilt fokus på att motverka narkotikabrott bland unga och på trafiken.\n"
        "Det här lovar vi\n"
        "• Minst 5 stycken narkotikainsatser vid skolorna under perioden. (Polis)\n"
        "• Minst 3 insatser med fokus på trimmade mopeder och A-traktorer. (Polis)\n"
        "• Polisen ska vara synlig vid stationen på fredagar.\n"
    )
    assert _activities(text) == [
        ("drug_operation", 5),
        ("traffic_operation", 3),
        ("presence_patrol", None),
    ]


@pytest.mark.parametrize(
    "goal",
    [
        "Upplevd otrygghet i centrum ska minska",
        "Polisen ska uppfattas som mer närvarande",
        "Polisen ska upplevas som mer tillgänglig.",
        "Buskörningen på torget ska minska.",
    ],
)
def test_a_goal_of_a_change_or_of_how_the_police_are_seen_is_no_activity(goal: str) -> None:
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Vi lovar:\n"
        "• Fyra trafikkontroller vid skolorna.\n"
        "Det här ska vi åstadkomma tillsammans\n"
        f"• {goal}\n"
    )
    assert _activities(text) == [("traffic_control", 4)]


def test_actions_under_a_heading_of_what_is_to_be_achieved_are_activities() -> None:
    """Pages put "Det här ska vi åstadkomma tillsammans" above goals and above actions: the
    items, not the heading, tell which."""
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Det här ska vi åstadkomma tillsammans\n"
        "• Genomföra två trygghetsvandringar i Norrby.\n"
        "• Ordna fyra medborgardialoger.\n"
    )
    assert _activities(text) == [("safety_walk", 2), ("citizen_dialogue", 4)]


def test_short_lines_told_again_further_down_are_a_table_of_contents() -> None:
    """Told twice, a short line is a topic: once as a table of contents, once as the
    heading of the items that are the activities."""
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Våra löften för Provbyn\n"
        "Ökad närvaro och trygghet i Norrby och Söderby.\n"
        "Förstärkt arbete mot narkotika.\n"
        "Lägesbild\n"
        "Otryggheten är störst i Norrby.\n"
        "Insatserna\n"
        "Ökad närvaro och trygghet i Norrby och Söderby\n"
        "• Polisen ska genomföra trafikkontroller i Norrby varje fredag.\n"
        "Förstärkt arbete mot narkotika\n"
        "• Genomföra sex skolbesök om narkotika.\n"
    )
    assert _activities(text) == [("traffic_control", 52), ("school_education", 6)]


def test_items_of_a_list_of_infinitives_are_activities_under_any_heading() -> None:
    """Items that open with an infinitive, as most of their list does, are actions even
    when the heading above is not one the parser knows ("Våra medborgalöften", a typo)."""
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Våra medborgalöften i Provbyn\n"
        "• Genomföra medborgardialoger med föreningarna.\n"
        "• Förstärka den lokala samordningen av insatserna.\n"
        "• Återkommande kommunicera en samlad lägesbild till invånarna.\n"
    )
    assert _activities(text) == [
        ("citizen_dialogue", None),
        ("other", None),
        ("information_campaign", None),
    ]


def test_topics_in_a_list_are_still_no_activities() -> None:
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Områden i fokus\n"
        "• Trafik och buskörning i centrum\n"
        "• Bruk av alkohol bland unga\n"
        "• Genomföra fyra trafikkontroller.\n"
    )
    assert _activities(text) == [("traffic_control", 4)]


@pytest.mark.parametrize(
    "line",
    [
        "Invånarna efterfrågar även fler poliser på kvällstid.",
        "De boende önskar bättre belysning i parken.",
        "Nedskräpning och buskörning är problem som Provbyborna lyft fram i dialogerna.",
    ],
)
def test_what_residents_wish_or_raised_is_no_activity(line: str) -> None:
    text = f"Medborgarlöfte Provbyn 2023\n{line}\nPolisen lovar:\n• Två trygghetsvandringar.\n"
    assert _activities(text) == [("safety_walk", 2)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Utskick av brev om säker cykling till föräldrar i kommunen.", "information_campaign"),
        ("Kommunen skickar informationsbrev till alla hushåll i Norrby.", "information_campaign"),
    ],
)
def test_letters_to_households_are_information(item: str, expected: str) -> None:
    assert _activities(f"Medborgarlöfte Provbyn 2023\nVi lovar:\n• {item}\n") == [(expected, None)]


@pytest.mark.parametrize(
    "item",
    [
        "Föräldrar till elever i skolår 7 bjuds in till möte på skolan.",
        "Polisstationen ska vara öppen för besök fyra dagar i veckan.",
        "Kontaktcentret ska vara bemannat tre dagar per vecka.",
    ],
)
def test_a_school_year_and_the_days_a_place_is_open_are_no_count(item: str) -> None:
    found = _activities(f"Medborgarlöfte Provbyn 2023\nVi lovar:\n• {item}\n")
    assert [target for _kind, target in found] == [None]


def test_days_a_week_of_an_activity_are_still_a_rate() -> None:
    found = parse_activities("Polisen ska patrullera i centrum två dagar i veckan.")
    assert [(a.kind, a.target) for a in found] == [("presence_patrol", 104)]


@pytest.mark.parametrize(
    "lead",
    [
        "Det gör vi bland annat genom att:",
        "Det ska vi åstadkomma genom följande aktiviteter:",
        "Detta ska uppnås med hjälp av:",
        "Så här ska vi nå målen:",
    ],
)
def test_goals_above_a_lead_to_the_means_are_no_activities(lead: str) -> None:
    text = (
        "Medborgarlöfte Provbyn 2024\n"
        "• Polisen och kommunen lovar att arbeta för att torget ska bli en trygg plats.\n"
        "• Vi lovar också att arbeta mot narkotikan bland unga i Provbyn.\n"
        f"{lead}\n"
        "• Genomföra fyra narkotikainsatser vid skolorna.\n"
        "• Genomföra två trygghetsvandringar runt torget.\n"
    )
    assert _activities(text) == [("drug_operation", 4), ("safety_walk", 2)]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Polisen gör butikskontroller mot olaglig tobaksförsäljning.", "licence_inspection"),
        ("Kommunen gör krogkontroller varje helg.", "licence_inspection"),
        ("Fler kontroller mot olaglig alkoholförsäljning.", "licence_inspection"),
        ("Genomföra tre insatser i syfte att minska droganvändningen.", "drug_operation"),
        ("Fyra insatser för att bekämpa narkotikabrotten i centrum.", "drug_operation"),
        ("Arbeta mot den öppna droghhandeln vid stationen.", "drug_operation"),
        ("Minst tre insatser med fokus på trimmade mopeder.", "traffic_operation"),
    ],
)
def test_checks_of_shops_operations_against_drugs_and_mopeds(sentence: str, kind: str) -> None:
    assert [a.kind for a in parse_activities(sentence)][:1] == [kind]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "Minst 12 tillfällen med hastighets-, nykterhets- eller förarbeteende-kontroller.",
            [("traffic_control", 12)],
        ),
        ("Fyra skol-besök i årskurs 6 under våren.", [("school_education", 4)]),
    ],
)
def test_a_word_a_pdf_broke_with_a_hyphen_is_read_whole(
    item: str, expected: list[tuple[str, int]]
) -> None:
    assert _activities(f"Medborgarlöfte Provbyn 2024\nVi lovar:\n• {item}\n") == expected


def test_two_activities_of_a_sentence_that_tells_again_what_the_lead_named_are_two() -> None:
    """The lead names one check; the body tells two, with their counts: both are read."""
    text = (
        "Nytt medborgarlöfte i Provbyn\n"
        "Polisen och Provbyns kommun har skrivit under medborgarlöftet för 2024. I år finns "
        "även kontroll av alkohol- och tobaksförsäljning med på listan.\n"
        "Polisen och kommunen ska genomföra minst fyra gemensamma kontroller av "
        "serveringsställen och minst fyra gemensamma kontroller av tobaksförsäljningsställen.\n"
    )
    assert _activities(text) == [("licence_inspection", 4), ("licence_inspection", 4)]


@pytest.mark.parametrize(
    "line",
    [
        "• Läs mer om löftet i pressmeddelandet från i våras",
        "Läs hela medborgarlöftet här (pdf)",
        "Detta löfte innebär fler poliser och större synlighet på torget.",
        "Medborgarlöfte med fokus på ungdomsgäng för ökad trygghet i Provbyn",
        "Efter ett halvår ska löftena utvärderas genom en enkät till de boende.",
        "Utöver detta fortsätter redan etablerat arbete såsom nattvandring och fältarbete.",
        "Fokusområdena utkristalliserades efter dialoger med allmänheten.",
    ],
)
def test_links_restatements_titles_evaluation_and_ongoing_work_are_no_activities(
    line: str,
) -> None:
    # Below the list, where a sentence of the parties' action would be one more activity.
    text = (
        f"Medborgarlöfte Provbyn 2023\nPolisen lovar:\n• Tre trafikkontroller vid skolan.\n{line}\n"
    )
    assert _activities(text) == [("traffic_control", 3)]


def test_a_sentence_below_the_list_may_promise_more() -> None:
    """Running text above a list frames it; below the list, a sentence of the parties'
    action is one more activity, and one that names only a state aimed at is none."""
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Vi ska arbeta för att barn och unga i Provbyn ska känna sig trygga.\n"
        "Polisen ska\n"
        "• Genomföra minst två trafikinsatser mot mopeder.\n"
        "• Patrullera på platser där många känner sig otrygga.\n"
        "Vi ska utveckla samarbetet kring missbruket bland unga.\n"
        "Vi lovar att arbeta tillsammans för att torget ska bli en trygg plats.\n"
        "Vi lovar också att arbeta för en ökad trygghet i hela kommunen.\n"
    )
    assert _activities(text) == [
        ("traffic_operation", 2),
        ("presence_patrol", None),
        ("other", None),
    ]


def test_numbers_glued_to_their_items_are_numbering_not_counts() -> None:
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Polisen lovar att:\n"
        "• 1.Öka närvaron på torget\n"
        "2.Öka den synliga patrulleringen i centrum\n"
    )
    assert _activities(text) == [("presence_patrol", None), ("presence_patrol", None)]


@pytest.mark.parametrize(
    "title",
    [
        "Polisen och kommunen har levt upp till sina medborgarlöften",
        "Så här har vi arbetat med medborgarlöftet i Provbyn",
    ],
)
def test_a_report_of_having_lived_up_to_the_promise_is_a_follow_up(title: str) -> None:
    text = (
        f"{title}\n"
        "Under perioden har polisen genomfört drygt fyrtio fotpatruller i Provbyn.\n"
        "Kommunen arbetar aktivt med att få kameraövervakning i tunneln.\n"
    )
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == FOLLOW_UP
    assert document["activities"] == []
    assert [(a["kind"], a["done"]) for a in document["achieved"]] == [("presence_patrol", 40)]


def test_one_who_says_what_he_thinks_did_not_sign() -> None:
    text = (
        "Medborgarlöftet i Provbyn är uppfyllt\n"
        "Även Karl Påhittsson, polisområdeschef, och Eva Låtsas, kommunpolis, tycker att "
        "löftena har infriats.\n"
    )
    assert parse_text(text)["documents"][0]["signatories"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kommunen samordnar varje oktober en trygghetsvandring.", ("safety_walk", 1)),
        ("Polisen gör 150 trafik- och trafikrelaterade kontroller.", ("traffic_control", 150)),
        ("Vi gör en trygghetsbesiktning av parken.", ("safety_walk", None)),
        ("Socialtjänsten gör fältning vid tio tillfällen.", ("safety_hosts", 10)),
    ],
)
def test_a_yearly_month_traffic_by_an_adjective_and_walks_of_inspection(
    sentence: str, expected: tuple[str, int | None]
) -> None:
    assert [(a.kind, a.target) for a in parse_activities(sentence)][:1] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Polisen gör fyra trafikkontroller vår respektive höst.", ("traffic_control", 8)),
        ("Två trygghetsvandringar varje vår och höst.", ("safety_walk", 4)),
        (
            "Vid två tillfällen under året, vår och höst, genomföra trafikinsatser.",
            ("traffic_operation", 2),
        ),
        ("Polisen lovar minst fyrtio hastighetkontroller.", ("traffic_control", 40)),
    ],
)
def test_spring_and_autumn_are_a_term_each_and_a_left_out_linking_s_is_read(
    sentence: str, expected: tuple[str, int]
) -> None:
    assert [(a.kind, a.target) for a in parse_activities(sentence)][:1] == [expected]


def test_an_activity_with_a_count_above_a_lead_to_the_means_is_kept() -> None:
    text = (
        "Medborgarlöfte Provbyn 2024\n"
        "Polisen ska genomföra tio trafikkontroller vid skolorna.\n"
        "Det gör vi bland annat genom att:\n"
        "• Genomföra två trygghetsvandringar.\n"
    )
    assert _activities(text) == [("traffic_control", 10), ("safety_walk", 2)]


def test_goals_above_each_of_two_leads_told_alike_are_no_activities() -> None:
    text = (
        "Medborgarlöfte Provbyn 2024\n"
        "• Vi lovar att arbeta för att torget ska bli en trygg plats.\n"
        "Det gör vi genom att:\n"
        "• Genomföra två trygghetsvandringar.\n"
        "• Vi lovar att arbeta för att skolvägen ska bli säkrare.\n"
        "Det gör vi genom att:\n"
        "• Genomföra fyra trafikkontroller.\n"
    )
    assert _activities(text) == [("safety_walk", 2), ("traffic_control", 4)]


def test_an_activity_told_in_the_introduction_and_again_in_the_list_is_read_once() -> None:
    text = (
        "Medborgarlöfte Provbyn 2023\n"
        "Polisen ska genomföra tio trafikkontroller vid skolan.\n"
        "Löften\n"
        "Polisen ska genomföra tio trafikkontroller vid skolan.\n"
        "Vi ska också hålla två trygghetsvandringar.\n"
    )
    assert _activities(text) == [("traffic_control", 10), ("safety_walk", 2)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Varje helg går kommunens utbildade nattvandrare i centrum.", [("night_walk", 52)]),
        (
            "Sex trafikkontroller vid skolorna som ska följas upp med information.",
            [("traffic_control", 6)],
        ),
        (
            "Vi ska utveckla redan befintligt arbete med grannsamverkan.",
            [("neighbourhood_watch", None)],
        ),
        ("Fyra insatser kring droghandeln vid trafikplatsen Norr.", [("drug_operation", 4)]),
    ],
)
def test_past_tense_follow_up_and_ongoing_work_rules_leave_ordinary_promises_alone(
    item: str, expected: list[tuple[str, int | None]]
) -> None:
    assert _activities(f"Medborgarlöfte Provbyn 2023\nVi lovar:\n• {item}\n") == expected


@pytest.mark.parametrize(
    "report",
    ["Uppföljning av medborgarlöftena 2021", "Så gick det med löftena 2021"],
)
def test_a_promise_listed_above_a_report_heading_stays_a_promise(report: str) -> None:
    text = (
        "Trygghet i Provbyn\n"
        "Kommunen och polisen har enats om medborgarlöften för 2021.\n"
        "Löftet gäller 2021 och innebär:\n"
        "• Minst fyra trafikkontroller i månaden vid skolorna. (Polisen)\n"
        "• Tillsyn av krogar med serveringstillstånd. (Kommunen)\n"
        "• Belysning i gångtunneln vid stationen. (Kommunen)\n"
        f"{report}\n"
        "Aktiviteterna pågår eller är genomförda, läs mer i rapporten.\n"
    )
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == PROMISE
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("traffic_control", 48),
        ("licence_inspection", None),
        ("physical_measure", None),
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "Bjuda in till en föräldraträff samt förmedla kontakt mellan skola och fritidsgård.",
            [("meeting", None), ("other", None)],
        ),
        (
            "Kontroll av gångtunnlarna två gånger per år samt åtgärda trasig belysning.",
            [("other", 2), ("physical_measure", None)],
        ),
    ],
)
def test_an_item_without_a_modal_verb_goes_on_with_another_action_after_samt(
    item: str, expected: list[tuple[str, int | None]]
) -> None:
    assert _activities(f"Medborgarlöfte Provbyn 2023\nVi lovar:\n• {item}\n") == expected


def test_actions_of_no_kind_listed_with_commas_are_one_each_and_two_verbs_of_one_object_one() -> (
    None
):
    text = (
        "Medborgarlöfte Provbyn 2025\n"
        "• Vi ska tillsammans motverka hot mot politiker, stödja utsatta brottsoffer "
        "samt förebygga och förhindra våld i nära relationer.\n"
    )
    assert _activities(text) == [("other", None)] * 3


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A duration is no count.
        (
            "I Provbyn ska minst en veckas insats göras mot narkotikaförsäljningen.",
            [("drug_operation", None)],
        ),
        (
            "Kommunen ska hålla en dags utbildning om ansvarsfull alkoholservering.",
            [("other", None)],
        ),
        # What an activity brings about is no activity of its own.
        (
            "Polisen ska göra nykterhetskontroller och på så sätt också öka synligheten.",
            [("traffic_control", None)],
        ),
        # An indefinite "en" opening a sentence that goes on is no count.
        (
            "En trygghetsvandring kommer också att genomföras under hösten i Provbyn.",
            [("safety_walk", None)],
        ),
        # What an activity aims at is no activity of its own.
        (
            "Kommunen ska göra en trygghetsbesiktning av torget i syfte att förbättra den "
            "fysiska miljön.",
            [("safety_walk", None)],
        ),
        (
            "Polisen ska genomföra minst två medborgarkontakter i snitt per vecka i byarna.",
            [("citizen_dialogue", 104)],
        ),
    ],
)
def test_durations_aims_consequences_an_opening_en_and_contacts_per_week(
    sentence: str, expected: list[tuple[str, int | None]]
) -> None:
    assert _activities(f"Medborgarlöfte Provbyn 2024\n{sentence}\n") == expected


def test_what_a_promise_holds_in_a_relative_clause_is_read_and_the_signing_is_not() -> None:
    text = (
        "Nytt medborgarlöfte i Provbyn 2024\n"
        "Enkäten har fått kommunen och polisen att avge ett medborgarlöfte som innebär "
        "gemensamma trygghetsvandringar i Norrby och Söderby.\n"
        "Undertecknandet skedde i samband med kommunstyrelsens möte på tisdagen.\n"
        "Signeringen ägde rum i stadshuset efter ett möte med skolledarna.\n"
    )
    assert _activities(text) == [("safety_walk", None)]


def test_a_nominal_item_opening_with_en_still_names_one() -> None:
    text = "Medborgarlöfte Provbyn 2024\nVi lovar:\n• En trygghetsvandring i hamnen.\n"
    assert _activities(text) == [("safety_walk", 1)]


def _signed(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["title"]) for p in parse_text(text)["documents"][0]["signatories"]]


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Anna Ank och Bo Bod undertecknar medborgarlöftet i stadshuset.",
            [("Anna Ank", ""), ("Bo Bod", "")],
        ),
        (
            "Greta Påhitt (S), kommunstyrelsens ordförande, och Sven Låtsas, chef "
            "lokalpolisområde Provby, sätter sina signaturer på medborgarlöftet.",
            [
                ("Greta Påhitt", "kommunstyrelsens ordförande"),
                ("Sven Låtsas", "chef lokalpolisområde Provby"),
            ],
        ),
        (
            "De som skrev under löftet var t.f. lokalpolisområdeschef för södra Exempelbygden "
            "Karin Exempel och kommunchefen Lars Låtsas.",
            [
                ("Karin Exempel", "t.f. lokalpolisområdeschef för södra Exempelbygden"),
                ("Lars Låtsas", "kommunchefen"),
            ],
        ),
    ],
)
def test_signatories_named_before_the_verb_in_a_caption_of_signatures_or_after_an_area(
    caption: str, expected: list[tuple[str, str]]
) -> None:
    text = (
        "Nytt medborgarlöfte i Provby 2024\n"
        "Polisen och kommunen ska genomföra fyra trygghetsvandringar under året.\n"
        f"{caption}\n"
    )
    assert _signed(text) == expected


def test_names_and_titles_side_by_side_with_the_area_after_the_last_title() -> None:
    text = (
        "Medborgarlöfte Provby 2024\n"
        "• Polisen ska genomföra fyra trygghetsvandringar.\n"
        "Provby den 2024-01-10\n"
        "Per Påhitt                    Lisa Låtsas\n"
        "Kommunstyrelsens ordförande          Lokalpolisområdeschef Testvik\n"
    )
    assert _signed(text) == [
        ("Per Påhitt", "Kommunstyrelsens ordförande"),
        ("Lisa Låtsas", "Lokalpolisområdeschef Testvik"),
    ]


def test_those_present_at_the_signing_did_not_all_sign() -> None:
    text = (
        "Nytt medborgarlöfte i Provby 2024\n"
        "Polisen och kommunen ska genomföra fyra trygghetsvandringar under året.\n"
        "Närvarande vid signeringen var kommunpolis Anna Ank och kommunalrådet Bo Bod (S).\n"
    )
    assert _signed(text) == []


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "• Trygg skolväg. Närvaro genom fotpatrullering, trafikkontroller och tillsyn "
            "vid skolorna.",
            [("presence_patrol", None), ("traffic_control", None), ("licence_inspection", None)],
        ),
        (
            "• Ett tryggare torg. Belysning och klottersanering kring torget.",
            [("physical_measure", None), ("physical_measure", None)],
        ),
    ],
)
def test_an_item_of_a_label_and_what_it_stands_for_is_read_whole(
    item: str, expected: list[tuple[str, None]]
) -> None:
    text = f"Medborgarlöfte Provby 2024\nPolisen och kommunen lovar:\n{item}\n"
    assert _activities(text) == expected


@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("arbeta för att motverka narkotikabruk bland unga", "other"),
        ("verka för att ungdomars narkotikamissbruk minskar", "other"),
        ("arbeta mot narkotikaförsäljningen vid stationen", "drug_operation"),
        ("genomföra riktade insatser mot narkotikahandel", "drug_operation"),
    ],
)
def test_preventing_drug_use_is_other_work_and_acting_against_dealing_a_drug_operation(
    item: str, kind: str
) -> None:
    text = f"Medborgarlöfte Provby 2024\nPolisen och kommunen ska:\n• {item}\n"
    assert _activities(text) == [(kind, None)]


@pytest.mark.parametrize(
    "lines",
    [
        [
            "Det pågår ett arbete med att ta fram ett nytt medborgarlöfte för 2025, men till "
            "dess gäller medborgarlöftet för 2024.",
        ],
        [
            "Under 2023 arrangerade polisen medborgardialoger i Provby.",
            "Polisen och kommunen ska arbeta med detta under 2024.",
        ],
        [
            "Vi håller på att ta fram ett nytt medborgarlöfte för 2025.",
            "Under 2024 ska polisen genomföra fyra trygghetsvandringar.",
        ],
    ],
)
def test_a_promise_being_made_and_dialogues_held_are_not_the_promises_year(
    lines: list[str],
) -> None:
    assert find_years("Medborgarlöfte", lines, PROMISE, None)[0] == 2024


@pytest.mark.parametrize(
    "lead",
    ["Invånarnas önskemål är:", "Det som framkom i dialogerna var:", "Medskick från boende:"],
)
def test_a_list_of_residents_wishes_is_no_promise_and_frames_none(lead: str) -> None:
    text = (
        "Nytt medborgarlöfte i Provby\n"
        "Kommunen och polisen har skrivit under ett nytt medborgarlöfte för 2024. "
        "Kommunen och polisen ska samverka för att motverka skadegörelse i centrum.\n"
        f"{lead}\n"
        "• Fler poliser på torget\n"
        "• Motverka klotter\n"
    )
    assert _activities(text) == [("other", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bland annat utlovas fler fotpatrullerande poliser och ett aktivt förebyggande arbete.",
        "Dessutom utlovas fotpatrullering i centrum och ett nytt ungdomsråd.",
    ],
)
def test_what_is_promised_in_the_passive_is_each_thing_it_lists(sentence: str) -> None:
    text = (
        "Nytt medborgarlöfte i Provby\n"
        "Provby kommun och polisen har undertecknat ett medborgarlöfte för 2024. "
        f"{sentence}\n"
    )
    assert _activities(text) == [("presence_patrol", None), ("other", None)]


@pytest.mark.parametrize(
    "item",
    [
        "Polis och socialtjänst ska utveckla en nära samverkan kring barn och unga i Provby",
        "Polisens och socialtjänstens samverkan kring unga ska öka genom gemensamma rutiner",
        "fortsätta samverkan med skola, socialtjänst och fritid kring elever som far illa",
        "samarbeta med skolan, fritiden samt socialtjänsten om unga i riskmiljöer",
    ],
)
def test_police_and_social_services_together_about_the_young_is_early_intervention(
    item: str,
) -> None:
    text = f"Medborgarlöfte Provby 2024\nPolisen och kommunen ska:\n• {item}\n"
    assert _activities(text) == [("early_intervention", None)]


@pytest.mark.parametrize(
    "heading",
    ["Utvärdering av medborgarlöfte Provby 2023", "Utvärdering medborgarlöftet 2023"],
)
def test_an_evaluation_of_a_promise_is_a_report(heading: str) -> None:
    lines = [heading, "Polisen och kommunen har genomfört tolv trygghetsvandringar."]
    document = parse_text("\n".join(lines))["documents"][0]
    assert (document["document_type"], document["activities"]) == (FOLLOW_UP, [])


def test_working_for_a_shared_picture_keeps_one_and_working_from_it_does_not() -> None:
    text = (
        "Medborgarlöfte Provby 2024\nPolisen och kommunen ska:\n"
        "• tillsammans arbeta för en gemensam förbättrad lägesbild av otrygga platser\n"
        "• ha en gemensam lägesbild för hela kommunen\n"
        "• genomföra trafikkontroller utifrån den gemensamma lägesbilden\n"
    )
    assert _activities(text) == [
        ("situation_picture", None),
        ("situation_picture", None),
        ("traffic_control", None),
    ]


def test_measures_a_summary_lists_stay_apart_and_a_later_measure_is_one_more() -> None:
    text = (
        "Nytt medborgarlöfte i Provby\n"
        "Kommunen och polisen har undertecknat ett medborgarlöfte för 2024. De åtgärder som "
        "ska genomföras handlar om renhållning, trygghetsinsatser och belysning. Kommunen ska "
        "också förändra den fysiska miljön vid stationen.\n"
    )
    assert sorted(_activities(text)) == [
        ("other", None),
        ("physical_measure", None),
        ("physical_measure", None),
        ("physical_measure", None),
    ]


@pytest.mark.parametrize(
    "heading", ["Lägesbild – identifierade områden", "Bakgrund - så ser det ut"]
)
def test_a_heading_of_the_situation_with_a_subtitle_is_no_activity(heading: str) -> None:
    text = (
        "Medborgarlöfte Provby 2024\n"
        f"{heading}\n"
        "Följande områden ska vara prioriterade:\n"
        "• Narkotika bland unga i centrum.\n"
        "Vårt löfte\n"
        "Polisen och kommunen lovar att:\n"
        "• genomföra fyra trygghetsvandringar\n"
    )
    assert _activities(text) == [("safety_walk", 4)]


@pytest.mark.parametrize(
    ("lead", "promised"),
    [("Behoven som kunnat urskiljas är följande:", []), ("Våra behov:", [])],
)
def test_a_list_of_needs_is_no_promise_but_meeting_them_is(
    lead: str, promised: list[tuple[str, None]]
) -> None:
    text = (
        "Medborgarlöfte Provby 2024\n"
        f"{lead}\n"
        "• Öka trivseln i parken.\n"
        "• Minska ungas sårbarhet för rekrytering.\n"
        "För att möta dessa behov lovar vi följande:\n"
        "• Polisiära insatser för att öka tryggheten i trafiken\n"
        "• Förbättra belysningen i parken\n"
    )
    assert _activities(text) == [
        *promised,
        ("traffic_operation", None),
        ("physical_measure", None),
    ]


def test_what_residents_have_had_the_chance_to_do_is_background() -> None:
    text = (
        "Nytt medborgarlöfte i Provby\n"
        "Provby kommun och polisen har undertecknat ett medborgarlöfte för 2024.\n"
        "Polisen ska genomföra tio trafikkontroller. Därför har boende, föreningar och "
        "handlare i området fått möjlighet att tycka till om tryggheten genom en digital "
        "enkät.\n"
    )
    assert _activities(text) == [("traffic_control", 10)]


def test_a_sentence_of_the_following_measures_leads_the_list_below_it() -> None:
    text = (
        "Medborgarlöfte Provby 2024\n"
        "Kommunen och polisen kommer under året att arbeta med följande trygghetsskapande "
        "åtgärder i syfte att minska antalet rån.\n"
        "• För tryggheten kommer en fältare vara tillgänglig vid stationen på kvällarna.\n"
        "• I förebyggande syfte informera och öka medvetenheten om rån bland unga\n"
    )
    assert _activities(text) == [("other", None), ("information_campaign", None)]


@pytest.mark.parametrize(
    "item",
    [
        "• göra hastighetsmätningar på fem vägar. Analysera resultaten av mätningarna och dela "
        "dem med polisen.",
        "• genomföra fem hastighetsmätningar. Analysera statistiken tillsammans varje kvartal.",
    ],
)
def test_a_second_infinitive_of_an_item_is_its_second_action(item: str) -> None:
    text = f"Medborgarlöfte Provby 2024\nKommunen lovar att:\n{item}\n"
    assert [kind for kind, _target in _activities(text)] == [
        "speed_measurement",
        "situation_picture",
    ]


def test_a_news_item_on_a_new_promise_whose_plans_are_in_quotes_is_a_promise() -> None:
    text = (
        "Nytt medborgarlöfte för Provby 2024\n"
        "Trafikkontroller vid skolorna och droginformation till föräldrar. Det är några av "
        "de aktiviteter som polisen och kommunen ger invånarna i sitt medborgarlöfte för 2024.\n"
        "Medborgarlöftet bygger på den samverkansöverenskommelse som tidigare tecknats mellan "
        "kommunen och polisen.\n"
        "Utifrån de prioriterade områdena har medborgardialoger genomförts på flera platser i "
        "Provby. Det som kom fram vid dialogerna är att många känner sig otrygga i trafiken.\n"
        "– Under året kommer vi att göra flera insatser i trafiken. Vi kommer också att ha två "
        "riktade kontroller av mopeder, säger Anna Ank, kommunpolis i Provby.\n"
        "Det kommer precis som under förra året att göras ett antal förebyggande insatser "
        "riktade mot unga.\n"
    )
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == PROMISE
    assert [a["kind"] for a in document["activities"]] == [
        "traffic_control",
        "information_campaign",
    ]
