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
  the matching; held-out errors are never printed (the test reports only counts per kind), but the held-out table was
  seen after each change, so read it as somewhat optimistic.
- **Strangers' phrasings, the figure that matters.** The evaluation set and training.txt's first part share an author,
  so the tables above flatter the classifier: on 2026-12-06 morning they said 92.9 % held-out, while phrasings by
  other people got 64–72 % of intents right. Six further authors, who never saw the code, the evaluation set or each
  other's lines, then wrote 2,880 phrasings in eight languages: two sets in a plain style, then voice notes as
  speech-to-text writes them, terse typed messages, polite complete questions (Serbian in Cyrillic) and non-native
  speakers or dialect. Each set was classified before it was trained on (the intent alone; a question naming the
  pre-harvest interval but no product counts as the harvest-safety question it is for a known farmer; field count and
  total area are one answer):

  | set, before it was trained on | the morning's model | with concepts, five orders and the sets above it |
  |---|---|---|
  | voice notes (512) | 69.1 % | 95.7 % |
  | terse messages (512) | 68.9 % | 95.3 % |
  | polite questions (512) | 64.8 % | 95.5 % (96.3 % without the advice intent) |
  | non-native and dialect (512) | 65.6 % | 93.4 % (94.4 % without the advice intent) |

  The two changes: concepts (`Concepts.cs`: the few ideas questions are built from, with their words in every
  language, as features beside the words, so what one language's phrasings teach carries to another) and the sum of
  five training orders instead of one perceptron (one depended on the order it saw the examples in). Then every set
  was trained on. "Phrasings by other authors" above re-measures all six in two folds. Advice (questions beyond the
  records) is the weakest intent: "how much nitrogen should I give" reads much like "how much nitrogen did I give".
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
- **CI floors:** `AccuracyTests` fails below 90 % on the held-out rows or on any reply in the wrong language;
  `UnderstandingTests.Phrasings_by_other_authors_are_understood_by_a_model_that_never_saw_them` fails below 90 % in
  the two folds over the other authors' phrasings, which no tuning to a test row can reach.
MD
} >"$OUT"
echo "bench: wrote $OUT" >&2
