/**
 * Requests are checked against the API contract's zod schemas before any use case sees them; a value
 * that does not fit is a 400 naming the first field at fault, and nothing is changed.
 */

import type { z } from "zod";
import { RequestError } from "./api-error.ts";

export type RequestPart = "body" | "query" | "params" | "header";

export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  const first = issues[0]!;
  throw new RequestError("bad_request", `The request's ${first.path} ${lowerFirst(first.message)}.`, {
    details: { issues },
  });
}

function lowerFirst(text: string): string {
  const trimmed = text.replace(/\.$/, "");
  return trimmed.length > 1 && /^[A-Z][a-z]/.test(trimmed)
    ? trimmed[0]!.toLowerCase() + trimmed.slice(1)
    : trimmed;
}
