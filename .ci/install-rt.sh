#!/bin/bash
# Installs Request Tracker 5 (SQLite, standalone Starlet server) for the help-desk e2e tests.
# Idempotent: exits 0 at once when the packages are present. Needs root and Debian 12.
# Site config, database and server are per test run: see e2e/helpdesk/rt.ts.
set -euo pipefail

PACKAGES=(request-tracker5 rt5-standalone rt5-db-sqlite)

installed() { dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
missing=()
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0

[ "$(id -u)" -eq 0 ] || { echo "install-rt.sh: must run as root (apt-get)" >&2; exit 1; }

log=$(mktemp /tmp/install-rt.XXXXXX.log)
run() { "$@" >>"$log" 2>&1 || { echo "install-rt.sh: failed: $*" >&2; tail -n 40 "$log" >&2; exit 1; }; }

# No database is configured by the package: each test run creates its own SQLite file.
debconf-set-selections <<'EOS'
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/rtname string rt.localtest
request-tracker5 request-tracker5/organization string localtest
request-tracker5 request-tracker5/correspondaddress string rt@localhost
request-tracker5 request-tracker5/commentaddress string rt-comment@localhost
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:8080
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
EOS

# The dependency exim4 would otherwise be started by its maintainer script; only add the guard
# when the image has none, and remove only our own.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi

apt_opts=(-o DPkg::Lock::Timeout=300 -q)
# Only refresh the index when apt cannot see the package (fresh image with empty lists).
if ! apt-cache policy request-tracker5 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  run apt-get "${apt_opts[@]}" update
fi
run env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"
rm -f "$log"
