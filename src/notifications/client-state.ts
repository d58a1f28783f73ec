/**
 * The clientState of a subscription: a random secret Graph sends back in every notification, which is
 * how a notification is told from a forgery. Only its hash is stored; checks compare hashes in
 * constant time.
 */

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes, base64url: 43 characters, inside Graph's limit of 128. */
export function newClientState(): string {
  return randomBytes(32).toString("base64url");
}

export function hashClientState(clientState: string): string {
  return createHash("sha256").update(clientState, "utf8").digest("base64url");
}

export function clientStateMatches(given: unknown, storedHash: string): boolean {
  if (typeof given !== "string" || given === "") return false;
  const a = Buffer.from(hashClientState(given), "utf8");
  const b = Buffer.from(storedHash, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
