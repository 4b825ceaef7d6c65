"""Fill unfinished entries of a Qt .ts file from the ``zh_CN_strings.py`` dictionaries.

Screens may ship their Chinese as ``STRINGS = {context: {English source: translation}}``
in ``ui/<area>/zh_CN_strings.py``; this merges them into the .ts that lupdate produced
(entries already translated in the .ts are kept).  Prints what is still unfinished and
exits 1 when anything is.  Usage: ``python scripts/fill_translations.py FILE.ts``.

``--english FILE.ts`` fills the English catalogue instead: the source strings are English,
so every entry's translation is its source (finished), and English is complete by construction.
"""
from __future__ import annotations

import ast
import pathlib
import sys
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[1]


def load_strings() -> dict[tuple[str, str], str]:
    """(context, source) → translation from every ui/**/zh_CN_strings.py (read, not imported)."""
    merged: dict[tuple[str, str], str] = {}
    for path in sorted((ROOT / "ui").rglob("zh_CN_strings.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            target = node.target if isinstance(node, ast.AnnAssign) else (
                node.targets[0] if isinstance(node, ast.Assign) else None)
            if isinstance(target, ast.Name) and target.id == "STRINGS" and node.value is not None:
                for context, entries in ast.literal_eval(node.value).items():
                    for source, text in entries.items():
                        merged[(context, source)] = text
    return merged


def fill(ts_path: pathlib.Path) -> list[str]:
    strings = load_strings()
    tree = ET.parse(ts_path)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                continue
            done = (translation.text or "").strip() or any((f.text or "").strip() for f in translation)
            if translation.get("type") != "unfinished" and done:
                continue
            text = strings.get((name, source))
            if text:
                if message.get("numerus") == "yes":
                    # Chinese has a single plural form: one <numerusform>.
                    for child in list(translation):
                        translation.remove(child)
                    translation.text = None
                    ET.SubElement(translation, "numerusform").text = text
                else:
                    translation.text = text
                translation.attrib.pop("type", None)
            elif translation.get("type") not in ("vanished", "obsolete"):
                missing.append(f"{name}: {source!r}")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def fill_english(ts_path: pathlib.Path) -> None:
    """Every translation := its English source (plural entries: the source for each form)."""
    tree = ET.parse(ts_path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        source = message.findtext("source") or ""
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            for _form in range(2):  # English: singular and plural
                ET.SubElement(translation, "numerusform").text = source
        else:
            translation.text = source
        translation.attrib.pop("type", None)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)


def main(argv: list[str]) -> int:
    if argv[1] == "--english":
        fill_english(pathlib.Path(argv[2]))
        return 0
    missing = fill(pathlib.Path(argv[1]))
    for line in missing:
        print(f"unfinished: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
