/**
 * Whether a failure means the database cannot be reached now (stopped, restarting, failing over, the
 * connection cut) rather than a fault of the request or the code: the first passes and is worth trying
 * again shortly, the second does not. PostgreSQL names its side by SQLSTATE (class 08, connection
 * exception; 57P01–57P03, shutting down or starting up), the socket by Node's error code, and
 * node-postgres its own connection failures by fixed sentences without a code.
 */

const SHUTTING_DOWN_OR_STARTING = new Set(["57P01", "57P02", "57P03"]);

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

const NODE_POSTGRES_CONNECTION_FAILURES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "Client has encountered a connection error and is not queryable",
  "timeout exceeded when trying to connect",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  if (code !== undefined) {
    return /^08[0-9A-Z]{3}$/.test(code) || SHUTTING_DOWN_OR_STARTING.has(code) || SOCKET_CODES.has(code);
  }
  return NODE_POSTGRES_CONNECTION_FAILURES.has(error.message);
}
