"""Find the user-facing error messages of bot/ and tools/ in the source: every PQError (or subclass)
built with a literal or f-string message. Used to check that the app's Dutch catalogue covers them."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Messages only the command line shows (its arguments and files); the app never raises them.
CLI_ONLY = {"bot/cli.py"}


@dataclass(frozen=True)
class ErrorSite:
    path: str
    line: int
    template: str  # the message with each {…} replaced by a placeholder

    def sample(self, value: str = "X1") -> str:
        return self.template.replace("\0", value)


def _python_files() -> list[Path]:
    return sorted([*ROOT.glob("bot/**/*.py"), *ROOT.glob("tools/**/*.py")])


def _error_classes(files: list[Path]) -> set[str]:
    names = {"PQError"}
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in files]
    changed = True
    while changed:  # subclasses of subclasses
        changed = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", None) for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        changed = True
    return names


def _template(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        out = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                out.append(str(value.value))
            else:
                out.append("\0")
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return None if left is None or right is None else left + right
    return None


def error_sites() -> list[ErrorSite]:
    files = _python_files()
    classes = _error_classes(files)
    found: list[ErrorSite] = []
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        if relative in CLI_ONLY:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        error_class_bodies = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name in classes]
        inside_error_classes = {id(n) for c in error_class_bodies for n in ast.walk(c)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            is_error = name in classes
            # super().__init__(f"…") inside an error class builds that class's message
            is_super_init = (name == "__init__" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
                             and getattr(func.value.func, "id", None) == "super" and id(node) in inside_error_classes)
            if not (is_error or is_super_init):
                continue
            template = _template(node.args[0])
            if template is not None:
                found.append(ErrorSite(relative, node.lineno, template))
    return found


if __name__ == "__main__":
    for site in error_sites():
        print(f"{site.path}:{site.line}: {site.sample('‹x›')!r}")
