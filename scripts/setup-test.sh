#!/bin/sh
# System packages the test tiers use, installed only when missing (idempotent; run as root on Debian/Ubuntu):
#   PostgreSQL server binaries (initdb/postgres: the PostgreSQL tier and scripts/deploy-real.test.ts),
#   nginx (scripts/deploy-real.test.ts checks deploy/nginx/kratos-admin.conf.template's admin-token gate),
#   gettext-base's envsubst (renders deploy/ templates the way compose does), Chromium (Playwright).
# Tests never install anything themselves: without these they skip and say why.
#   npm run setup:test   (= sh scripts/setup-test.sh; as root)
set -eu

have_postgres() {
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/postgres" ] && return 0
  done
  command -v initdb >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1
}
have_nginx() { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }
have_chromium() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }

missing=""
have_postgres || missing="$missing postgresql"
have_nginx || missing="$missing nginx"
command -v envsubst >/dev/null 2>&1 || missing="$missing gettext-base"
have_chromium || missing="$missing chromium"

if [ -z "$missing" ]; then
  echo "[setup-test] nothing to install (postgresql, nginx, envsubst and chromium present)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "[setup-test] missing:$missing — run as root: sudo npm run setup:test" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[setup-test] missing:$missing — no apt-get here; install them with your package manager" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Prefer the small nginx build where the release still ships it (Debian 12 does; later releases only "nginx").
pkgs=""
for p in $missing; do
  if [ "$p" = nginx ] && apt-cache show nginx-light >/dev/null 2>&1; then pkgs="$pkgs nginx-light"; else pkgs="$pkgs $p"; fi
done
echo "[setup-test] installing:$pkgs"
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y --no-install-recommends $pkgs || { apt-get update && apt-get install -y --no-install-recommends $pkgs; }
# The Debian package may start a system nginx on :80; the tests start their own on a free loopback port.
echo "[setup-test] done"
