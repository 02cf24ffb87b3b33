"""Why a block was removed, as a reader is told: every reason, named once.

Code decides on these members (and on rule ids), never on their words, so a
reason can be reworded here without changing what is cleaned. A member is a
``str``: the JSON and the reader show its text.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """The reasons a removed block carries (``RemovedBlock.reason``)."""

    # What a page's chrome says of itself.
    PAGE_CHROME = "page chrome"
    NAVIGATION = "navigation"
    ADVERTISEMENT = "advertisement"
    SHARE_BUTTONS = "share buttons"
    SOCIAL_FOLLOW = "social follow"
    NEWSLETTER = "newsletter prompt"
    SIGN_IN = "sign-in prompt"
    READER_PROMPT = "reader prompt"
    COOKIE_NOTICE = "cookie notice"
    SERVER_ERROR = "server error message"
    COPYRIGHT = "copyright notice"
    DISCLOSURE = "disclosure"
    SITE_FOOTER = "site footer"
    TAGS = "tags"
    TIME_STAMP = "time stamp"
    COMMENTS = "comments"
    MOST_READ = "most-read list"
    RELATED_LINKS = "related links"
    RELATED_LINK = "related link"
    LINK = "link"
    CONTENTS = "table of contents"
    # An article's own furniture.
    BYLINE = "byline"
    PUBLICATION_DATE = "publication date"
    BREADCRUMB = "breadcrumb"
    PHOTO_CAPTION = "photo caption"
    WIRE_SLUG = "wire slug"
    AUTHOR_BIOGRAPHY = "author biography"
    REPORTING_CREDITS = "reporting credits"
    RELEASE_HEADER = "release header"
    END_OF_RELEASE = "end of release"
    # Where on the page a block stood.
    BEFORE_HEADLINE = "page chrome before the headline"
    BETWEEN = "page chrome between the headline and the story"
    AFTER_END = "page chrome after the article"
    HEADLINE_ALONE = "headline without a story (related link)"
    OUTSIDE_ARTICLE = "page text outside the article"
    PAGE_HEADER = "page header"
    PAGE_FOOTER = "page footer"
    SIDEBAR = "sidebar"
    FORM = "form"
    # What a source's reader took out before the cleaner.
    CONTROL_CHARACTERS = "control characters removed"
    LINK_NUMBERS = "link numbers"
    LINK_REFERENCES = "link references"
    # The learned classifier's strongest cue against a block.
    SHORT_LINE = "page chrome (a short line)"
    NO_SENTENCE = "page chrome (no sentence)"
    FEW_FUNCTION_WORDS = "page chrome (few function words)"
    CAPITALISED = "page chrome (capitalised like a menu)"
    MOSTLY_NUMBERS = "page chrome (mostly numbers)"
    LINK_LIKE = "page chrome (a link)"
    LIST_OF_LINKS = "page chrome (a list of links)"
    MENU_SEPARATORS = "page chrome (menu separators)"
    REPEATED = "page chrome (repeated on the page)"
    SITE_CHROME = "page chrome (site chrome)"
    ALL_CAPITALS = "page chrome (all capitals)"
    FAR_FROM_ARTICLE = "page chrome (far from the article)"
    AMONG_FURNITURE = "page chrome (among page furniture)"
    OUTSIDE_RUN = "page chrome (outside the article's run of text)"
    SHORTER_THAN_PARAGRAPHS = "page chrome (shorter than the article's paragraphs)"
    FURNITURE_WORDS = "page chrome (words of page furniture)"
    UNLIKE_ARTICLE = "page chrome (unlike the article's text)"
