"""Summarises valgrind memcheck XML logs and decides whether our code made any error.

    python tools/valgrind_report.py REPO LOG.xml...

An error is ours when any frame of its stack lies in a shared object under REPO (the extension modules
built from this checkout). Leak records are not errors here: at exit CPython frees neither its modules nor
the types they made, so "definitely lost" blocks are mostly the interpreter's and our type tables (leaked on
purpose: they must outlive the types), and leaks are hunted by the reference-leak run and the long loop
instead. Prints one line per kind (ours / the interpreter's own), the first stacks of ours, and exits 1 when
we have any.
"""

from __future__ import annotations

import collections
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    repo, logs = sys.argv[1], sys.argv[2:]
    if not logs:
        print("valgrind-report: no XML log given (did valgrind run?)")
        return 1
    ours: collections.Counter[str] = collections.Counter()
    theirs: collections.Counter[str] = collections.Counter()
    shown = 0
    processes = 0
    children = 0
    for log in logs:
        with open(log, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if "</valgrindoutput>" not in text:
            # A process the tests forked opens its own log, then exec()s out of valgrind (children are not
            # traced): its log stops there. Any error it logged before the exec still counts.
            if "<error>" not in text:
                children += 1
                continue
            text = text[: text.rindex("</error>") + len("</error>")] + "\n</valgrindoutput>\n"
        try:
            root = ET.fromstring(text)
        except ET.ParseError as e:
            print(f"valgrind-report: {log} is not valid XML ({e})")
            return 1
        processes += 1
        for error in root.iter("error"):
            kind = error.findtext("kind") or "?"
            if kind.startswith("Leak_"):
                continue
            frames = error.find("stack")
            frame_list = frames.findall("frame") if frames is not None else []
            mine = any((f.findtext("obj") or "").startswith(repo) for f in frame_list)
            (ours if mine else theirs)[kind] += 1
            if mine and shown < 5:
                shown += 1
                print(f"OURS {kind}: {error.findtext('what') or error.findtext('xwhat/text')}")
                for f in frame_list[:15]:
                    where = f"{f.findtext('file')}:{f.findtext('line')}" if f.findtext("file") else f.findtext("obj")
                    print(f"    {f.findtext('fn')} ({where})")
    print(f"valgrind-report: {processes} process(es) traced ({children} forked children left valgrind at exec); errors in our code: {sum(ours.values())} {dict(ours)}; "
          f"in the interpreter and its libraries only: {sum(theirs.values())} {dict(theirs)} (leak records "
          "not counted)")
    return 1 if ours else 0


if __name__ == "__main__":
    sys.exit(main())
