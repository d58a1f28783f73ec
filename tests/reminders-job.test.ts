import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_TABS } from "../manifest/app-definition.ts";
import { DEMO_DEPLOYMENT } from "../manifest/deployment.ts";
import { createActivityFeed } from "../src/graph/send-activity-notification.ts";
import { activityFeedOf } from "../src/graph-sim/sim-activity-feed.ts";
import { JOB_KINDS } from "../src/jobs/job-keys.ts";
import { createJobRunner } from "../src/jobs/job-runner.ts";
import {
  type ReminderJobOptions,
  reminderJobHandler,
  sendDueReminders,
} from "../src/reminders/reminder-job.ts";
import { tabDeepLink } from "../src/reminders/teams-deep-link.ts";
import type { ClassifiedEventInput } from "../src/store/repositories/classified-events.ts";
import type { Store } from "../src/store/store.ts";
import { parseRoute } from "../src/ui/router/route.ts";
import { salesOrg } from "./graph-test-support.ts";
import { backends, recordingLog } from "./jobs-backends.ts";
import { directoryOf, type NotificationWorld, startNotificationWorld } from "./notifications-support.ts";

const NOW = Date.parse("2026-03-10T09:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TAB = { appId: DEMO_DEPLOYMENT.appId, entityId: TEAMS_TABS.personal.entityId };

function fieldDay(eventId: string, rep: string, start: number, hours = 8): ClassifiedEventInput {
  return {
    eventId,
    iCalUId: `ical-${eventId}`,
    seriesMasterId: null,
    start,
    end: start + hours * HOUR,
    isAllDay: false,
    isCancelled: false,
    isPrivate: false,
    initiator: "manager",
    kind: "field-day",
    development: "skill",
    reps: [rep],
    hours,
    bigDeal: false,
    reasons: ["organized by the manager"],
    customerDomains: [],
    overridden: false,
  };
}

/** The page a reminder's Teams link opens, as the tab reads it. */
function pageOf(webUrl: string) {
  const url = new URL(webUrl);
  expect(`${url.origin}${url.pathname}`).toBe(
    `https://teams.microsoft.com/l/entity/${TAB.appId}/${TAB.entityId}`,
  );
  const context = JSON.parse(url.searchParams.get("context")!) as { subEntityId: string };
  return parseRoute(context.subEntityId);
}

for (const backend of backends("reminders_job")) {
  describe(`${backend.name}: activity-feed reminders`, () => {
    const { tenant, vp, managers, reps } = salesOrg();
    const [megan, nestor] = managers as [(typeof managers)[number], (typeof managers)[number]];
    const [alex, bianca, chen, dmitri, eva] = reps as [
      (typeof reps)[number],
      (typeof reps)[number],
      (typeof reps)[number],
      (typeof reps)[number],
      (typeof reps)[number],
    ];
    const tenantId = tenant.tenantId;
    let stores: Store[];
    let world: NotificationWorld;
    let sharedNoteId: string;
    const optionsFor = (store: Store, owner: string): ReminderJobOptions => ({
      store,
      activityFeedFor: async () =>
        createActivityFeed(world.appClient(["TeamsActivity.Send"]), { teamsAppId: TAB.appId }),
      deepLink: (route) => tabDeepLink(TAB, route),
      owner,
      clock: world.clock.now,
      intervalMs: 15 * 60_000,
    });
    const feed = () => activityFeedOf(world.sim.state);

    beforeAll(async () => {
      stores = await backend.open(2);
      const store = stores[0]!;
      world = await startNotificationWorld(tenant, store, NOW);
      await store.people.replaceDirectory(tenantId, directoryOf(tenant), NOW - 30 * DAY);
      await store.events.upsert(
        tenantId,
        megan.mail,
        [
          // Ended 41 hours ago, no note yet.
          fieldDay("fd-alex", alex.mail, Date.parse("2026-03-08T08:00:00Z")),
          // Has its note, shared two days ago and signed off yesterday.
          fieldDay("fd-bianca", bianca.mail, Date.parse("2026-03-05T08:00:00Z")),
          // Starts in 22 hours.
          fieldDay("fd-chen", chen.mail, Date.parse("2026-03-11T07:00:00Z")),
          // Ended ten days ago without a note: past every reminder's lifetime.
          fieldDay("fd-old", alex.mail, Date.parse("2026-02-27T08:00:00Z")),
          { ...fieldDay("fd-cancelled", chen.mail, Date.parse("2026-03-10T20:00:00Z")), isCancelled: true },
        ],
        NOW - DAY,
      );
      // Ended 17 hours ago: its note is not asked for until tomorrow.
      await store.events.upsert(
        tenantId,
        nestor.mail,
        [fieldDay("fd-eva", eva.mail, Date.parse("2026-03-09T08:00:00Z"))],
        NOW - DAY,
      );
      const { note } = await store.notes.create(
        tenantId,
        {
          noteId: "00000000-0000-4000-8000-00000000b1a0",
          meetingICalUId: "ical-fd-bianca",
          repEmail: bianca.mail,
          managerEmail: megan.mail,
          meetingStart: Date.parse("2026-03-05T08:00:00Z"),
          meetingKind: "field-day",
          focus: [],
        },
        { by: megan.mail, now: NOW - 4 * DAY },
      );
      sharedNoteId = note.noteId;
      await store.notes.transition(tenantId, note.noteId, ["draft"], "shared", {
        by: megan.mail,
        now: NOW - 2 * DAY,
      });
      await store.notes.transition(tenantId, note.noteId, ["shared"], "signed-off", {
        by: megan.mail,
        now: NOW - DAY,
      });
      await store.reminders.setOptOut(tenantId, chen.mail, "fieldDayReminder", true, NOW - 30 * DAY);
      await store.reminders.setOptOut(tenantId, nestor.mail, "all", true, NOW - 30 * DAY);
    });

    afterAll(async () => {
      await world?.close();
      await backend.close();
    });

    it("sends each due reminder exactly once when two instances run the reminders at the same time", async () => {
      const reports = await Promise.all([
        sendDueReminders(optionsFor(stores[0]!, "instance-a"), tenantId),
        sendDueReminders(optionsFor(stores[1]!, "instance-b"), tenantId),
      ]);
      expect(reports[0]!.sent + reports[1]!.sent).toBe(4);
      const sent = feed().sent.map((activity) => [activity.activityType, activity.recipientId]);
      expect(sent.sort()).toEqual(
        [
          ["fieldDayNoteMissing", megan.id],
          ["fieldDayReminder", megan.id],
          ["noteShared", bianca.id],
          ["reportSignedOff", vp.id],
        ].sort(),
      );
      expect(feed().sent.every((activity) => activity.sender.startsWith("app:"))).toBe(true);
      const rows = await stores[0]!.reminders.list(tenantId);
      expect(rows.map((row) => [row.status, row.recipientEmail]).sort()).toEqual(
        [
          ["sent", megan.mail],
          ["sent", megan.mail],
          ["sent", bianca.mail],
          ["sent", vp.mail],
        ].sort(),
      );
    });

    it("sends nothing again when the job runs again, on either of two runners", async () => {
      const runners = ["a", "b"].map((name, i) =>
        createJobRunner({
          store: stores[i]!,
          owner: `runner-${name}`,
          handlers: { reminders: reminderJobHandler(optionsFor(stores[i]!, `runner-${name}`)) },
          leaseMs: 60_000,
          clock: world.clock.now,
          log: recordingLog(),
        }),
      );
      await stores[0]!.jobQueue.ensure(tenantId, JOB_KINDS.reminders, NOW);
      const ran = await Promise.all(runners.map((runner) => runner.runDue()));
      expect(ran.sort()).toEqual([0, 1]);
      world.clock.advance(HOUR);
      expect(await sendDueReminders(optionsFor(stores[1]!, "instance-c"), tenantId)).toEqual({
        sent: 0,
        undeliverable: 0,
      });
      expect(feed().sent).toHaveLength(4);
    });

    it("links every reminder to the page it is about", () => {
      const byType = new Map(
        feed().sent.map((activity) => [`${activity.activityType}|${activity.recipientId}`, activity]),
      );
      const link = (type: string, recipient: string) =>
        String(byType.get(`${type}|${recipient}`)!.topic.webUrl);
      expect(pageOf(link("fieldDayNoteMissing", megan.id))).toEqual({
        page: "meeting",
        iCalUId: "ical-fd-alex",
        rep: alex.mail,
      });
      expect(pageOf(link("fieldDayReminder", megan.id))).toEqual({
        page: "meeting",
        iCalUId: "ical-fd-chen",
        rep: chen.mail,
      });
      expect(pageOf(link("noteShared", bianca.id))).toEqual({ page: "note", noteId: sharedNoteId });
      expect(pageOf(link("reportSignedOff", vp.id))).toEqual({ page: "note", noteId: sharedNoteId });
      expect(byType.get(`fieldDayNoteMissing|${megan.id}`)).toMatchObject({
        templateParameters: { repName: alex.displayName, date: "Sun 8 Mar 2026" },
        topic: { source: "text", value: "Coaching note" },
      });
    });

    it("respects opt-outs as time goes on: Nestor opted out of everything, Chen of field-day reminders", async () => {
      world.clock.set(NOW + DAY);
      const report = await sendDueReminders(optionsFor(stores[0]!, "instance-a"), tenantId);
      // Eva's field day ended over a day ago now, but its note would be asked of Nestor.
      expect(report).toEqual({ sent: 0, undeliverable: 0 });
      expect(
        feed().sent.some(
          (activity) => activity.recipientId === nestor.id || activity.recipientId === chen.id,
        ),
      ).toBe(false);
      await stores[0]!.reminders.setOptOut(tenantId, nestor.mail, "all", false, world.clock.now());
      expect(await sendDueReminders(optionsFor(stores[0]!, "instance-a"), tenantId)).toEqual({
        sent: 1,
        undeliverable: 0,
      });
      expect(feed().sent.at(-1)).toMatchObject({
        activityType: "fieldDayNoteMissing",
        recipientId: nestor.id,
      });
    });

    it("records a reminder Teams refuses for good (app not installed) as undeliverable and never tries it again", async () => {
      feed().uninstall(dmitri.id);
      const store = stores[0]!;
      const { note } = await store.notes.create(
        tenantId,
        {
          noteId: "00000000-0000-4000-8000-00000000d0d0",
          meetingICalUId: "ical-one-on-one-dmitri",
          repEmail: dmitri.mail,
          managerEmail: nestor.mail,
          meetingStart: world.clock.now() - DAY,
          meetingKind: "one-on-one",
          focus: [],
        },
        { by: nestor.mail, now: world.clock.now() },
      );
      await store.notes.transition(tenantId, note.noteId, ["draft"], "shared", {
        by: nestor.mail,
        now: world.clock.now(),
      });
      const callsBefore = world.sim.stats().byKind.activityNotification ?? 0;
      expect(await sendDueReminders(optionsFor(store, "instance-a"), tenantId)).toEqual({
        sent: 0,
        undeliverable: 1,
      });
      expect(
        (await store.reminders.list(tenantId)).find((row) => row.dedupeKey === `noteShared:${note.noteId}`),
      ).toMatchObject({
        status: "undeliverable",
        failureCode: "403 Forbidden",
        recipientEmail: dmitri.mail,
      });
      world.clock.advance(HOUR);
      feed().install(dmitri.id);
      expect(await sendDueReminders(optionsFor(store, "instance-a"), tenantId)).toEqual({
        sent: 0,
        undeliverable: 0,
      });
      expect(world.sim.stats().byKind.activityNotification).toBe(callsBefore + 1);
    });

    it("gives the claim back when Teams throttles, so the next run sends the reminder", async () => {
      const store = stores[0]!;
      const { note } = await store.notes.create(
        tenantId,
        {
          noteId: "00000000-0000-4000-8000-00000000e0e0",
          meetingICalUId: "ical-one-on-one-eva",
          repEmail: eva.mail,
          managerEmail: nestor.mail,
          meetingStart: world.clock.now() - DAY,
          meetingKind: "one-on-one",
          focus: [],
        },
        { by: nestor.mail, now: world.clock.now() },
      );
      await store.notes.transition(tenantId, note.noteId, ["draft"], "shared", {
        by: nestor.mail,
        now: world.clock.now(),
      });
      world.sim.faults.throttle({
        times: 4,
        retryAfterSeconds: 1,
        match: (target) => target.kind === "activityNotification",
      });
      await expect(sendDueReminders(optionsFor(store, "instance-a"), tenantId)).rejects.toMatchObject({
        kind: "retry-later",
        status: 429,
      });
      expect(
        (await store.reminders.list(tenantId)).some((row) => row.dedupeKey === `noteShared:${note.noteId}`),
      ).toBe(false);
      expect(await sendDueReminders(optionsFor(store, "instance-a"), tenantId)).toEqual({
        sent: 1,
        undeliverable: 0,
      });
      expect(feed().sent.at(-1)).toMatchObject({ activityType: "noteShared", recipientId: eva.id });
    });

    it("hands a person's reminders and opt-outs over with their data, and erases them with it", async () => {
      const store = stores[0]!;
      expect((await store.personData.export(tenantId, chen.mail)).tables.reminder_opt_outs).toMatchObject([
        { person_email: chen.mail, activity_type: "fieldDayReminder" },
      ]);
      const exported = await store.personData.export(tenantId, megan.mail);
      expect(exported.tables.reminders_sent.map((row) => row.activity_type).sort()).toEqual([
        "fieldDayNoteMissing",
        "fieldDayReminder",
      ]);
      expect(await store.personData.erase(tenantId, megan.mail)).toMatchObject({ reminders_sent: 2 });
      expect((await store.reminders.list(tenantId)).some((row) => row.recipientEmail === megan.mail)).toBe(
        false,
      );
    });
  });
}
