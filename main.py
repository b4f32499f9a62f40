"""Banmian entry point: ``parse``/``export`` run headless (no Qt import); anything else opens the window."""

from __future__ import annotations

import sys

HEADLESS = ("parse", "export", "evaluate", "index", "search")


def main(argv: list[str]) -> int:
    if argv and argv[0] in HEADLESS:
        from core.cli import main as cli_main

        return cli_main(argv)
    if argv and argv[0] in ("-h", "--help"):
        print(
            "usage: main.py [PAGE.txt]            open the editor window (the bundled sample without PAGE)\n"
            "       main.py FOLDER|ISSUE.pdf         open an issue: its page list, pages parsed in the background\n"
            "       main.py parse PAGE|DIR [-o OUT]  automatic annotation as JSON\n"
            "       main.py export PAGE|DIR [-o OUT] [--format json|conll|jsonl] [--comments]\n"
            "       main.py export DIR|ISSUE.pdf -o OUTDIR   the issue: corpus.jsonl, corpus.conll, pages/, METS+ALTO\n"
            "       main.py evaluate GOLDDIR [--learn]  corrections left against gold (the learning curve)\n"
            "       main.py index DIR                 add pages (or JSON exports) to the searchable corpus\n"
            "       main.py search QUERY [--type PER]  articles of the corpus matching a text or an entity"
        )
        return 0
    from ui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
