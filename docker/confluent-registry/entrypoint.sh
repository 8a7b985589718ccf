#!/usr/bin/env bash
# Starts Confluent's Schema Registry with HTTP basic authentication (docs/security.md, issue 19 item 10).
# Confluent's image has no switch for it: the registry reads users from a JAAS login module, so this writes the
# JAAS file and the users file (owner-only) from the container's environment, then runs the image's own start.
#   REGISTRY_WRITER_PASSWORD  the password of user "corridor", the one client Corridor's services use
#   CORRIDOR_AUTH_DIR         where the two files go (default /tmp/corridor-auth, inside the container)
#   CORRIDOR_REGISTRY_RUN     what to exec afterwards (default the image's /etc/confluent/docker/run)
# The community registry authenticates every request but has no per-user permissions: any user listed here may
# read and write. Only Corridor's own registry tells writers from anonymous readers.
set -euo pipefail

: "${REGISTRY_WRITER_PASSWORD:?the password of user corridor}"
dir="${CORRIDOR_AUTH_DIR:-/tmp/corridor-auth}"
realm="${SCHEMA_REGISTRY_AUTHENTICATION_REALM:-SchemaRegistry-Props}"
role="${SCHEMA_REGISTRY_AUTHENTICATION_ROLES:-corridor}"
role="${role%%,*}"

case "$REGISTRY_WRITER_PASSWORD" in
  *[[:space:],:]*) echo "entrypoint: REGISTRY_WRITER_PASSWORD must not contain spaces, commas or colons" >&2; exit 2 ;;
esac

# Jetty 12 (Confluent Platform 8) moved the login module to another package; use the one the image ships.
module=org.eclipse.jetty.jaas.spi.PropertyFileLoginModule
if compgen -G "/usr/share/java/*/jetty-security-12*.jar" >/dev/null; then
  module=org.eclipse.jetty.security.jaas.spi.PropertyFileLoginModule
fi

umask 077
mkdir -p "$dir"
printf 'corridor: %s,%s\n' "$REGISTRY_WRITER_PASSWORD" "$role" > "$dir/users.properties"
printf '%s {\n  %s required\n  file="%s"\n  debug="false";\n};\n' "$realm" "$module" "$dir/users.properties" > "$dir/jaas.conf"

export SCHEMA_REGISTRY_OPTS="${SCHEMA_REGISTRY_OPTS:-} -Djava.security.auth.login.config=$dir/jaas.conf"
exec ${CORRIDOR_REGISTRY_RUN:-/etc/confluent/docker/run}
