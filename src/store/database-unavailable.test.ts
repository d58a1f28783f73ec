import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable.ts";

/** An error as node-postgres or Node's sockets raise it: a message and, often, a code. */
function failure(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", failure("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["a reset connection", failure("read ECONNRESET", "ECONNRESET")],
    [
      "an administrator ending the session",
      failure("terminating connection due to administrator command", "57P01"),
    ],
    ["a server starting up", failure("the database system is starting up", "57P03")],
    ["a connection exception", failure("connection failure", "08006")],
    ["a connection cut mid-statement", failure("Connection terminated unexpectedly")],
    [
      "a client whose connection failed",
      failure("Client has encountered a connection error and is not queryable"),
    ],
    [
      "every address refused",
      new AggregateError([failure("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], "connect failed"),
    ],
  ])("is true for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", failure("duplicate key value violates unique constraint", "23505")],
    ["a syntax error", failure('syntax error at or near "selec"', "42601")],
    ["a serialization failure", failure("could not serialize access", "40001")],
    ["a Fastify error", failure("Body is too large", "FST_ERR_CTP_BODY_TOO_LARGE")],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["something thrown that is not an Error", "Connection terminated unexpectedly"],
  ])("is false for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
