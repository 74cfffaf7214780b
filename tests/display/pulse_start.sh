#!/bin/sh
# Starts a private PulseAudio server with a null sink for the audio tests (ctest fixture).
# Its runtime folder is under the build tree, so it never touches a user's sound session.
set -eu
runtime="$1"
mkdir -p "$runtime"
export PULSE_RUNTIME_PATH="$runtime" XDG_RUNTIME_DIR="$runtime" HOME="$runtime"
if pactl info >/dev/null 2>&1; then exit 0; fi
pulseaudio --daemonize=yes --exit-idle-time=-1 -n --use-pid-file=yes \
  --load="module-null-sink sink_name=null" --load=module-native-protocol-unix --load=module-always-sink \
  --log-target=file:"$runtime/pulse.log"
# Wait, with a bound, until the server answers.
i=0
until pactl info >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 100 ]; then echo "pulseaudio did not come up; see $runtime/pulse.log" >&2; exit 1; fi
  pactl --version >/dev/null  # --daemonize returns once the server is up; this bounded retry only covers a slow socket
done
echo "pulseaudio null sink ready in $runtime"
