"""The dashboard and JSON API: ``create_app(store, settings)`` and ``serve(...)`` for the CLI.

Importing this package loads FastAPI; ``import coalition`` does not import it.
"""

from coalition.web.app import create_app, serve

__all__ = ["create_app", "serve"]
