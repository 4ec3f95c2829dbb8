"""Update the English translation of the interface, from its French source texts.

    .venv/bin/python resources/translations/update.py [--force]

1. pyside6-lupdate reads every .py file under gui/ (and main.py if it has translatable texts)
   into sahelstock_en.ts: new texts are added, translations already in the file are kept, texts
   no longer in the code are dropped.
2. Every unfinished message is filled from en.json, the French → English dictionary kept with
   this script: "contexts" holds translations for one context ({context: {source: text}}),
   "messages" those that hold wherever the source appears ({source: text}). A finished
   translation that differs from en.json is reported and kept, or replaced with --force.
3. What is still untranslated, placeholders ({0}, %n), accelerators (&), symbols or HTML tags
   that differ between a source and its translation, and dictionary entries no message uses
   are reported.
4. pyside6-lrelease compiles sahelstock_en.qm, the file gui/i18n.py loads.

The exit status is 1 when a message is left untranslated or a translation has a problem.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "sahelstock_en.ts"
QM = HERE / "sahelstock_en.qm"
DICTIONARY = HERE / "en.json"

SOURCE_LANGUAGE = "fr_FR"
TARGET_LANGUAGE = "en_GB"

#: a call that marks a text for translation
_TR_CALL = re.compile(r"\b(?:tr|translate|QT_TRANSLATE_NOOP3?|QT_TR_NOOP)\(")
#: {0}, {unit}, %n, %1, %p: what the code fills in
_PLACEHOLDER = re.compile(r"\{[0-9a-z_]*\}|%[0-9np]")
#: the "&F" of "&Fichier" (a literal "&&" is not an accelerator)
_ACCELERATOR = re.compile(r"(?<!&)&(?!&)[^&\s]")
#: signs that carry meaning on their own (the stock status, an error, a warning…)
_SYMBOLS = "✖✔▲▼☠⚠●↺↩ℹ◀▶≡✎"
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def placeholders(text: str) -> Counter[str]:
    return Counter(_PLACEHOLDER.findall(text))


def problems_of(source: str, translation: str) -> list[str]:
    """What a translation loses or adds compared with its source; [] when consistent."""
    found = []
    if placeholders(source) != placeholders(translation):
        found.append(
            f"placeholders {sorted(placeholders(source).elements())} → "
            f"{sorted(placeholders(translation).elements())}"
        )
    if len(_ACCELERATOR.findall(source)) != len(_ACCELERATOR.findall(translation)):
        found.append("keyboard accelerator (&)")
    symbols = Counter(c for c in source if c in _SYMBOLS)
    if symbols != Counter(c for c in translation if c in _SYMBOLS):
        found.append(f"symbols {''.join(sorted(symbols.elements()))}")
    if Counter(_TAG.findall(source)) != Counter(_TAG.findall(translation)):
        found.append("HTML tags")
    if source.endswith("…") != translation.endswith("…"):
        found.append("ellipsis (…)")
    if (source[:1].isspace(), source[-1:].isspace()) != (
        translation[:1].isspace(),
        translation[-1:].isspace(),
    ):
        found.append("leading or trailing space")
    if source.count("\n") != translation.count("\n"):
        found.append("line breaks")
    return found


def tool(name: str) -> str:
    """A PySide6 tool of this environment (the virtualenv's bin/), else from the PATH."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment.")
    return found


def source_files() -> list[str]:
    """The files lupdate reads, relative to the repository root."""
    files = sorted((ROOT / "gui").rglob("*.py"))
    main = ROOT / "main.py"
    if main.exists() and _TR_CALL.search(main.read_text(encoding="utf-8")):
        files.append(main)
    return [str(path.relative_to(ROOT)) for path in files]


def lupdate() -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *source_files(),
            "-no-obsolete",
            "-locations",
            "relative",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            TARGET_LANGUAGE,
            "-ts",
            str(TS.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def load_dictionary(path: Path = DICTIONARY) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """({(context, source): translation}, {source: translation}) from en.json."""
    data = json.loads(path.read_text(encoding="utf-8"))
    by_context = {
        (context, source): text
        for context, messages in data.get("contexts", {}).items()
        for source, text in messages.items()
    }
    return by_context, dict(data.get("messages", {}))


def read_messages(path: Path = TS) -> list[Message]:
    """Every message of a .ts file (numerus forms are not used by SahelStock)."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            text = translation.text or ""
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            messages.append(Message(name, message.findtext("source") or "", text, finished))
    return messages


def fill(force: bool) -> tuple[int, list[str], list[Message], set[tuple[str, str]]]:
    """Fill the .ts from the dictionary: (filled, differing finished ones, still untranslated,
    dictionary keys used)."""
    by_context, by_source = load_dictionary()
    tree = ET.parse(TS)
    filled = 0
    differing: list[str] = []
    untranslated: list[Message] = []
    used: set[tuple[str, str]] = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            if (name, source) in by_context:
                wanted: str | None = by_context[(name, source)]
                used.add((name, source))
            elif source in by_source:
                wanted = by_source[source]
                used.add(("", source))
            else:
                wanted = None
            finished = translation.get("type") is None and bool(translation.text)
            if finished and wanted is not None and translation.text != wanted:
                differing.append(f"[{name}] {source!r}: {translation.text!r} / en.json {wanted!r}")
                if not force:
                    continue
            elif finished:
                continue
            if wanted:
                translation.text = wanted
                translation.attrib.pop("type", None)
                filled += 1
            else:
                untranslated.append(Message(name, source, translation.text or "", False))
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return filled, differing, untranslated, used


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace finished translations that differ from en.json",
    )
    args = parser.parse_args(argv)

    lupdate()
    filled, differing, untranslated, used = fill(args.force)
    lupdate()  # once more: the file in lupdate's own layout, so that diffs stay small
    messages = read_messages()
    print(f"{TS.name}: {len(messages)} messages, {filled} filled from {DICTIONARY.name}.")

    status = 0
    if differing:
        verb = "replaced" if args.force else "kept (--force replaces them)"
        print(f"\n{len(differing)} finished translation(s) differ from {DICTIONARY.name}, {verb}:")
        for line in differing:
            print("  " + line)
    if untranslated:
        status = 1
        print(f"\n{len(untranslated)} message(s) still untranslated: add them to en.json.")
        for message in untranslated:
            print(f"  [{message.context}] {message.source!r}")
    inconsistent = [
        (message, problem)
        for message in messages
        if message.finished
        for problem in problems_of(message.source, message.translation)
    ]
    if inconsistent:
        status = 1
        print(f"\n{len(inconsistent)} translation problem(s):")
        for message, problem in inconsistent:
            print(f"  [{message.context}] {message.source!r}: {problem}")
    by_context, by_source = load_dictionary()
    unused = sorted(
        [f"[{c}] {s!r}" for c, s in by_context if (c, s) not in used]
        + [repr(s) for s in by_source if ("", s) not in used]
    )
    if unused:
        print(f"\n{len(unused)} entr(y/ies) of {DICTIONARY.name} match no message (obsolete?):")
        for line in unused:
            print("  " + line)

    lrelease()
    print(f"\n{QM.name} written.")
    return status


if __name__ == "__main__":
    sys.exit(main())
