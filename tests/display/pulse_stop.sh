#!/bin/sh
# Stops the private PulseAudio server started by pulse_start.sh (only that one: by its runtime folder).
set -u
runtime="$1"
export PULSE_RUNTIME_PATH="$runtime" XDG_RUNTIME_DIR="$runtime" HOME="$runtime"
pulseaudio --kill 2>/dev/null || true
exit 0
