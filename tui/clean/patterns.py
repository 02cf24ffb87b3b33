"""What site chrome looks like, as explainable patterns with a reason each.

These are the phrases news sites put around every article (share bars,
cookie prompts, "Most read" headers...), not anything about one article. Each
pattern maps to the reason a reader sees for the removal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.clean.dates import FULL_DATE
from tui.reasons import Reason
from tui.textstats import SENTENCE_BREAK
from tui.vocabulary import (
    BYLINE_OPENERS,
    MONTH_NAMES,
    MONTH_SHORT,
    NAME_PARTICLES,
    READING_TIME_WORDS,
    WEEKDAY_NAMES,
    WEEKDAY_SHORT,
    alternation,
)

MONTH = rf"(?:{alternation((*MONTH_NAMES, *MONTH_SHORT))})\.?"
WEEKDAY = rf"(?:{alternation((*WEEKDAY_NAMES, *WEEKDAY_SHORT))})\.?"
# The words inside a name, and what opens a byline, as alternations.
_PARTICLE = alternation(NAME_PARTICLES)
_OPENER = alternation(BYLINE_OPENERS)
AGENCIES = (
    r"Reuters|AFP|AP|Associated Press|Getty(?: Images)?|EPA(?:-EFE)?|Xinhua|Yonhap|"
    r"Shutterstock|Bloomberg|Anadolu(?: Agency)?|TASS|Sputnik|Kyodo|PA(?: Media| Wire)?|"
    r"dpa|ANSA|Alamy|UPI|NurPhoto|SOPA Images|iStock|WireImage|Pool"
)


@dataclass(frozen=True, slots=True)
class ChromeRule:
    """A whole-block pattern, for the block in lower case, and the reason shown
    when it removes a block (matched case-sensitively: several times faster
    than a case-blind match, as a branch that opens with a letter is turned
    away on its first character).

    ``hints`` are words one of which any block the pattern matches contains
    (lower case): a rule that looks for its words anywhere in a long block
    (``.{0,120}\bcookies``) is tried only where one is, so prose costs a
    substring search instead of a backtracking match. A test generates
    matching blocks from each pattern and checks its hints hold.
    """

    id: str
    reason: Reason
    pattern: re.Pattern[str]
    hints: tuple[str, ...] = ()


def _rule(id: str, reason: Reason, *alternatives: str, hints: tuple[str, ...] = ()) -> ChromeRule:
    body = "|".join(f"(?:{a})" for a in alternatives)
    if re.search(r"[A-Z]", re.sub(r"\\.", "", body)):
        raise ValueError(f"a rule for lower-case text names a capital: {body[:60]}")
    return ChromeRule(id, reason, re.compile(rf"^\W*(?:{body})\W*$"), hints)


_FOOTER_LINK = (
    r"(?:terms(?: of (?:use|service)| and conditions)?|privacy(?: policy| notice| settings)?|"
    r"cookies?(?: policy| settings)?|contact(?: us)?|about(?: us)?|advertise(?: with us)?|"
    r"careers|jobs|sitemap|site map|accessibility|help|faq|imprint|impressum|"
    r"press|newsletters?|subscriptions?|corrections)"
)

# A page of a site's own that its menus name.
_SITE_PAGE = (
    r"(?:menu|search|sign in|log in|subscribe|home|about(?: us)?|archives?|shop|store|blog|"
    r"contact(?: us)?|donate|faq|help)"
)
# A link to a site's own pages or to an account: never a section of its news.
SITE_LINK = re.compile(
    rf"^\W*(?:{_FOOTER_LINK}|log ?(?:in|out)|sign ?(?:in|up|out)|register|subscribe|my account|"
    r"kontakt|presse|datenschutz(?:erklärung)?|agb|mediadaten|nutzungsbedingungen|anmelden|abmelden|"
    r"registrieren|einloggen|abo|abonnieren|e-?paper|mentions légales|se connecter|contacto|"
    r"aviso legal|menu|menü|search|suche|rss)\W*$",
    re.IGNORECASE,
)
# What only a trail of sections is split by ("News › World", "News > World").
TRAIL_MARK = re.compile(r"[>»›→]|::")
# The root of a trail of sections ("Home › Politics"), and where a page says it is.
TRAIL_ROOT = re.compile(
    r"^\W*(?:(?:you are here|sie sind hier|vous êtes ici|usted está aquí)\s*:?\s*)?"
    r"(?:home(?: ?page)?|start(?:seite)?|accueil|inicio|portada)\b",
    re.IGNORECASE,
)

# Whole-block patterns: the block is nothing but this chrome.
CHROME_RULES: tuple[ChromeRule, ...] = (
    _rule(
        "chrome.buttons",
        Reason.PAGE_CHROME,
        r"(?:back to|scroll to|go to) top(?: button| of page)?",
        r"skip to (?:main )?(?:content|navigation|main)",
        r"close|print|loading\W*|listen(?: to (?:this )?article)?(?: \d+ min\w*)?",
        r"don'?t show (?:me )?this (?:message )?again|subscribe to: post comments \(atom\)",
        # A link whose words say where it leads: "Free app this link opens in a new tab".
        r".{0,60}\bthis link opens in a new (?:tab|window)",
        r"write a letter to the editor|sign in to (?:access|continue|read) .{0,60}",
        # A recipe card's buttons, often glued: "Jump to RecipePrint Recipe".
        r"(?:(?:jump to|print|pin|save|rate)(?: this)? recipe\W*){1,4}",
        r"(?:\d+ min(?:ute)?s? read|reading time:? .{1,20}|\d{1,2} min\.?)",
        # The same in the other languages of the pages: "Lesezeit: 4 Minuten".
        rf"(?:{alternation(READING_TIME_WORDS)})(?:\s*:|\s+von|\s+ca\.)?\s*(?:ca\.\s*)?\d+\s*\w{{0,8}}",
        # A post's length: "21 minutes - 4312 words".
        r"\d+ min(?:ute)?s?\s*[-–·|•]\s*[\d,.]+ words|[\d,.]+ words\s*[-–·|•]\s*\d+ min(?:ute)?s?",
        r"open in (?:the )?app|download (?:our|the) app.*",
        r"(?:published|updated|posted|last (?:modified|updated)|release date|date)\s*:",
        r"(?:view|see) (?:all|more)(?: \w+){0,3}|load more|show more|next|previous|"
        r"next (?:article|story)|previous (?:article|story)",
        r"this (?:article|story|page) (?:has been|was) (?:updated|corrected)\.?",
        r"(?:text size|font size|a\+ a-|zoom in|zoom out)",
        r"(?:report (?:an? )?(?:error|typo|correction)|suggest a correction)",
        # A blog's subscription boxes: "Notify me of new posts by email."
        r"(?:notify me|send me (?:an )?e-?mails?|e-?mail me)\b.{0,80}",
        # A newsroom's buttons: "Send a News Tip", "Get author RSS feed".
        r"(?:send (?:us )?(?:a|your) (?:news )?tips?|got a (?:news )?tip\??|have a (?:news )?tip\??)",
        r"(?:get |subscribe to )?(?:the |our |this )?(?:author(?:'s)? )?rss(?: feed)?",
        # A live blog's own controls: "Key events", "Show key events only", "Newest first".
        r"(?:show )?key (?:events|updates|moments)(?: only)?",
        r"(?:show|load) (?:more|newer|older|all) (?:posts|updates|entries)",
        r"(?:newest|oldest|latest) first",
        r"(?:turn )?auto[- ]?(?:refresh|update)s?(?: (?:on|off))?",
    ),
    _rule(
        "chrome.navigation",
        Reason.NAVIGATION,
        r"toggle (?:navigation|menu)|(?:open |close )?(?:main )?menu|search|home(?:page)?",
        # A row of the site's own pages: "Home About Archive Shop".
        rf"{_SITE_PAGE}(?:\s+{_SITE_PAGE}){{1,7}}",
    ),
    _rule(
        "chrome.advertisement",
        Reason.ADVERTISEMENT,
        r"advert(?:is(?:e)?ment|isment)?s?",
        r"ads?",
        r"advert(?:isement)?s?\s*[·|•:-]?\s*(?:scroll|continue|skip).{0,40}",
        r"sponsored(?: content| post| by .{1,40})?",
        r"(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?",
        r"continue reading (?:below|the main story)",
        r"paid (?:post|content|partner content)",
        r"promoted(?: stories| content)?",
        r"partner content",
    ),
    _rule(
        "chrome.share-bar",
        Reason.SHARE_BUTTONS,
        r"share(?: this| the)?(?: article| story| page| post)?(?: on .{1,30})?",
        # "Share this post: Facebook | Pinterest | Email".
        r"(?:share(?: this| the)?(?: article| story| page| post)?\s*:\s*)?(?:(?:share|tweet|email|e-mail|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|"
        r"pinterest|flipboard|messenger|copy link|copy|link copied|save|bookmark|gift (?:this )?article|"
        r"comment|comments|print)[\s|•·,/]*){1,12}",
        r"(?:click|tap) (?:to|here to) (?:share|copy|email|print).{0,40}",
        r"share (?:all|close extra) sharing options|(?:show|hide) (?:more )?sharing options|"
        r"pin it|tweet this|add to pocket|e-?mail (?:this|a friend)(?: send)?",
        r"(?:(?:share(?: on| via| to)? (?:facebook|x|twitter|whatsapp|linkedin|e-?mail|reddit|"
        r"telegram|pinterest|bluesky|threads|messenger)|copy link|copy|e-?mail|print)[\s|•·,/]*){2,12}",
    ),
    _rule(
        "chrome.newsletter",
        Reason.NEWSLETTER,
        r".{0,80}\b(?:sign up|subscribe|register)\b.{0,40}\b(?:newsletter|inbox|updates|alerts|daily|briefing|digest)\b.{0,120}",
        r"newsletters?\s*:.{0,160}",
        # "… straight to your inbox with the AMP newsletter", "Sign up here".
        r".{0,200}\b(?:straight|direct(?:ly)?|delivered) (?:to|into) your inbox\b.{0,240}",
        r".{0,160}\b(?:sign up|subscribe|register) (?:here|now|today)",
        r".{0,120}\b(?:newsletter|inbox)\b.{0,60}\b(?:sign up|subscribe)\b.{0,30}",
        r".{0,60}\b(?:our|free|daily|weekly|morning|evening)\s+(?:[\w'’]+\s+){0,2}newsletters?\b.{0,80}",
        r"get (?:the|our) .{1,60} (?:in|to) your inbox.{0,80}",
        r"enter your e-?mail(?: address)?.{0,80}",
        r"(?:thanks|thank you) for (?:signing up|subscribing).{0,80}",
        # The heading of a sign-up box: a few words ending in "newsletter".
        r"(?:[\w'’&-]+\s+){0,5}newsletters?",
        r"sign up (?:to|for) (?:get |receive )?(?:the|our) (?:best|latest|top) .{0,80}",
        r"get (?:the|our) (?:[\w'’]+\s+){0,4}(?:newsletter|daily edition|briefing)s?\b.{0,80}",
        # A newsletter's own lines: "Forwarded this email? Subscribe here", "Reply to this email".
        r"(?:was this|got this|forwarded this|this was forwarded)\b.{0,30}\b(?:e-?mail|newsletter)\b.{0,120}",
        r"(?:(?:thanks|thank you) for reading\W+)?(?:just )?(?:hit )?reply to this e-?mail\b.{0,160}",
        hints=(
            "forwarded",
            "was this",
            "got this",
            "reply to this",
            "sign up",
            "subscribe",
            "register",
            "newsletter",
            "inbox",
            "enter your e",
            "thank",
            "daily edition",
            "briefing",
        ),
    ),
    _rule(
        "chrome.cookie-notice",
        Reason.COOKIE_NOTICE,
        r".{0,120}\b(?:we|this (?:site|website)) uses? cookies\b.{0,300}",
        r"(?:accept|reject|manage)(?: all)? cookies.{0,40}",
        r"cookie (?:policy|settings|preferences|consent).{0,60}",
        r"we (?:value|respect|care about) your privacy",
        hints=("cookie", "privacy"),
    ),
    _rule(
        "chrome.copyright",
        Reason.COPYRIGHT,
        r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))\s*.{0,160}",
        r".{0,120}\ball rights reserved\b.{0,120}",
        r".{0,80}\b(?:is|are) the copyrighted property of\b.{0,160}",
        r"(?:written )?permission must be obtained before .{0,160}",
        r".{0,60}\b(?:reproduction|republication|redistribution)\b.{0,80}\b(?:prohibited|without (?:prior )?(?:written )?permission)\b.{0,80}",
        hints=(
            "©",
            "(c)",
            "copyright",
            "rights reserved",
            "permission",
            "reproduction",
            "republication",
            "redistribution",
        ),
    ),
    _rule(
        "chrome.site-footer",
        Reason.SITE_FOOTER,
        r"(?:terms (?:of (?:use|service)|and conditions)|privacy (?:policy|notice)|"
        r"contact us|about us|accessibility|sitemap|careers|advertise with us)"
        r"(?:\s*[|•·/]\s*(?:[\w' ]{2,30}))*",
        # A row of the footer's own links, with no separators left between them.
        rf"{_FOOTER_LINK}(?:\s*[|•·/]?\s*{_FOOTER_LINK})+",
    ),
    _rule(
        "chrome.sign-in",
        Reason.SIGN_IN,
        r"(?:log ?in|sign ?in|register|sign up|create (?:a free )?account|my account|subscribe(?: now| today)?)"
        r"(?:\s*(?:/|\||or|to continue|to read more)\s*.{0,40})?",
        r"already (?:a subscriber|have an account).{0,60}",
        r"(?:subscribe|subscription) (?:to|for) (?:continue|read|unlimited|full access).{0,80}",
        r"this (?:article|content) is (?:for|available to) subscribers.{0,60}",
        r"to (?:view|read|continue reading|access) (?:the|this) (?:full )?(?:story|article).{0,60}\bsubscri.{0,120}",
        r"subscribe (?:now |today )?(?:to .{1,60} )?(?:for|to read) the (?:full|whole|rest of the) (?:story|article).{0,80}",
        r"if you(?:'|’)re (?:seeing this message|already a subscriber).{0,160}",
        r"first-time subscribers .{0,160}",
        r"instant access to the full (?:article|text|story).{0,40}",
    ),
    _rule(
        "chrome.social-follow",
        Reason.SOCIAL_FOLLOW,
        r"follow (?:us|me)(?: on .{1,60})?",
        r"follow .{1,60} on (?:twitter|facebook|instagram|x|linkedin|tiktok|youtube|threads|bluesky)\b.{0,200}",
        r"follow @\w+.{0,40}",
        r"like us on facebook.{0,40}",
    ),
    _rule(
        "chrome.tags",
        Reason.TAGS,
        r"(?:tags?|topics?|filed under|more on|keywords?|categor(?:y|ies))\s*:.{0,200}",
        r"filed under\s.{1,80}",
    ),
    _rule(
        "chrome.disclosure",
        Reason.DISCLOSURE,
        r"(?:disclaimer|disclosure|advertising disclosure|editorial disclosure|affiliate disclosure)\s*:.{0,400}",
        r"(?:advertising|editorial|affiliate|advertiser) (?:disclosure|disclaimer)",
        r".{0,80}\b(?:advertising|affiliate) (?:disclosure|disclaimer) below\b.{0,300}",
        r".{0,200}\b(?:we )?may (?:earn|receive|get) (?:an? )?(?:small )?(?:affiliate )?(?:commission|compensation)\b.{0,300}",
        r".{0,200}\bcontains? (?:affiliate links|references to products from one or more of our advertisers)\b.{0,300}",
        hints=(
            "disclaimer",
            "disclosure",
            "commission",
            "compensation",
            "affiliate links",
            "advertisers",
        ),
    ),
    # "Updated at 09.02 GMT": when an entry changed, no date of its own.
    _rule(
        "chrome.time-stamp",
        Reason.TIME_STAMP,
        r"(?:updated|posted|published|last updated|edited)(?: at| on)?:? "
        r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5}(?:[+-]\d{1,2})?)?",
    ),
    _rule(
        "chrome.release-header",
        Reason.RELEASE_HEADER,
        # The label alone, or with its date: never a headline after it ("Press release: …").
        r"(?:for immediate release|press release|news release|media release|embargoed"
        r"(?: until .{1,60})?)(?:\s*[:|–—-]\s*[\w ,.:]{0,30}\d{4})?",
    ),
    # What a site asks of its reader, or tells them, around any article: to
    # support it, to get its app, to use another browser, how comments are
    # moderated, to write in.
    _rule(
        "chrome.reader-prompt",
        Reason.READER_PROMPT,
        r".{0,200}\b(?:support (?:our|independent|local|quality) journalism|we rely on (?:your|the) support|"
        r"become a (?:member|supporter|subscriber|patron)|donate (?:now|today))\b.{0,200}",
        r".{0,100}\bdownload (?:the|our) (?:[\w'’]+ ){0,4}apps?\b.{0,100}",
        r".{0,40}\b(?:you are using|you're using|your browser is) (?:an? )?(?:outdated|old|"
        r"unsupported|browser version).{0,400}",
        r"(?:please )?(?:enable|turn on|activate) javascript.{0,160}",
        r".{0,60}\bjavascript (?:is|must be) (?:disabled|required|enabled).{0,160}",
        r".{0,80}\bcomments? (?:are|is|will be|may be) (?:moderated|reviewed|republished|"
        r"pre-moderated|checked).{0,240}",
        r"(?:we ask that|please keep|please be respectful (?:in|with)(?: your)?) comments?.{0,240}",
        r".{0,40}\bwe will,? however,? try to publish comments.{0,240}",
        r"we (?:want|would love|'d love|’d love) to hear (?:from you|what you think).{0,160}",
        r"(?:submit|send) (?:us )?(?:your|a) letter to the editor.{0,120}",
        hints=(
            "support",
            "become a",
            "donate",
            "download",
            "using",
            "browser",
            "javascript",
            "comment",
            "to hear",
            "letter to the editor",
        ),
    ),
    _rule(
        "chrome.server-error",
        Reason.SERVER_ERROR,
        # A PHP site printing its warnings: "Deprecated: … in /www/x.php on line 12".
        r"(?:deprecated|strict standards|warning|notice|(?:catchable )?fatal error|parse error)"
        r"\s*:.{1,400}\bin\s+\S+\.php\s+on\s+line\s+\d+",
        hints=(".php",),
    ),
)

# An interview set as questions and answers: "Q: Where did you write it?", "A: In a shed."
INTERVIEW_LINE = re.compile(r"^(?:Q|A|Question|Answer)\s*:\s+\S")

# A related-story card: a marker, then (usually) a headline.
RELATED_LINK = re.compile(
    r"^\W*(?:read more|related(?: article| story| stories| coverage)?|see also|also read|"
    r"read also|also see|more|watch|listen|recommended|read next|more on this story|"
    r"explainer|opinion|analysis|live|video|gallery|in pictures|photos|latest|breaking(?: news)?|"
    r"just in)\s*[:|–—-]\s*\S.*$",
    re.IGNORECASE,
)

# The marker alone, to take it off a card's title ("Related: " Venice raises…).
RELATED_MARKER = re.compile(
    r"^\W*(?:read more|related(?: article| story| stories| coverage)?|see also|also read|"
    r"read also|also see|more|recommended|read next|more on this story|latest|breaking(?: news)?|"
    r"just in)\s*[:|–—-]\s*(?=\S)",
    re.IGNORECASE,
)


def without_marker(text: str) -> str:
    """A card's title without its "Related:" or "Read more:" marker."""
    return RELATED_MARKER.sub("", text, count=1)


# Section headers after which a site lists other stories, not this one.
LIST_SECTIONS: tuple[ChromeRule, ...] = (
    _rule(
        "list.most-read",
        Reason.MOST_READ,
        r"most (?:read|popular|viewed|shared|commented|watched)(?: (?:articles|stories|now|today|this week))?",
        r"(?:trending|popular)(?: now| stories| today| articles| in .{1,20})?",
        r"top (?:stories|news|headlines)",
        r"editor'?s'? (?:picks|choice)",
        r"(?:the )?latest(?: news| stories| headlines)?",
        r"what(?:'s| is) hot",
    ),
    _rule(
        "list.related",
        Reason.RELATED_LINKS,
        r"related(?: articles| stories| coverage| content| news| topics| links)?",
        r"(?:more|others?) (?:from|on|about|in) .{1,60}",
        r"more (?:stories|news|articles|to read|headlines)",
        r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
        r"recommended(?: for you| stories| reading)?",
        r"(?:read|see) (?:more|next|also)",
        r"(?:don'?t|do not) miss",
        r"in (?:other|case you missed|more) news.{0,20}",
        r"what to read next",
        r"around the (?:web|site)",
        r"further reading",
        r"in this series",
    ),
)

# A table of contents: its header; its items are the article's own subheadings.
CONTENTS_HEADER = re.compile(
    r"^\W*(?:(?:table of )?contents|in this (?:article|story|post|guide)|jump to|on this page|"
    r"inhalt(?:sverzeichnis)?|sommaire)\W*$",
    re.IGNORECASE,
)
# A list's item, marked by a bullet: "- The law lowers…", "• Prices rose".
BULLET = re.compile(r"^\s*[-•*–]\s+\S")
NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[-*•·])\s+")
# Code or a command: an operator, brackets, a prompt, an option or a path.
CODE_LIKE = re.compile(r"[=(){};<>]|^\s*[$#>]\s|\s--?\w|::|/\w+/\w")
# A line of a numbered list, its number caught: "7. Roma Termini".
NUMBERED_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+\S")

# Headers after which nothing belongs to the article any more.
TERMINAL_SECTIONS: tuple[ChromeRule, ...] = (
    _rule(
        "end.comments",
        Reason.COMMENTS,
        r"(?:\d+\s+)?comments?(?: \(\d+\))?",
        r"(?:leave|post|add|write) a (?:comment|reply|response)",
        r"join the (?:conversation|discussion|debate)",
        r"(?:show|view|load|read) (?:all )?\d* ?comments",
        r"comments? (?:are|have been) (?:closed|disabled).{0,40}",
        r"discussion",
        r"reader comments",
        # A blog's comments header: "11 responses to “Title”", "One thought on “Title”".
        r"(?:one|\d+) (?:responses?|thoughts?|comments?|replies|reactions?) (?:to|on) .{1,200}",
    ),
    _rule("end.author-bio", Reason.AUTHOR_BIOGRAPHY, r"about the authors?"),
    # A press release ends with "###", "-30-" or "Ends" (a longer row of marks
    # is a rule); its boilerplate and contacts follow.
    _rule(
        "end.release",
        Reason.END_OF_RELEASE,
        r"ends|end of (?:press )?release|(?<!#)#\s?#\s?#(?!\s?#)|-30-",
    ),
    # "Do you have an opinion on the issues raised in this article? … click here."
    _rule(
        "end.reader-prompt",
        Reason.READER_PROMPT,
        r"(?:do you have|have you got|got) (?:an opinion|a view|something to say|a story|a tip)"
        r"\b.{0,40}\b(?:this (?:article|story)|us)\b.{0,300}",
    ),
    # Wire copy ends with its credits; what follows is the site's, not the story's.
    _rule(
        "end.credits",
        Reason.REPORTING_CREDITS,
        r"(?:additional )?(?:reporting|writing|editing|compiled|research) by .{2,200}",
        r"\(?(?:reporting|writing) by .{2,120}; editing by .{2,120}\)?",
        # A newsletter's masthead credit: "The Civic Desk is written by … and edited by …".
        r"(?:[\w'’&.-]+\s+){1,5}is (?:written|produced|compiled) by .{2,80} and edited by .{2,80}",
    ),
)

# A writer's biography, as sites print it under the article: a name, then what
# the writer is ("Ana Ruiz is a professor of law at…", "TIM ANDERSON has written…").
AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w'’.\-]+,?\s+){1,4}(?:is|was|has been|serves as|works as|teaches|writes)\b"
    r"(?:\s+\S+){0,8}?\s+(?i:professor|writer|journalist|editor|founder|co-founder|author|"
    r"reporter|correspondent|consultant|director|researcher|fellow|columnist|contributor|"
    r"lecturer|analyst|freelancer|student|engineer|developer|designer|ceo|producer|"
    r"photographer|novelist|historian|scientist|economist|lawyer|attorney|blogger)s?\b"
)
AUTHOR_BIO_WORDS = 80  # a biography is a short paragraph

# Breadcrumbs point down a hierarchy; a row split by "|" or "•" is a menu.
BREADCRUMB_SEPARATORS = re.compile(r"\s*(?:>|»|›|→|::)\s*|\s+/\s+")
# What stands between a menu's or a trail's items: never inside a headline.
MENU_SEPARATOR = re.compile(r"[|•·]|\s[/>»›→]\s")
# "…sPacific" where two category labels were glued: a lowercase letter (not in
# a Mc/Mac/De- prefix, not an "iPhone"-style word) directly followed by a capital.
GLUED_LABELS = re.compile(r"(?<![Mm]c)(?<!Mac)(?<!\b[a-z])(?<=[a-z])(?=[A-Z][a-z])")

BYLINE = re.compile(
    rf"^(?i:{_OPENER})\s+"
    rf"(?P<names>[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|{_PARTICLE})){{0,4}}"
    rf"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|{_PARTICLE})){{0,4}})*)"
    r"(?P<rest>\s*(?:[,|/–—-]|\bin\b)\s*.{0,80})?$"
)
# "Jane Doe | Reuters", "Jane Doe, Staff Writer": a name, then a role or outlet.
BYLINE_ROLE = re.compile(
    rf"^(?P<names>[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|{_PARTICLE})){{1,3}})"
    r"\s*[,|–—-]\s*(?P<rest>(?:[\w.'’&]+\s+){0,4}"
    r"(?i:reporter|writer|correspondent|columnist|journalist|editor|staff|contributor|"
    r"bureau chief|chief|analyst|critic|" + AGENCIES + r")\b[\w ,.'’&]{0,40})$"
)

_NAMES = rf"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|{_PARTICLE})){{1,4}}"
_DATE = (
    rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"
)
# A line holding a full date, a writer's credit or a reading time: metadata
# between a headline and its story ("Oct 30 2020 by Emily Co"), never the headline.
META_LINE = re.compile(
    rf"{_DATE}|\b{MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\b"
    rf"|{FULL_DATE.pattern}"
    rf"|\bmin\.? read\b|\b(?:{alternation(READING_TIME_WORDS)})\b"
    rf"|^\W*(?:{_OPENER}|(?:fact[- ]checked|reviewed|edited|medically reviewed) by)\b"
    r"|^\W*(?:veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado)\b",
    re.IGNORECASE,
)
# A byline and a date on one line: "Jane Doe | Updated 10 June 2025, 14:02",
# "Posted on 2 August 2024 by Jane Doe".
BYLINE_DATED = re.compile(
    rf"^(?:(?i:by)\s+)?(?P<names>{_NAMES})\s*[|•·,–—-]\s*"
    rf"(?i:(?:updated|published|posted)(?:\s+on)?:?\s+)?(?P<date>{_DATE})\s*$"
    rf"|^(?i:(?:posted|published|written)(?:\s+on)?\s+)(?P<date2>{_DATE})\s+(?i:by)\s+"
    rf"(?P<names2>{_NAMES})\s*$"
    # "By Jane Doe Feb 8, 2020 5 min read": "By" says where the names are.
    rf"|^(?i:by)\s+(?P<names3>{_NAMES})\s+(?P<date3>{_DATE})"
    r"(?:\s*[|•·,–—-]?\s*\d+\s*min(?:ute)?s?(?: read)?)?\s*$"
)
# Words of a writer's role, not a name ("Technology Editor").
ROLE_WORDS = re.compile(
    r"\b(?i:reporter|writer|correspondent|columnist|journalist|editor|staff|contributor|"
    r"critic|analyst|chief|desk|producer)\b"
)
# A wire's headline in capitals behind its topic: "CRICKET-ENGLAND V SOUTH AFRICA".
CAPS_SLUG = re.compile(r"^(?:[A-Z0-9]+ )?[A-Z]{3,}(?:/[A-Z]+)?-[A-Z]")
# A wire service's slug: capitals joined by hyphens or slashes ("USA-ECONOMY/JOBS"),
# or a budget code's words so joined ("BC-AS--Japan-Economy,1st Ld-Writethru").
WIRE_SLUG = re.compile(
    r"^(?:(?=[^a-z]*[A-Z])[A-Z0-9]{2,}(?:[-/][A-Z0-9]{2,})+/?"
    r"|BC-\w+(?:--?\w+)+(?:,[\w -]{1,40})?)$"
)

# A block that is only a date or a timestamp, perhaps with a label.
DATE_LINE = re.compile(
    # A reading time may stand first: "5 min read · 12 February 2025".
    r"^(?:\d+[\s-]*min(?:ute)?s?(?:\s+read)?\s*[|•·,]\s*)?"
    r"(?:(?:published|updated|posted|first published|last updated|last modified|date|"
    r"modified|created)(?: on| at)?\s*:?\s*)?"
    # The time may come first: "Updated 4:12 PM GMT+2, April 11, 2024".
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5}(?:[+-]\d{1,2})?)?,?\s+)?"
    rf"(?:{WEEKDAY},?\s+)?"
    r"(?P<date>"
    rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})"
    r"(?P<rest>[\s,|•·at-]*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*)?"
    r"(?:\s*[|•·,]?\s*(?:updated|published).{0,60})?"
    r"(?:\s*[|•·,]\s*\d+[\s-]*min(?:ute)?s?(?:\s+read)?)?)\s*$",
    re.IGNORECASE,
)

# "MOSCOW, April 9 (Reuters) -", "WASHINGTON (AP) —", "LONDON —": kept in the
# text, copied to metadata.
# The place must be in capitals; ``is_dateline`` checks that (``re`` has no \p{Lu}).
DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^\W\d_.'\-]*(?:[.'\-\s]+[^\W\d_][^\W\d_.'\-]*){0,3}\.?)"
    r"(?P<region>,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?"
    rf",?\s*(?P<date>(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+\d{{4}})?)?,?\s*"
    r"(?:\((?P<agency>[^)]{1,40})\))?\s*(?:[-–—]+|:)\s+"
)


def is_dateline(match: re.Match[str]) -> bool:
    place = match.group("place")
    return place.upper() == place and any(ch.isalpha() for ch in place) and len(place) > 1


PHOTO_CAPTION = re.compile(
    r"(?:^(?:photo(?:graph)?|image|picture|file photo|illustration|caption|image caption|"
    r"photo credit|credit|pictured|video|fotos?|bild(?:er)?|fotograf[íi]a)\s*:)"
    rf"|(?P<bracket>\(\s*(?:photo|image|picture|file)?[^()]{{0,80}}\b(?:{AGENCIES})\b[^()]{{0,40}}\)\s*$)"
    rf"|(?:\b(?:photo|image|picture)s?\s*(?:by|credit|courtesy(?: of)?)\b[^.]{{0,80}}$)"
    r"|(?:\b(?:photo(?:graph)?|image|picture|credit)s?\s*:\s*[^.:]{2,60}$)"
    rf"|(?:\s(?:[A-Z][\w.'’\-]+\s?){{0,3}}/\s*(?:{AGENCIES})(?:\s*/\s*\w+|\s+files?)?\s*$)"
    rf"|(?:^(?:{AGENCIES})\s*$)"
    r"|(?:^courtesy(?: of)?\s+[^.]{2,60}$)"
    rf"|(?:\b(?:REUTERS|AFP|AP|EPA|GETTY IMAGES)\s*/\s*[\w .'’\-]{{2,40}}\s*$)",
    re.IGNORECASE,
)

URL_LIKE = re.compile(
    r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|org|net|co\.uk|html?)(?:/\S*)?$", re.IGNORECASE
)

# Words a caption or credit without an agency's name cannot do without.
CAPTION_WORDS = (
    "photo",
    "image",
    "picture",
    "credit",
    "caption",
    "courtesy",
    "illustration",
    "pictured",
    "video",
    "foto",
    "bild",
)
# For lower-case text, matched case-sensitively: a case-blind search is slower.
AGENCY = re.compile(rf"\b(?:{AGENCIES.lower()})\b")
# A block that is an agency's name alone is this short.
AGENCY_LINE_CHARS = 40
# A paragraph of this many sentences that closes with an agency's name in
# brackets is credited prose, unless the brackets name a photo.
CREDITED_PROSE_SENTENCES = 3
PHOTO_IN_BRACKETS = re.compile(r"photo|foto|image|picture|bild|getty|pool", re.IGNORECASE)
# Captions are recognised by how they start or end; a block's middle never matters.
CAPTION_EDGE = 200


def may_be_caption(text: str, lowered: str) -> bool:
    """A cheap test before PHOTO_CAPTION: one of its words, or an agency's name
    where its other branches want one (in brackets, after a slash, or alone)."""
    if any(map(lowered.__contains__, CAPTION_WORDS)):
        return True
    if "(" not in text and "/" not in text and len(text.rstrip()) > AGENCY_LINE_CHARS:
        return False
    return AGENCY.search(lowered) is not None


def is_photo_caption(text: str, lowered: str | None = None) -> bool:
    if not may_be_caption(text, text.lower() if lowered is None else lowered):
        return False
    # Every branch is held to the block's start or end, so the start is tried
    # once and the search runs over the last characters only (from there, not
    # on a slice: a word boundary still sees the character before).
    match = PHOTO_CAPTION.match(text[:CAPTION_EDGE]) or PHOTO_CAPTION.search(
        text, max(1, len(text) - CAPTION_EDGE)
    )
    if match is None:
        return False
    bracket = match.group("bracket")
    # An agency in brackets closing a paragraph of several sentences ("… (dpa)")
    # is the text's own reporting credit; a photo's credit says it is one.
    return not (
        bracket
        and not PHOTO_IN_BRACKETS.search(bracket)
        and len(SENTENCE_BREAK.findall(text)) + 1 >= CREDITED_PROSE_SENTENCES
    )


class RuleSet:
    """Whole-block rules tried in order, answered with the first that matches.

    The rules without hints are one expression: most blocks are no chrome,
    and one match turns them away. A block that matches, or that holds a
    hint, is tried rule by rule (a rule with hints only where one of its own
    is), so the first rule still wins.
    """

    def __init__(self, rules: tuple[ChromeRule, ...]) -> None:
        self.rules = rules
        self._hints = tuple(sorted({h for rule in rules for h in rule.hints}))
        plain = [f"(?:{rule.pattern.pattern})" for rule in rules if not rule.hints]
        self._plain = re.compile("|".join(plain) or "(?!)")

    def match(self, text: str, lowered: str | None = None) -> ChromeRule | None:
        """The first rule matching the whole block (``lowered``: its lower case)."""
        lowered = text.lower() if lowered is None else lowered
        hinted = any(map(lowered.__contains__, self._hints))
        if not hinted and self._plain.match(lowered) is None:
            return None
        return next(
            (
                rule
                for rule in self.rules
                if (not rule.hints or any(map(lowered.__contains__, rule.hints)))
                and rule.pattern.match(lowered)
            ),
            None,
        )


CHROME = RuleSet(CHROME_RULES)
LISTS = RuleSet(LIST_SECTIONS)
TERMINALS = RuleSet(TERMINAL_SECTIONS)

# A writer's role on a line of its own, under their name ("Business reporter").
ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w'’\-]*\s+(?:(?!(?i:to|the|of|for|and|a|an|de|del)\s)[\w'’&\-]+\s+){0,2})?"
    r"(?i:reporter|correspondent|editor|writer|columnist|journalist|"
    r"contributor|critic|analyst)s?$"
)
# Two to four capitalised words and nothing else: how a name stands alone.
PERSON_NAME_LINE = re.compile(rf"^[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|{_PARTICLE})){{1,3}}$")

NON_WORDS = re.compile(r"\W+")


CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?![:.]\d{2,4}\b)")


KICKER_SEPARATOR = re.compile(r"\s+[|•·]\s+")


KICKER_FLAG = re.compile(
    r"^(?:breaking(?: news)?|live|latest|exclusive|updated|new|just in)$", re.IGNORECASE
)


BY_ALONE = re.compile(rf"^(?i:{_OPENER}):?$")


HANDLE_LINE = re.compile(r"^@\w{1,30}$")
