#!/usr/bin/env bash
# Installs what the benchmarks compare against: `age`, whose encryption the vault's ingest is measured
# beside (bench/src/vault/). Called by `npm run bench` in bench/ before anything runs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt age
command -v age >/dev/null && command -v age-keygen >/dev/null || die "age is not on PATH after installing it"
