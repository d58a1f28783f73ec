/*
 * The retention job on PGlite and PostgreSQL, with a pinned clock: with a retention of three months it
 * deletes, batch by batch, the coaching records of meetings that ended before then (notes with their
 * versions, actions, review comments and audit rows; classified events and their overrides; suggestions;
 * reminders sent) and keeps everything newer, a twin tenant's identical rows, and the audit of what
 * people did that is not about a deleted note. A second run deletes nothing; no retention deletes nothing.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_KINDS } from "../src/jobs/job-keys.ts";
import { createJobRunner } from "../src/jobs/job-runner.ts";
import { ensureTenantJobs } from "../src/jobs/plan-jobs.ts";
import { applyRetention, type RetentionJobOptions, retentionJobHandler } from "../src/jobs/retention-job.ts";
import type { Store } from "../src/store/store.ts";
import { backends, manualClock, recordingLog } from "./jobs-backends.ts";
import { buildEvent, buildNote, buildOffer, uuid } from "./store/store-builders.ts";

const NOW = Date.parse("2026-06-15T09:00:00Z");
/** Three months before NOW. */
const CUTOFF = Date.parse("2026-03-15T09:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX = "max@contoso.com";
const TENANT = "5c1e0000-0000-4000-8000-00000000a001";
const TWIN = "5c1e0000-0000-4000-8000-00000000a002";

const at = (iso: string) => Date.parse(iso);

/** The same records in any tenant: old ones, ones astride the cutoff and new ones. */
async function seed(store: Store, t: string): Promise<void> {
  const by = (now: number) => ({ by: MAX, now });
  await store.tenants.upsert(t, "Contoso", at("2026-01-01T00:00:00Z"));

  const oldStart = at("2026-02-10T08:00:00Z");
  await store.events.upsert(
    t,
    MAX,
    [
      buildEvent({ eventId: "old-day", start: oldStart, end: oldStart + 8 * HOUR, kind: "field-day" }),
      buildEvent({
        eventId: "old-call-1",
        start: at("2026-02-11T15:00:00Z"),
        end: at("2026-02-11T16:00:00Z"),
      }),
      buildEvent({
        eventId: "old-call-2",
        start: at("2026-03-01T15:00:00Z"),
        end: at("2026-03-01T16:00:00Z"),
      }),
      buildEvent({
        eventId: "old-call-3",
        start: at("2026-03-10T15:00:00Z"),
        end: at("2026-03-10T16:00:00Z"),
      }),
      // Starts before the cutoff, ends after it: its meeting is not over before the cutoff.
      buildEvent({ eventId: "astride", start: at("2026-03-14T00:00:00Z"), end: at("2026-03-16T00:00:00Z") }),
      buildEvent({ eventId: "new-call", start: at("2026-05-04T15:00:00Z"), end: at("2026-05-04T16:00:00Z") }),
    ],
    at("2026-05-05T00:00:00Z"),
  );
  await store.overrides.set(t, MAX, "ical-old-call-1", { kind: "group", reason: "internal prep" }, by(NOW));
  await store.overrides.set(t, MAX, "ical-new-call", { kind: "group" }, by(NOW));

  const notes = [
    buildNote({ noteId: uuid(1), meetingICalUId: "ical-old-day", meetingStart: oldStart }),
    buildNote({
      noteId: uuid(2),
      meetingICalUId: "ical-old-call-2",
      meetingStart: at("2026-03-01T15:00:00Z"),
    }),
    buildNote({ noteId: uuid(3), meetingICalUId: "ical-astride", meetingStart: at("2026-03-14T00:00:00Z") }),
    buildNote({ noteId: uuid(4), meetingICalUId: "ical-new-call", meetingStart: at("2026-05-04T15:00:00Z") }),
    // A meeting FieldCoach no longer stores: its start is all there is to go by.
    buildNote({ noteId: uuid(5), meetingICalUId: "ical-gone", meetingStart: at("2026-01-20T10:00:00Z") }),
  ];
  for (const note of notes) {
    await store.notes.create(t, note, by(note.meetingStart!));
    await store.notes.update(t, note.noteId, 1, { wentWell: "Opened with the buyer's goals." }, by(NOW));
    await store.actions.replaceForNote(
      t,
      note.noteId,
      "rita@contoso.com",
      [
        {
          actionId: uuid(100 + Number(note.noteId.slice(-1))),
          text: "Send the recap",
          owner: "rep",
          dueDate: null,
        },
        {
          actionId: uuid(200 + Number(note.noteId.slice(-1))),
          text: "Plan the next",
          owner: "manager",
          dueDate: null,
        },
      ],
      by(NOW),
    );
    await store.reviewComments.add(
      t,
      {
        commentId: uuid(300 + Number(note.noteId.slice(-1))),
        noteId: note.noteId,
        authorEmail: "eve@contoso.com",
        body: "Good",
        isDebrief: true,
      },
      NOW,
    );
    await store.audit.record(
      t,
      { actor: MAX, action: "note.read", targetType: "note", targetId: note.noteId },
      NOW,
    );
    await store.audit.record(
      t,
      {
        actor: "rita@contoso.com",
        action: "action.update",
        targetType: "action",
        targetId: uuid(100 + Number(note.noteId.slice(-1))),
      },
      NOW,
    );
  }
  await store.audit.record(
    t,
    { actor: "ida@contoso.com", action: "person.export", targetType: "person", targetId: "rita@contoso.com" },
    at("2026-01-05T00:00:00Z"),
  );

  await store.suggestions.replaceOffers(
    t,
    MAX,
    [
      buildOffer({ suggestionId: uuid(50), day: "2026-02-24" }),
      buildOffer({ suggestionId: uuid(51), day: "2026-03-03" }),
      buildOffer({ suggestionId: uuid(52), day: "2026-06-23" }),
    ],
    at("2026-02-20T00:00:00Z"),
  );
  await store.suggestions.dismiss(t, uuid(50), by(at("2026-02-21T00:00:00Z")));

  const reminder = (key: string) => ({
    dedupeKey: key,
    activityType: "noteShared",
    recipientEmail: "rita@contoso.com",
  });
  await store.reminders.claim(t, reminder(`noteShared:${uuid(1)}`), "instance-1", at("2026-02-11T08:00:00Z"));
  await store.reminders.claim(t, reminder(`noteShared:${uuid(4)}`), "instance-1", at("2026-05-05T08:00:00Z"));
}

/** What is left of a tenant's records, by id. */
async function remaining(store: Store, t: string) {
  const noteIds = [1, 2, 3, 4, 5].map(uuid);
  const notes = (await Promise.all(noteIds.map((id) => store.notes.get(t, id)))).flatMap((note) =>
    note === undefined ? [] : [note.noteId],
  );
  const window = { start: at("2026-01-01T00:00:00Z"), end: at("2026-07-01T00:00:00Z") };
  return {
    notes,
    versions: (await Promise.all(noteIds.map((id) => store.notes.versions(t, id)))).map(
      (list) => list.length,
    ),
    actions: (await store.actions.forNotes(t, noteIds)).map((action) => action.noteId),
    comments: (await store.reviewComments.forNotes(t, noteIds)).map((comment) => comment.noteId),
    audit: [
      ...(await store.audit.byActor(t, MAX)),
      ...(await store.audit.byActor(t, "rita@contoso.com")),
      ...(await store.audit.byActor(t, "ida@contoso.com")),
    ].map((entry) => `${entry.action} ${entry.targetId}`),
    events: (await store.events.inWindow(t, MAX, window)).map((event) => event.eventId),
    overrides: (await store.overrides.forMailbox(t, MAX)).map((override) => override.eventKey),
    suggestions: (await store.suggestions.list(t, MAX)).map((suggestion) => suggestion.day),
    reminders: (await store.reminders.list(t)).map((sent) => sent.dedupeKey),
  };
}

for (const backend of backends("retention")) {
  describe(`${backend.name}: the retention job`, () => {
    let store: Store;
    const options = (months: number | null, batchSize = 2): RetentionJobOptions => ({
      store,
      retentionMonths: async (tenantId) => (tenantId === TENANT ? months : null),
      clock: () => NOW,
      intervalMs: DAY,
      batchSize,
    });

    beforeAll(async () => {
      [store] = (await backend.open(1)) as [Store];
      await seed(store, TENANT);
      await seed(store, TWIN);
    });

    afterAll(async () => {
      await backend.close();
    });

    it("deletes nothing for a tenant that keeps its records", async () => {
      const before = await remaining(store, TENANT);
      expect(await applyRetention(options(null), TENANT)).toMatchObject({ cutoff: null, batches: 0 });
      expect(await remaining(store, TENANT)).toEqual(before);
    });

    it("deletes the records of meetings that ended before the cutoff, in batches, and keeps the rest", async () => {
      const twinBefore = await remaining(store, TWIN);
      const report = await applyRetention(options(3), TENANT);
      expect(report.cutoff).toBe(CUTOFF);
      expect(report.batches).toBeGreaterThan(1);
      expect(report.removed).toEqual({
        notes: 3,
        actions: 6,
        reviewComments: 3,
        auditRows: 6,
        events: 4,
        overrides: 1,
        suggestions: 2,
        reminders: 1,
      });
      const kept = [uuid(3), uuid(4)];
      expect(await remaining(store, TENANT)).toEqual({
        notes: kept,
        versions: [0, 0, 2, 2, 0],
        actions: [...kept, ...kept].sort(),
        comments: kept,
        audit: [
          `note.read ${uuid(3)}`,
          `note.read ${uuid(4)}`,
          `action.update ${uuid(103)}`,
          `action.update ${uuid(104)}`,
          "person.export rita@contoso.com",
        ],
        events: ["astride", "new-call"],
        overrides: ["ical-new-call"],
        suggestions: ["2026-06-23"],
        reminders: [`noteShared:${uuid(4)}`],
      });
      expect(await remaining(store, TWIN)).toEqual(twinBefore);
    });

    it("deletes nothing more when it runs again", async () => {
      const before = await remaining(store, TENANT);
      const again = await applyRetention(options(3, 500), TENANT);
      expect(again.batches).toBe(1);
      expect(Object.values(again.removed).every((rows) => rows === 0)).toBe(true);
      expect(await remaining(store, TENANT)).toEqual(before);
    });

    it("runs as the tenant's job, which every tenant is given", async () => {
      const clock = manualClock(NOW + 30 * DAY);
      await ensureTenantJobs(store, TENANT, clock.now());
      const runner = createJobRunner({
        store,
        owner: "retention-test",
        leaseMs: 60_000,
        clock: clock.now,
        log: recordingLog(),
        handlers: {
          [JOB_KINDS.retention]: retentionJobHandler({ ...options(3), clock: clock.now }),
          [JOB_KINDS.plan]: { intervalMs: DAY, run: async () => undefined },
          [JOB_KINDS.reminders]: { intervalMs: DAY, run: async () => undefined },
        },
      });
      await runner.runDue();
      // A month later the meeting astride the old cutoff has gone too; the newer one stays.
      expect((await remaining(store, TENANT)).notes).toEqual([uuid(4)]);
      const [job] = await store.jobQueue.list(TENANT, JOB_KINDS.retention);
      expect(job).toMatchObject({ lastError: null, dueAt: NOW + 31 * DAY });
    });
  });
}
