"""Feeds, their items, read state and what each item's analysis found: one
SQLite file in the user data folder.

WAL mode lets the reader read while a refresh writes (two processes or two
threads, each with its own connection). Each item keeps the page or feed
content it was read from, so it opens without the network, and its analysis
as JSON. Two small tables index the analyses across items: which item names
which entity, and every dated event that names one (the cross-article
timeline). A damaged file is moved aside and rebuilt from the rows that can
still be read, with a one-line notice.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.errors import LedeError
from tui.feeds.lists import Subscription
from tui.model import Analysis, analysis_from_dict

FILE_NAME = "feeds.sqlite3"
BUSY_TIMEOUT = 10.0
SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, title TEXT, site TEXT, tags TEXT NOT NULL DEFAULT '[]',
    etag TEXT, modified TEXT, added REAL NOT NULL, refreshed REAL, error TEXT
);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY, feed TEXT NOT NULL, guid TEXT NOT NULL, link TEXT,
    title TEXT, published TEXT, site TEXT, body TEXT NOT NULL, kind TEXT NOT NULL,
    source TEXT NOT NULL, note TEXT, read INTEGER NOT NULL DEFAULT 0,
    added REAL NOT NULL, analysis TEXT, entities INTEGER, error TEXT,
    UNIQUE (feed, guid)
);
CREATE INDEX IF NOT EXISTS items_feed ON items (feed);
CREATE TABLE IF NOT EXISTS entity_items (
    entity TEXT NOT NULL, item INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
    PRIMARY KEY (entity, item)
);
CREATE TABLE IF NOT EXISTS entity_events (
    entity TEXT NOT NULL, item INTEGER NOT NULL, sort REAL, label TEXT NOT NULL,
    story TEXT NOT NULL, start INTEGER NOT NULL, sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_events_entity ON entity_events (entity);
"""
TABLES = ("feeds", "items", "entity_items", "entity_events")


def data_dir() -> Path:
    """$LEDE_DATA_DIR, else the platform's user data folder."""
    override = os.environ.get("LEDE_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("lede"))


def link_key(entity_id: str) -> str:
    """What links an entity across articles: its name, not its type.

    The small model may call one person a person in one article and an
    organisation in the next ("person:ada-obi", "organisation:ada-obi"); a
    reader following her wants both.
    """
    return entity_id.partition(":")[2] or entity_id


@dataclass(frozen=True, slots=True)
class FeedRow:
    url: str
    title: str | None
    site: str | None
    tags: tuple[str, ...]
    etag: str | None
    modified: str | None
    refreshed: float | None
    error: str | None
    items: int
    unread: int

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    feed: str
    guid: str
    link: str | None
    title: str | None
    published: str | None
    site: str | None
    source: str  # "feed": the feed's content; "page": the linked page; "summary"
    note: str | None  # why the page was not read, when it was not
    read: bool
    analysed: bool
    entities: int | None
    error: str | None


@dataclass(frozen=True, slots=True)
class EventRow:
    """A dated event of one item that names an entity."""

    item: int
    item_title: str
    sort: float | None
    label: str
    story: str
    start: int
    sentence: str


# Not the article being read, under another feed (the same link).
_NOT_HERE = "(i.link IS NULL OR i.link IS NOT (SELECT link FROM items WHERE id = ?))"
_ITEM_COLUMNS = (
    "id, feed, guid, link, title, published, site, source, note, read, "
    "analysis IS NOT NULL, entities, error"
)


class FeedStore:
    """One connection to the feeds database (open one per thread)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / FILE_NAME
        self.notice: str | None = None  # a one-line message for the user, once
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._open()
        except sqlite3.DatabaseError as error:
            if "locked" in str(error):
                raise LedeError(f"the feeds database is busy ({error})") from None
            self.db = self._rebuild(error)
        except OSError as error:
            raise LedeError(f"cannot use the feeds database at {self.path} ({error})") from None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=OFF")
            check = db.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check[0] if check else 'nothing'}")
            db.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _rebuild(self, error: sqlite3.DatabaseError) -> sqlite3.Connection:
        """Move the damaged file aside, start afresh, and copy in what can be read."""
        aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                source.replace(Path(f"{aside}{suffix}"))
        db = self._open()
        saved = 0
        try:
            old = sqlite3.connect(aside)
            for table in TABLES:
                try:
                    rows = old.execute(f"SELECT * FROM {table}").fetchall()
                except sqlite3.DatabaseError:
                    continue
                for row in rows:
                    marks = ",".join("?" * len(row))
                    try:
                        db.execute(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", row)
                        saved += 1
                    except sqlite3.DatabaseError:
                        continue
            old.close()
        except sqlite3.DatabaseError:
            pass
        self.notice = (
            f"the feeds database was damaged ({error}); rebuilt with {saved} rows "
            f"that could be read, the old file kept as {aside.name}"
        )
        return db

    def close(self) -> None:
        self.db.close()

    # --- feeds -------------------------------------------------------------------

    def add_feed(self, sub: Subscription, site: str | None = None) -> bool:
        """Subscribe; False when it was there already (its tags are merged)."""
        row = self.db.execute("SELECT tags FROM feeds WHERE url = ?", (sub.url,)).fetchone()
        if row is not None:
            tags = list(dict.fromkeys([*json.loads(row[0]), *sub.tags]))
            self.db.execute("UPDATE feeds SET tags = ? WHERE url = ?", (json.dumps(tags), sub.url))
            return False
        self.db.execute(
            "INSERT INTO feeds (url, title, site, tags, added) VALUES (?, ?, ?, ?, ?)",
            (sub.url, sub.title, site, json.dumps(list(sub.tags)), time.time()),
        )
        return True

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe, with the feed's items and what their analyses indexed."""
        with self.db:
            self.db.execute("BEGIN")
            ids = [r[0] for r in self.db.execute("SELECT id FROM items WHERE feed = ?", (url,))]
            for table in ("entity_items", "entity_events"):
                self.db.executemany(f"DELETE FROM {table} WHERE item = ?", [(i,) for i in ids])
            self.db.execute("DELETE FROM items WHERE feed = ?", (url,))
            removed = self.db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount
        return removed > 0

    def feeds(self, url: str | None = None) -> list[FeedRow]:
        """Every feed with its item and unread counts, in the order added (or one)."""
        where, args = ("WHERE f.url = ? ", (url,)) if url is not None else ("", ())
        rows = self.db.execute(
            "SELECT f.url, f.title, f.site, f.tags, f.etag, f.modified, f.refreshed, f.error, "
            "COUNT(i.id), COALESCE(SUM(i.read = 0), 0) "
            f"FROM feeds f LEFT JOIN items i ON i.feed = f.url {where}"
            "GROUP BY f.url ORDER BY f.added",
            args,
        ).fetchall()
        return [
            FeedRow(
                url=r[0],
                title=r[1],
                site=r[2],
                tags=tuple(json.loads(r[3])),
                etag=r[4],
                modified=r[5],
                refreshed=r[6],
                error=r[7],
                items=int(r[8]),
                unread=int(r[9]),
            )
            for r in rows
        ]

    def feed(self, url: str) -> FeedRow | None:
        found = self.feeds(url)
        return found[0] if found else None

    def set_feed_state(self, url: str, **state: object) -> None:
        """Record what a refresh learnt: etag, modified, title, site, refreshed, error."""
        allowed = {"etag", "modified", "title", "site", "refreshed", "error"}
        fields = {k: v for k, v in state.items() if k in allowed}
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            self.db.execute(f"UPDATE feeds SET {sets} WHERE url = ?", (*fields.values(), url))

    def subscriptions(self) -> list[Subscription]:
        return [Subscription(f.url, f.title, f.tags) for f in self.feeds()]

    # --- items -------------------------------------------------------------------

    def known_guids(self, feed: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT guid FROM items WHERE feed = ?", (feed,))}

    def add_item(
        self,
        feed: str,
        guid: str,
        *,
        link: str | None,
        title: str | None,
        published: str | None,
        site: str | None,
        body: str,
        kind: str,
        source: str,
        note: str | None = None,
    ) -> int | None:
        """Store a new item; None when the feed had it already."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO items (feed, guid, link, title, published, site, body, kind, "
            "source, note, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (feed, guid, link, title, published, site, body, kind, source, note, time.time()),
        )
        return cursor.lastrowid if cursor.rowcount else None

    def items(self, feed: str | None = None, tag: str | None = None) -> list[ItemRow]:
        """Items newest first: of one feed, of the feeds with a tag, or all."""
        query = f"SELECT {_ITEM_COLUMNS} FROM items"
        args: tuple[str, ...] = ()
        if feed is not None:
            query, args = query + " WHERE feed = ?", (feed,)
        elif tag is not None:
            urls = [f.url for f in self.feeds() if tag in f.tags]
            query += f" WHERE feed IN ({','.join('?' * len(urls))})"
            args = tuple(urls)
        # Newest first; on one day, feeds in the order they were added (not in the
        # order a concurrent refresh happened to store them), then as each listed them.
        query += (
            " ORDER BY COALESCE(published, '') DESC, "
            "(SELECT added FROM feeds WHERE feeds.url = items.feed), id"
        )
        return [self._item_row(r) for r in self.db.execute(query, args)]

    def item(self, item_id: int) -> ItemRow | None:
        row = self.db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        return self._item_row(row) if row else None

    @staticmethod
    def _item_row(r: Any) -> ItemRow:
        return ItemRow(
            id=int(r[0]),
            feed=r[1],
            guid=r[2],
            link=r[3],
            title=r[4],
            published=r[5],
            site=r[6],
            source=r[7],
            note=r[8],
            read=bool(r[9]),
            analysed=bool(r[10]),
            entities=r[11],
            error=r[12],
        )

    def body(self, item_id: int) -> tuple[str, str]:
        """The content an item was read from, and its kind ("html" or "text")."""
        row = self.db.execute("SELECT body, kind FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise LedeError(f"no item {item_id} in the feeds database")
        return row[0], row[1]

    def set_read(self, item_ids: Iterable[int], read: bool = True) -> None:
        self.db.executemany(
            "UPDATE items SET read = ? WHERE id = ?", [(int(read), i) for i in item_ids]
        )

    def pending(self) -> list[int]:
        """Items not analysed yet (nor failed), oldest first."""
        query = "SELECT id FROM items WHERE analysis IS NULL AND error IS NULL ORDER BY id"
        return [r[0] for r in self.db.execute(query)]

    # --- analyses ----------------------------------------------------------------

    def save_analysis(self, item_id: int, analysis: Analysis) -> None:
        """Keep an item's analysis and index its entities and their dated events."""
        from tui.timeline.events import sort_point

        names = {link_key(e.id): (e.name, e.type) for e in analysis.entities}
        events = []
        for event in analysis.timeline:
            point = sort_point(event)
            for entity in dict.fromkeys(map(link_key, event.entities)):
                events.append(
                    (
                        entity,
                        item_id,
                        None if point == float("inf") else point,
                        event.label or event.text,
                        event.story,
                        event.sentence_start,
                        event.sentence,
                    )
                )
        document = json.dumps(analysis.to_dict(), ensure_ascii=False)
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "UPDATE items SET analysis = ?, entities = ?, error = NULL WHERE id = ?",
                (document, len(analysis.entities), item_id),
            )
            for table in ("entity_items", "entity_events"):
                self.db.execute(f"DELETE FROM {table} WHERE item = ?", (item_id,))
            self.db.executemany(
                "INSERT INTO entity_items VALUES (?, ?, ?, ?)",
                [(eid, item_id, name, kind) for eid, (name, kind) in names.items()],
            )
            self.db.executemany("INSERT INTO entity_events VALUES (?, ?, ?, ?, ?, ?, ?)", events)

    def analysis_failed(self, item_id: int, message: str) -> None:
        self.db.execute("UPDATE items SET error = ? WHERE id = ?", (message, item_id))

    def analysis(self, item_id: int) -> Analysis | None:
        row = self.db.execute("SELECT analysis FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        try:
            return analysis_from_dict(json.loads(row[0]))
        except (ValueError, KeyError, TypeError):
            return None  # an older schema: analysed again when opened

    def others(self, entity_id: str, here: int | None) -> list[tuple[int, str]]:
        """The other articles naming an entity, newest first, with their titles: an
        article two feeds carry (one link) counts once, and never the one read here."""
        rows = self.db.execute(
            "SELECT MIN(i.id), COALESCE(i.title, i.link, i.guid) FROM entity_items e "
            "JOIN items i ON i.id = e.item WHERE e.entity = ? AND i.id IS NOT ? "
            f"AND {_NOT_HERE} GROUP BY COALESCE(i.link, i.id) "
            "ORDER BY MAX(COALESCE(i.published, '')) DESC, MIN(i.id) DESC",
            (link_key(entity_id), here, here),
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    def elsewhere_counts(self, here: int | None) -> dict[str, int]:
        """For each entity (by ``link_key``), how many other articles name it."""
        rows = self.db.execute(
            "SELECT e.entity, COUNT(DISTINCT COALESCE(i.link, i.id)) FROM entity_items e "
            f"JOIN items i ON i.id = e.item WHERE i.id IS NOT ? AND {_NOT_HERE} "
            "GROUP BY e.entity",
            (here, here),
        )
        return {r[0]: int(r[1]) for r in rows}

    def entity_timeline(self, entity_id: str) -> list[EventRow]:
        """Every dated event naming an entity, from every article, in time order (an
        article two feeds carry gives its events once)."""
        rows = self.db.execute(
            "SELECT e.item, COALESCE(i.title, i.link, i.guid), e.sort, e.label, e.story, "
            "e.start, e.sentence, COALESCE(i.link, i.id) FROM entity_events e "
            "JOIN items i ON i.id = e.item WHERE e.entity = ? "
            "ORDER BY e.sort IS NULL, e.sort, i.published, e.item, e.start",
            (link_key(entity_id),),
        )
        seen: set[tuple[object, str, int]] = set()
        events = []
        for *fields, article in rows:
            if (article, fields[4], fields[5]) not in seen:
                seen.add((article, fields[4], fields[5]))
                events.append(EventRow(*fields))
        return events

    def entity_name(self, entity_id: str) -> str | None:
        row = self.db.execute(
            "SELECT name FROM entity_items WHERE entity = ? LIMIT 1", (link_key(entity_id),)
        ).fetchone()
        return row[0] if row else None
