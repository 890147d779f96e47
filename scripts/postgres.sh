#!/usr/bin/env bash
# A throwaway PostgreSQL for the server tests, apart from any cluster the machine runs:
#   postgres.sh start DIR   initdb into DIR, start it on a unix socket in DIR only (no TCP port), with a
#                           generated password; prints the TEST_DATABASE_URL to use
#   postgres.sh stop DIR    stops it and removes DIR (safe to call twice, or after a failed start)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { die "usage: postgres.sh start|stop DIR"; }
[ $# -eq 2 ] || usage
action="$1"
dir="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"

ensure_apt postgresql
version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
bin="/usr/lib/postgresql/$version/bin"

# PostgreSQL refuses to run as root: then the cluster belongs to the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    password="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    (umask 077 && printf '%s\n' "$password" >"$dir/password")
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/password"
    as_owner "$bin/initdb" -D "$dir/data" -U assent --pwfile="$dir/password" --auth=scram-sha-256 \
      --encoding=UTF8 --no-instructions >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    rm -f "$dir/password"
    # No TCP at all: the socket lives in DIR, so it can never meet the machine's own cluster or another run.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { tail -n 20 "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
    PGPASSWORD="$password" "$bin/psql" -qAt -h "$dir" -U assent -d postgres \
      -c "create database assent_test" >/dev/null
    echo "postgres://assent:$password@localhost/assent_test?host=$dir"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
