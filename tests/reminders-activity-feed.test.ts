import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DEPLOYMENT } from "../manifest/deployment.ts";
import {
  type ActivityNotification,
  activityNotificationBody,
  createActivityFeed,
  SEND_ACTIVITY,
} from "../src/graph/send-activity-notification.ts";
import { activityFeedOf } from "../src/graph-sim/sim-activity-feed.ts";
import { tabDeepLink } from "../src/reminders/teams-deep-link.ts";
import { parseRoute } from "../src/ui/router/route.ts";
import { salesOrg } from "./graph-test-support.ts";
import { pgliteBackend } from "./jobs-backends.ts";
import { type NotificationWorld, startNotificationWorld } from "./notifications-support.ts";

const NOW = Date.parse("2026-03-10T09:00:00Z");
const TAB = { appId: DEMO_DEPLOYMENT.appId, entityId: "coaching" };

describe("sendActivityNotification against the simulator", () => {
  const { tenant, managers, reps } = salesOrg();
  const megan = managers[0]!;
  const alex = reps[0]!;
  const backend = pgliteBackend();
  let world: NotificationWorld;

  beforeAll(async () => {
    const [store] = await backend.open(1);
    world = await startNotificationWorld(tenant, store!, NOW);
  });

  afterAll(async () => {
    await world?.close();
    await backend.close();
  });

  const noteLink = tabDeepLink(TAB, { page: "note", noteId: "0b5e7a9e-0000-4000-8000-000000000001" });
  const shared: ActivityNotification = {
    recipientId: alex.id,
    activityType: "noteShared",
    topic: { source: "text", value: "Coaching note", webUrl: noteLink },
    previewText: "Megan shared the coaching note of Mon 9 Mar 2026 with you: add your reflection.",
    templateParameters: {},
  };

  it("sends app-only and delegated notifications, which Teams records with their sender", async () => {
    await createActivityFeed(world.appClient(["TeamsActivity.Send"])).send(shared);
    await createActivityFeed(world.clientFor(megan)).send({
      ...shared,
      activityType: "reportSignedOff",
      templateParameters: { repName: "Alex" },
    });
    expect(activityFeedOf(world.sim.state).sent).toMatchObject([
      {
        recipientId: alex.id,
        sender: "app:5f1c0a9e-1111-4000-8000-00000000f1e1",
        activityType: "noteShared",
      },
      { recipientId: alex.id, sender: `user:${megan.id}`, templateParameters: { repName: "Alex" } },
    ]);
    const context = new URL(shared.topic.source === "text" ? shared.topic.webUrl : "").searchParams.get(
      "context",
    )!;
    expect(parseRoute((JSON.parse(context) as { subEntityId: string }).subEntityId)).toEqual({
      page: "note",
      noteId: "0b5e7a9e-0000-4000-8000-000000000001",
    });
  });

  it("needs TeamsActivity.Send", async () => {
    expect(SEND_ACTIVITY.application).toEqual(["TeamsActivity.Send"]);
    await expect(createActivityFeed(world.appClient(["User.Read.All"])).send(shared)).rejects.toMatchObject({
      kind: "permission",
      status: 403,
      neededScopes: ["TeamsActivity.Send"],
    });
  });

  it("refuses what Teams would refuse before sending it: undeclared types, wrong parameters, links outside Teams", () => {
    expect(() => activityNotificationBody({ ...shared, activityType: "taskCreated" })).toThrow(
      'the app manifest declares no activity type "taskCreated"',
    );
    expect(() => activityNotificationBody({ ...shared, activityType: "fieldDayReminder" })).toThrow(
      'activity type "fieldDayReminder" takes the template parameters [date, personName], not []',
    );
    expect(() =>
      activityNotificationBody({
        ...shared,
        topic: { source: "text", value: "Coaching note", webUrl: "https://coach.contoso.com/tab#/note/1" },
      }),
    ).toThrow(RangeError);
    expect(
      activityNotificationBody(
        {
          ...shared,
          activityType: "fieldDayReminder",
          templateParameters: { personName: "Megan", date: "Tue 10 Mar 2026" },
        },
        { teamsAppId: TAB.appId },
      ),
    ).toEqual({
      topic: shared.topic,
      activityType: "fieldDayReminder",
      previewText: { content: shared.previewText },
      teamsAppId: TAB.appId,
      templateParameters: [
        { name: "date", value: "Tue 10 Mar 2026" },
        { name: "personName", value: "Megan" },
      ],
    });
  });

  it("is answered 400 by the simulator for an undeclared type or a missing parameter sent anyway", async () => {
    const client = world.appClient(["TeamsActivity.Send"]);
    const send = (body: Record<string, unknown>) =>
      client.send({
        method: "POST",
        url: `/users/${alex.id}/teamwork/sendActivityNotification`,
        permission: SEND_ACTIVITY,
        body,
      });
    const body = activityNotificationBody(shared);
    await expect(send({ ...body, activityType: "taskCreated" })).rejects.toMatchObject({
      status: 400,
      kind: "bad-request",
    });
    await expect(send({ ...body, activityType: "reportSignedOff" })).rejects.toMatchObject({ status: 400 });
    await expect(
      send({ ...body, topic: { source: "text", value: "x", webUrl: "https://evil.example/" } }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });

  it("is refused with Teams' 403 Forbidden for someone who has not installed FieldCoach", async () => {
    activityFeedOf(world.sim.state).uninstall(alex.id);
    await expect(
      createActivityFeed(world.appClient(["TeamsActivity.Send"])).send(shared),
    ).rejects.toMatchObject({
      status: 403,
      code: "Forbidden",
      kind: "permission",
    });
    activityFeedOf(world.sim.state).install(alex.id);
    await createActivityFeed(world.appClient(["TeamsActivity.Send"])).send(shared);
    expect(activityFeedOf(world.sim.state).sent).toHaveLength(3);
  });
});
