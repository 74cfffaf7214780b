#!/usr/bin/env bash
# guide_station_test.sh JIUJINCTL SOURCE_DIR
# Follows section 4 of the Chinese operations guide (docs/zh/运维指南.md) the way a newcomer
# does: the guide's TOML blocks, in order, make the hall file (each clerk's pin_hash from
# `jiujinctl pin-hash`), beside the guide's catalog and the installed calendar; `jiujinctl
# config check` must pass on it. Then the kept result, config/samples/qingshan.toml, must say
# the same (same queues, windows, clerks, devices) and pass too.
set -euo pipefail
ctl=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp "$src/config/samples/qingshan-catalog.csv" "$src/config/samples/calendar-2026.toml" "$work/"
/usr/bin/python3 - "$src/docs/zh/运维指南.md" "$work/blocks.toml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
start, end = text.index("## 4. 手把手"), text.index("## 5. ")
blocks = re.findall(r"```toml\n(.*?)```", text[start:end], re.S)
if len(blocks) < 5:
    sys.exit(f"section 4 has {len(blocks)} TOML blocks, expected the 5 steps")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(blocks))
PY
# Step 5: each clerk's hash from pin-hash, in place of the guide's '$argon2id$…' placeholder.
cp "$work/blocks.toml" "$work/hall.toml"
while grep -q "pin_hash = '\$argon2id\$v=19\$m=65536,t=2,p=1\$…'" "$work/hall.toml"; do
  hash=$(printf '%s\n' 1234 | "$ctl" pin-hash) || fail "jiujinctl pin-hash"
  /usr/bin/python3 - "$work/hall.toml" "$hash" <<'PY'
import sys
path, value = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
placeholder = "pin_hash = '$argon2id$v=19$m=65536,t=2,p=1$…'"
open(path, "w", encoding="utf-8").write(text.replace(placeholder, f"pin_hash = '{value}'", 1))
PY
done
"$ctl" config check "$work/hall.toml" >"$work/check.log" 2>&1 || { cat "$work/check.log"; fail "config check of the hall written from the guide"; }
grep -q 'hall.toml: ok — 青山村便民服务站 (village), 2 queues, 2 windows, 6 items, 2 clerks, 1 buses, 7 devices' "$work/check.log" \
  || { cat "$work/check.log"; fail "the guide's hall is not the two-window station it describes"; }
cat "$work/check.log"

# The kept sample is the guide's hall: the same lines once comments, blank lines and hashes go.
normalize() { sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d' -e "s/^pin_hash = .*/pin_hash = HASH/" "$1"; }
diff <(normalize "$work/hall.toml") <(normalize "$src/config/samples/qingshan.toml") \
  || fail "config/samples/qingshan.toml and section 4 of the guide differ (lines above)"
"$ctl" config check "$src/config/samples/qingshan.toml" || fail "config check of config/samples/qingshan.toml"
echo "the guide's two-window station checks, and config/samples/qingshan.toml is it"
