#!/usr/bin/env bash
# Ensures a local PostgreSQL on 127.0.0.1:5432 with a database for the server tests, and prints its URL.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt postgresql
version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -q "^$version/main$"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
wait_for 30 postgresql pg_isready -h 127.0.0.1 -p 5432
if ! su postgres -c "psql -qtA -c \"select 1 from pg_roles where rolname='assent'\"" | grep -q 1; then
  su postgres -c "psql -q -c \"create role assent login superuser password 'assent'\""
fi
if ! su postgres -c "psql -qtA -c \"select 1 from pg_database where datname='assent_test'\"" | grep -q 1; then
  su postgres -c "psql -q -c \"create database assent_test owner assent\""
fi
echo "postgres://assent:assent@127.0.0.1:5432/assent_test"
