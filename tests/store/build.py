"""Articles and claims built by hand for the store tests; evidence is really in the text."""

from __future__ import annotations

from datetime import date

from coalition.models import Article, Certainty, Claim, Dimension, Stance


def article(
    id: str,
    sentences: list[str],
    *,
    published: date | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Article:
    """An article whose text is ``sentences`` joined by spaces."""
    return Article(id=id, text=" ".join(sentences), source=f"{id}.md", url=url, title=title,
                   published=published)


def claim(
    art: Article,
    sentence: str,
    actor: str,
    target: str,
    dimension: Dimension = Dimension.ARMS,
    stance: Stance = Stance.SUPPORT,
    certainty: Certainty = Certainty.ASSERTED,
) -> Claim:
    """A claim of ``art`` whose evidence is ``sentence``, with its real offsets."""
    start = art.text.index(sentence)
    return Claim(doc=art.id, actor=actor, target=target, dimension=dimension, stance=stance,
                 certainty=certainty, evidence=sentence, start=start, end=start + len(sentence))
