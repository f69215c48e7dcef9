#!/usr/bin/env python3
"""What a reader can reach, compared between two builds of the same content.

Usage: scripts/site-diff.py BEFORE_SITE AFTER_SITE [BASE_URL]

For every HTML page of BEFORE_SITE: is it in AFTER_SITE, are its links the same (each resolved
against the page's URL, so a relative link and an absolute one to the same page are equal), and
is its visible text the same (everything outside <head>, <script>, <style> and <footer>)? Prints,
per top folder, how many pages differ and a few of the texts that are gone. Used to show that a
markup change lost no content (docs/BENCHMARKS.md, "Bytes per paper"). Exits 1 if a page is
missing or a link differs.
"""
import os
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin

HIDDEN = ('script', 'style', 'head', 'footer')


class Page(HTMLParser):
    def __init__(self, url):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.links = set()
        self.text = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        href = dict(attrs).get('href')
        if tag == 'a' and href is not None:
            self.links.add(urljoin(self.url, href))

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.text.append(' '.join(data.split()))


def read(root, rel, base):
    page = Page(base + rel.removesuffix('index.html'))
    with open(os.path.join(root, rel), encoding='utf-8') as f:
        page.feed(f.read())
    return page


def main(before, after, base):
    pages = sorted(os.path.relpath(os.path.join(d, n), before)
                   for d, _, names in os.walk(before) for n in names if n.endswith('.html'))
    bad = 0
    areas = {}
    for rel in pages:
        area = rel.split('/')[0] if '/' in rel else '(top)'
        a = areas.setdefault(area, {'pages': 0, 'missing': 0, 'links': 0, 'text': 0, 'gone': []})
        a['pages'] += 1
        if not os.path.exists(os.path.join(after, rel)):
            a['missing'] += 1
            bad += 1
            continue
        x, y = read(before, rel, base), read(after, rel, base)
        if x.links != y.links:
            a['links'] += 1
            bad += 1
            print(f'{rel}: links differ: {sorted(x.links ^ y.links)[:4]}')
        if x.text != y.text:
            a['text'] += 1
            kept = set(y.text)
            if len(a['gone']) < 3:
                a['gone'].append((rel, [t[:80] for t in x.text if t not in kept][:2]))
    for area, a in sorted(areas.items()):
        print(f"{area:10} {a['pages']:6} pages  missing {a['missing']}  links differ {a['links']}  text differs {a['text']}")
        for rel, gone in a['gone']:
            print(f'    {rel}: gone {gone}')
    return 1 if bad else 0


if __name__ == '__main__':
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else 'https://example.github.io/archive/'))
