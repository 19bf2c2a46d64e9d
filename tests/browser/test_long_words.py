"""Long Swedish words on a 390 px phone: the page says its language, so that a browser with
the language's hyphenation breaks them with a hyphen, and no word is broken that fits."""

from typing import Any

import pytest

from .conftest import HAVE_BROWSER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]

PHONE = {"width": 390, "height": 844}
PAGES = [
    "/",
    "/?q=hörby",
    "/kommun/eslov/",
    "/kommun/eslov/2017/",
    "/kommun/eslov/2016/utvardering/",
    "/sverige/",
    "/sverige/jamfor/?kommun=eslov&kommun=exempelby",
    "/tillganglighet/",
]

# How the page's text is set: its language, and hyphenation and wrapping of its headings,
# running text and table cells.
STYLES = """() => {
  const style = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const s = getComputedStyle(el);
    return {hyphens: s.hyphens, wrap: s.overflowWrap};
  };
  return {lang: document.documentElement.lang, h1: style('main h1'), p: style('main p'),
          td: style('main td'), body: style('body')};
}"""

# Words split over two lines although they would fit on a line of their own: a break that
# neither hyphenation nor a too-long word explains. (The Debian chromium the tests drive has no
# hyphenation dictionaries, so here every split word is a break without a hyphen.)
SPLIT_WORDS = r"""() => {
  const out = [];
  const measure = document.createElement('canvas').getContext('2d');
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const el = node.parentElement;
    if (el.closest('.visually-hidden, option, script')) continue;
    let block = el;
    while (getComputedStyle(block).display.startsWith('inline') && block.parentElement) {
      block = block.parentElement;
    }
    const s = getComputedStyle(el);
    measure.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const room = block.clientWidth - parseFloat(getComputedStyle(block).paddingLeft)
               - parseFloat(getComputedStyle(block).paddingRight);
    for (const m of node.data.matchAll(/[\p{L}\d]{2,}/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
      if (lines.size > 1 && measure.measureText(m[0]).width <= room) {
        out.push(`${el.tagName.toLowerCase()}: ${m[0]}`);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize(("language", "lang"), [("sv", "sv"), ("en", "en")])
def test_pages_say_their_language_and_hyphenate_long_words(
    live_server: Any, browser: Any, demo: None, language: str, lang: str
) -> None:
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        found = page.evaluate(STYLES)
        if found["lang"] != lang:
            problems.append(f"{path}: <html lang={found['lang']!r}>, not {lang!r}")
        for part in ("h1", "p", "td"):
            if found[part] and found[part]["hyphens"] != "auto":
                problems.append(f"{path}: {part} has hyphens {found[part]['hyphens']}")
        # Only a word longer than the line may break anywhere; the page's text wraps whole
        # words (break-word), so a box never shrinks below a word that fits.
        if found["body"]["wrap"] != "break-word":
            problems.append(f"{path}: the body wraps words with {found['body']['wrap']}")
        problems += [f"{path}: {word}" for word in page.evaluate(SPLIT_WORDS)]
    context.close()
    assert problems == [], "\n".join(problems)
