# Sourced by scripts/test.sh: start a throwaway Redis on loopback for the tests unless REDIS_URL is set.
# Configured as production is meant to run: AOF on, noeviction (jobs must never vanish).
if [ -z "${REDIS_URL:-}" ]; then
  # A free loopback port, so a Redis already running here is never reused by accident.
  _redis_port=${TEST_REDIS_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
  _redis_dir=$(mktemp -d /tmp/imajin-redis.XXXXXX)
  redis-server --port "$_redis_port" --bind 127.0.0.1 --dir "$_redis_dir" --daemonize yes \
    --appendonly yes --maxmemory-policy noeviction --save '' \
    --pidfile "$_redis_dir/redis.pid" --logfile "$_redis_dir/redis.log"
  for _ in $(seq 50); do redis-cli -p "$_redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$_redis_port" ping >/dev/null || { echo "redis-server did not start: $(cat "$_redis_dir/redis.log")" >&2; exit 1; }
  export REDIS_URL="redis://127.0.0.1:$_redis_port"
  trap 'redis-cli -p '"$_redis_port"' shutdown nosave >/dev/null 2>&1 || true; rm -rf "'"$_redis_dir"'"' EXIT
fi
