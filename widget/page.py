"""The home page: the two studies in plain words, and the chat widget.

Every piece of text from the catalog is HTML-escaped. The page loads only its
own script and style sheets, and its Content-Security-Policy forbids anything
else (no inline script, no other origin), so injected markup could not run.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

from bot.screening.catalog import Catalog, Trial

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


def _trial_section(trial: Trial) -> str:
    return f"""
      <section class="trial" aria-labelledby="trial-{escape(trial.registry_id)}">
        <h3 id="trial-{escape(trial.registry_id)}">{escape(trial.short_name[:1].upper() + trial.short_name[1:])}</h3>
        <p>{escape(trial.summary)}</p>
        <p class="trial-facts">{escape(trial.phase)} study by {escape(trial.sponsor)}.
          Listing: <a href="{escape(REGISTRY_URL.format(trial.registry_id))}">{escape(trial.registry_id)}</a></p>
      </section>"""


def home_page(catalog: Catalog, trial_ids: Iterable[str]) -> str:
    """Chat first: on a phone the chat fills the screen and the studies are one tap
    away ("About the studies"); on a wide screen the chat is the main column."""
    sections = "".join(_trial_section(catalog.trial(trial_id)) for trial_id in trial_ids)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Research study pre-screening</title>
  <link rel="stylesheet" href="/widget/page.css">
</head>
<body>
  <div class="page">
    <main class="chat-column">
      <div id="prescreen-chat" data-heading-level="1" data-title="Could a study fit you?" data-about="#studies"></div>
    </main>
    <aside id="studies" class="studies" aria-labelledby="studies-title">
      <h2 id="studies-title">The two studies</h2>
      <p>The chat asks plain questions to see if one of these studies might fit you or someone you care for.
        It takes about 10 minutes. This is not medical advice. Only the study team can decide who can take part.</p>
      {sections}
      <p><a href="#prescreen-chat">Back to the chat</a></p>
    </aside>
  </div>
  <script src="/widget/widget.js" defer></script>
</body>
</html>
"""
