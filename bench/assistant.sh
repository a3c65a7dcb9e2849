#!/usr/bin/env bash
# The offline assistant's understanding, measured: every question of the evaluation set (bench/assistant/evalset.py)
# asked over real HTTP of the seed's test farmers, with no `language` in the request and no model configured; each
# answer is checked against the expected one computed from the farmer's records in the database. Writes
# bench/results/assistant.md. Runs as the CI floor test (AccuracyTests), which with AVAOLO_ASSISTANT_REPORT set also
# runs the dev rows and writes the table.
#   bench/assistant.sh            regenerates the evaluation set first (it is deterministic) and runs it
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
python3 bench/assistant/evalset.py tests/AvaOlo.AgriculturalCore.Tests/Assistant/RuleBased/Understanding
git diff --quiet -- tests/AvaOlo.AgriculturalCore.Tests/Assistant/RuleBased/Understanding/eval-*.tsv \
  || echo "bench: the evaluation set changed; commit it with the results" >&2
OUT="$ROOT/bench/results/assistant.md"
TABLE="$(mktemp)"
trap 'rm -f "$TABLE" "$TABLE.dev-errors.txt"' EXIT
AVAOLO_ASSISTANT_REPORT="$TABLE" ./test.sh --filter "FullyQualifiedName~RuleBased.Understanding.AccuracyTests" >&2
{
  cat "$TABLE"
  cat <<'MD'

## How it is measured

- **Questions:** `bench/assistant/evalset.py` writes them: fourteen kinds (field count, one field's area, largest field,
  total area, planned tasks, the Prosaro pre-harvest interval on wheat, maize, barley and oilseed rape, what grows on a
  named field; and, since the answers for them were added, what was sprayed, when the harvest can be, what was used,
  which products the rules hold for the farmer's crops) in nine variants (sl, hr, bg, hu, sr Latin, sr Cyrillic, de, it, en), about ten phrasings per kind and variant
  written by hand (informal ones, no diacritics in every third, product and crop inflected, the farmer's field names in
  the question's grammar and script), each asked of three test farmers of `avaolo seed`: the Croatian wheat farmer
  (HR, hr), the Hungarian-speaking farmer in Croatia (HR, hu) and the Slovenian tomato grower (SI, sl). So most
  questions are in a language other than the farmer's: the reply must still be in the farmer's language. Serbian
  Cyrillic rows are the Serbian phrasings transliterated, with field and crop names written in Cyrillic by hand.
- **Split:** by a hash of the phrasing (variant, kind, template), 40 % held out: a held-out phrasing is never in dev
  for another farmer. The classifier trains only on `src/AvaOlo.AgriculturalCore/Assistant/RuleBased/Understanding/training.txt`
  (embedded in the service); it cannot read either file. Dev errors were read to improve the training phrasings and
  the matching; held-out errors are never printed (the test reports only counts per kind). The three newest kinds
  (2026-12-06) first measured 57–78 % held-out; training phrasings for them were then written from the dev errors in
  two rounds (the first confused them with the older kinds through shared words such as "crops" and "in total"), and a
  third round added five phrasings for "what grows on a field" whose name was not recognised, after a unit test of the
  Hungarian-speaking farmer asking in Serbian Cyrillic failed. The held-out table was seen after each round (94.3 %, then
  96.0 %): five training lines moved it by almost two points, so read the figure as 94–96 %, and the newest kinds'
  as somewhat optimistic. The products kind came last: it scored 0 % because a known farmer's question without a crop
  was answered "name the product" instead of from the farmer's own crops (fixed in `RuleBasedAnswerer`); with that fix
  and nineteen training phrasings for it, 44 % held-out, and the other new kinds lost a few points (the classifier
  shares its weights across kinds). The figure above is that last measurement; the training was not tuned further.
- **Right answer:** computed from the records by the test, not written down: the field count, total area, one
  field's area or the largest field (name and area) must be in the answer's FIRST sentence (a field list does not
  answer "which is largest"); the planned tasks' due dates must all be there; what grows on a field must name that
  field's crop and no other field's crop; a pre-harvest interval must be the catalogue's days for that crop in the
  farmer's country, name the crop, and name no other crop (for the Slovenian farmer, whose country has no Prosaro
  rule, the answer must say so and give no days); what was sprayed (or used) must be that answer (its own opening
  words, not a task list that happens to mention a spraying) and name every product of the last twelve months with its
  date (every input), or say there was none; when the harvest can be must give every field's expected harvest date and,
  after a Prosaro spraying, the first safe day; which products the rules hold for the farmer's crops must name Prosaro
  250 EC and the country for the Croatian farmers and say that the catalogue holds none for the Slovenian farmer's.
  Numbers and dates are formatted in the farmer's language.
- **Language:** the response's `language` must be the farmer's and its language check must pass.
- **CI floor:** `AccuracyTests` fails below 90 % on the held-out rows or on any reply in the wrong language.
MD
} >"$OUT"
echo "bench: wrote $OUT" >&2
