"""The tree shows the pipeline, and imports only go down it.

tools (catalog, data, aggregation, availability) < bot.settings/registry < bot.parse <
bot.retrieval < bot.reading < bot.drafting < the application modules (ask, llm, …) <
bot.service and bot.cli < app.py. Only bot/settings.py reads the environment.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("tools/**/*.py"), *ROOT.glob("bot/**/*.py"), ROOT / "app.py"])

# Lower number = lower layer. A module may import its own layer or any lower one.
LAYERS = [
    ("tools", 0),
    ("bot.settings", 1),
    ("bot.registry", 1),
    ("bot.parse", 2),
    ("bot.retrieval", 3),
    ("bot.reading", 4),
    ("bot.drafting", 5),
    ("bot.service", 7),
    ("bot.cli", 7),
    ("bot.__main__", 8),
    ("bot", 6),  # the other application modules at the top of bot/: ask, llm, …
    ("app", 9),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def layer(module: str) -> int | None:
    for prefix, rank in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return rank
    return None


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # "from bot import ask" names a module too
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names if node.module in ("bot", "tools")]
    return found


def test_every_module_has_a_layer():
    assert all(layer(module_name(p)) is not None for p in SOURCES), [module_name(p) for p in SOURCES if layer(module_name(p)) is None]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: module_name(p))
def test_imports_only_go_down(path):
    own = layer(module_name(path))
    upward = [(line, name) for line, name in imported_modules(path)
              if layer(name) is not None and layer(name) > own and not (module_name(path) == "bot" and name.startswith("bot."))]
    assert not upward, f"{module_name(path)} (layer {own}) imports from above: {upward}"


def test_tools_never_imports_bot():
    offenders = [(module_name(p), line, name) for p in ROOT.glob("tools/**/*.py") for line, name in imported_modules(p)
                 if name == "bot" or name.startswith("bot.") or name == "app"]
    assert offenders == []


def test_only_the_settings_module_reads_the_environment():
    offenders = []
    for path in SOURCES:
        if module_name(path) == "bot.settings":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                offenders.append((module_name(path), node.lineno, node.attr))
            if isinstance(node, ast.ImportFrom) and node.module == "os" and any(a.name in ("environ", "getenv") for a in node.names):
                offenders.append((module_name(path), node.lineno, "from os import environ/getenv"))
    assert offenders == []


def test_the_checks_would_catch_a_violation(tmp_path):
    # The walkers above see lazy imports inside functions and attribute reads of os.environ.
    sample = tmp_path / "sample.py"
    sample.write_text("import os\n\ndef f():\n    from bot.service import Service\n    return os.environ.get('X')\n")
    assert (4, "bot.service") in imported_modules(sample)
    tree = ast.parse(sample.read_text())
    assert any(isinstance(n, ast.Attribute) and n.attr == "environ" for n in ast.walk(tree))
