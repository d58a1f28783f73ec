import { z } from "zod";

/** GET /healthz: the process is up. */
export const healthResponse = z.object({ status: z.literal("ok") });

/** GET /readyz: 200 when the server can serve requests, 503 with the failing checks otherwise. */
export const readyResponse = z.object({
  status: z.enum(["ready", "not-ready"]),
  checks: z.object({ database: z.enum(["ok", "failing"]) }),
});
export type ReadyResponse = z.infer<typeof readyResponse>;
