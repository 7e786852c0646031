#!/usr/bin/env bash
# redis-tls.sh start|stop|auth PASSWORD: the Redis of the production-shaped leg of scripts/test.sh, shaped like the
# stack's ElastiCache group: a TLS-only primary on REDIS_PORT and a replica of it (over TLS) on REDIS_REPLICA_PORT, so
# the consumer's WAIT for one replica has one. The certificate is self-signed for 127.0.0.1 and written to
# RUN_DIR/redis-tls/ca.crt: whoever connects trusts it through NODE_EXTRA_CA_CERTS. `auth` sets the AUTH token the
# stack generated (ElastiCache takes it at creation; here it is known only after the deploy).
source "$(dirname "$0")/common.sh"
dir="$RUN_DIR/redis-tls"
REDIS_REPLICA_PORT="${REDIS_REPLICA_PORT:-}"

tls_cli() {
  local port=$1; shift
  redis-cli --tls --cacert "$dir/ca.crt" -h 127.0.0.1 -p "$port" --no-auth-warning ${REDIS_TLS_PASSWORD:+-a "$REDIS_TLS_PASSWORD"} "$@"
}

answers() { tls_cli "$1" ping 2>/dev/null | grep -q PONG; }
replica_linked() { tls_cli "$REDIS_REPLICA_PORT" info replication 2>/dev/null | grep -q 'master_link_status:up'; }

make_certificate() {
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=sqs-orders test Redis' \
    -addext 'subjectAltName=IP:127.0.0.1,DNS:localhost' -keyout "$dir/tls.key" -out "$dir/ca.crt" 2>/dev/null
}

start_server() {
  local name=$1 port=$2; shift 2
  mkdir -p "$dir/$name"
  redis-server --port 0 --tls-port "$port" --bind 127.0.0.1 --tls-cert-file "$dir/ca.crt" --tls-key-file "$dir/tls.key" \
    --tls-ca-cert-file "$dir/ca.crt" --tls-auth-clients no --dir "$dir/$name" --appendonly yes --appendfsync everysec \
    --save '' --daemonize yes --pidfile "$dir/$name.pid" --logfile "$dir/$name.log" "$@"
  wait_until 15 "TLS redis-server ($name) on port $port" answers "$port"
}

stop_server() {
  local pid_file="$dir/$1.pid"
  [[ -f $pid_file ]] || return 0
  kill "$(cat "$pid_file")" 2>/dev/null || true
  rm -f "$pid_file"
  log "stopped the TLS redis-server ($1)"
}

case "${1:-}" in
  start)
    [[ -n $REDIS_REPLICA_PORT ]] || die "REDIS_REPLICA_PORT is not set"
    mkdir -p "$dir"
    make_certificate
    start_server primary "$REDIS_PORT"
    start_server replica "$REDIS_REPLICA_PORT" --replicaof 127.0.0.1 "$REDIS_PORT" --tls-replication yes
    wait_until 15 "the replica's link to its primary" replica_linked
    log "TLS redis-server on 127.0.0.1:$REDIS_PORT, its replica on $REDIS_REPLICA_PORT (certificate $dir/ca.crt)"
    ;;
  auth)
    password=${2:?usage: redis-tls.sh auth PASSWORD}
    # The replica first, so it can authenticate whenever it reconnects; then the primary.
    tls_cli "$REDIS_REPLICA_PORT" config set masterauth "$password" >/dev/null
    tls_cli "$REDIS_REPLICA_PORT" config set requirepass "$password" >/dev/null
    tls_cli "$REDIS_PORT" config set requirepass "$password" >/dev/null
    REDIS_TLS_PASSWORD=$password tls_cli "$REDIS_PORT" ping | grep -q PONG || die "the primary refuses the AUTH token"
    tls_cli "$REDIS_PORT" ping 2>&1 | grep -q NOAUTH || die "the primary still answers a client without the AUTH token"
    log "the TLS Redis pair now requires the stack's AUTH token"
    ;;
  stop)
    stop_server replica
    stop_server primary
    ;;
  *) die "usage: redis-tls.sh start|stop|auth PASSWORD" ;;
esac
