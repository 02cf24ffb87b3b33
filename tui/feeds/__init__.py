"""Feeds: subscriptions, refreshing, and every item read as the whole article.

``parse`` reads RSS, Atom and JSON Feed; ``lists`` OPML and newsboat's
``urls``; ``store`` keeps feeds, items, read state and the cross-article
index in SQLite; ``refresh`` fetches feeds and their items' pages and runs
the analysis over what is new. No UI here: the CLI and the reader use it.
"""
