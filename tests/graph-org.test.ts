import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser } from "../src/demo-tenant/sim-test-builders.ts";
import { createOrgDirectory } from "../src/graph/org-directory.ts";
import { type GraphWorld, startGraphWorld } from "./graph-test-support.ts";

const ceo = buildUser("carla", { jobTitle: "CEO" });
const vp = buildUser("vera", { managerId: ceo.id, jobTitle: "VP Sales" });
const managers = Array.from({ length: 24 }, (_, i) =>
  buildUser(`mgr${String(i).padStart(2, "0")}`, {
    managerId: vp.id,
    jobTitle: "Sales Manager",
    timeZone: i % 2 === 0 ? "W. Europe Standard Time" : "Pacific Standard Time",
    workingHours: {
      daysOfWeek: ["monday", "tuesday", "wednesday", "thursday"],
      startTime: "07:30:00.0000000",
      endTime: "16:00:00.0000000",
      timeZone: i % 2 === 0 ? "W. Europe Standard Time" : "Pacific Standard Time",
    },
  }),
);
const reps = managers.flatMap((m, i) =>
  Array.from({ length: 2 }, (_, j) =>
    buildUser(`rep${String(i * 2 + j).padStart(3, "0")}`, { managerId: m.id }),
  ),
);
reps[6] = {
  ...reps[6]!,
  aliases: ["Rep006.Old@contoso.com", "rep006@eu.contoso.com"],
  hireDate: "2026-01-12",
};
reps[7] = { ...reps[7]!, hireDate: null };
const peer = buildUser("pablo", { managerId: ceo.id, jobTitle: "VP Marketing" });
const tenant = {
  ...buildTenant([ceo, vp, peer, ...managers, ...reps], []),
  domains: ["Contoso.com", "eu.contoso.com"],
};
let world: GraphWorld;

beforeAll(async () => {
  world = await startGraphWorld(tenant);
});

afterAll(async () => {
  await world.close();
});

afterEach(() => {
  world.sim.resetStats();
});

describe("org directory", () => {
  it("reads a person, their manager, and no manager at the top", async () => {
    const directory = createOrgDirectory(world.clientFor(vp).client);
    expect(await directory.person(managers[0]!.userPrincipalName)).toEqual({
      id: managers[0]!.id,
      displayName: managers[0]!.displayName,
      email: managers[0]!.mail,
      userPrincipalName: managers[0]!.userPrincipalName,
      jobTitle: "Sales Manager",
      aliases: [],
      hireDate: "2020-01-06",
    });
    expect(await directory.manager(managers[0]!.id)).toMatchObject({ id: vp.id, jobTitle: "VP Sales" });
    expect(await directory.manager(ceo.id)).toBeUndefined();
    expect(await directory.person("nobody@contoso.com")).toBeUndefined();
  });

  it("reads SMTP aliases and hire dates, which Graph returns only when selected", async () => {
    const directory = createOrgDirectory(world.clientFor(vp).client);
    const reports = await directory.directReports(managers[3]!.id);
    expect(reports.map((p) => [p.email, p.aliases, p.hireDate])).toEqual([
      [reps[6]!.mail, ["rep006.old@contoso.com", "rep006@eu.contoso.com"], "2026-01-12"],
      [reps[7]!.mail, [], null],
    ]);
    expect(await directory.manager(reps[6]!.id)).toMatchObject({ aliases: [], hireDate: "2020-01-06" });
  });

  it("lists direct reports only", async () => {
    const directory = createOrgDirectory(world.clientFor(vp).client);
    const reports = await directory.directReports(vp.id);
    expect(reports.map((p) => p.id)).toEqual(managers.map((m) => m.id));
  });

  it("walks an executive's subtree level by level, reading each level's reports in $batch calls of 20", async () => {
    const directory = createOrgDirectory(world.clientFor(vp).client);
    const tree = await directory.subtree(vp.id);
    expect(tree.root.id).toBe(vp.id);
    expect(tree.members).toHaveLength(managers.length + reps.length);
    expect(tree.members.slice(0, 24).every((line) => line.managerId === vp.id)).toBe(true);
    expect(tree.members.find((line) => line.person.id === reps[5]!.id)?.managerId).toBe(managers[2]!.id);
    expect(tree.members.some((line) => line.person.id === peer.id)).toBe(false);
    // The VP (1 user read), the VP's reports (1 batch), 24 managers (2 batches), 48 reps (3 batches).
    expect(world.sim.stats()).toMatchObject({
      requests: 7,
      byKind: { user: 1, batch: 6, directReports: 1 + 24 + 48 },
    });
  });

  it("reads many mailboxes' zones and working weeks in $batch calls", async () => {
    const directory = createOrgDirectory(world.appClient(["MailboxSettings.Read"]).client);
    const settings = await directory.mailboxSettings([managers[0]!.id, managers[1]!.id, "ghost@contoso.com"]);
    expect(settings.size).toBe(2);
    const first = settings.get(managers[0]!.id);
    expect(first).toMatchObject({ usable: true, timeZone: "W. Europe Standard Time" });
    if (first?.usable !== true) throw new Error("unusable");
    expect(first.workWeek).toMatchObject({
      daysOfWeek: ["monday", "tuesday", "wednesday", "thursday"],
      startTime: "07:30:00",
    });
    expect(first.workWeek!.zone.name).toBe("Europe/Berlin");
    expect(world.sim.stats().requests).toBe(1);
  });

  it("reads the tenant's verified domains in lower case", async () => {
    const directory = createOrgDirectory(world.clientWithScopes(vp, ["User.Read"]).client);
    expect(await directory.tenantDomains()).toEqual(["contoso.com", "eu.contoso.com"]);
  });

  it("needs User.Read.All to read others' reporting lines: User.Read alone gets a permission error naming it", async () => {
    const directory = createOrgDirectory(world.clientWithScopes(vp, ["User.Read"]).client);
    await expect(directory.directReports(managers[0]!.id)).rejects.toMatchObject({
      kind: "permission",
      code: "Authorization_RequestDenied",
      neededScopes: ["User.Read.All", "Directory.Read.All"],
    });
  });

  it("needs a user's own mailbox for delegated mailbox settings", async () => {
    const directory = createOrgDirectory(world.clientWithScopes(vp, ["MailboxSettings.Read"]).client);
    await expect(directory.mailboxSettings([managers[0]!.id])).rejects.toMatchObject({
      kind: "permission",
      status: 403,
    });
    expect((await directory.mailboxSettings([vp.id])).size).toBe(1);
  });
});
