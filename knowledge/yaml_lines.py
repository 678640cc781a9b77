"""Read YAML keeping line numbers, so every problem in a data file can be reported as `file:line: message`."""
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


class YamlFileError(Exception):
    """A YAML file that cannot be read at all; str() is `file:line: message`."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = str(path), line, message


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
