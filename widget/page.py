"""The home page: the two studies in plain words, and the chat widget, in every language.

The page holds the studies' text in each language the seed files hold; the
widget shows the block of the language chosen (``data-psc-lang``) and sets
``<html lang>`` and the title to match, so a switch needs no new page. The
server picks the first block to show from the browser's Accept-Language.

Every piece of text from the catalog is HTML-escaped. The page loads only its
own script and style sheets, and its Content-Security-Policy forbids anything
else (no inline script, no other origin), so injected markup could not run.
"""

from __future__ import annotations

from html import escape
from typing import Dict, Iterable, Optional, Sequence

from bot.i18n import LANGUAGES, SOURCE_LANGUAGE, normalise_language
from bot.screening.catalog import Catalog, Trial
from widget.strings import HTML_LANG, page_text

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
REGISTRY_URL = "https://clinicaltrials.gov/study/{}"
MAX_ACCEPT_LANGUAGE_CHARACTERS = 500


def _trial_section(trial: Trial, language: str, words: Dict[str, str]) -> str:
    heading_id = f"trial-{escape(trial.registry_id)}-{language}"
    name = trial.short_name[:1].upper() + trial.short_name[1:]
    link = f'<a href="{escape(REGISTRY_URL.format(trial.registry_id))}">{escape(trial.registry_id)}</a>'
    facts = escape(words["trial_facts"].format(phase=trial.phase, sponsor=trial.sponsor))
    # The link is put in after escaping the sentence around it.
    listing = escape(words["listing"]).replace("{listing}", link)
    return f"""
        <section class="trial" aria-labelledby="{heading_id}">
          <h3 id="{heading_id}">{escape(name)}</h3>
          <p>{escape(trial.summary)}</p>
          <p class="trial-facts">{facts}</p>
          <p class="trial-facts">{listing}</p>
        </section>"""


def _studies(catalog: Catalog, trial_ids: Sequence[str], language: str, shown: bool) -> str:
    words = page_text(language)
    sections = "".join(_trial_section(catalog.trial(trial_id), language, words) for trial_id in trial_ids)
    return f"""
      <section data-psc-lang="{language}" lang="{HTML_LANG[language]}" aria-labelledby="studies-title-{language}"{
        '' if shown else ' hidden'}>
        <h2 id="studies-title-{language}">{escape(words["studies_title"])}</h2>
        <p>{escape(words["studies_intro"])}</p>
        {sections}
        <p><a href="#prescreen-chat">{escape(words["back_to_chat"])}</a></p>
      </section>"""


def page_languages(catalog: Catalog) -> Sequence[str]:
    """The languages the page is offered in: those the seed files hold (the studies' text is from them)."""
    return [language for language in LANGUAGES if language in catalog.languages]


def home_page(catalog: Catalog, trial_ids: Iterable[str], language: str = SOURCE_LANGUAGE) -> str:
    """Chat first: on a phone the chat fills the screen and the studies are one tap
    away ("About the studies"); on a wide screen the chat is the main column.

    ``language`` is shown first; the widget switches to the one the person chose."""
    trial_ids = list(trial_ids)
    languages = page_languages(catalog)
    language = language if language in languages else SOURCE_LANGUAGE
    studies = "".join(
        _studies(catalog.in_language(code), trial_ids, code, shown=code == language) for code in languages
    )
    # The page's own words are in the widget's catalog, so every language has them.
    words = {code: page_text(code) for code in LANGUAGES}
    titles = "".join(
        f' data-title-{code}="{escape(words[code]["chat_title"])}"'
        f' data-page-title-{code}="{escape(words[code]["page_title"])}"'
        for code in LANGUAGES
    )
    return f"""<!doctype html>
<html lang="{HTML_LANG[language]}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{escape(words[language]["page_title"])}</title>
  <link rel="stylesheet" href="/widget/page.css">
</head>
<body>
  <div class="page">
    <main class="chat-column">
      <div id="prescreen-chat" data-heading-level="1" data-about="#studies" data-page-languages="{
        ' '.join(languages)}"{titles}></div>
    </main>
    <aside id="studies" class="studies">{studies}
    </aside>
  </div>
  <script src="/widget/widget.js" defer></script>
</body>
</html>
"""


def preferred_language(accept_language: Optional[str], offered: Sequence[str]) -> str:
    """The first offered language in a browser's Accept-Language ("zh-CN,zh;q=0.9,en;q=0.8"), else English."""
    ranked = []
    for position, part in enumerate((accept_language or "")[:MAX_ACCEPT_LANGUAGE_CHARACTERS].split(",")):
        tag, _, quality = part.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            continue
        language = normalise_language(tag)
        if language in offered and weight > 0:
            ranked.append((-weight, position, language))
    return min(ranked)[2] if ranked else SOURCE_LANGUAGE
