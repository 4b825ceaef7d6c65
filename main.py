"""Neighbourhood Ledger (社区台账) entry point.

``python main.py`` opens the app; ``python main.py SUBCOMMAND …`` runs the
command line (no Qt is loaded for it).
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from neighbourhood import cli

    args = cli.parse(sys.argv[1:] if argv is None else argv)
    if args.command is None and args.smoke_test is not None:
        from ui.smoke import run_smoke  # checks a build (or the bundle) end to end, offscreen

        return run_smoke(args.smoke_test)
    if args.command is None:
        from ui.app import run  # Qt only for the window

        return run(args)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
