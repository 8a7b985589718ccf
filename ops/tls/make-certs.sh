#!/usr/bin/env bash
# Makes the TLS material for a SASL_SSL Corridor cluster with the JDK's keytool only:
#   ca.p12            a private certificate authority (keep it offline)
#   truststore.p12    the CA certificate, for every client and broker
#   <host>.p12        one keystore per broker host, signed by the CA, with the host name as DNS SAN
# Usage: ops/tls/make-certs.sh OUT_DIR [HOST ...]     (default hosts: kafka-1 kafka-2 kafka-3 localhost)
# The store password is read from $CORRIDOR_TLS_PASSWORD, or generated and written to OUT_DIR/store-password (0600).
set -euo pipefail

out="${1:?usage: make-certs.sh OUT_DIR [HOST ...]}"
shift || true
hosts=("$@")
[ ${#hosts[@]} -gt 0 ] || hosts=(kafka-1 kafka-2 kafka-3 localhost)
days=825

mkdir -p "$out"
chmod 700 "$out"
umask 077
if [ -n "${CORRIDOR_TLS_PASSWORD:-}" ]; then
  pass="$CORRIDOR_TLS_PASSWORD"
else
  pass="$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)"
  printf '%s\n' "$pass" > "$out/store-password"
fi

# The CA: a key pair whose certificate may sign others (basic constraints CA:true).
keytool -genkeypair -alias ca -keyalg EC -groupname secp384r1 -dname "CN=Corridor CA" -validity "$days" \
  -ext bc:c -keystore "$out/ca.p12" -storetype PKCS12 -storepass "$pass" -noprompt
keytool -exportcert -alias ca -rfc -keystore "$out/ca.p12" -storepass "$pass" -file "$out/ca.crt"
keytool -importcert -alias ca -file "$out/ca.crt" -keystore "$out/truststore.p12" -storetype PKCS12 \
  -storepass "$pass" -noprompt

for host in "${hosts[@]}"; do
  ks="$out/$host.p12"
  keytool -genkeypair -alias "$host" -keyalg EC -groupname secp384r1 -dname "CN=$host" -validity "$days" \
    -keystore "$ks" -storetype PKCS12 -storepass "$pass" -noprompt
  keytool -certreq -alias "$host" -keystore "$ks" -storepass "$pass" -file "$out/$host.csr"
  keytool -gencert -alias ca -keystore "$out/ca.p12" -storepass "$pass" -infile "$out/$host.csr" \
    -outfile "$out/$host.crt" -rfc -validity "$days" -ext "SAN=dns:$host" -ext ku:c=digitalSignature,keyEncipherment \
    -ext eku=serverAuth,clientAuth
  # The chain: the CA first, then the signed certificate replaces the self-signed one.
  keytool -importcert -alias ca -file "$out/ca.crt" -keystore "$ks" -storepass "$pass" -noprompt
  keytool -importcert -alias "$host" -file "$out/$host.crt" -keystore "$ks" -storepass "$pass" -noprompt
  rm -f "$out/$host.csr"
  echo "make-certs: $ks (CN=$host, signed by Corridor CA)"
done
echo "make-certs: truststore $out/truststore.p12; store password in ${CORRIDOR_TLS_PASSWORD:+\$CORRIDOR_TLS_PASSWORD}${CORRIDOR_TLS_PASSWORD:-$out/store-password}"
