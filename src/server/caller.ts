/**
 * Who is calling, taken from a verified access token only: tenant (`tid`) and object id (`oid`) identify
 * the person; what a page says about itself (Teams context, a user name in a body) never does.
 */

import type { FastifyReply, FastifyRequest } from "fastify";
import { decodeJwt } from "jose";
import type { Instant } from "../domain/instant.ts";
import { RequestError } from "./api-error.ts";
import { bearerToken } from "./auth/bearer-token.ts";
import { TokenError } from "./auth/token-error.ts";
import type { TokenValidator } from "./auth/token-validator.ts";

/** The app role that lets a person change tenant settings and export or delete a person's data. */
export const ADMIN_ROLE = "FieldCoach.Admin";

export interface Caller {
  /** Lower-case tenant id (`tid`). */
  readonly tenantId: string;
  /** Entra object id of the user (`oid`). */
  readonly objectId: string;
  /** App roles assigned to the user in FieldCoach's enterprise application (`roles`). */
  readonly roles: readonly string[];
  readonly name: string | null;
  /** The token itself: the assertion of an On-Behalf-Of exchange. Never logged, never stored. */
  readonly token: string;
  readonly expiresAt: Instant;
}

export function isAdmin(caller: Caller): boolean {
  return caller.roles.includes(ADMIN_ROLE);
}

/** Verifies the `Authorization` header; throws RequestError 401 or 403 when it cannot. */
export type Authenticator = (authorization: string | undefined) => Promise<Caller>;

export function createAuthenticator(validator: TokenValidator): Authenticator {
  return async (authorization) => {
    try {
      const token = bearerToken(authorization);
      const principal = await validator.validate(token);
      const exp = decodeJwt(token).exp;
      return {
        tenantId: principal.tenantId,
        objectId: principal.objectId,
        roles: principal.roles,
        name: principal.name,
        token,
        expiresAt: typeof exp === "number" ? exp * 1000 : 0,
      };
    } catch (error) {
      if (error instanceof TokenError) throw new RequestError(error.code, error.message, { cause: error });
      throw error;
    }
  };
}

const callers = new WeakMap<FastifyRequest, Caller>();

/** A Fastify hook for routes that need a signed-in caller. */
export function authenticateHook(authenticate: Authenticator) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    callers.set(request, await authenticate(request.headers.authorization));
  };
}

/** The caller of a request that went through authenticateHook. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (caller === undefined) throw new RequestError("token_missing", "The request carries no access token.");
  return caller;
}

/** The caller when the request was authenticated, for rate-limit keys; undefined otherwise. */
export function maybeCallerOf(request: FastifyRequest): Caller | undefined {
  return callers.get(request);
}
