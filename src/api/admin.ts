import { z } from "zod";
import { email, instant } from "./common.ts";

/** GET /api/admin/people/:email/export and DELETE /api/admin/people/:email (SPEC §9). */
export const personParams = z.object({ email });

/** Everything FieldCoach stores about the person, table by table. */
export const personExportResponse = z.object({
  email,
  exportedAt: instant,
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type PersonExportResponse = z.infer<typeof personExportResponse>;

/** Rows removed (or, for other people's events, changed) per table. */
export const personDeleteResponse = z.object({
  email,
  deleted: z.record(z.string(), z.int().nonnegative()),
});
export type PersonDeleteResponse = z.infer<typeof personDeleteResponse>;
