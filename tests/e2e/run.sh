#!/usr/bin/env bash
# Browser tests against a real koodikoe server.
#   KOODIKOE_BIN=build/cli/koodikoe bash tests/e2e/run.sh [node --test args...]
# Installs what it needs (chromium from Debian when missing and run as root,
# npm ci here and in web/ui), builds the UI, starts `koodikoe serve --demo` on
# a free port with a temporary SQLite database, waits for /healthz, runs the
# tests, and stops the server. Screenshots go to tests/e2e/artifacts/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

bin="${KOODIKOE_BIN:-}"
if [[ -z "$bin" ]]; then
  for candidate in "$root"/build-web/cli/koodikoe "$root"/build/cli/koodikoe; do
    if [[ -x "$candidate" ]]; then bin="$candidate"; break; fi
  done
fi
if [[ -z "$bin" || ! -x "$bin" ]]; then
  echo "e2e: set KOODIKOE_BIN to the koodikoe binary (none found under build*/cli/)" >&2
  exit 2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

if [[ -z "${CHROMIUM_BIN:-}" ]] && ! command -v chromium >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "e2e: installing chromium from Debian" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "e2e: chromium is missing: apt-get install -y chromium (or set CHROMIUM_BIN)" >&2
    exit 2
  fi
fi

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
if [[ "${KOODIKOE_E2E_SKIP_UI_BUILD:-}" != 1 ]]; then
  (cd "$root/web/ui" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
fi

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
work="$(mktemp -d -t koodikoe-e2e.XXXXXX)"
mkdir -p "$here/artifacts"
log="$here/artifacts/server.log"
server_pid=""

stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_server EXIT INT TERM

# --demo serves the bundled exercises only; the tests use tests/packages/hello too.
"$bin" serve --demo --exercises "$root/tests/packages/hello" --port "$port" --bind 127.0.0.1 --db "sqlite:$work/koodikoe.db" --ui "$root/web/ui/dist" >"$log" 2>&1 &
server_pid=$!

url="http://127.0.0.1:$port"
for i in $(seq 1 300); do
  if curl -fsS "$url/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e: the server exited before it was healthy; its log:" >&2
    cat "$log" >&2
    exit 1
  fi
  if [[ "$i" == 300 ]]; then echo "e2e: /healthz not OK after 60 s" >&2; cat "$log" >&2; exit 1; fi
  sleep 0.2
done

cd "$here"
KOODIKOE_URL="$url" node --test --test-concurrency=1 "$@" tests/*.test.mjs
