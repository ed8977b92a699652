"""A record file read a list item at a time, so that a huge record is never whole in memory.

The record of a 20 MB article is a 260 MB JSON file with 700,000 mentions and claims:
read whole, as dicts (``mentions.jsonl``) or as a validated record (the tables, a resumed
run's check), it took 60 to 120 MB of memory per MB of article text. Here its list fields
are parsed one item at a time with the standard library's C scanner
(:meth:`json.JSONDecoder.raw_decode` over a block of the file), each item checked with its
pydantic model when asked, and kept in a :class:`Spool` (pickled to a temporary file past
256 items) for the steps that read the items in another order (id order across kinds)
or by id (:class:`IdMap`: 8 bytes a ``q12`` id).

>>> import io
>>> record = stream_record(io.StringIO('{"doc_id": "a", "claims": [{"id": "c2"}, {"id": "c1"}]}'),
...                        spool=("claims",))
>>> record.head, [c["id"] for c in record.lists["claims"].in_id_order()]
({'doc_id': 'a'}, ['c1', 'c2'])
"""

from __future__ import annotations

import heapq
import json
import pickle
import re
import struct
import tempfile
import typing
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from pipeline.record import ArticleRecord

LIST_FIELDS = ("entities", "entity_groups", "quantities", "percentages", "money", "dates", "ordinals", "claims")
_ITEM_MODELS: dict[str, type[BaseModel]] = {
    name: typing.get_args(ArticleRecord.model_fields[name].annotation)[0] for name in LIST_FIELDS}
_ID = re.compile(r"^([a-z]+)(\d+)$")
_DIGITS = "0123456789"
_WHITE = re.compile(r"[ \t\n\r]*")
_NEXT_ITEM = re.compile(r"[ \t\n\r]*,[ \t\n\r]*(?=[^ \t\n\r])")  # "," and the white space around it
_DECODER = json.JSONDecoder()
_BLOCK = 1 << 16  # characters of a record read at a time
_SPOOL_BLOCK = 1 << 16  # bytes of a spool read at a time
_LENGTH = struct.Struct("<Q")
_FEW = 256  # items a spool keeps as they are (an article's usual list); past them, it pickles them to a file
_FEW_IDS = 1024  # ids an IdMap keeps in a dict (the fastest) before it moves to arrays
_GAP = 1 << 16  # ids numbered further than this past the last one go to IdMap's dict

Item = dict[str, Any]
OnItem = Callable[[str, Item, int], None]  # field, item, its number in the field's spool (-1: not spooled)


class RecordError(ValueError):
    """A record file that is not valid JSON or not a valid record: ``loc`` and ``msg`` as
    in a pydantic error (``("claims", 3, "values")``, ``"List should have at least 1 item"``)."""

    def __init__(self, loc: tuple[str | int, ...], msg: str) -> None:
        self.loc, self.msg = loc, msg
        super().__init__(f"{self.where + ': ' if self.where else ''}{msg}")

    @property
    def where(self) -> str:
        return ".".join(str(part) for part in self.loc)


def id_key(mention_id: str) -> tuple[str, int, str]:
    """The order of ids in a record: by prefix, then by number (``q2`` before ``q10``)."""
    match = _ID.match(mention_id)
    return (match.group(1), int(match.group(2)), "") if match else ("", 0, mention_id)


class Spool:
    """Items of one list field, kept as they are while few (256), else pickled one after
    another in an unnamed temporary file; read back in order, in id order, or one by its
    number. (A spool is written and read by this process only: pickle is its fastest exact
    round trip.) Items read back are shared while few: read them, do not change them."""

    def __init__(self, directory: Path | None = None) -> None:
        self._items: list[Item] = []  # while few
        self._file: IO[bytes] | None = None  # then: the items pickled, each after its length,
        self._starts = array("q")  # where each one starts,
        self._size = 0  # and the bytes written
        self._directory = directory
        self._moved = False  # the file's position is not at its end
        self.count = 0
        self.in_order = True  # the items came in id order
        self._last: tuple[str, int, str] | None = None

    def append(self, item: Item) -> int:
        """Keep ``item`` (a dict with a string ``id``); returns its number for :meth:`read`."""
        key = id_key(item["id"])
        if self._last is not None and key < self._last:
            self.in_order = False
        self._last = key
        if self._file is None and len(self._items) < _FEW:
            self._items.append(item)
        else:
            if self._file is None:
                self._file = tempfile.TemporaryFile(dir=self._directory)
                for kept in self._items:
                    self._write(kept)
                self._items = []
            self._write(item)
        self.count += 1
        return self.count - 1

    def _write(self, item: Item) -> None:
        assert self._file is not None
        if self._moved:  # read since: back to the end (a seek flushes a file's buffer: only then)
            self._file.seek(self._size)
            self._moved = False
        blob = pickle.dumps(item, pickle.HIGHEST_PROTOCOL)
        self._file.write(_LENGTH.pack(len(blob)) + blob)
        self._starts.append(self._size)
        self._size += _LENGTH.size + len(blob)

    def read(self, number: int) -> Item:
        """Item ``number`` (from 0, in the order they came)."""
        if self._file is None:
            return self._items[number]
        self._moved = True
        self._file.seek(self._starts[number])
        (length,) = _LENGTH.unpack(self._file.read(_LENGTH.size))
        item: Item = pickle.loads(self._file.read(length))
        return item

    def __iter__(self) -> Iterator[Item]:
        """Every item, in the order they came (a file read a block at a time)."""
        if self._file is None:
            yield from self._items
            return
        block, start, pos = b"", 0, 0  # block: the bytes from offset ``start``; ``pos``: in block
        for _ in range(self.count):
            if pos + _LENGTH.size > len(block):
                block, start, pos = self._block(start + pos, _LENGTH.size), start + pos, 0
            (length,) = _LENGTH.unpack_from(block, pos)
            end = pos + _LENGTH.size + length
            if end > len(block):
                block, start, pos = self._block(start + pos, end - pos), start + pos, 0
                end = _LENGTH.size + length
            yield pickle.loads(memoryview(block)[end - length:end])
            pos = end

    def _block(self, offset: int, at_least: int) -> bytes:
        assert self._file is not None
        self._moved = True
        self._file.seek(offset)
        return self._file.read(max(_SPOOL_BLOCK, at_least))

    def in_id_order(self) -> Iterator[Item]:
        """Every item sorted by :func:`id_key` (stable); sorted in memory only if they came out of order."""
        yield from self if self.in_order else sorted(self, key=lambda item: id_key(item["id"]))

    def close(self) -> None:
        self._items = []
        if self._file is not None:
            self._file.close()


def merged_in_id_order(spools: Iterable[tuple[str, Spool]]) -> Iterator[tuple[str, Item]]:
    """``(name, item)`` of several spools merged by id: the order of ``sorted`` over their items
    concatenated (equal ids: the earlier spool first)."""
    def named(name: str, spool: Spool) -> Iterator[tuple[str, Item]]:
        for item in spool.in_id_order():
            yield name, item

    return heapq.merge(*(named(name, spool) for name, spool in spools), key=lambda pair: id_key(pair[1]["id"]))


class IdMap:
    """A map from record ids to ints >= 0 that stays small for a huge record: past 1,024 ids,
    an id written as a prefix and a number (``q12``, not ``q012``) takes 8 bytes, a slot of
    its prefix's array; any other id (or one numbered far past the others) is a dict entry.

    >>> ids = IdMap()
    >>> ids["q12"], ids["q012"], ids["Acme"] = 1, 2, 3
    >>> ids.get("q12"), ids.get("q012"), ids.get("Acme"), ids.get("q11")
    (1, 2, 3, -1)
    """

    def __init__(self) -> None:
        self._arrays: dict[str, array[int]] | None = None  # None: every id in the dict (while few)
        self._others: dict[str, int] = {}

    def _slot(self, key: str, *, grow: bool) -> tuple[array[int], int] | None:
        if self._arrays is None:
            if not grow or len(self._others) < _FEW_IDS:
                return None
            self._arrays, few = {}, self._others
            self._others = {}
            for held, value in few.items():
                self[held] = value
        prefix = key.rstrip(_DIGITS)
        digits = key[len(prefix):]
        if not prefix or not digits or digits[0] == "0" or len(digits) > 12:
            return None
        number = int(digits)
        slots = self._arrays.get(prefix)
        if slots is None:
            if not grow or number > _GAP:
                return None
            slots = self._arrays[prefix] = array("q")
        if number >= len(slots):
            if not grow or number > len(slots) + _GAP:
                return None
            slots.extend(array("q", [-1]) * (number + 1 - len(slots)))
        return slots, number

    def __setitem__(self, key: str, value: int) -> None:
        if key in self._others:
            self._others[key] = value
            return
        slot = self._slot(key, grow=True)
        if slot is None:
            self._others[key] = value
        else:
            slot[0][slot[1]] = value

    def keep_max(self, key: str, value: int) -> int:
        """Set ``key`` to ``value`` unless it holds more; returns what it held (-1: nothing)."""
        if key in self._others:
            held = self._others[key]
            self._others[key] = max(held, value)
            return held
        slot = self._slot(key, grow=True)
        if slot is None:
            self._others[key] = value
            return -1
        held = slot[0][slot[1]]
        if value > held:
            slot[0][slot[1]] = value
        return held

    def get(self, key: str, default: int = -1) -> int:
        """The value of ``key``, else ``default``."""
        if key in self._others:
            return self._others[key]
        slot = self._slot(key, grow=False)
        value = slot[0][slot[1]] if slot is not None else -1
        return default if value < 0 else value


class _Source:
    """A JSON text read in blocks; values parsed one at a time by the standard library's scanner."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh, self.buf, self.pos, self.dropped, self.ended = fh, "", 0, 0, False

    def _more(self, at_least: int = _BLOCK) -> bool:
        """Read on (at least ``at_least`` characters: a value that did not fit doubles the window)."""
        if self.ended:
            return False
        try:
            data = self.fh.read(max(_BLOCK, at_least))
        except UnicodeDecodeError as exc:
            raise RecordError((), f"Invalid JSON: not UTF-8 ({exc.reason})") from None
        if not data:
            self.ended = True
            return False
        self.dropped += self.pos
        self.buf, self.pos = self.buf[self.pos:] + data, 0
        return True

    def error(self, what: str) -> RecordError:
        return RecordError((), f"Invalid JSON: {what} at character {self.dropped + self.pos}")

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the text)."""
        while True:
            match = _WHITE.match(self.buf, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def take(self, chars: str) -> str:
        """The next character, which must be one of ``chars``."""
        char = self.peek()
        if not char or char not in chars:
            raise self.error(f"expected {' or '.join(repr(c) for c in chars)}")
        self.pos += 1
        return char

    def next_in_list(self) -> bool:
        """Past the ``,`` after a list item (False) or the ``]`` that ends the list (True)."""
        match = _NEXT_ITEM.match(self.buf, self.pos)  # the usual case, in one step
        if match is not None:
            self.pos = match.end()
            return False
        return self.take(",]") == "]"

    def value(self) -> Any:
        """The next JSON value."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self._more(len(self.buf) - self.pos):
                    continue
                self.pos = exc.pos
                raise self.error(exc.msg) from None
            if end == len(self.buf) and self._more(len(self.buf) - self.pos):
                continue  # a number at the end of the block may go on
            self.pos = end
            return value


@dataclass
class StreamedRecord:
    """A record read by :func:`stream_record`: its fields other than the lists (``head``) and the
    list fields it was asked to keep, each a :class:`Spool` of its items."""

    head: Item
    lists: dict[str, Spool] = field(default_factory=dict)

    def close(self) -> None:
        for spool in self.lists.values():
            spool.close()

    def __enter__(self) -> StreamedRecord:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def stream_record(source: str | Path | IO[str], *, spool: Iterable[str] = (), validate: bool = False,
                  on_item: OnItem | None = None, directory: Path | None = None) -> StreamedRecord:
    """Read a record file one list item at a time.

    Args:
        source: the record file (or an open text file).
        spool: the list fields to keep, each in a :class:`Spool` (items must have an ``id``).
        validate: check every item, then the other fields, as parsed, with the record's
            pydantic models (for JSON values, the checks of ``ArticleRecord.model_validate_json``)
            and keep them as their ``model_dump()`` (defaults filled in); without it, items and
            fields are the JSON as written.
        on_item: called with each item of every list field, its field and its number in its spool.
        directory: where a spool of more than 256 items goes (an unnamed temporary file).
    Returns:
        The record's other fields (validated: the dump of a record whose lists are empty)
        and the spools. Close it (or use it in a ``with`` block) to free them.
    Raises:
        RecordError: not JSON, not an object, or (``validate``) not a valid record; an item
        to spool that is not an object with a string ``id``.
        OSError: the file cannot be read.
    """
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8", newline="") as fh:
            return stream_record(fh, spool=spool, validate=validate, on_item=on_item, directory=directory)
    record = StreamedRecord(head={}, lists={name: Spool(directory) for name in spool})
    try:
        head = _read(_Source(source), record, validate=validate, on_item=on_item)
    except BaseException:
        record.close()
        raise
    if validate:  # the fields but the lists as parsed (the text is not copied again as JSON)
        try:
            head = ArticleRecord.model_validate(head).model_dump()
        except ValidationError as exc:
            record.close()
            raise _record_error(exc, ()) from None
    record.head = head
    return record


def _read(src: _Source, record: StreamedRecord, *, validate: bool, on_item: OnItem | None) -> Item:
    """Read the top-level object: list items to ``record``'s spools and ``on_item``; returns the
    other fields."""
    head: Item = {}
    src.take("{")
    if src.peek() == "}":
        src.pos += 1
    else:
        while True:
            key = src.value()
            if not isinstance(key, str):
                raise src.error("expected a field name")
            src.take(":")
            if key in LIST_FIELDS and src.peek() == "[":
                src.pos += 1
                _read_list(src, key, record.lists.get(key), validate=validate, on_item=on_item)
            else:
                head[key] = src.value()
            if src.take(",}") == "}":
                break
    if src.peek():
        raise src.error("trailing characters")
    return head


def _read_list(src: _Source, name: str, spool: Spool | None, *, validate: bool,
               on_item: OnItem | None) -> None:
    """The items of list field ``name``, after its ``[``."""
    if src.peek() == "]":
        src.pos += 1
        return
    model, keep = _ITEM_MODELS[name], spool is not None or on_item is not None
    index = 0
    while True:
        item = src.value()
        if validate:
            try:
                checked = model.model_validate(item)
            except ValidationError as exc:
                raise _record_error(exc, (name, index)) from None
            item = checked.model_dump() if keep else None
        number = -1
        if spool is not None:
            if not (isinstance(item, dict) and isinstance(item.get("id"), str)):
                raise RecordError((name, index), "expected an object with a string id")
            number = spool.append(item)
        if on_item is not None:
            on_item(name, item, number)
        index += 1
        if src.next_in_list():
            return


def _record_error(exc: ValidationError, loc: tuple[str | int, ...]) -> RecordError:
    first = exc.errors()[0]
    return RecordError((*loc, *first.get("loc", ())), first.get("msg", str(exc)))
