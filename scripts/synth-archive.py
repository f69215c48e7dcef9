#!/usr/bin/env python3
"""Builds a larger archive out of a real one, for scale benchmarks.

Usage: scripts/synth-archive.py SOURCE DEST COPIES

DEST gets SOURCE's channel folders as they are, plus COPIES - 1 more sets named
<channel>-copy<k>, in which every new-style arXiv id (YYMM.NNNNN, from 1501 on) is replaced by an
id of its own, so each set adds as many distinct papers as SOURCE has. Texts, dates, layouts and
format variations stay exactly as they were. Deterministic: same input, same output.
"""
import os
import re
import sys

ID = re.compile(r'(?<![\d.])(\d{4})\.(\d{5})(?!\d)')


def files(root):
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for n in sorted(names):
            if n.endswith('.md'):
                yield os.path.join(d, n)


def main(source, dest, copies):
    known = set()
    for f in files(source):
        with open(f, encoding='utf-8', errors='surrogateescape') as h:
            known.update(m.group(0) for m in ID.finditer(h.read()) if m.group(1) >= '1501')
    for k in range(copies):
        fresh = {}
        counters = {}

        def rename(m):
            old = m.group(0)
            if k == 0 or old not in known:
                return old
            if old not in fresh:
                yymm = m.group(1)
                c = counters.get(yymm, 0)
                counters[yymm] = c + 1
                # Real numbers stay below 40000; each copy takes a range of its own above it.
                fresh[old] = f'{yymm}.{40000 + (k - 1) * 20000 + c:05d}'
            return fresh[old]

        for f in files(source):
            rel = os.path.relpath(f, source)
            parts = rel.split(os.sep)
            if k > 0 and len(parts) > 1:
                parts[0] = f'{parts[0]}-copy{k}'
            elif k > 0:
                parts = [f'copy{k}'] + parts
            out = os.path.join(dest, *parts)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(f, encoding='utf-8', errors='surrogateescape', newline='') as h:
                text = h.read()
            with open(out, 'w', encoding='utf-8', errors='surrogateescape', newline='') as h:
                h.write(ID.sub(rename, text))


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
