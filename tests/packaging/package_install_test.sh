#!/usr/bin/env bash
# package_install_test.sh BUILD_DIR CPACK
# Builds the Debian packages from BUILD_DIR, installs them with dpkg, checks the installed
# layout (files, the jiujin user, permissions, conffiles, enabled units), verifies the units
# with systemd-analyze, checks the installed sample hall with the installed jiujinctl, starts
# the installed dispatcher with its unit's ExecStart as the unit's user (systemd is not PID 1
# here: a stand-in notify socket hears READY=1, WATCHDOG=1, STOPPING=1), checks it answers
# `jiujinctl health`, takes a backup as the backup unit does, keeps an edited
# hall file through a reinstall, and purges everything. Not root: builds and inspects the
# packages only (dpkg cannot install). Each step prints what it checked; any failure exits 1.
set -euo pipefail
build=$1
cpack=$2
work=$(mktemp -d)
installed=()
dispatcher_pid=

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

cleanup() {
  if [ -n "$dispatcher_pid" ]; then kill "$dispatcher_pid" 2>/dev/null || true; fi
  if [ -n "${web_pid:-}" ]; then kill "$web_pid" 2>/dev/null || true; fi
  if [ -n "${notify_pid:-}" ]; then kill "$notify_pid" 2>/dev/null || true; fi
  if [ -n "${notify_dir:-}" ]; then rm -rf "$notify_dir"; fi
  if [ ${#installed[@]} -gt 0 ]; then dpkg --purge "${installed[@]}" >/dev/null 2>&1 || true; fi
  if [ "${created_user:-0}" = 1 ]; then
    rm -rf /var/lib/jiujin
    if getent passwd jiujin >/dev/null; then deluser --quiet --system jiujin >/dev/null 2>&1 || true; fi
    if getent group jiujin >/dev/null; then delgroup --quiet --system jiujin >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT

packages=(jiujin-common jiujin-dispatcher jiujin-devices jiujin-web jiujin-tools)
if [ "${JIUJIN_BUILD_UI:-ON}" = ON ]; then packages+=(jiujin-kiosk jiujin-display jiujin-console); fi

step "cpack: ${packages[*]}"
started=$(date +%s)
(cd "$build" && "$cpack" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
echo "   made in $(( $(date +%s) - started )) s"
debs=()
for p in "${packages[@]}"; do
  deb=$(ls "$work/out/${p}_"*.deb 2>/dev/null | head -n1) || true
  [ -n "$deb" ] || fail "no package $p in $(ls "$work/out")"
  debs+=("$deb")
done

field() { dpkg-deb -f "$1" "$2"; }
deb_of() { for d in "${debs[@]}"; do case "$(basename "$d")" in "$1"_*) echo "$d";; esac; done; }

step "dependencies found by dpkg-shlibdeps and declared"
depends=$(field "$(deb_of jiujin-dispatcher)" Depends)
for lib in libzmq5 libsqlite3-0 libsodium23 libsystemd0 'jiujin-common (= '; do
  [[ "$depends" == *"$lib"* ]] || fail "jiujin-dispatcher Depends lacks $lib: $depends"
done
[[ "$(field "$(deb_of jiujin-devices)" Depends)" == *libmodbus5* ]] || fail "jiujin-devices does not depend on libmodbus5"
[[ "$(field "$(deb_of jiujin-common)" Architecture)" == all ]] || fail "jiujin-common is not Architecture: all"
if [ "${JIUJIN_BUILD_UI:-ON}" = ON ]; then
  display=$(field "$(deb_of jiujin-display)" Depends)
  for dep in libqt6quick6 espeak-ng qml6-module-qtquick-controls; do
    [[ "$display" == *"$dep"* ]] || fail "jiujin-display Depends lacks $dep: $display"
  done
fi
dpkg-deb -c "$(deb_of jiujin-common)" >"$work/common.list"
grep -q '\./etc/jiujin/hall.toml$' "$work/common.list" || fail "jiujin-common lacks /etc/jiujin/hall.toml"
grep -q '\./usr/share/jiujin/profiles/jiujin-keypad-v1.toml$' "$work/common.list" || fail "jiujin-common lacks the profiles"
grep -q '\./usr/share/jiujin/samples/qingshan.toml$' "$work/common.list" || fail "jiujin-common lacks the guide's two-window station"
grep -q '\./usr/share/doc/jiujin-common/运维指南.md$' "$work/common.list" || fail "jiujin-common lacks the Chinese operations guide"
if dpkg-deb -c "$(deb_of jiujin-common)" | grep -q '\.key$'; then fail "a key file is packaged"; fi
dpkg-deb --ctrl-tarfile "$(deb_of jiujin-common)" | tar -xO ./conffiles >"$work/conffiles"
grep -qx /etc/jiujin/hall.toml "$work/conffiles" || fail "hall.toml is not a conffile"

if [ "$(id -u)" -ne 0 ]; then
  echo "not root: packages built and inspected; installing needs root (CI runs as root)"
  exit 0
fi

for p in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok'; then
    fail "$p is already installed on this machine: this test would purge it"
  fi
done
if getent passwd jiujin >/dev/null || [ -e /var/lib/jiujin ] || [ -e /etc/jiujin ]; then
  fail "a jiujin user, /var/lib/jiujin or /etc/jiujin is already here: this test would remove it"
fi
created_user=1

step "dpkg -i"
started=$(date +%s)
installed=("${packages[@]}")
dpkg -i "${debs[@]}" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
echo "   installed in $(( $(date +%s) - started )) s"

step "files, user, permissions"
for program in jiujin-dispatcher jiujin-devices jiujin-web jiujinctl jiujin-sim jiujin-bussim jiujin-printersim; do
  [ -x "/usr/bin/$program" ] || fail "/usr/bin/$program missing"
done
if [ "${JIUJIN_BUILD_UI:-ON}" = ON ]; then
  for program in jiujin-kiosk jiujin-display jiujin-console; do [ -x "/usr/bin/$program" ] || fail "/usr/bin/$program missing"; done
  for unit in jiujin-kiosk.service jiujin-display.service jiujin-console@.service jiujin-monitor.service; do
    [ -f "/usr/lib/systemd/user/$unit" ] || fail "user unit $unit missing"
  done
fi
IFS=: read -r _ _ uid _ _ home shell < <(getent passwd jiujin) || fail "no jiujin user"
[ "$uid" -lt 1000 ] || fail "jiujin is not a system user (uid $uid)"
[ "$home" = /var/lib/jiujin ] || fail "jiujin's home is $home"
[ "$shell" = /usr/sbin/nologin ] || fail "jiujin's shell is $shell"
id -nG jiujin | tr ' ' '\n' | grep -qx dialout || fail "jiujin is not in dialout"
expect_mode() {
  local actual
  actual=$(stat -c '%a %U:%G' "$1")
  [ "$actual" = "$2" ] || fail "$1 is $actual, expected $2"
}
expect_mode /etc/jiujin "750 root:jiujin"
expect_mode /etc/jiujin/keys "750 root:jiujin"
expect_mode /etc/jiujin/hall.toml "640 root:jiujin"
expect_mode /etc/jiujin/village-catalog.csv "640 root:jiujin"
expect_mode /var/lib/jiujin "750 jiujin:jiujin"
expect_mode /var/lib/jiujin/backups "750 jiujin:jiujin"
[ -L /etc/systemd/system/multi-user.target.wants/jiujin-dispatcher.service ] || fail "jiujin-dispatcher.service is not enabled"
[ -L /etc/systemd/system/multi-user.target.wants/jiujin-devices.service ] || fail "jiujin-devices.service is not enabled"
[ -L /etc/systemd/system/multi-user.target.wants/jiujin-web.service ] || fail "jiujin-web.service is not enabled"
[ -L /etc/systemd/system/timers.target.wants/jiujin-backup.timer ] || fail "jiujin-backup.timer is not enabled"

step "systemd-analyze verify (system units)"
for unit in /usr/lib/systemd/system/jiujin-*; do
  out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify $unit: $out"
  [ -z "$out" ] || fail "systemd-analyze verify $unit is not clean: $out"
done
if [ "${JIUJIN_BUILD_UI:-ON}" = ON ]; then
  step "systemd-analyze --user verify (desktop units)"
  mkdir -m 700 "$work/runtime"
  for unit in /usr/lib/systemd/user/jiujin-kiosk.service /usr/lib/systemd/user/jiujin-display.service \
              /usr/lib/systemd/user/jiujin-monitor.service; do
    out=$(XDG_RUNTIME_DIR="$work/runtime" systemd-analyze --user verify "$unit" 2>&1) || fail "verify $unit: $out"
    [ -z "$out" ] || fail "systemd-analyze --user verify $unit is not clean: $out"
  done
fi

step "jiujinctl config check /etc/jiujin/hall.toml (installed program, installed profiles)"
(cd / && env -u JIUJIN_PROFILE_DIR /usr/bin/jiujinctl config check /etc/jiujin/hall.toml) >"$work/check.log" 2>&1 \
  || { cat "$work/check.log"; fail "config check of the installed sample hall"; }
grep -q 'hall.toml: ok' "$work/check.log" || { cat "$work/check.log"; fail "config check did not say ok"; }

step "installed programs read the installed profiles (/usr/share/jiujin/profiles), not the source tree's"
mkdir "$work/hall"
cp /etc/jiujin/village-catalog.csv /etc/jiujin/calendar-2026.toml "$work/hall/"
sed '0,/kind = "window_display"/s//kind = "window_display"\nprofile = "no-such-profile"/' /etc/jiujin/hall.toml >"$work/hall/hall.toml"
if (cd / && env -u JIUJIN_PROFILE_DIR /usr/bin/jiujinctl config check "$work/hall/hall.toml") >"$work/profile.log" 2>&1; then
  fail "config check accepted a device naming a profile that does not exist"
fi
grep -q 'register-map profiles (/usr/share/jiujin/profiles)' "$work/profile.log" \
  || { cat "$work/profile.log"; fail "the installed jiujinctl did not look in /usr/share/jiujin/profiles"; }

step "the installed dispatcher as its unit starts it: ExecStart, User, Group, UMask of the installed unit"
# systemd is not PID 1 here (a container, CI), so the unit cannot be started: this runs the
# unit's own command line as its user, with a notify socket standing in for systemd's, and
# checks what systemd would see (READY=1, WATCHDOG=1, STOPPING=1) and what the IT person sees
# (jiujinctl health on the hall file's endpoint). What it cannot show: the sandboxing options
# (ProtectSystem, ReadWritePaths, …) applied — systemd-analyze verify above checks they parse.
unit=/usr/lib/systemd/system/jiujin-dispatcher.service
unit_value() { sed -n "s/^$1=//p" "$unit" | tail -n1; }
read -r -a exec_start <<<"$(unit_value ExecStart)"
unit_user=$(unit_value User); unit_group=$(unit_value Group); unit_umask=$(unit_value UMask)
[ "${exec_start[0]}" = /usr/bin/jiujin-dispatcher ] || fail "unexpected ExecStart: ${exec_start[*]}"
[ "$unit_user" = jiujin ] && [ "$unit_group" = jiujin ] || fail "the unit runs as $unit_user:$unit_group"
if (exec 9<>/dev/tcp/127.0.0.1/5570) 2>/dev/null; then
  fail "something on this machine already listens on 127.0.0.1:5570, the sample hall's endpoint"
fi
notify_dir=$(mktemp -d); chmod 755 "$notify_dir"
mkfifo "$work/notify.fifo"
# systemd's notify socket: one datagram a line
/usr/bin/python3 -c '
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1]); os.chmod(sys.argv[1], 0o666)
print("bound", flush=True)
while True:
    print(s.recv(4096).decode(errors="replace"), flush=True)' "$notify_dir/notify" >"$work/notify.fifo" &
notify_pid=$!
exec 4<"$work/notify.fifo"
IFS= read -r -t 10 said <&4 && [ "$said" = bound ] || fail "the stand-in notify socket did not start"
mkfifo "$work/out.fifo"
(cd / && umask "$unit_umask" && NOTIFY_SOCKET="$notify_dir/notify" WATCHDOG_USEC=2000000 \
   exec setpriv --reuid="$unit_user" --regid="$unit_group" --init-groups "${exec_start[@]}") \
   >"$work/out.fifo" 2>"$work/dispatcher.err" &
dispatcher_pid=$!
exec 3<"$work/out.fifo"
ready=
while IFS= read -r -t 30 line <&3; do
  case "$line" in READY*) ready=$line; break ;; esac
done
[ -n "$ready" ] || { cat "$work/dispatcher.err"; fail "the installed dispatcher did not print READY within 30 s"; }
IFS= read -r -t 10 said <&4 || said=
[ "$said" = READY=1 ] || fail "systemd would not have heard READY=1 (the notify socket got '$said')"
IFS= read -r -t 10 said <&4 || said=
[ "$said" = WATCHDOG=1 ] || fail "the watchdog was not fed within 10 s with WatchdogSec=2s (got '$said')"
echo "   $ready; the notify socket heard READY=1 and WATCHDOG=1"
commands=${ready#READY commands=}; commands=${commands%% *}
[ "$commands" = tcp://127.0.0.1:5570 ] || fail "the dispatcher did not take the sample hall's endpoint: $commands"
step "the daily backup as its unit runs it, while the dispatcher serves; then health"
(cd / && umask 027 && setpriv --reuid=jiujin --regid=jiujin --init-groups /usr/bin/jiujinctl backup --db /var/lib/jiujin/hall.db \
   --into /var/lib/jiujin/backups --keep 14) >"$work/backup.log" 2>&1 || { cat "$work/backup.log"; fail "backup"; }
backup=$(ls /var/lib/jiujin/backups/hall-*.db) || fail "no backup in /var/lib/jiujin/backups"
expect_mode "$backup" "640 jiujin:jiujin"
set +e
# as the IT person types it: the default endpoint is the sample hall's
/usr/bin/jiujinctl health >"$work/health.log" 2>&1
health=$?
set -e
cat "$work/health.log"
# 0 ok or 1 warning (a small CI disk); 2 would mean the dispatcher did not answer.
[ "$health" -le 1 ] || fail "health says critical (exit $health)"
grep -q 'dispatcher up' "$work/health.log" || fail "health did not find the dispatcher"
grep -q 'newest backup hall-' "$work/health.log" || fail "health did not find the backup"

step "the installed phone pages as their unit starts them, beside the dispatcher"
web_unit=/usr/lib/systemd/system/jiujin-web.service
# the unit's command line without the optional $JIUJIN_LINK_OPTIONS (no link.env on one box)
read -r -a web_start <<<"$(sed -n 's/^ExecStart=//p' "$web_unit" | tail -n1 | sed 's/ \$[A-Z_]*//g')"
[ "${web_start[0]}" = /usr/bin/jiujin-web ] || fail "unexpected ExecStart: ${web_start[*]}"
[ "$(sed -n 's/^User=//p' "$web_unit")" = jiujin ] || fail "jiujin-web.service does not run as jiujin"
if (exec 9<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
  fail "something on this machine already listens on port 8080, the sample hall's [web] port"
fi
mkfifo "$work/web.fifo"
(cd / && umask 027 && NOTIFY_SOCKET="$notify_dir/notify" \
   exec setpriv --reuid=jiujin --regid=jiujin --init-groups "${web_start[@]}") >"$work/web.fifo" 2>"$work/web.err" &
web_pid=$!
exec 5<"$work/web.fifo"
web_ready=
while IFS= read -r -t 30 line <&5; do
  case "$line" in READY*) web_ready=$line; break ;; esac
done
[ -n "$web_ready" ] || { cat "$work/web.err"; fail "the installed jiujin-web did not print READY within 30 s"; }
heard=
while IFS= read -r -t 10 said <&4; do
  if [ "$said" = READY=1 ]; then heard=yes; break; fi
done
[ -n "$heard" ] || fail "systemd would not have heard jiujin-web's READY=1"
# /healthz says ok once the page server follows the dispatcher's event stream (role web)
healthz=$(/usr/bin/python3 - <<'PY'
import time, urllib.request
answer = ""
for _ in range(100):
    try:
        answer = urllib.request.urlopen("http://127.0.0.1:8080/healthz", timeout=2).read().decode()
        if answer.strip() == "ok":
            break
    except Exception as e:
        answer = str(e)
    time.sleep(0.1)
print(answer.strip())
PY
)
[ "$healthz" = ok ] || { cat "$work/web.err"; fail "jiujin-web's /healthz says '$healthz', not ok"; }
guide=$(/usr/bin/python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1:8080/", timeout=5).read().decode())')
[[ "$guide" == *办事指南* ]] || fail "the installed jiujin-web did not serve the item guide"
kill -TERM "$web_pid"
wait "$web_pid" || fail "jiujin-web did not stop cleanly on SIGTERM"
web_pid=
exec 5<&-
echo "   $web_ready; READY=1 heard, /healthz ok, the guide served"
kill -TERM "$dispatcher_pid"
wait "$dispatcher_pid" || fail "the dispatcher did not stop cleanly on SIGTERM"
dispatcher_pid=
exec 3<&-
stopping=
while IFS= read -r -t 10 said <&4; do
  if [ "$said" = STOPPING=1 ]; then stopping=yes; break; fi
done
[ -n "$stopping" ] || fail "systemd would not have heard STOPPING=1"
kill "$notify_pid"; wait "$notify_pid" 2>/dev/null || true; notify_pid=
exec 4<&-
rm -rf "$notify_dir"
expect_mode /var/lib/jiujin/hall.db "640 jiujin:jiujin"

step "an edited hall file survives reinstalling"
echo "# edited by the hall's IT person" >>/etc/jiujin/hall.toml
dpkg -i "$(deb_of jiujin-common)" >"$work/dpkg2.log" 2>&1 || { cat "$work/dpkg2.log"; fail "reinstall"; }
tail -n1 /etc/jiujin/hall.toml | grep -q 'edited by the hall' || fail "reinstalling jiujin-common replaced the edited hall file"

step "dpkg --purge"
dpkg --purge "${packages[@]}" >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "purge"; }
installed=()
for program in jiujin-dispatcher jiujin-devices jiujin-web jiujinctl; do
  [ ! -e "/usr/bin/$program" ] || fail "/usr/bin/$program left after purge"
done
[ ! -e /usr/share/jiujin ] || fail "/usr/share/jiujin left after purge"
[ ! -e /etc/jiujin ] || fail "/etc/jiujin left after purge: $(ls -R /etc/jiujin)"
[ ! -e /etc/systemd/system/multi-user.target.wants/jiujin-dispatcher.service ] || fail "the enabled-unit link is left"
[ ! -e /etc/systemd/system/timers.target.wants/jiujin-backup.timer ] || fail "the backup timer's link is left"
[ -f /var/lib/jiujin/hall.db ] || fail "purging deleted the hall's database"
getent passwd jiujin >/dev/null || fail "the jiujin user was removed while its database stays"
echo "packages install, run and purge cleanly (the database is kept)"
