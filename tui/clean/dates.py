"""Publication dates as pages write them, in the languages lede reads pages in.

A page sets its date near the headline in a line of its own kind ("July 24,
2019 by Amy Motroni 5 Comments", "Veröffentlicht am 15/07/2014 von Guido
Beyss", "Published: 22:00 GMT, 26 September 2020 | Updated: …"), which no
whole-line pattern can list. The first full date in such a line is the
publication date; this module finds it and writes it as ISO.
"""

from __future__ import annotations

import re
from datetime import date

from tui.vocabulary import MONTH_NUMBERS, alternation

# Month names in the languages of the function-word lists.
_MONTH = alternation(MONTH_NUMBERS)
_YEAR = r"(?:19|20)\d\d"
FULL_DATE = re.compile(
    # "Apr. 26, 2022", "December 14th 2019"
    rf"\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR})(?!\d)"
    # "26 September 2020", "31. October, 2023", "21 de abril de 2022", "1er mars 2020"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?P<m2>{_MONTH})\.?,?\s+"
    rf"(?:de\s+)?(?P<y2>{_YEAR})(?!\d)"
    # "2022-04-26", "2021/09/19"
    rf"|\b(?P<y3>{_YEAR})[-/](?P<m3>\d{{1,2}})[-/](?P<d3>\d{{1,2}})\b"
    # "26.04.2022", "15/07/2014", "07/15/2014"
    rf"|\b(?P<a4>\d{{1,2}})(?P<sep>[./])(?P<b4>\d{{1,2}})[./](?P<y4>{_YEAR})(?!\d)",
    re.IGNORECASE,
)


def full_date(text: str, month_first: bool = True) -> str | None:
    """The first full date written in ``text``, as ISO ("2022-04-26"), or None.

    Numbers alone say day or month only when one of them is above 12 or the
    separator is a dot (German "26.04.2022"); otherwise ``month_first`` says
    (true of American pages, not of European ones).
    """
    for match in FULL_DATE.finditer(text):
        found = match.groupdict()
        if found["y1"]:
            year, month, day = (
                int(found["y1"]),
                MONTH_NUMBERS[found["m1"].lower()],
                int(found["d1"]),
            )
        elif found["y2"]:
            year, month, day = (
                int(found["y2"]),
                MONTH_NUMBERS[found["m2"].lower()],
                int(found["d2"]),
            )
        elif found["y3"]:
            year, month, day = int(found["y3"]), int(found["m3"]), int(found["d3"])
        else:
            first, second, year = int(found["a4"]), int(found["b4"]), int(found["y4"])
            day_first = found["sep"] == "." or first > 12 or (second <= 12 and not month_first)
            day, month = (first, second) if day_first else (second, first)
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue
    return None
