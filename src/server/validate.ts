/**
 * Requests are checked against the API contract's zod schemas before any use case sees them; a value
 * that does not fit is a 400 naming the first field at fault, and nothing is changed.
 */

import type { z } from "zod";
import { RequestError } from "./api-error.ts";

export type RequestPart = "body" | "query" | "params" | "header";

export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.output<S> {
  const unstorable = unstorableTextIn(value);
  if (unstorable !== undefined) {
    const path = [part, ...unstorable].join(".");
    throw new RequestError(
      "bad_request",
      `The request's ${path} holds a NUL character or half of a surrogate pair, which is not text.`,
      { details: { issues: [{ path, message: "must be text without NUL characters or lone surrogates" }] } },
    );
  }
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

/**
 * The path of the first string (or key) PostgreSQL cannot store as text: it refuses NUL outright, and a
 * lone surrogate would come back silently as U+FFFD, a change nobody asked for. Walked without
 * recursion, because JSON may nest deeper than the stack.
 */
function unstorableTextIn(value: unknown): readonly string[] | undefined {
  interface Visit {
    readonly value: unknown;
    readonly key: string | undefined;
    readonly parent: Visit | undefined;
  }
  const pathOf = (visit: Visit): string[] => {
    const path: string[] = [];
    for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const pending: Visit[] = [{ value, key: undefined, parent: undefined }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === "string") {
      if (!isStorableText(next.value)) return pathOf(next);
    } else if (typeof next.value === "object" && next.value !== null) {
      for (const [key, child] of Object.entries(next.value)) {
        const visit = { value: child, key, parent: next };
        if (!isStorableText(key)) return pathOf(visit);
        pending.push(visit);
      }
    }
  }
  return undefined;
}

function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes("\u0000");
}

function lowerFirst(text: string): string {
  const trimmed = text.replace(/\.$/, "");
  return trimmed.length > 1 && /^[A-Z][a-z]/.test(trimmed)
    ? trimmed[0]!.toLowerCase() + trimmed.slice(1)
    : trimmed;
}
