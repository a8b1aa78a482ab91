#!/bin/sh
# `koodikoe judge` on a submission that leaves a tree 30 levels deep with 200-character names in
# /box (deeper than PATH_MAX): afterwards nothing is left under $TMPDIR/koodikoe-judge. (A
# path-based clean-up, nftw, stopped at PATH_MAX and left 66 entries.)
# Usage: judge_removes_deep_trees.sh KOODIKOE PACKAGE_DIR
set -eu
koodikoe=$1
package=$2
scratch=$(mktemp -d /tmp/koodikoe-hostile-judge-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/tmp" "$scratch/cache"
TMPDIR="$scratch/tmp" KOODIKOE_CACHE_DIR="$scratch/cache" \
  "$koodikoe" judge "$package" "$package/submissions/accepted/deep.py" --json >"$scratch/result"
if ! grep -q '"verdict":"accepted"}$' "$scratch/result"; then
  echo "judged: $(cat "$scratch/result")"
  exit 1
fi
left=$(find "$scratch/tmp/koodikoe-judge" -mindepth 1 | wc -l)
if [ "$left" -ne 0 ]; then
  echo "$left entries left under \$TMPDIR/koodikoe-judge:"
  find "$scratch/tmp/koodikoe-judge" -mindepth 1 -maxdepth 4
  exit 1
fi
echo "accepted, nothing left under \$TMPDIR/koodikoe-judge"
