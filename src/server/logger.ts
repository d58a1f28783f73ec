/**
 * Structured JSON logs (pino) with every place a credential could appear redacted: the Authorization
 * header, tokens, secrets and private keys in bodies or error details. Request logs carry the method and
 * path only.
 */

import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../config/load-config.ts";

export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  "headers.authorization",
  "authorization",
  "accessToken",
  "token",
  "assertion",
  "clientSecret",
  "privateKeyPem",
  "*.accessToken",
  "*.access_token",
  "*.refresh_token",
  "*.token",
  "*.assertion",
  "*.client_secret",
  "*.clientSecret",
  "*.client_assertion",
  "*.privateKeyPem",
  "*.authorization",
  "*.headers.authorization",
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      base: { service: "fieldcoach" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
