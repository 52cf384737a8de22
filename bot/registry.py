"""A small registry of backend factories, chosen by a spec string `name` or `name:argument`.

Embedders and chat-model providers register here (the way simonw/llm registers models), so
adding a backend is one decorated function, not another branch in an if/elif chain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from tools.errors import PQError

T = TypeVar("T")


class UnknownBackend(PQError):
    """A spec that names no registered backend; the message lists the choices."""


class Registry(Generic[T]):
    def __init__(self, kind: str, setting: str) -> None:
        self.kind = kind
        self.setting = setting  # the variable that chooses it, for error messages
        self._factories: dict[str, tuple[Callable[[str], T], bool]] = {}

    def register(self, name: str, takes_argument: bool = False) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
        """Decorator: `factory(argument)` builds the backend for `name` or `name:argument`."""

        def add(factory: Callable[[str], T]) -> Callable[[str], T]:
            self._factories[name] = (factory, takes_argument)
            return factory

        return add

    def names(self) -> list[str]:
        return [f"{name}:<…>" if takes else name for name, (_, takes) in self._factories.items()]

    def create(self, spec: str) -> T:
        name, _, argument = spec.strip().partition(":")
        entry = self._factories.get(name.strip())
        if entry is None:
            raise UnknownBackend(f"unknown {self.kind} {spec!r} in {self.setting}; choose from: {', '.join(self.names())}")
        factory, takes_argument = entry
        argument = argument.strip()
        if takes_argument and not argument:
            raise UnknownBackend(f"{self.setting}={spec!r}: give {name}:<name>, e.g. {name}:{'model'}")
        if not takes_argument and argument:
            raise UnknownBackend(f"{self.setting}={spec!r}: {name} takes no argument")
        return factory(argument)
