from lib.text import printable, search_key, shortened, without_controls


def test_search_ignores_case_diacritics_and_the_kommun_suffix() -> None:
    assert search_key("Eslöv") == "eslov"
    assert search_key("eslov") == "eslov"
    assert search_key("Eslövs kommun") == "eslov"
    assert search_key("  ESLÖV  kommun ") == "eslov"
    assert search_key("Malmö stad") == "malmo"
    assert search_key("Åre") == "are"
    assert search_key("Borås kommun") in search_key("Borås")
    assert search_key("Härnösands kommun") == "harnosand"


def test_a_name_ending_in_s_is_still_found_with_its_suffix() -> None:
    assert search_key("Borås kommun") == "bora"
    assert search_key("Kristinehamns kommun") in search_key("Kristinehamn")


def test_without_controls_drops_c0_controls_but_keeps_tab_newline_and_return() -> None:
    every_c0 = "".join(chr(code) for code in range(32))
    # Vertical tab and form feed part words, as a space does.
    assert without_controls(f"a{every_c0}b") == "a\t\n  \rb"
    assert without_controls("Ctrl\x01Title\x1b") == "CtrlTitle"
    assert without_controls("rad\x0bbrytning") == "rad brytning"


def test_without_controls_drops_lone_surrogates_and_keeps_other_letters() -> None:
    assert without_controls("a\ud800b\udfffc") == "abc"
    assert without_controls("Åre – trygghet 🙂 \u00a0") == "Åre – trygghet 🙂 \u00a0"


def test_printable_text_holds_only_characters_xml_accepts() -> None:
    assert printable("x\x0cy\ufffe\uffffz\x7f") == "x yz\x7f"


def test_shortened_keeps_a_short_text_whole_on_one_line() -> None:
    assert shortened("Trafik-\nkontroller  vid skolan", 60) == "Trafik- kontroller vid skolan"


def test_shortened_cuts_a_long_text_at_a_word_with_an_ellipsis() -> None:
    assert shortened("alpha beta gamma delta", 12) == "alpha beta…"
    assert shortened("alpha, beta gamma", 9) == "alpha…"


def test_shortened_cuts_one_giant_word_where_the_limit_falls() -> None:
    assert shortened("x" * 500, 10) == "x" * 9 + "…"


def test_without_controls_drops_bidirectional_overrides_and_keeps_the_marks() -> None:
    overrides = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    assert without_controls(f"Torget{overrides} i centrum") == "Torget i centrum"
    assert (
        without_controls("\u05e9\u05dc\u05d5\u05dd\u200f 12") == "\u05e9\u05dc\u05d5\u05dd\u200f 12"
    )
    assert without_controls("a\u200eb\u061cc") == "a\u200eb\u061cc"
