#!/usr/bin/env bash
# The README's quick start, proven: a clean clone in a temporary directory, `npm start` as its very
# first command (headless: no display in CI) until the panel's screenshot lists incidents, then
# stopped by its PID. Uses committed work only (a clone), and its own sandbox port.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
pid=""
cleanup() {
  # setsid made npm the leader of its own process group: the group is npm, tsx, the sandbox, Chromium.
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start=$SECONDS
git clone -q "$src" "$work/clone"
cd "$work/clone"
PORT="${FRESH_CLONE_PORT:-8788}" setsid npm start -- --headless >"$work/start.log" 2>&1 &
pid=$!

until grep -q 'Screenshot of the side panel listing [1-9][0-9]* open incidents' "$work/start.log"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; cat "$work/start.log"; exit 1; fi
  if (( SECONDS - start > 420 )); then echo "npm start showed no incidents within 7 min:"; cat "$work/start.log"; exit 1; fi
  sleep 2
done
test -s .output/start-screenshot.png
grep 'Screenshot of the side panel' "$work/start.log"
kill -- -"$pid"
wait "$pid" 2>/dev/null || true
pid=""
echo "Fresh clone: npm start showed incidents after $((SECONDS - start)) s (clone, npm ci, build, sandbox, Chromium)"
