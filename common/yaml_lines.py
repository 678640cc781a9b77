"""Read YAML keeping line numbers, so every problem in a data file can be reported as `file:line: message`.

Every data file of the bot (the policy and FAQ of `knowledge/`, the request types and the operator's
configuration of `intake/`) is read the same way: `YamlReader.load()` parses it into `Located` values, then each
format's reader (a subclass adding that format's typed accessors) records a `Problem` for every bad value
instead of stopping at the first, so one run reports them all.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Located:
    """A YAML value with the line it starts on; mappings map keys to `Located`, sequences hold `Located`."""

    value: Any
    line: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, at a line (0 when the file as a whole is wrong)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class YamlFileError(Exception):
    """A YAML file that cannot be read at all; str() is `file:line: message`."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = str(path), line, message

    @property
    def problem(self) -> Problem:
        return Problem(self.path, self.line, self.message)


class _BadScalar(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def load_located(path: Path | str) -> Located:
    """Parse a YAML file into `Located` values; syntax errors become `YamlFileError` naming the line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlFileError(path, 0, f"cannot read: {exc}") from exc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, 1)
        return _locate(node, loader)
    except _BadScalar as exc:
        raise YamlFileError(path, exc.line, exc.message) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlFileError(path, line, f"invalid YAML: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise YamlFileError(path, 0, f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()


def _locate(node: yaml.Node, loader: Any) -> Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return Located({str(loader.construct_object(k)): _locate(v, loader) for k, v in node.value}, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_locate(item, loader) for item in node.value], line)
    try:
        return Located(loader.construct_object(node), line)
    except ValueError as exc:  # a well-formed scalar with an impossible value, e.g. the date 2026-02-30
        raise _BadScalar(line, f"{node.value!r} is not a valid value: {exc}") from exc


class YamlReader:
    """Reads one YAML data file, recording a `Problem` for each bad value instead of raising at the first.

    Subclasses add the typed accessors of their format (a policy entry, a request type, a setting); what is
    shared is the file's path, the list of problems, and the checks every format makes.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self.problems: list[Problem] = []

    def load(self) -> Located | None:
        """The file's located root, or None (and the problem recorded) when it cannot be read or parsed."""
        try:
            return load_located(self.path)
        except YamlFileError as exc:
            self.problems.append(exc.problem)
            return None

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def fail(self, node: Located, message: str) -> None:
        """A problem at the line of `node`."""
        self.problem(node.line, message)

    def mapping(self, node: Located, what: str) -> dict[str, Located] | None:
        """The node's mapping, or None (and "`what` must be a mapping") when it is something else."""
        if isinstance(node.value, dict):
            return node.value
        self.fail(node, f"{what} must be a mapping")
        return None
