/*
 * Directory sync reads each person's SMTP aliases and hire date from Graph and keeps them: meetings that
 * name a rep by an alias are classified as meetings with that rep, and a rep hired in the last months is
 * due for field days on the new-hire cadence. An address two people claim (an alias of one, the sign-in
 * name of another) matches neither.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendeeOf, buildMeeting } from "../../src/demo-tenant/sim-test-builders.ts";
import type { SimUser } from "../../src/graph-sim/tenant-data.ts";
import { NOW, type OrgTenant, orgTenant } from "./org-tenant.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

const ALIAS_CALL = "040000008200E00074C5B7101A82E008000000000000000000000000000000001000000A11A";

function withDirectoryDetails(base: OrgTenant): OrgTenant {
  const changes: Record<string, Partial<SimUser>> = {
    [base.ana.id]: { aliases: ["Ana.Rivera@contoso.com", "shared@contoso.com"], hireDate: "2026-01-12" },
    // Exchange keeps SMTP addresses unique, but a sign-in name may equal someone else's alias.
    [base.ben.id]: { userPrincipalName: "shared@contoso.com", hireDate: "2019-04-01" },
  };
  const users = base.tenant.users.map((user) => ({ ...user, ...changes[user.id] }));
  const ana = users.find((user) => user.id === base.ana.id)!;
  const customerCall = buildMeeting(
    { ...ana, mail: "buyer@northwind.com", displayName: "Buyer" },
    {
      iCalUId: ALIAS_CALL,
      subject: "Northwind discovery",
      start: "2026-03-05T18:00:00.000Z",
      end: "2026-03-05T19:00:00.000Z",
      attendees: [
        { email: "ana.rivera@contoso.com", name: "Ana Rivera", type: "required", response: "accepted" },
        attendeeOf(base.mia),
      ],
    },
  );
  return {
    ...base,
    ana,
    ben: users.find((user) => user.id === base.ben.id)!,
    tenant: { ...base.tenant, users, meetings: [...base.tenant.meetings, customerCall] },
  };
}

describe.each(["pglite", "postgres"] as const)("directory details on %s", (backend) => {
  let world: ServerWorld;
  let org: OrgTenant;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    org = withDirectoryDetails(orgTenant());
    const opened = await openTestStore(backend);
    drop = opened.drop;
    world = await startServerWorld({ tenants: [org.tenant], now: NOW, store: opened.store });
  });

  afterAll(async () => {
    await world.close();
    await world.store.close();
    await drop();
  });

  it("keeps each person's own aliases and hire date, and no address two people claim", async () => {
    expect((await world.call(org.mia, "GET", "/api/me")).statusCode).toBe(200);
    const tenantId = org.tenant.tenantId;
    const ana = await world.store.people.byObjectId(tenantId, org.ana.id);
    const ben = await world.store.people.byObjectId(tenantId, org.ben.id);
    expect(ana).toMatchObject({ aliases: ["ana.rivera@contoso.com"], hireDate: "2026-01-12" });
    expect(ben).toMatchObject({ aliases: [], hireDate: "2019-04-01" });
    expect((await world.store.people.byAddress(tenantId, "Ana.Rivera@Contoso.com"))?.objectId).toBe(
      org.ana.id,
    );
    expect(await world.store.people.byAddress(tenantId, "shared@contoso.com")).toBeUndefined();
  });

  it("classifies a customer call that names the rep by an alias as the rep's", async () => {
    const response = await world.call(
      org.mia,
      "GET",
      `/api/events?from=2026-03-05T00:00:00Z&to=2026-03-06T00:00:00Z&iCalUId=${ALIAS_CALL}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().events).toEqual([
      expect.objectContaining({
        kind: "customer-call",
        initiator: "rep",
        development: "sales",
        reps: [org.ana.mail],
      }),
    ]);
  });

  it("holds a new hire to the new-hire cadence: due two weeks after her field day, not four", async () => {
    const response = await world.call(org.mia, "GET", "/api/suggestions");
    expect(response.statusCode).toBe(200);
    const due = response.json().due as { rep: { email: string }; lastFieldDay: string; dueBy: string }[];
    const ana = due.find((item) => item.rep.email === org.ana.mail)!;
    expect(ana.lastFieldDay).toBe("2026-03-03T13:00:00.000Z");
    // Two weeks on the manager's wall clock, across the change to daylight time on 8 March.
    expect(ana.dueBy).toBe("2026-03-17T12:00:00.000Z");
  });
});
