"""Checks that no list item of the printed report is split across pages. Used by scripts/ci/html.

Usage: html-pages.py REPORT.html REPORT.pdf. Reads the top-level items of the actions and gaps lists from the
HTML, the text of each PDF page from `pdftotext`, and fails when an item's first words and last words are on
different pages. Prints how many items it checked.
"""
import html.parser
import re
import subprocess
import sys


class Items(html.parser.HTMLParser):
    """The text of each `li` directly inside `ol.actions` or `ul.gaps`."""

    def __init__(self):
        super().__init__()
        self.stack, self.items, self.current = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "meta", "link", "hr", "input", "wbr"):
            return
        classes = dict(attrs).get("class", "") or ""
        parent = self.stack[-1] if self.stack else ("", "")
        self.stack.append((tag, classes))
        if tag == "li" and parent[0] in ("ol", "ul") and parent[1] in ("actions", "gaps"):
            self.current = []
            self.depth = len(self.stack)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if self.current is not None and tag == "li" and len(self.stack) == self.depth - 1:
            self.items.append(" ".join("".join(self.current).split()))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data + " ")


def words(text):
    return re.findall(r"[\w@.'’]+", text.lower())


parser = Items()
parser.feed(open(sys.argv[1], encoding="utf-8").read())
pages = subprocess.run(["pdftotext", "-enc", "UTF-8", sys.argv[2], "-"], capture_output=True, text=True, check=True)
page_words = [" ".join(words(page)) for page in pages.stdout.split("\f")]


def page_of(fragment, start=1):
    """The first page from `start` on whose text holds `fragment` (items come in page order)."""
    for number, page in enumerate(page_words, 1):
        if number >= start and fragment in page:
            return number
    return None


split, unfound, cursor = [], 0, 1
for item in parser.items:
    w = words(item)
    head, tail = " ".join(w[:4]), " ".join(w[-4:])
    # A label drawn in its own box (the severity) may come out of the PDF apart from the words after it.
    first = page_of(head, cursor) or page_of(" ".join(w[1:5]), cursor)
    last = page_of(tail, first or cursor)
    if first is None or last is None:
        unfound += 1
    else:
        cursor = first
    if first is not None and last is not None and first != last:
        split.append("%s … (pages %d–%d)" % (item[:50], first, last))
print("== print: %d list items checked, %d split across pages, %d not found in the PDF text" % (len(parser.items), len(split), unfound))
if not parser.items or unfound * 2 > len(parser.items):
    print("FAIL: the PDF's text could not be matched with the report's items", file=sys.stderr)
    sys.exit(1)
if split:
    print("FAIL: items split across pages: " + "; ".join(split), file=sys.stderr)
    sys.exit(1)
