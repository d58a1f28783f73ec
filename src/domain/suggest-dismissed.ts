import { z } from "zod";
import { formatJsonPath, InputError } from "./input-error.ts";

/** A suggestion the manager dismissed: that rep on that date of the manager's calendar is not offered again. */
export interface DismissedSuggestion {
  /** Lower-case email. */
  readonly rep: string;
  /** YYYY-MM-DD on the manager's calendar. */
  readonly date: string;
}

const dismissedInput = z.array(
  z.strictObject({
    rep: z
      .string()
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "must be an email address")
      .transform((email) => email.toLowerCase()),
    date: z.iso.date("must be a date such as 2026-03-04"),
  }),
  { error: 'must be an array of {"rep", "date"} objects' },
);

/** Validates a list of dismissed suggestions; throws InputError naming the JSON path of the first problem. */
export function parseDismissed(input: unknown): DismissedSuggestion[] {
  const parsed = dismissedInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(formatJsonPath(issue.path), issue.message);
  }
  return parsed.data;
}
