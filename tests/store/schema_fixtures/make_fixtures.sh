#!/usr/bin/env bash
# make_fixtures.sh BUILD_DIR — writes schema-1.sql … schema-5.sql, the hall databases of each
# earlier schema as SQL text (sqlite3 .dump), for schema_migration_test.cpp.
#
# How: the dispatcher of BUILD_DIR runs a small hall (config/samples/village.toml) through
# a morning — two tickets issued, one called, started and completed — so the journal, snapshots, ticket
# rows, audit rows and replies are real. The database is then taken back one schema at a time
# by undoing each migration of dispatcher/store/src/schema.cpp (6 → 5: drop the bookings; 5 → 4: drop the case register
# and alarms.case_number; 4 → 3: drop the journal's (day, type) index; 3 → 2: drop the audit
# record, alarms and replies; 2 → 1: drop the ticket history), user_version set to match.
# The tables a migration adds are the only difference between versions (the migrations are
# append-only), so each file is the layout that version wrote. Run again only to change the
# fixtures; the test reads the committed files.
set -euo pipefail
build=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

cp "$source_dir/config/samples/village.toml" "$source_dir/config/samples/village-catalog.csv" \
   "$source_dir/config/samples/calendar-2026.toml" "$work/"
mkfifo "$work/out"
"$build/dispatcher/service/app/jiujin-dispatcher" --config "$work/village.toml" --db "$work/hall.db" \
  --commands tcp://127.0.0.1:0 --events tcp://127.0.0.1:0 --hours ignore >"$work/out" &
pid=$!
read -r -t 30 ready <"$work/out"
commands=${ready#READY commands=}; commands=${commands%% *}
ctl() { "$build/client/ctl/jiujinctl" --endpoint "$commands" "$@" >/dev/null; }
item=$(sed -n '2p' "$work/village-catalog.csv" | cut -d, -f1)
ctl --role kiosk issue "$item"
ctl --role kiosk issue "$item"
ctl --role console --window 1 login 1 v01 --pin 1234
ctl --role console --window 1 open 1
ctl --role console --window 1 call 1
ctl --role console --window 1 start 1
ctl --role console --window 1 complete 1
kill -TERM "$pid"; wait "$pid"

down() {  # down VERSION SQL
  sqlite3 "$work/hall.db" "$2 PRAGMA user_version = $1; VACUUM;"
  sqlite3 "$work/hall.db" .dump >"$here/schema-$1.sql"
  echo "PRAGMA user_version = $1;" >>"$here/schema-$1.sql"  # .dump leaves it out
}
sqlite3 "$work/hall.db" "PRAGMA journal_mode = DELETE;" >/dev/null
down 5 "DROP TABLE bookings;"
down 4 "DROP TABLE cases; ALTER TABLE alarms DROP COLUMN case_number;"
down 3 "DROP INDEX journal_by_day_type;"
down 2 "DROP TABLE audit_log; DROP TABLE alarms; DROP TABLE reply;"
down 1 "DROP TABLE ticket;"
ls -l "$here"/schema-*.sql
