#!/usr/bin/env bash
# Creates the per-service roles and databases (see databases.sql) on the admin server:
# $DATABASE_URL when set (it must be a superuser URL then), else the local admin URL.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
URL="${DATABASE_URL:-$ADMIN_URL_DEFAULT}"
say "ensuring per-service roles and databases on ${URL/:*@/://***@}"
"$(find_psql)" "$URL" -X -q -At -v ON_ERROR_STOP=1 -f "$(dirname "$0")/databases.sql" | sed "s/^/[databases] /"
