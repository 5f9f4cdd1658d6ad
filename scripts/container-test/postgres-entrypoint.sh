#!/bin/sh
# The official postgres image's start-up contract, as far as docker-compose.yml relies on it:
# an empty PGDATA is initialised with POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB (password
# auth for network clients), then the server runs as the postgres user, listening on all addresses.
set -eu
[ "${1:-}" = postgres ] || exec "$@"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }
user="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$user}"
mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$password_file"
  chown postgres "$password_file"
  as_postgres initdb --pgdata="$PGDATA" --username="$user" --pwfile="$password_file" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 > /dev/null
  rm "$password_file"
  echo 'host all all all scram-sha-256' >> "$PGDATA/pg_hba.conf"
  if [ "$database" != postgres ]; then
    echo "CREATE DATABASE \"$database\" OWNER \"$user\"" | as_postgres postgres --single -D "$PGDATA" postgres > /dev/null
  fi
fi
shift
exec setpriv --reuid=postgres --regid=postgres --init-groups postgres -D "$PGDATA" -c listen_addresses='*' "$@"
