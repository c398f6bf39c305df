// Is this error the job store (Redis) failing, rather than a bug of ours? Decided by the
// error's type, not by matching every message Redis might send:
// - any error reply (ioredis's ReplyError: MISCONF, BUSY, NOREPLICAS, MOVED, CLUSTERDOWN,
//   LOADING, READONLY, OOM, "exceeds proto-max-bulk-len", and replies not invented yet) is a
//   fault of the store, except the few that can only mean our command was wrong;
// - ioredis's own connection errors (redis-errors classes, the socket's errno codes);
// - the handful of plain Errors ioredis raises for a lost connection, which have no class of
//   their own (its fixed texts, not Redis replies).
// Such faults are transient: the caller answers 503 + Retry-After, a worker retries the job.

const REDIS_ERROR_CLASSES = new Set([
  'RedisError',
  'ParserError',
  'InterruptError',
  'MaxRetriesPerRequestError',
  'ClusterAllFailedError',
]);

/** Replies that mean our command was malformed: retrying cannot help, so they are bugs. */
const OUR_BUG_REPLY =
  /^(WRONGTYPE|ERR (unknown command|wrong number of arguments|syntax error|value is not an integer|Error running script|user_script|Error compiling script))/;

const CONNECTION_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** ioredis's fixed texts for a command it could not send or whose connection went away. */
const IOREDIS_CONNECTION_TEXTS = [
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Command timed out',
  'Reached the max retries per request limit',
];

export function isRedisFault(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; message?: unknown; code?: unknown; syscall?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (name === 'ReplyError') return !OUR_BUG_REPLY.test(message);
  if (REDIS_ERROR_CLASSES.has(name)) return true;
  if (typeof e.code === 'string' && CONNECTION_ERRNO.has(e.code)) return true;
  return IOREDIS_CONNECTION_TEXTS.some((t) => message.startsWith(t));
}
