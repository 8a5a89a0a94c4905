"""``mtqa rules``: list the rules; ``mtqa rules explain ID`` prints one rule's documentation."""
from __future__ import annotations

import json
import sys

import typer

from ..errors import UsageError

app = typer.Typer(help="List the rules, or explain one.", invoke_without_command=True, no_args_is_help=False)


@app.callback()
def rules(ctx: typer.Context,
          as_json: bool = typer.Option(False, "--json", help="Machine-readable list."),
          as_markdown: bool = typer.Option(False, "--markdown", help="Every rule's full documentation "
                                           "as one Markdown page (docs/rules.md is made this way)."),
          select: str = typer.Option("", "--select", help="Only ids starting with these prefixes.")) -> None:
    """List every rule: id, name, default severity, category, summary."""
    if ctx.invoked_subcommand is not None:
        return
    from ..rules import ALL_RULES

    chosen = [r for r in ALL_RULES
              if not select or any(r.id.startswith(p.strip().upper()) for p in select.split(",") if p.strip())]
    if as_markdown:
        from ..docs import reference

        sys.stdout.write(reference(chosen))
        return
    if as_json:
        sys.stdout.write(json.dumps([{"id": r.id, "name": r.name, "category": r.category,
                                      "severity": r.severity.label, "needs": sorted(r.needs),
                                      "summary": r.summary} for r in chosen], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False)
    for col in ("id", "name", "severity", "category"):
        table.add_column(col, no_wrap=True)
    table.add_column("summary", overflow="fold", min_width=30)
    for r in chosen:
        table.add_row(r.id, r.name, r.severity.label, r.category, r.summary)
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 160  # piped: keep one rule per line
    console.print(table)


@app.command()
def explain(rule_id: str = typer.Argument(..., help="A rule id such as TERM001, or a rule name.")) -> None:
    """Print a rule's documentation: what it does, why, examples, options, known problems."""
    from ..docs import render
    from ..rules import ALL_RULES

    key = rule_id.strip()
    found = [r for r in ALL_RULES if r.id == key.upper() or r.name == key.lower()]
    if not found:
        raise UsageError(f"no rule {rule_id!r} (see 'mtqa rules')")
    text = render(found[0])
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        sys.stdout.write(text)
