#!/usr/bin/env bash
# Starts a new rule in the project's shape: rules/DLnnn_name.cc (declaration
# and check), rules/DLnnn_name.md (its documentation) and
# tests/fixtures/DLnnn_name/ (a clean post to extend with triggering ones).
# Nothing else needs editing: CMake finds the rule by its file name.
# Usage: ci/new-rule.sh DL405 paper-title-missing
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -ne 2 || ! $1 =~ ^DL[0-9]{3}$ || ! $2 =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]]; then
  echo "usage: ci/new-rule.sh DLnnn kebab-case-name" >&2
  exit 2
fi
code=$1
name=$2
base="${code}_${name//-/_}"
if compgen -G "rules/${code}_*" >/dev/null; then
  echo "ci/new-rule.sh: a rule $code exists already: $(ls rules/${code}_*)" >&2
  exit 2
fi
cat > "rules/$base.cc" <<CC
// $code $name: TODO one line on what the rule checks.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    (void)paper;  // TODO: read the model and post.format, and sink.Report(rule, span, message)
  }
  (void)rule;
  (void)sink;
}

}  // namespace

extern const Rule kRule_$code{
    {"$code", "$name", Severity::kError, FixAvailability::kNone, "TODO one-line summary"}, Check, FormatPapers};

}  // namespace digestlint
CC
cat > "rules/$base.md" <<'MD'
## What it checks

TODO

## Why it matters

TODO

## Example

```markdown
TODO: a post that triggers exactly this rule
```

## Use instead

```markdown
TODO: the same post, fixed
```

## Fix

Not fixable.
MD
mkdir -p "tests/fixtures/$base"
cp tests/fixtures/DL201_section_missing/clean.md "tests/fixtures/$base/clean.md"
echo "ci/new-rule.sh: wrote rules/$base.cc, rules/$base.md and tests/fixtures/$base/clean.md;"
echo "add posts that trigger it (annotated), then run ci/generate-rules-reference.sh"
