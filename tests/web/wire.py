"""A wire story reprinted by five sites, each lightly edited, and one report of its own.

Written for these tests. The five copies must count as one story wherever evidence is counted;
the separate report on the same events is a second story.
"""

from __future__ import annotations

from datetime import date

from coalition.models import Article

_WIRE = (
    "{dateline} Armenia refused to send troops to help Russia in Ukraine, the defence ministry "
    "in Yerevan said on {day}. Officials told reporters that the country would not take part "
    "in any operation of the alliance while its own border with Azerbaijan stays tense. "
    "Armenia has frozen its participation in the Collective Security Treaty Organization, "
    "the bloc that Moscow leads, and its prime minister skipped the last summit in Minsk. "
    "Analysts in the region said the decision reflected a long drift away from Moscow that "
    "began after Russian peacekeepers stood aside during the fighting over Nagorno-Karabakh. "
    "A spokesperson for the Kremlin declined to comment on the statement. {signoff}"
)

_COPIES = (
    ("wire-armenia-1", "Armenia refuses troops for Russia", "caucasus.example.net",
     "YEREVAN (Wire) -", "Thursday", "(Reporting by the wire desk.)", ()),
    ("wire-armenia-2", "Armenia will not send troops to aid Russia", "dailyledger.example.com",
     "YEREVAN -", "Thursday", "This story was provided by a news agency.",
     (("Officials told reporters", "Officials said"),)),
    ("wire-armenia-3", "Yerevan says no to troops for Moscow", "worldbrief.example.org",
     "", "Thursday", "Copyright the wire service. All rights reserved.",
     (("A spokesperson for the Kremlin declined to comment on the statement. ", ""),)),
    ("wire-armenia-4", "Armenia refuses to send soldiers", "morningpost.example.com",
     "YEREVAN, March 14 -", "14 March", "(Edited by the foreign desk.)",
     (("the bloc that Moscow leads", "the Moscow-led bloc"), ("stays tense", "remains tense"))),
    ("wire-armenia-5", "Armenia turns down Russia's call for troops", "newsnow.example.info",
     "Yerevan:", "Thursday", "Read more world news on our site. Share this article.",
     (("Analysts in the region said", "Regional analysts said"),)),
)


def wire_copies() -> list[Article]:
    """The five lightly edited copies of one wire story, one per site."""
    return [
        Article(
            id=doc,
            title=title,
            url=f"https://{site}/{doc}",
            site=site,
            published=date(2024, 3, 14) if n < 3 else date(2024, 3, 15),
            source=f"{doc}.md",
            text=_edited(_WIRE.format(dateline=dateline, day=day, signoff=signoff), edits),
        )
        for n, (doc, title, site, dateline, day, signoff, edits) in enumerate(_COPIES)
    ]


def _edited(text: str, edits: tuple[tuple[str, str], ...]) -> str:
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text.strip()


def own_report() -> Article:
    """A separate report on Armenia and Russia, written by its own outlet: another story."""
    return Article(
        id="armenia-own-report",
        title="Pashinyan keeps soldiers at home",
        url="https://regional.example.am/pashinyan-soldiers",
        site="regional.example.am",
        published=date(2024, 4, 2),
        source="armenia-own-report.md",
        text=(
            "Armenia refused to send troops to help Russia in Ukraine. Speaking in parliament, "
            "Nikol Pashinyan listed the reasons one by one and answered questions from the "
            "opposition benches for more than an hour about the army and the budget."
        ),
    )
