import { z } from "zod";
import { email, personSummary } from "./common.ts";

export const orgRole = z.enum(["rep", "manager", "executive"]);

export interface OrgNode {
  readonly email: string;
  readonly name: string;
  readonly role: z.infer<typeof orgRole>;
  readonly reports: readonly OrgNode[];
}

/** A person and everyone below them, as the reporting lines say. */
export const orgNode: z.ZodType<OrgNode> = z.object({
  email,
  name: z.string(),
  role: orgRole,
  get reports() {
    return z.array(orgNode).readonly();
  },
});

/** GET /api/me: who is signed in, what they may do, and their part of the organisation. */
export const meResponse = z.object({
  tenantId: z.string(),
  mode: z.enum(["demo", "tenant"]),
  person: z.object({
    objectId: z.string(),
    email,
    name: z.string(),
    /** IANA zone, when Graph has told FieldCoach. */
    timeZone: z.string().nullable(),
  }),
  /** What the person is in the reporting tree, plus "admin" when they hold FieldCoach's admin role. */
  roles: z.array(z.enum(["rep", "manager", "executive", "admin"])),
  manager: personSummary.nullable(),
  /** Direct reports, each with their own reports (executives see their whole subtree). */
  reports: z.array(orgNode),
});
export type MeResponse = z.infer<typeof meResponse>;
