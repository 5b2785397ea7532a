#!/usr/bin/env bash
# The README's two commands, run as a newcomer would (.ci/run step c):
#   1. reads the run command (the first `cargo run …` line) and the test command (the first
#      `cargo test…` line) from the fenced shell blocks of README.md;
#   2. runs the test command;
#   3. starts the run command, waits until `/` answers, signs in as the demo applicant
#      through the login form (CSRF token and all) and opens /account with the session;
#   4. stops the portal (its whole process group).
# Run it from the root of a fresh clone. Exits non-zero when a command is missing or fails.
# Environment: README_RUN_TIMEOUT (seconds to wait for `/`, default 900: the run command
# compiles first), README_SKIP_TESTS=1 skips step 2 (for trying step 3 alone).
set -euo pipefail

readme=README.md
[ -f "$readme" ] || { echo "no $readme here ($(pwd))" >&2; exit 1; }

# Lines inside ```sh / ```bash / ``` fences only: a command mentioned in prose is not one.
fenced_lines() {
  awk '/^```/ { inside = !inside; next } inside { print }' "$readme"
}
run_cmd="$(fenced_lines | sed -E 's/^\s*\$ //' | grep -E '^\s*cargo run( |$)' | head -n 1 || true)"
test_cmd="$(fenced_lines | sed -E 's/^\s*\$ //' | grep -E '^\s*cargo test( |$)' | head -n 1 || true)"
[ -n "$run_cmd" ] || { echo "README.md has no 'cargo run …' command in a code block" >&2; exit 1; }
[ -n "$test_cmd" ] || { echo "README.md has no 'cargo test …' command in a code block" >&2; exit 1; }
echo "run command:  $run_cmd"
echo "test command: $test_cmd"

if [ -z "${README_SKIP_TESTS:-}" ]; then
  echo "---- $test_cmd"
  # The README's test command is the one for a machine without PostgreSQL.
  env -u EFOREIGNER_TEST_DATABASE_URL bash -c "$test_cmd"
fi

# The portal listens on 127.0.0.1:8080 unless told otherwise; when that port is taken on
# this machine, the same command is pointed at a free one.
port=8080
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  echo "port 8080 is taken here; running on $port instead (EFOREIGNER_BIND)"
  export EFOREIGNER_BIND="127.0.0.1:$port"
fi
base="http://127.0.0.1:$port"
log="$(mktemp)"
jar="$(mktemp)"
echo "---- $run_cmd (log: $log)"
set -m
bash -c "exec $run_cmd" >"$log" 2>&1 &
pid=$!
set +m
stop() {
  # The run command is `cargo run`, whose child is the portal: stop the whole group.
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$jar"
}
trap stop EXIT

deadline=$((SECONDS + ${README_RUN_TIMEOUT:-900}))
until curl -fsS -o /dev/null "$base/"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the run command stopped before the portal answered:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "the portal did not answer on $base/ in time:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 2
done
echo "$base/ answers"

# The demo account and its password, as the portal printed them at start.
password="$(sed -n -E 's/.*password for all: ([^)]+)\).*/\1/p' "$log" | head -n 1)"
email="$(grep -oE '[a-z]+@demo\.eforeigner\.test' "$log" | grep '^applicant@' | head -n 1)"
[ -n "$password" ] && [ -n "$email" ] || { echo "the portal printed no demo account:" >&2; cat "$log" >&2; exit 1; }

page="$(curl -fsS -c "$jar" -b "$jar" "$base/login/password")"
token="$(grep -oE 'name="csrf_token" value="[^"]+"' <<<"$page" | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/')"
[ -n "$token" ] || { echo "the login page carries no form token" >&2; exit 1; }
status="$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
  -H "Origin: $base" \
  --data-urlencode "csrf_token=$token" --data-urlencode "email=$email" \
  --data-urlencode "password=$password" --data-urlencode "next=/account" \
  "$base/login/password")"
case "$status" in
  "303 $base/account") ;;
  *) echo "signing in as $email did not succeed: $status" >&2; exit 1 ;;
esac
account="$(curl -fsS -b "$jar" "$base/account")"
grep -q "$email" <<<"$account" || { echo "/account does not show $email after signing in" >&2; exit 1; }
echo "signed in as $email; /account shows the account"
echo "README commands: OK"
