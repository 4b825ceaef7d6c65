#!/bin/sh
# Re-extract the UI strings into the .ts file, fill new entries from the screens'
# ui/**/zh_CN_strings.py dictionaries, and compile the .qm the app loads.
# Anything still unfinished is listed (translate it in the .ts, e.g. with
# .venv/bin/pyside6-linguist, and run this again); tests/ui/test_translations.py
# fails while any entry is unfinished.
set -eu
cd "$(dirname "$0")/.."
BIN=${VENV_BIN:-.venv/bin}
TS=resources/translations/ledger_zh_CN.ts
QM=resources/translations/ledger_zh_CN.qm
SOURCES=$(find ui -name '*.py' ! -name 'zh_CN_strings.py' | sort)
"$BIN/pyside6-lupdate" -no-obsolete -locations none -target-language zh_CN $SOURCES -ts "$TS"
status=0
"$BIN/python" scripts/fill_translations.py "$TS" || status=$?
# lupdate once more only to write the file back in its own layout.
"$BIN/pyside6-lupdate" -no-obsolete -locations none -target-language zh_CN $SOURCES -ts "$TS" >/dev/null
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"
# English: the source strings themselves, every entry finished (ledger_en.ts/.qm).
EN=resources/translations/ledger_en.ts
"$BIN/pyside6-lupdate" -no-obsolete -locations none -source-language en -target-language en $SOURCES -ts "$EN" >/dev/null
"$BIN/python" scripts/fill_translations.py --english "$EN"
"$BIN/pyside6-lupdate" -no-obsolete -locations none -source-language en -target-language en $SOURCES -ts "$EN" >/dev/null
"$BIN/pyside6-lrelease" -silent "$EN" -qm "${EN%.ts}.qm"
exit $status
