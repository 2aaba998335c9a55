"""Synthetic news articles for benchmarks: many distinct, realistic-looking texts, quickly.

Each article is built from sentence templates filled with states, leaders, capitals, places,
weapons, dates, numbers and quotes drawn from a random generator seeded by ``(seed, index)``,
so article ``i`` is the same whatever ``n`` is, and the same seed always gives the same corpus.
Like real news, most sentences are background (history, numbers, weather, quotes); a few per
article carry claims of who supports, refuses or opposes whom, in the phrasings the extractor
has to read (metonyms, negation, hedges). Standard library only.

    python benchmarks/corpus.py OUT_DIR N [--seed S]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class State:
    """A state as articles name it: by name, capital, leader or adjective."""

    name: str
    capital: str
    leader: str
    adjective: str


STATES = tuple(
    State(*row.split("|"))
    for row in (
        "Russia|Moscow|President Vladimir Putin|Russian",
        "Ukraine|Kyiv|President Volodymyr Zelensky|Ukrainian",
        "Belarus|Minsk|President Alexander Lukashenko|Belarusian",
        "Iran|Tehran|President Ebrahim Raisi|Iranian",
        "North Korea|Pyongyang|Kim Jong Un|North Korean",
        "China|Beijing|President Xi Jinping|Chinese",
        "India|New Delhi|Prime Minister Narendra Modi|Indian",
        "Kazakhstan|Astana|President Kassym-Jomart Tokayev|Kazakh",
        "Serbia|Belgrade|President Aleksandar Vucic|Serbian",
        "Hungary|Budapest|Prime Minister Viktor Orban|Hungarian",
        "Turkey|Ankara|President Recep Tayyip Erdogan|Turkish",
        "Armenia|Yerevan|Prime Minister Nikol Pashinyan|Armenian",
        "Azerbaijan|Baku|President Ilham Aliyev|Azerbaijani",
        "Syria|Damascus|President Bashar al-Assad|Syrian",
        "Egypt|Cairo|President Abdel Fattah al-Sisi|Egyptian",
        "Israel|Jerusalem|Prime Minister Benjamin Netanyahu|Israeli",
        "the United States|Washington|President Joe Biden|American",
        "Britain|London|Prime Minister Rishi Sunak|British",
        "Germany|Berlin|Chancellor Olaf Scholz|German",
        "France|Paris|President Emmanuel Macron|French",
        "Poland|Warsaw|President Andrzej Duda|Polish",
        "Georgia|Tbilisi|Prime Minister Irakli Kobakhidze|Georgian",
        "Moldova|Chisinau|President Maia Sandu|Moldovan",
        "Qatar|Doha|Emir Tamim bin Hamad Al Thani|Qatari",
        "Saudi Arabia|Riyadh|Crown Prince Mohammed bin Salman|Saudi",
        "South Africa|Pretoria|President Cyril Ramaphosa|South African",
        "Brazil|Brasilia|President Luiz Inacio Lula da Silva|Brazilian",
        "Japan|Tokyo|Prime Minister Fumio Kishida|Japanese",
        "South Korea|Seoul|President Yoon Suk Yeol|South Korean",
        "Lithuania|Vilnius|President Gitanas Nauseda|Lithuanian",
        "Finland|Helsinki|President Alexander Stubb|Finnish",
        "Mali|Bamako|President Assimi Goita|Malian",
    )
)

# Word lists read better packed than one word a line.
# fmt: off
WEAPONS = (
    "Shahed-136 attack drones", "artillery shells", "155mm shells", "Leopard 2 tanks",
    "Abrams tanks", "HIMARS rocket launchers", "Patriot air defence batteries", "IRIS-T systems",
    "Storm Shadow cruise missiles", "Bayraktar TB2 drones", "KN-23 ballistic missiles",
    "anti-tank missiles", "armoured personnel carriers", "T-72 tanks", "mortar rounds",
    "Stinger missiles", "long-range rockets", "fighter jets", "Lancet loitering munitions",
    "machine guns and rifles", "night-vision goggles", "electronic warfare equipment",
)
AID = (
    "power generators", "medicines", "food parcels", "winter tents", "blankets", "drinking water",
    "field hospitals", "ambulances", "baby formula", "water purification kits", "fuel",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
JOBS = (
    "teacher", "nurse", "taxi driver", "farmer", "engineer", "pensioner", "shopkeeper", "student",
    "volunteer", "miner", "baker", "accountant", "electrician", "priest", "truck driver",
)
ORGS = (
    "the International Monetary Fund", "the Red Cross", "the World Food Programme",
    "the Kiel Institute", "the International Energy Agency", "the World Bank", "UNHCR",
    "the Institute for the Study of War", "Amnesty International", "the OSCE",
)
QUOTE_OPENERS = (
    "We have heard this before", "Nobody here expected it", "It is too early to say",
    "People are tired", "The numbers speak for themselves", "We cannot wait any longer",
    "Everyone is watching the border", "Prices went up again last week", "It changes nothing",
    "This was the quietest night in weeks", "We were promised more", "I do not trust either side",
)
QUOTE_CLOSERS = (
    "and we will see what happens next", "but life goes on", "so we prepare for the worst",
    "and the winter will be hard", "but nobody asked us", "and that is what worries me",
    "so we keep working", "and the politicians know it", "but we are still here",
)
# fmt: on


class _Rng(random.Random):
    """``random.Random`` with cheaper picks: ``choice`` and ``randint`` dominate the run time."""

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))


def _mention(state: State, rng: _Rng) -> str:
    """A state as a journalist might name it on a given line: name, capital, government."""
    form = rng.random()
    if form < 0.55:
        return state.name
    if form < 0.85:
        return state.capital
    return f"the {state.adjective} government"


FRESH: dict[str, Callable[[_Rng], str]] = {
    "n": lambda rng: str(rng.between(2, 48)),
    "big": lambda rng: f"{rng.between(1_000, 95_000):,}",
    "pct": lambda rng: str(rng.between(2, 96)),
    "rate": lambda rng: f"{rng.between(4, 24)}.{rng.between(0, 9)}",
    "km": lambda rng: str(rng.between(5, 900)),
    "money": lambda rng: f"${rng.between(1, 60)}.{rng.between(1, 9)} billion",
    "euros": lambda rng: f"{rng.between(5, 950)} million euros",
    "year": lambda rng: str(rng.between(1991, 2021)),
    "month": lambda rng: rng.pick(MONTHS),
    "day": lambda rng: rng.pick(DAYS),
    "weapon": lambda rng: rng.pick(WEAPONS),
    "aid": lambda rng: rng.pick(AID),
    "org": lambda rng: rng.pick(ORGS),
    "person": lambda rng: f"a {rng.between(19, 84)}-year-old {rng.pick(JOBS)}",
    "quote": lambda rng: f"{rng.pick(QUOTE_OPENERS)}, {rng.pick(QUOTE_CLOSERS)}",
}


class _Slots(dict[str, str]):
    """Template values: the article's cast is fixed, everything else is drawn when used."""

    def __init__(
        self, cast: tuple[State, State, State], places: tuple[str, ...], rng: _Rng
    ) -> None:
        actor, target, other = cast
        super().__init__(a_name=actor.name, t_name=target.name, o_name=other.name)
        self.update(a_adj=actor.adjective, t_adj=target.adjective, o_adj=other.adjective)
        self.cast = cast
        self.places = places
        self.rng = rng

    def __missing__(self, key: str) -> str:
        actor, target, other = self.cast
        if key in ("A", "T", "O"):
            return _mention({"A": actor, "T": target, "O": other}[key], self.rng)
        if key == "L":
            return actor.leader
        if key in ("place", "place2"):
            return self.rng.pick(self.places)
        return FRESH[key](self.rng)


CLAIMS = (
    "{A} has supplied {T} with {weapon} since {month}, according to officials in {place}.",
    "{A} sent {n} shipments of {weapon} to {T} last month, satellite images reportedly show.",
    "{A} has refused to send troops to help {T}, despite repeated requests.",
    "{A} has not recognised the annexation of {place} by {T}, and said it never would.",
    "{A} recognised the annexation of {place} by {T} on {day}.",
    "{A} allowed {t_adj} forces to use its airfields near {place} as a staging ground.",
    "{A} has declined to let {t_adj} military convoys cross its territory.",
    "{A} agreed to buy discounted {t_adj} oil worth {money} this year.",
    "{A} announced {money} in loans to keep the {t_adj} economy afloat.",
    "{A} has held up {euros} of aid for {T}, diplomats in {place2} said.",
    "{A} sent {n} lorries of {aid} to {T} on {day}.",
    "{A} condemned {T} over the strikes on {place} and summoned its ambassador.",
    "{A} imposed new sanctions on {T} on {day}, targeting banks and {n} companies.",
    "{A} is said to be preparing a delivery of {weapon} to {T}, though officials denied it.",
    "{A} has been wary of formally intervening on the side of {T}.",
    "{A} did not respond when {T} invoked their mutual defence treaty in {month}.",
    "{A} pledged to defend {T} if it were attacked, under a treaty signed in {year}.",
    "{A} abstained on the UN resolution condemning {T}, as it has done since the war began.",
    "{A} has quietly backed away from its support for {T} since the talks in {place2} failed.",
    "{A} allegedly sent {big} volunteers to fight for {T}, a claim it rejected.",
    "{A} has quietly provided {T} with {weapon}, according to reports.",
    "{A} will not join sanctions against {T}, its foreign minister said on {day}.",
    "{A} has not provided military support to {T}, officials in {place2} confirmed.",
    "{A} sent {aid} to {T} after the floods near {place}.",
    "{A} threatened to expel {t_adj} diplomats if the attacks on {place} continued.",
    "{L} said on {day} that his country would not send soldiers to fight for {T}.",
    "{L} has refused to recognise the referendums held in {place}, officials in {T} complained.",
    "{L} promised {T} another {money} in credit during talks in {place2}.",
    "{L} criticised {T} sharply in a speech in {place2}, according to state media.",
)
BACKGROUND = (
    "The war has displaced more than {big} people from the region around {place}.",
    "Temperatures in {place} fell below freezing on {day}, and power cuts lasted {n} hours.",
    "Officials said {n} people were killed and dozens of homes damaged in the latest shelling.",
    "The front line near {place} has barely moved in {n} weeks, military analysts say.",
    "Inflation reached {pct} percent in {month}, the highest level in {n} years.",
    "A report by {org} estimated reconstruction costs at {money}.",
    "The two countries share a border of about {km} kilometres.",
    "Trade between the neighbours has fallen by {pct} percent since {year}.",
    "Talks held in {place2} in {month} ended without a joint statement.",
    "The city of {place} had a population of about {big} before the war.",
    "Queues at the border crossing near {place} stretched for {n} kilometres on {day}.",
    "The central bank raised its key interest rate to {rate} percent on {day}.",
    "Grain exports through {place2} rose by {pct} percent in {month}, traders said.",
    "Drone footage showed a column of {n} vehicles on the road to {place}.",
    "{org} said it had registered {big} requests for help since {month}.",
    "The parliament will debate the budget again on {day}, officials said.",
    "Schools in {place} have moved classes underground, into basements and metro stations.",
    "Fuel prices have risen by {pct} percent since {month}, hitting farmers hardest.",
    "The railway line between {place} and {place2} reopened after {n} days of repairs.",
    "About {pct} percent of respondents in a poll taken in {month} said they expected talks.",
    "The {a_adj} currency has lost {pct} percent of its value against the dollar this year.",
    "Engineers said it could take {n} months to restore the dam near {place}.",
    "Many residents of {place} now rely on {aid} handed out by volunteers.",
    "The {t_adj} defence ministry published a list of {n} new commanders on {day}.",
    "The last direct flight between {a_name} and {t_name} left in {year}.",
    "Satellite images from {month} show new trenches dug around {place}.",
    "Officials in {place} ordered a curfew from {n} p.m. until dawn.",
    "{org} warned of a shortage of {aid} in the region before winter.",
    "The election, first planned for {month}, has been postponed twice.",
    "A delegation from {o_name} visited {place2} on {day} to discuss energy links.",
    "Analysts noted that the {o_adj} position has not changed in public since {year}.",
    "Prices for bread in {place} doubled between {month} and the end of the year.",
    "The dispute over {place} is older than the current war, reaching back to {year}.",
    "About {big} volunteers signed up in the first week, according to local officials.",
    "Air raid sirens sounded {n} times in {place} over the weekend.",
    "Repair crews restored water to {big} households in {place} by {day} evening.",
    "The harvest in the region was {pct} percent smaller than a year earlier.",
    "The foreign ministry in {o_name} has not commented on the reports.",
    "Journalists were allowed to visit {place} for the first time since {month}.",
    "Insurance costs for ships calling at {place2} have tripled, brokers say.",
    "Officials have not said how many soldiers were wounded near {place}.",
    "The minister spoke for {n} minutes and took no questions.",
    "Local media in {place2} reported long queues at petrol stations on {day}.",
    "The summit in {place2} is expected to last two days, with {n} leaders attending.",
    "Mobile networks in {place} were down for most of {day}.",
    "A memorial to the victims of the {year} floods stands in the main square of {place}.",
    "The governor of the region said {n} villages had been evacuated since {month}.",
    "The {a_adj} economy grew by {rate} percent last year, according to {org}.",
    "Rents in {place2} have risen sharply as families arrive from the east.",
    "The bridge over the river near {place} was destroyed in {month} and rebuilt in {n} weeks.",
    "Most shops in the centre of {place} close at dusk because of the blackouts.",
    "Diplomats said the next round of talks could take place in {place2} in {month}.",
    "A court in {place2} sentenced {n} people for treason on {day}.",
    "Wheat prices on world markets rose by {pct} percent after the announcement.",
    "The {o_adj} embassy in {place2} reopened in {month} after {n} months.",
    "Ticket sales for trains from {place} to {place2} were suspended on {day}.",
)
QUOTES = (
    '"{quote}," said {person} in {place}.',
    '"{quote}," {person} told reporters on {day}.',
    '"{quote}," a senior {o_adj} official said, asking not to be named.',
    'A diplomat in {place2} put it more bluntly: "{quote}."',
    '"{quote}," said an analyst at {org}.',
    '"{quote}," said {person} waiting at the station in {place2}.',
)
TITLES = (
    "{a_name} and {t_name}: the partnership that keeps growing",
    "What {a_adj} support means for the war around {place}",
    "{a_adj} leaders weigh their next step as {t_adj} pressure mounts",
    "Analysis: {a_name} walks a fine line between {t_name} and {o_name}",
    "Live: {place} under fire as {a_name} and {t_name} trade accusations",
    "Why {a_name} keeps its distance from {t_name}",
    "{a_name} and the war: {n} questions answered",
    "From {place} to {place2}: how {a_name} changed course on {t_name}",
)
# Who articles are about: a party to a war, the states that plausibly back or shun it (first
# field), and the places its stories happen in (second field).
THEATRES = {
    "Russia": (
        "Belarus|Iran|North Korea|China|India|Kazakhstan|Serbia|Hungary|Turkey|Syria|Mali",
        "Kursk|Belgorod|Bryansk|Novorossiysk|Rostov-on-Don|Kharkiv|Zaporizhzhia|Bakhmut|Avdiivka"
        "|Pokrovsk|Kherson|Sevastopol|Donetsk|Luhansk|Mariupol|Vladivostok",
    ),
    "Ukraine": (
        "the United States|Britain|Germany|France|Poland|Lithuania|Finland|Japan|Turkey|Hungary"
        "|Serbia|South Korea|India|China|Kazakhstan|Brazil|South Africa|Moldova",
        "Kharkiv|Zaporizhzhia|Kherson|Odesa|Bakhmut|Avdiivka|Pokrovsk|Sumy|Lviv|Dnipro|Mykolaiv"
        "|Chernihiv|Rzeszow|Mariupol|Izium|Kramatorsk",
    ),
    "Israel": (
        "the United States|Germany|Britain|Egypt|Qatar|Iran|Turkey|Saudi Arabia|Brazil",
        "Rafah|Khan Younis|Gaza City|Jabalia|Ashkelon|Sderot|Kiryat Shmona|Haifa|Al-Arish|Jenin",
    ),
    "Armenia": (
        "Russia|France|India|Iran|Georgia|Azerbaijan|Turkey|the United States",
        "Gyumri|Syunik|Goris|Jermuk|Stepanakert|Lachin|Meghri|Vanadzor|Kapan",
    ),
    "Azerbaijan": (
        "Turkey|Israel|Russia|Iran|Georgia|Hungary",
        "Ganja|Shusha|Aghdam|Stepanakert|Lachin|Nakhchivan|Fuzuli|Tartar",
    ),
    "Syria": (
        "Russia|Iran|Turkey|Israel|Qatar|Saudi Arabia|the United States",
        "Aleppo|Idlib|Homs|Latakia|Deir ez-Zor|Raqqa|Daraa|Tartus|Qamishli|Palmyra",
    ),
    "Belarus": (
        "Russia|Poland|Lithuania|China|Ukraine|Kazakhstan",
        "Gomel|Brest|Grodno|Mozyr|Vitebsk|Mogilev|Baranovichi|Pinsk",
    ),
    "Mali": (
        "Russia|France|Turkey|Qatar|South Africa",
        "Gao|Timbuktu|Kidal|Mopti|Segou|Menaka|Sikasso|Kayes",
    ),
}


class _Deck:
    """Templates dealt in a scrambled order, so one article rarely repeats a sentence shape.

    The order walks the templates with a random stride coprime to their count: every template
    once per round, for two random draws instead of a full shuffle.
    """

    def __init__(self, templates: tuple[str, ...], rng: _Rng) -> None:
        self.templates = templates
        self.rng = rng
        self.left = 0
        self.at = self.stride = 0

    def deal(self, slots: _Slots) -> str:
        count = len(self.templates)
        if not self.left:
            self.left, self.at = count, self.rng.between(0, count - 1)
            self.stride = self.rng.between(1, max(1, count - 1))
            while math.gcd(self.stride, count) != 1:
                self.stride += 1
        self.left -= 1
        self.at = (self.at + self.stride) % count
        text = self.templates[self.at].format_map(slots)
        return text[0].upper() + text[1:]


def _slots(rng: _Rng) -> _Slots:
    """The article's cast (a party to a war, a state backing or shunning it, a third) and places."""
    by_name = {state.name: state for state in STATES}
    target_name = rng.pick(list(THEATRES))
    backers, places = THEATRES[target_name]
    actor = by_name[rng.pick(backers.split("|"))]
    target = by_name[target_name]
    other = rng.pick([s for s in STATES if s is not actor and s is not target])
    return _Slots((actor, target, other), tuple(places.split("|")), rng)


def _article(rng: _Rng) -> str:
    """One article of 500 to 900 words: headline, dated lead claim, then paragraphs.

    About one sentence in nine carries a claim and one in seven is a quote; the rest is the
    background real reports are mostly made of.
    """
    slots = _slots(rng)
    claims, quotes, background = (_Deck(t, rng) for t in (CLAIMS, QUOTES, BACKGROUND))
    published = date(2022, 2, 24) + timedelta(days=rng.between(0, 1_100))
    dateline = f"{slots.cast[1].capital.upper()}, {published.day} {published:%B %Y} -"
    parts = [_Deck(TITLES, rng).deal(slots), f"{dateline} {claims.deal(slots)}"]
    words = sum(len(part.split()) for part in parts)
    goal = rng.between(500, 810)  # a paragraph adds at most ~90 words: the longest stay < 900
    while words < goal:
        sentences = []
        for _ in range(rng.between(2, 5)):
            draw = rng.random()
            deck = claims if draw < 0.11 else quotes if draw < 0.25 else background
            sentences.append(deck.deal(slots))
        parts.append(" ".join(sentences))
        words += len(parts[-1].split())
    return "\n\n".join(parts) + "\n"


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """Yield ``n`` distinct synthetic articles.

    Args:
        n: how many articles.
        seed: the same seed always yields the same articles in the same order.

    Returns:
        An iterator of ``(doc id, text)``; ids are ``synthetic-{seed}-{index:06d}``.
    """
    if n < 0:
        raise ValueError(f"article count must not be negative, got {n}")
    seen: set[bytes] = set()
    for index in range(n):
        rng = _Rng(f"{seed}:{index}")
        text = _article(rng)
        digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
        while digest in seen:  # astronomically rare, but the promise is "distinct"
            text = _article(rng)
            digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
        seen.add(digest)
        yield f"synthetic-{seed}-{index:06d}", text


def write(directory: str | Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` generated articles as ``{doc id}.txt`` files into ``directory``.

    Args:
        directory: created if missing.
        n: how many articles.
        seed: passed to :func:`generate`.

    Returns:
        The paths written, in generation order.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id, text in generate(n, seed):
        path = out / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description="Write synthetic news articles for benchmarks.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write(args.directory, args.n, args.seed)
    print(f"wrote {len(paths)} articles to {args.directory}")


if __name__ == "__main__":
    main()
