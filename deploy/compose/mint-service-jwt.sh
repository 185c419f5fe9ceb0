#!/bin/sh
# Prints a service_role JWT (HS256) for PostgREST, signed with JWT_SECRET; valid five years.
#   JWT_SECRET=... deploy/compose/mint-service-jwt.sh   -> put the output in SERVICE_ROLE_JWT
set -eu
: "${JWT_SECRET:?set JWT_SECRET (the same value PostgREST uses, 32+ characters)}"
if [ "${#JWT_SECRET}" -lt 32 ]; then
  echo "JWT_SECRET must be at least 32 characters" >&2
  exit 1
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
exp=$((now + 5 * 365 * 24 * 3600))
h=$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | b64url)
p=$(printf '{"role":"service_role","iss":"self-hosted","iat":%d,"exp":%d}' "$now" "$exp" | b64url)
s=$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -hmac "$JWT_SECRET" -binary | b64url)
echo "$h.$p.$s"
