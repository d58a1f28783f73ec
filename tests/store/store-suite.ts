import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/store/migrate.ts";
import type { Database } from "../../src/store/schema.ts";
import { createStore, type Store } from "../../src/store/store.ts";
import {
  buildEvent,
  buildNote,
  buildOffer,
  buildPerson,
  DAY,
  freshTenant,
  HOUR,
  NOW,
  uuid,
} from "./store-builders.ts";

/** A database to run the suite on: PGlite in memory, or a private schema of a real PostgreSQL. */
export interface StoreBackend {
  readonly name: string;
  /** An empty database, not yet migrated. */
  open(): Promise<Kysely<Database>>;
  /** Removes what `open` created. */
  dispose(): Promise<void>;
}

const MAX = { by: "max@contoso.com", now: NOW };

/**
 * The store's behaviour, written once and run on each backend: the same migrations and queries must
 * behave the same on PGlite (the demo) and PostgreSQL (production).
 */
export function defineStoreSuite(backend: StoreBackend): void {
  let db: Kysely<Database>;
  let store: Store;
  let appliedFirst: string[];

  beforeAll(async () => {
    db = await backend.open();
    appliedFirst = await migrateToLatest(db);
    store = createStore(db);
  });

  afterAll(async () => {
    await store?.close();
    await backend.dispose();
  });

  describe(`${backend.name}: migrations`, () => {
    it("apply once and are idempotent", async () => {
      expect(appliedFirst).toEqual(["0001-initial", "0002-background-work", "0003-tenant-settings-version"]);
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await store.isReachable()).toBe(true);
    });

    it("start every primary key and index with tenant_id", async () => {
      const { rows } = await sql<{ table: string; index: string; first: string }>`
        select c.relname as "table", i.relname as "index", a.attname as "first"
        from pg_index x
        join pg_class c on c.oid = x.indrelid
        join pg_class i on i.oid = x.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = x.indkey[0]
        where n.nspname = current_schema() and c.relname not like 'kysely_%'
        order by 1, 2`.execute(db);
      expect(new Set(rows.map((row) => row.table)).size).toBe(22);
      expect(rows.filter((row) => row.first !== "tenant_id")).toEqual([]);
    });

    it("use timestamptz and jsonb only, and have no column for an event's subject or body", async () => {
      const { rows } = await sql<{ table: string; column: string; type: string }>`
        select table_name as "table", column_name as "column", data_type as "type"
        from information_schema.columns
        where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(db);
      expect(rows.filter((row) => ["timestamp without time zone", "json"].includes(row.type))).toEqual([]);
      expect(
        rows
          .filter((row) => row.column.endsWith("_at"))
          .every((row) => row.type === "timestamp with time zone"),
      ).toBe(true);
      const eventColumns = rows.filter((row) => row.table === "classified_events").map((row) => row.column);
      expect(eventColumns.filter((column) => /subject|body|preview|location|attendee/.test(column))).toEqual(
        [],
      );
    });
  });

  describe(`${backend.name}: tenant isolation`, () => {
    it("never returns one tenant's rows to another, and lets both use the same keys", async () => {
      const a = freshTenant();
      const b = freshTenant();
      const note = buildNote({ noteId: uuid(1) });
      await store.tenants.upsert(a, "Contoso", NOW);
      await store.people.replaceDirectory(
        a,
        { people: [buildPerson({ objectId: "oid-rita", email: "rita@contoso.com" })], lines: [] },
        NOW,
      );
      await store.events.upsert(a, "max@contoso.com", [buildEvent({ eventId: "e1" })], NOW);
      await store.overrides.set(a, "max@contoso.com", "ical-e1", { kind: "group" }, MAX);
      await store.policy.save(a, { horizonWeeks: 6 }, null, MAX);
      await store.behaviours.replaceLibrary(
        a,
        [{ behaviourId: "listens", name: "Listens", description: "" }],
        NOW,
      );
      await store.plans.save(
        a,
        "rita@contoso.com",
        { focus: [], cadenceOverride: null, goals: [] },
        null,
        MAX,
      );
      await store.metrics.record(
        a,
        "rita@contoso.com",
        [{ metric: "pipeline", asOf: "2026-03-01", value: 4 }],
        {
          ...MAX,
          source: "manual",
          importId: null,
        },
      );
      await store.notes.create(a, note, MAX);
      await store.actions.replaceForNote(
        a,
        note.noteId,
        "rita@contoso.com",
        [{ actionId: uuid(2), text: "Send the recap", owner: "rep", dueDate: null }],
        MAX,
      );
      await store.reviewComments.add(
        a,
        {
          commentId: uuid(3),
          noteId: note.noteId,
          authorEmail: "eve@contoso.com",
          body: "Good",
          isDebrief: false,
        },
        NOW,
      );
      await store.suggestions.replaceOffers(
        a,
        "max@contoso.com",
        [buildOffer({ suggestionId: uuid(4), day: "2026-03-10" })],
        NOW,
      );
      await store.audit.record(
        a,
        { actor: "max@contoso.com", action: "note.read", targetType: "note", targetId: note.noteId },
        NOW,
      );
      await store.syncState.recordSuccess(
        a,
        "calendar:max@contoso.com",
        { deltaLink: "https://d", window: null },
        NOW,
      );
      await store.jobs.schedule(a, "sync", NOW);

      expect(await store.tenants.get(b)).toBeUndefined();
      expect(await store.people.list(b)).toEqual([]);
      expect(await store.people.byAddress(b, "rita@contoso.com")).toBeUndefined();
      expect(await store.events.inWindow(b, "max@contoso.com", { start: NOW - DAY, end: NOW + DAY })).toEqual(
        [],
      );
      expect(await store.events.withICalUId(b, "ical-e1")).toEqual([]);
      expect(await store.overrides.forMailbox(b, "max@contoso.com")).toEqual([]);
      expect(await store.policy.get(b)).toBeUndefined();
      expect(await store.behaviours.list(b, { includeRetired: true })).toEqual([]);
      expect(await store.plans.get(b, "rita@contoso.com")).toBeUndefined();
      expect(await store.metrics.values(b, "rita@contoso.com")).toEqual([]);
      expect(await store.metrics.history(b, "rita@contoso.com")).toEqual([]);
      expect(await store.notes.get(b, note.noteId)).toBeUndefined();
      expect(await store.notes.list(b, { repEmails: ["rita@contoso.com"] })).toEqual([]);
      expect(await store.notes.update(b, note.noteId, 1, { gaps: "x" }, MAX)).toBeUndefined();
      expect(await store.notes.transition(b, note.noteId, ["draft"], "shared", MAX)).toBeUndefined();
      expect(await store.actions.get(b, uuid(2))).toBeUndefined();
      expect(await store.actions.setStatus(b, uuid(2), "done", MAX)).toBeUndefined();
      expect(await store.actions.openForRep(b, "rita@contoso.com")).toEqual([]);
      expect(await store.reviewComments.forNotes(b, [note.noteId])).toEqual([]);
      expect(await store.suggestions.list(b, "max@contoso.com")).toEqual([]);
      expect(await store.suggestions.accept(b, uuid(4), MAX)).toBeUndefined();
      expect(await store.audit.forTarget(b, "note", note.noteId)).toEqual([]);
      expect(await store.syncState.get(b, "calendar:max@contoso.com")).toBeUndefined();
      expect(await store.jobs.claimDue(b, { owner: "w1", now: NOW, leaseMs: 60_000 }, 10)).toEqual([]);
      const exported = await store.personData.export(b, "rita@contoso.com");
      expect(Object.values(exported.tables).every((rows) => rows.length === 0)).toBe(true);

      // The same natural keys in tenant B are independent rows.
      const created = await store.notes.create(b, { ...note, noteId: uuid(5) }, MAX);
      expect(created.created).toBe(true);
      expect((await store.notes.get(a, note.noteId))?.version).toBe(1);
      expect(await store.notes.get(a, uuid(5))).toBeUndefined();
      expect(await store.personData.erase(b, "rita@contoso.com")).toEqual({ notes: 1 });
      expect(await store.notes.get(a, note.noteId)).toBeDefined();
    });
  });

  describe(`${backend.name}: notes`, () => {
    it("creates one note per meeting and rep, however often asked", async () => {
      const t = freshTenant();
      const first = await store.notes.create(t, buildNote({ noteId: uuid(10), meetingICalUId: "m1" }), MAX);
      const again = await store.notes.create(t, buildNote({ noteId: uuid(11), meetingICalUId: "m1" }), MAX);
      expect(first.created).toBe(true);
      expect(again).toEqual({ created: false, note: first.note });
      expect(first.note).toMatchObject({
        status: "draft",
        version: 1,
        wentWell: "",
        createdAt: NOW,
        sharedAt: null,
      });
      expect(await store.notes.versions(t, uuid(10))).toHaveLength(1);
    });

    it("lets exactly one of several saves expecting the same version win; the others get the winner", async () => {
      const t = freshTenant();
      const { note } = await store.notes.create(t, buildNote({ noteId: uuid(20) }), MAX);
      const texts = ["A", "B", "C", "D", "E", "F"];
      const results = await Promise.all(
        texts.map((text, i) =>
          store.notes.update(t, note.noteId, 1, { wentWell: text }, { by: "max@contoso.com", now: NOW + i }),
        ),
      );
      const saved = results.filter((result) => result?.outcome === "saved");
      const conflicts = results.filter((result) => result?.outcome === "conflict");
      expect(saved).toHaveLength(1);
      expect(conflicts).toHaveLength(texts.length - 1);
      const winner = saved[0]!.outcome === "saved" ? saved[0]!.record : undefined;
      expect(winner?.version).toBe(2);
      for (const conflict of conflicts) {
        expect(conflict?.outcome === "conflict" && conflict.current).toEqual(winner);
      }
      // A loser merges onto the current version and saves: both texts are kept, in order.
      const loser = texts.find((text) => text !== winner?.wentWell)!;
      const retried = await store.notes.update(t, note.noteId, 2, { gaps: loser }, MAX);
      expect(retried?.outcome).toBe("saved");
      const stored = await store.notes.get(t, note.noteId);
      expect(stored).toMatchObject({ version: 3, wentWell: winner?.wentWell, gaps: loser });
      const versions = await store.notes.versions(t, note.noteId);
      expect(
        versions.map((version) => [version.version, version.content.wentWell, version.content.gaps]),
      ).toEqual([
        [1, "", ""],
        [2, winner?.wentWell, ""],
        [3, winner?.wentWell, loser],
      ]);
    });

    it("changes only the fields given and moves through draft, shared and signed off", async () => {
      const t = freshTenant();
      const { note } = await store.notes.create(t, buildNote({ noteId: uuid(30) }), MAX);
      const focus = [
        { behaviourId: "asks-open-questions", rating: 3, evidence: "Asked five open questions" },
      ];
      const saved = await store.notes.update(t, note.noteId, 1, { focus, privateNotes: "Tired today" }, MAX);
      expect(saved).toMatchObject({
        outcome: "saved",
        record: { focus, privateNotes: "Tired today", gaps: "" },
      });
      const shared = await store.notes.transition(t, note.noteId, ["draft"], "shared", {
        by: MAX.by,
        now: NOW + HOUR,
      });
      expect(shared).toMatchObject({
        outcome: "saved",
        record: { status: "shared", version: 3, sharedAt: NOW + HOUR },
      });
      const reflected = await store.notes.update(
        t,
        note.noteId,
        3,
        { reflection: "I rushed the close" },
        {
          by: "rita@contoso.com",
          now: NOW + 2 * HOUR,
        },
      );
      expect(reflected).toMatchObject({
        outcome: "saved",
        record: { reflection: "I rushed the close", updatedBy: "rita@contoso.com" },
      });
      const sharedAgain = await store.notes.transition(t, note.noteId, ["draft"], "shared", MAX);
      expect(sharedAgain).toMatchObject({ outcome: "conflict", current: { status: "shared", version: 4 } });
      const signed = await store.notes.transition(t, note.noteId, ["shared"], "signed-off", {
        by: MAX.by,
        now: NOW + DAY,
      });
      expect(signed).toMatchObject({
        outcome: "saved",
        record: { status: "signed-off", signedOffAt: NOW + DAY },
      });
      expect((await store.notes.versions(t, note.noteId)).map((version) => version.content.status)).toEqual([
        "draft",
        "draft",
        "shared",
        "shared",
        "signed-off",
      ]);
    });

    it("lists notes by meeting, rep, manager, status and meeting time", async () => {
      const t = freshTenant();
      await store.notes.create(t, buildNote({ noteId: uuid(40), meetingStart: NOW + DAY }), MAX);
      await store.notes.create(
        t,
        buildNote({ noteId: uuid(41), meetingStart: NOW, repEmail: "sam@contoso.com" }),
        MAX,
      );
      await store.notes.create(
        t,
        buildNote({ noteId: uuid(42), meetingStart: null, managerEmail: "mia@contoso.com" }),
        MAX,
      );
      const ids = (notes: { noteId: string }[]) => notes.map((note) => note.noteId);
      expect(ids(await store.notes.list(t, {}))).toEqual([uuid(41), uuid(40), uuid(42)]);
      expect(ids(await store.notes.list(t, { repEmails: ["rita@contoso.com"] }))).toEqual([
        uuid(40),
        uuid(42),
      ]);
      expect(ids(await store.notes.list(t, { managerEmails: ["mia@contoso.com"] }))).toEqual([uuid(42)]);
      expect(ids(await store.notes.list(t, { meetingICalUId: `meeting-${uuid(41)}` }))).toEqual([uuid(41)]);
      expect(
        ids(await store.notes.list(t, { meetingWindow: { start: NOW + HOUR, end: NOW + 2 * DAY } })),
      ).toEqual([uuid(40)]);
      expect(ids(await store.notes.list(t, { statuses: ["shared"] }))).toEqual([]);
      expect(await store.notes.list(t, { repEmails: [] })).toEqual([]);
    });
  });

  describe(`${backend.name}: transactions`, () => {
    it("keep a note, its actions and the audit row together", async () => {
      const t = freshTenant();
      const { note } = await store.notes.create(t, buildNote({ noteId: uuid(50) }), MAX);
      const write = (fail: "throw" | "constraint" | "none") =>
        store.transaction(async (tx) => {
          const saved = await tx.notes.update(t, note.noteId, 1, { wentWell: "Strong opening" }, MAX);
          await tx.actions.replaceForNote(
            t,
            note.noteId,
            note.repEmail,
            [
              {
                actionId: uuid(51),
                text: "Prepare three open questions",
                // A value the database refuses, to prove a failure part-way undoes the note too.
                owner: fail === "constraint" ? ("boss" as "rep") : "rep",
                dueDate: "2026-03-09",
              },
            ],
            MAX,
          );
          await tx.audit.record(
            t,
            {
              actor: MAX.by,
              action: "note.update",
              targetType: "note",
              targetId: note.noteId,
              detail: { version: 2 },
            },
            NOW,
          );
          if (fail === "throw") throw new Error("the request was cancelled");
          return saved;
        });

      await expect(write("throw")).rejects.toThrow("the request was cancelled");
      await expect(write("constraint")).rejects.toThrow();
      expect((await store.notes.get(t, note.noteId))?.version).toBe(1);
      expect(await store.notes.versions(t, note.noteId)).toHaveLength(1);
      expect(await store.actions.forNote(t, note.noteId)).toEqual([]);
      expect(await store.audit.forTarget(t, "note", note.noteId)).toEqual([]);

      expect((await write("none"))?.outcome).toBe("saved");
      expect((await store.notes.get(t, note.noteId))?.wentWell).toBe("Strong opening");
      expect(await store.actions.forNote(t, note.noteId)).toMatchObject([
        { actionId: uuid(51), status: "open" },
      ]);
      expect(await store.audit.forTarget(t, "note", note.noteId)).toMatchObject([
        { actor: MAX.by, action: "note.update", at: NOW, detail: { version: 2 } },
      ]);
    });
  });

  describe(`${backend.name}: actions`, () => {
    it("replace a note's actions keeping their status, and carry open ones to the next note", async () => {
      const t = freshTenant();
      const { note } = await store.notes.create(t, buildNote({ noteId: uuid(60) }), MAX);
      const { note: next } = await store.notes.create(
        t,
        buildNote({ noteId: uuid(61), meetingICalUId: "next" }),
        MAX,
      );
      const first = {
        actionId: uuid(62),
        text: "Recap by email",
        owner: "rep" as const,
        dueDate: "2026-03-05",
      };
      const second = { actionId: uuid(63), text: "Join a demo", owner: "manager" as const, dueDate: null };
      await store.actions.replaceForNote(t, note.noteId, "rita@contoso.com", [first, second], MAX);
      const done = await store.actions.setStatus(t, first.actionId, "done", {
        by: "rita@contoso.com",
        now: NOW + HOUR,
      });
      expect(done).toMatchObject({ status: "done", completedAt: NOW + HOUR, updatedBy: "rita@contoso.com" });
      const repeated = await store.actions.setStatus(t, first.actionId, "done", {
        by: "rita@contoso.com",
        now: NOW + DAY,
      });
      expect(repeated).toEqual(done);

      const edited = await store.actions.replaceForNote(
        t,
        note.noteId,
        "rita@contoso.com",
        [{ ...first, text: "Recap by email, same day" }],
        { by: MAX.by, now: NOW + 2 * HOUR },
      );
      expect(edited).toMatchObject([
        { actionId: first.actionId, text: "Recap by email, same day", status: "done" },
      ]);
      const third = { actionId: uuid(64), text: "Book the pilot", owner: "rep" as const, dueDate: null };
      const fourth = { actionId: uuid(65), text: "Share pricing", owner: "manager" as const, dueDate: null };
      await store.actions.replaceForNote(t, next.noteId, "rita@contoso.com", [third, fourth], MAX);
      // Note by note in the order asked, each note's actions in their own order.
      expect(
        (await store.actions.forNotes(t, [next.noteId, note.noteId])).map((action) => action.actionId),
      ).toEqual([third.actionId, fourth.actionId, first.actionId]);
      expect(await store.actions.forNotes(t, [])).toEqual([]);
      await store.actions.replaceForNote(t, next.noteId, "rita@contoso.com", [], MAX);
      expect(await store.actions.get(t, second.actionId)).toBeUndefined();

      // An id of another note's action is not taken over.
      const foreign = await store.actions.replaceForNote(t, next.noteId, "rita@contoso.com", [first], MAX);
      expect(foreign).toEqual([]);
      expect((await store.actions.get(t, first.actionId))?.noteId).toBe(note.noteId);

      await store.actions.setStatus(t, first.actionId, "open", MAX);
      expect(await store.actions.openForRep(t, "rita@contoso.com", next.noteId)).toMatchObject([
        { actionId: first.actionId, completedAt: null },
      ]);
      expect(await store.actions.openForRep(t, "rita@contoso.com", note.noteId)).toEqual([]);
      expect(await store.actions.markFollowedUp(t, [first.actionId], next.noteId, MAX)).toBe(1);
      expect((await store.actions.get(t, first.actionId))?.followedUpInNoteId).toBe(next.noteId);
    });
  });

  describe(`${backend.name}: suggestions`, () => {
    it("offer one block per manager, rep and day, keeping its id when offered again", async () => {
      const t = freshTenant();
      const first = await store.suggestions.replaceOffers(
        t,
        "max@contoso.com",
        [
          buildOffer({ suggestionId: uuid(70), day: "2026-03-10" }),
          buildOffer({ suggestionId: uuid(71), day: "2026-03-11" }),
        ],
        NOW,
      );
      expect(first.map((s) => s.suggestionId)).toEqual([uuid(70), uuid(71)]);
      const refreshed = await store.suggestions.replaceOffers(
        t,
        "max@contoso.com",
        [
          buildOffer({
            suggestionId: uuid(72),
            day: "2026-03-10",
            score: 900,
            start: Date.parse("2026-03-10T12:00:00Z"),
            end: Date.parse("2026-03-10T16:00:00Z"),
          }),
        ],
        NOW + HOUR,
      );
      expect(refreshed).toMatchObject([
        { suggestionId: uuid(70), transactionId: `tx-${uuid(70)}`, score: 900, offeredAt: NOW + HOUR },
      ]);
      expect(await store.suggestions.get(t, uuid(71))).toBeUndefined();
      await expect(
        store.suggestions.replaceOffers(
          t,
          "max@contoso.com",
          [
            buildOffer({ suggestionId: uuid(73), day: "2026-03-12" }),
            buildOffer({ suggestionId: uuid(74), day: "2026-03-12" }),
          ],
          NOW,
        ),
      ).rejects.toThrow();
      expect((await store.suggestions.list(t, "max@contoso.com")).map((s) => s.suggestionId)).toEqual([
        uuid(70),
      ]);
    });

    it("accept idempotently, never offer a dismissed day again, and let one of accept and dismiss win", async () => {
      const t = freshTenant();
      await store.suggestions.replaceOffers(
        t,
        "max@contoso.com",
        [
          buildOffer({ suggestionId: uuid(80), day: "2026-03-10" }),
          buildOffer({ suggestionId: uuid(81), day: "2026-03-11" }),
          buildOffer({ suggestionId: uuid(82), day: "2026-03-12" }),
        ],
        NOW,
      );
      const accepted = await store.suggestions.accept(t, uuid(80), { by: MAX.by, now: NOW + HOUR });
      expect(accepted).toMatchObject({
        outcome: "saved",
        record: { status: "accepted", decidedAt: NOW + HOUR },
      });
      expect(await store.suggestions.accept(t, uuid(80), { by: MAX.by, now: NOW + DAY })).toEqual(accepted);
      expect(await store.suggestions.dismiss(t, uuid(80), MAX)).toMatchObject({
        outcome: "conflict",
        current: { status: "accepted" },
      });
      const booked = await store.suggestions.recordBooking(t, uuid(80), {
        eventId: "evt-1",
        noteId: uuid(89),
      });
      expect(booked).toMatchObject({ eventId: "evt-1", noteId: uuid(89) });
      expect(
        await store.suggestions.recordBooking(t, uuid(80), { eventId: "evt-1", noteId: uuid(89) }),
      ).toEqual(booked);
      expect(
        await store.suggestions.recordBooking(t, uuid(80), { eventId: "evt-2", noteId: null }),
      ).toBeUndefined();
      expect(
        await store.suggestions.recordBooking(t, uuid(81), { eventId: "evt-3", noteId: null }),
      ).toBeUndefined();

      await store.suggestions.dismiss(t, uuid(81), MAX);
      const [a, b] = await Promise.all([
        store.suggestions.accept(t, uuid(82), MAX),
        store.suggestions.dismiss(t, uuid(82), MAX),
      ]);
      expect([a?.outcome, b?.outcome].sort()).toEqual(["conflict", "saved"]);

      const again = await store.suggestions.replaceOffers(
        t,
        "max@contoso.com",
        [
          buildOffer({ suggestionId: uuid(83), day: "2026-03-10" }),
          buildOffer({ suggestionId: uuid(84), day: "2026-03-11" }),
          buildOffer({ suggestionId: uuid(85), day: "2026-03-13" }),
        ],
        NOW + DAY,
      );
      expect(again.map((s) => s.suggestionId)).toEqual([uuid(85)]);
      expect(await store.suggestions.get(t, uuid(81))).toMatchObject({ status: "dismissed", offeredAt: NOW });
      expect(
        (await store.suggestions.list(t, "max@contoso.com", ["dismissed"])).length,
      ).toBeGreaterThanOrEqual(1);
      expect(await store.suggestions.list(t, "max@contoso.com", [])).toEqual([]);
    });
  });

  describe(`${backend.name}: metrics`, () => {
    it("record a batch all or nothing, and history only for changes", async () => {
      const t = freshTenant();
      const origin = { ...MAX, source: "csv" as const, importId: uuid(90) };
      const batch = [
        { metric: "pipeline" as const, asOf: "2026-02-28", value: 12 },
        { metric: "pipeline-value" as const, asOf: "2026-02-28", value: 250_000.5 },
      ];
      await expect(
        store.metrics.record(
          t,
          "rita@contoso.com",
          [...batch, { metric: "proposals", asOf: "2026-02-28", value: -1 }],
          origin,
        ),
      ).rejects.toThrow();
      await expect(
        store.metrics.record(t, "rita@contoso.com", [...batch, { ...batch[0]!, value: 13 }], origin),
      ).rejects.toThrow();
      await expect(
        store.metrics.record(
          t,
          "rita@contoso.com",
          [...batch, { metric: "revenue" as "pipeline", asOf: "2026-02-28", value: 1 }],
          origin,
        ),
      ).rejects.toThrow();
      expect(await store.metrics.values(t, "rita@contoso.com")).toEqual([]);
      expect(await store.metrics.history(t, "rita@contoso.com")).toEqual([]);

      const changes = await store.metrics.record(t, "rita@contoso.com", batch, origin);
      expect(changes.map((c) => [c.metric, c.value, c.previousValue, c.importId])).toEqual([
        ["pipeline", 12, null, uuid(90)],
        ["pipeline-value", 250_000.5, null, uuid(90)],
      ]);
      expect(
        await store.metrics.record(t, "rita@contoso.com", batch, { ...origin, now: NOW + HOUR }),
      ).toEqual([]);
      const later = { ...MAX, now: NOW + DAY, source: "manual" as const, importId: null };
      const changed = await store.metrics.record(t, "rita@contoso.com", [{ ...batch[0]!, value: 15 }], later);
      expect(changed).toMatchObject([
        { metric: "pipeline", value: 15, previousValue: 12, source: "manual", recordedAt: NOW + DAY },
      ]);
      expect(await store.metrics.values(t, "rita@contoso.com")).toMatchObject([
        { metric: "pipeline", asOf: "2026-02-28", value: 15, source: "manual", updatedAt: NOW + DAY },
        { metric: "pipeline-value", value: 250_000.5, source: "csv", updatedAt: NOW },
      ]);
      expect((await store.metrics.history(t, "rita@contoso.com")).map((c) => c.value)).toEqual([
        12, 250_000.5, 15,
      ]);
    });
  });

  describe(`${backend.name}: people, events, overrides, policy, behaviours, plans, comments, sync state`, () => {
    it("replace the directory and resolve people by object id, address or alias, with their manager", async () => {
      const t = freshTenant();
      const max = buildPerson({
        objectId: "oid-max",
        email: "max@contoso.com",
        role: "manager",
        aliases: ["m.x@contoso.com"],
      });
      const rita = buildPerson({ objectId: "oid-rita", email: "rita@contoso.com", hireDate: "2025-11-03" });
      const sam = buildPerson({ objectId: "oid-sam", email: "sam@contoso.com" });
      const lines = [
        { personObjectId: "oid-rita", managerObjectId: "oid-max", source: "graph" as const },
        { personObjectId: "oid-sam", managerObjectId: "oid-max", source: "graph" as const },
      ];
      expect(await store.people.replaceDirectory(t, { people: [max, rita, sam], lines }, NOW)).toEqual({
        upserted: 3,
        removed: 0,
      });
      expect(await store.people.byAddress(t, "M.X@Contoso.com")).toMatchObject({
        objectId: "oid-max",
        managerEmail: null,
      });
      expect(await store.people.byObjectId(t, "oid-rita")).toMatchObject({
        email: "rita@contoso.com",
        hireDate: "2025-11-03",
        managerObjectId: "oid-max",
        managerEmail: "max@contoso.com",
        syncedAt: NOW,
      });
      const later = await store.people.replaceDirectory(
        t,
        { people: [max, { ...rita, name: "Rita R." }], lines: [lines[0]!] },
        NOW + DAY,
      );
      expect(later).toEqual({ upserted: 2, removed: 1 });
      expect((await store.people.list(t)).map((p) => [p.email, p.name, p.syncedAt])).toEqual([
        ["max@contoso.com", "max", NOW + DAY],
        ["rita@contoso.com", "Rita R.", NOW + DAY],
      ]);
      expect(await store.people.byAddress(t, "sam@contoso.com")).toBeUndefined();
    });

    it("keep classified events with their first-seen times, by window and rep", async () => {
      const t = freshTenant();
      const mailbox = "max@contoso.com";
      const fieldDay = buildEvent({
        eventId: "fd",
        kind: "field-day",
        initiator: "manager",
        development: "skill",
        start: NOW - 7 * DAY,
        end: NOW - 7 * DAY + 4 * HOUR,
        hours: 4,
      });
      const call = buildEvent({ eventId: "call", reps: ["sam@contoso.com"] });
      const instant = buildEvent({ eventId: "zero", start: NOW + HOUR, end: NOW + HOUR, hours: 0 });
      await store.events.upsert(t, mailbox, [fieldDay, call, instant], NOW - 8 * DAY);
      await store.events.upsert(t, mailbox, [{ ...fieldDay, end: fieldDay.start + 2 * HOUR, hours: 2 }], NOW);
      const window = { start: NOW - 10 * DAY, end: NOW + DAY };
      const events = await store.events.inWindow(t, mailbox, window);
      expect(events.map((e) => e.eventId)).toEqual(["fd", "call", "zero"]);
      expect(events[0]).toMatchObject({
        end: fieldDay.start + 2 * HOUR,
        firstStart: fieldDay.start,
        firstEnd: fieldDay.end,
        classifiedAt: NOW,
        reasons: ["organized by Rita Rep"],
      });
      expect(
        (await store.events.inWindow(t, mailbox, window, { rep: "SAM@contoso.com" })).map((e) => e.eventId),
      ).toEqual(["call"]);
      expect(
        await store.events.inWindow(t, mailbox, { start: NOW + HOUR, end: NOW + 2 * HOUR }),
      ).toMatchObject([{ eventId: "zero" }]);
      expect(await store.events.inWindow(t, mailbox, { start: NOW + 2 * HOUR, end: NOW + 3 * HOUR })).toEqual(
        [],
      );
      expect(await store.events.withICalUId(t, "ical-call")).toMatchObject([{ mailbox, eventId: "call" }]);
      expect(await store.events.latestFieldDays(t, mailbox, NOW)).toEqual(
        new Map([["rita@contoso.com", fieldDay.start]]),
      );
      expect(await store.events.latestFieldDays(t, mailbox, fieldDay.start - 1)).toEqual(new Map());
      // A cancelled field day keeps its classification, and no longer counts as the latest one held.
      expect(await store.events.markCancelled(t, mailbox, ["fd", "missing"], NOW + HOUR)).toBe(1);
      expect(await store.events.markCancelled(t, mailbox, ["fd"], NOW + DAY)).toBe(0);
      expect(await store.events.markCancelled(t, mailbox, [], NOW)).toBe(0);
      expect((await store.events.inWindow(t, mailbox, window))[0]).toMatchObject({
        eventId: "fd",
        kind: "field-day",
        isCancelled: true,
        classifiedAt: NOW + HOUR,
      });
      expect(await store.events.latestFieldDays(t, mailbox, NOW)).toEqual(new Map());
    });

    it("set, replace and clear overrides", async () => {
      const t = freshTenant();
      await store.overrides.set(
        t,
        "max@contoso.com",
        "ical-1",
        { initiator: "manager", reason: "I asked for it" },
        MAX,
      );
      const replaced = await store.overrides.set(
        t,
        "max@contoso.com",
        "ical-1",
        { kind: "field-day" },
        { by: MAX.by, now: NOW + HOUR },
      );
      expect(replaced).toEqual({
        mailbox: "max@contoso.com",
        eventKey: "ical-1",
        kind: "field-day",
        updatedBy: MAX.by,
        updatedAt: NOW + HOUR,
      });
      await expect(store.overrides.set(t, "max@contoso.com", "ical-2", {}, MAX)).rejects.toThrow();
      expect(await store.overrides.forMailbox(t, "max@contoso.com")).toEqual([replaced]);
      expect(await store.overrides.clear(t, "max@contoso.com", "ical-1")).toBe(true);
      expect(await store.overrides.clear(t, "max@contoso.com", "ical-1")).toBe(false);
      expect(await store.overrides.get(t, "max@contoso.com", "ical-1")).toBeUndefined();
    });

    it("version the cadence policy", async () => {
      const t = freshTenant();
      expect(await store.policy.save(t, { horizonWeeks: 4 }, 3, MAX)).toBeUndefined();
      const created = await store.policy.save(t, { horizonWeeks: 4 }, null, MAX);
      expect(created).toMatchObject({
        outcome: "saved",
        record: { version: 1, document: { horizonWeeks: 4 } },
      });
      expect(await store.policy.save(t, { horizonWeeks: 5 }, null, MAX)).toMatchObject({
        outcome: "conflict",
        current: { version: 1 },
      });
      expect(await store.policy.save(t, { horizonWeeks: 6 }, 1, MAX)).toMatchObject({
        outcome: "saved",
        record: { version: 2 },
      });
      expect(await store.policy.save(t, { horizonWeeks: 7 }, 1, MAX)).toMatchObject({
        outcome: "conflict",
        current: { version: 2, document: { horizonWeeks: 6 } },
      });
    });

    it("retire behaviours left out of the library and bring them back", async () => {
      const t = freshTenant();
      const listens = { behaviourId: "listens", name: "Listens", description: "Lets the customer talk" };
      const asks = { behaviourId: "asks", name: "Asks open questions", description: "" };
      await store.behaviours.replaceLibrary(t, [listens, asks], NOW);
      expect(
        (await store.behaviours.replaceLibrary(t, [asks], NOW + HOUR)).map((b) => b.behaviourId),
      ).toEqual(["asks"]);
      expect(await store.behaviours.list(t, { includeRetired: true })).toMatchObject([
        { behaviourId: "asks", position: 0, retiredAt: null },
        { behaviourId: "listens", retiredAt: NOW + HOUR },
      ]);
      const back = await store.behaviours.replaceLibrary(t, [listens, asks], NOW + DAY);
      expect(back.map((b) => [b.behaviourId, b.position, b.retiredAt])).toEqual([
        ["listens", 0, null],
        ["asks", 1, null],
      ]);
    });

    it("version a rep's plan with its goals", async () => {
      const t = freshTenant();
      const goal = {
        goalId: uuid(100),
        text: "Two proposals a week",
        dueDate: "2026-06-30",
        status: "open" as const,
      };
      const plan = {
        focus: [{ behaviourId: "asks", targetRating: 3 }],
        cadenceOverride: { everyWeeks: { other: 2 } },
        goals: [goal],
      };
      const created = await store.plans.save(t, "rita@contoso.com", plan, null, MAX);
      expect(created).toMatchObject({
        outcome: "saved",
        record: { version: 1, goals: [goal], cadenceOverride: { everyWeeks: { other: 2 } } },
      });
      await store.plans.save(t, "sam@contoso.com", { ...plan, cadenceOverride: null }, null, MAX);
      expect(
        await store.plans.cadenceOverrides(t, ["rita@contoso.com", "sam@contoso.com", "ola@contoso.com"]),
      ).toEqual(new Map([["rita@contoso.com", { everyWeeks: { other: 2 } }]]));
      expect(await store.plans.cadenceOverrides(t, [])).toEqual(new Map());
      const second = { goalId: uuid(101), text: "Close Fabrikam", dueDate: null, status: "open" as const };
      const updated = await store.plans.save(
        t,
        "rita@contoso.com",
        { ...plan, cadenceOverride: null, goals: [second, { ...goal, status: "achieved" }] },
        1,
        { by: MAX.by, now: NOW + DAY },
      );
      expect(updated).toMatchObject({
        outcome: "saved",
        record: {
          version: 2,
          cadenceOverride: null,
          goals: [{ goalId: uuid(101) }, { goalId: uuid(100), status: "achieved", createdAt: NOW }],
        },
      });
      expect(await store.plans.save(t, "rita@contoso.com", plan, 1, MAX)).toMatchObject({
        outcome: "conflict",
        current: { version: 2 },
      });
      expect(await store.plans.save(t, "ola@contoso.com", plan, 1, MAX)).toBeUndefined();
    });

    it("add review comments once per id", async () => {
      const t = freshTenant();
      const { note } = await store.notes.create(t, buildNote({ noteId: uuid(110) }), MAX);
      const comment = {
        commentId: uuid(111),
        noteId: note.noteId,
        authorEmail: "eve@contoso.com",
        body: "Debriefed on Monday",
        isDebrief: true,
      };
      const first = await store.reviewComments.add(t, comment, NOW);
      expect(first).toEqual({ created: true, comment: { ...comment, createdAt: NOW } });
      expect(await store.reviewComments.add(t, comment, NOW + HOUR)).toEqual({
        created: false,
        comment: first.comment,
      });
      expect(await store.reviewComments.forNotes(t, [note.noteId, uuid(112)])).toEqual([first.comment]);
      expect(await store.reviewComments.forNotes(t, [])).toEqual([]);
    });

    it("remember where each sync left off, keeping the delta link through failures", async () => {
      const t = freshTenant();
      const key = "calendar:max@contoso.com";
      await store.syncState.recordSuccess(
        t,
        key,
        { deltaLink: "https://graph/delta?token=1", window: { start: NOW, end: NOW + 28 * DAY } },
        NOW,
      );
      const failed = await store.syncState.recordFailure(t, key, "throttled", NOW + HOUR);
      expect(failed).toEqual({
        syncKey: key,
        deltaLink: "https://graph/delta?token=1",
        window: { start: NOW, end: NOW + 28 * DAY },
        lastSuccessAt: NOW,
        lastErrorCode: "throttled",
        updatedAt: NOW + HOUR,
      });
      expect(await store.syncState.recordFailure(t, "directory", "forbidden", NOW)).toMatchObject({
        deltaLink: null,
        lastSuccessAt: null,
      });
      expect((await store.syncState.list(t)).map((s) => s.syncKey)).toEqual([key, "directory"]);
      expect(await store.syncState.reset(t, key)).toBe(true);
      expect(await store.syncState.get(t, key)).toBeUndefined();
    });

    it("advance a sync from the delta link a round started from, one round at a time", async () => {
      const t = freshTenant();
      const key = "calendar:max@contoso.com";
      const round = (link: string) => ({ deltaLink: link, window: null });
      expect(await store.syncState.advance(t, key, null, round("d1"), NOW)).toMatchObject({
        deltaLink: "d1",
      });
      expect(await store.syncState.advance(t, key, null, round("d1-again"), NOW)).toBeUndefined();
      const rounds = await Promise.all(
        ["d2-a", "d2-b", "d2-c"].map((link, i) =>
          store.syncState.advance(t, key, "d1", round(link), NOW + i),
        ),
      );
      const kept = rounds.filter((record) => record !== undefined);
      expect(kept).toHaveLength(1);
      expect((await store.syncState.get(t, key))?.deltaLink).toBe(kept[0]!.deltaLink);
      expect(await store.syncState.advance(t, key, "d1", round("stale"), NOW + DAY)).toBeUndefined();
      // A stream whose failures were recorded before any success starts from no link.
      await store.syncState.recordFailure(t, "directory", "throttled", NOW);
      expect(await store.syncState.advance(t, "directory", null, round("u1"), NOW + HOUR)).toMatchObject({
        deltaLink: "u1",
        lastErrorCode: null,
      });
    });

    it("create tenants and record consent and settings", async () => {
      const t = freshTenant();
      await store.tenants.upsert(t, null, NOW);
      expect(await store.tenants.upsert(t, "Contoso", NOW + HOUR)).toMatchObject({
        name: "Contoso",
        createdAt: NOW,
        updatedAt: NOW + HOUR,
      });
      expect(await store.tenants.recordConsent(t, NOW + DAY)).toMatchObject({
        consentedAt: NOW + DAY,
        settings: {},
      });
      expect(await store.tenants.updateSettings(t, { roster: "graph" }, NOW + DAY)).toMatchObject({
        settings: { roster: "graph" },
      });
      expect(await store.tenants.recordConsent(freshTenant(), NOW)).toBeUndefined();
      expect((await store.tenants.listAll()).some((tenant) => tenant.tenantId === t)).toBe(true);
    });

    it("merge settings key by key, and save administrators' settings only over the version read", async () => {
      const t = freshTenant();
      const admin = { by: "ida@contoso.com", now: NOW + HOUR };
      await store.tenants.upsert(t, "Contoso", NOW);
      await store.tenants.updateSettings(t, { verifiedDomains: ["contoso.com"] }, NOW);
      const first = await store.tenants.saveAdminSettings(t, { bigDealThreshold: 5, accounts: [] }, 0, admin);
      expect(first).toMatchObject({
        outcome: "saved",
        record: {
          settings: { verifiedDomains: ["contoso.com"], bigDealThreshold: 5, accounts: [] },
          settingsVersion: 1,
          settingsUpdatedBy: "ida@contoso.com",
          settingsUpdatedAt: NOW + HOUR,
        },
      });
      expect(await store.tenants.saveAdminSettings(t, { bigDealThreshold: 6 }, 0, admin)).toMatchObject({
        outcome: "conflict",
        current: { settingsVersion: 1, settings: { bigDealThreshold: 5 } },
      });
      await store.tenants.updateSettings(t, { verifiedDomains: ["contoso.com", "fabrikam.eu"] }, NOW + DAY);
      const second = await store.tenants.saveAdminSettings(t, { bigDealThreshold: 7 }, 1, admin);
      expect(second).toMatchObject({
        outcome: "saved",
        record: {
          settingsVersion: 2,
          settings: { verifiedDomains: ["contoso.com", "fabrikam.eu"], bigDealThreshold: 7, accounts: [] },
        },
      });
      expect(await store.tenants.settingsVersion(t)).toBe(2);
      expect(await store.tenants.settingsVersion(freshTenant())).toBe(0);
      expect(await store.tenants.saveAdminSettings(freshTenant(), { bigDealThreshold: 1 }, 3, admin)).toBe(
        undefined,
      );
      const unknown = freshTenant();
      expect(await store.tenants.saveAdminSettings(unknown, { bigDealThreshold: 1 }, 0, admin)).toMatchObject(
        {
          outcome: "saved",
          record: { tenantId: unknown, settingsVersion: 1, settings: { bigDealThreshold: 1 } },
        },
      );
    });

    it("keep both an administrator's save and a directory sync's domains written at the same moment", async () => {
      const t = freshTenant();
      await store.tenants.upsert(t, "Contoso", NOW);
      for (let round = 1; round <= 5; round++) {
        const domains = [`d${round}.contoso.com`];
        await Promise.all([
          store.transaction((tx) => tx.tenants.updateSettings(t, { verifiedDomains: domains }, NOW)),
          store.tenants.saveAdminSettings(t, { bigDealThreshold: round }, round - 1, {
            by: "ida@contoso.com",
            now: NOW,
          }),
        ]);
        expect((await store.tenants.get(t))?.settings).toEqual({
          verifiedDomains: domains,
          bigDealThreshold: round,
        });
      }
    });

    it("list the stored customer calls and set their big-deal flags and reasons", async () => {
      const t = freshTenant();
      await store.events.upsert(
        t,
        "max@contoso.com",
        [
          buildEvent({ eventId: "call" }),
          buildEvent({ eventId: "unclassified", initiator: "none", development: "none" }),
          buildEvent({ eventId: "group", kind: "group", customerDomains: [] }),
        ],
        NOW,
      );
      await store.events.upsert(t, "mia@contoso.com", [buildEvent({ eventId: "call" })], NOW);
      expect((await store.events.customerCalls(t)).map((call) => [call.mailbox, call.eventId])).toEqual([
        ["max@contoso.com", "call"],
        ["mia@contoso.com", "call"],
      ]);
      const [maxCall] = await store.events.customerCalls(t, "max@contoso.com");
      expect(maxCall).toEqual({
        mailbox: "max@contoso.com",
        eventId: "call",
        initiator: "rep",
        kind: "customer-call",
        customerDomains: ["fabrikam.com"],
        bigDeal: false,
        reasons: ["organized by Rita Rep"],
      });
      const reasons = ["organized by Rita Rep", "big deal: Fabrikam has 2 in open pipeline, at or above 1"];
      expect(
        await store.events.setBigDeals(
          t,
          [{ mailbox: "max@contoso.com", eventId: "call", bigDeal: true, reasons }],
          NOW + DAY,
        ),
      ).toBe(1);
      const [stored] = await store.events.withICalUId(t, "ical-call");
      expect(stored).toMatchObject({
        mailbox: "max@contoso.com",
        bigDeal: true,
        reasons,
        classifiedAt: NOW + DAY,
      });
      expect((await store.events.withICalUId(t, "ical-call"))[1]).toMatchObject({ bigDeal: false });
    });
  });

  describe(`${backend.name}: job leases`, () => {
    it("hand each due job to one claimant, and to another once its lease runs out", async () => {
      const t = freshTenant();
      for (const [i, key] of ["sync:a", "sync:b", "sync:c"].entries())
        await store.jobs.schedule(t, key, NOW - 3 + i);
      await store.jobs.schedule(t, "later", NOW + HOUR);
      expect((await store.jobs.schedule(t, "sync:a", NOW + DAY)).dueAt).toBe(NOW - 3);
      const lease = { now: NOW, leaseMs: 60_000 };
      const [one, two] = await Promise.all([
        store.jobs.claimDue(t, { ...lease, owner: "w1" }, 2),
        store.jobs.claimDue(t, { ...lease, owner: "w2" }, 2),
      ]);
      const claimed = [...one, ...two].map((job) => job.jobKey).sort();
      expect(claimed).toEqual(["sync:a", "sync:b", "sync:c"]);
      expect([one.length, two.length].sort()).toEqual([1, 2]);
      const first = [...one, ...two].find((job) => job.jobKey === "sync:a")!;
      expect(first).toMatchObject({ attempts: 1, lastStartedAt: NOW, leaseExpiresAt: NOW + 60_000 });

      const holder = first.owner!;
      const other = holder === "w1" ? "w2" : "w1";
      expect(await store.jobs.renew(t, "sync:a", { owner: other, now: NOW + 1000, leaseMs: 60_000 })).toBe(
        false,
      );
      expect(await store.jobs.renew(t, "sync:a", { owner: holder, now: NOW + 1000, leaseMs: 60_000 })).toBe(
        true,
      );
      // At NOW + 60 s the first leases run out, but sync:a's was renewed until NOW + 61 s.
      const expired = await store.jobs.claimDue(t, { owner: other, now: NOW + 60_000, leaseMs: 60_000 }, 10);
      expect(expired.map((job) => [job.jobKey, job.owner, job.attempts])).toEqual([
        ["sync:b", other, 2],
        ["sync:c", other, 2],
      ]);
      const takenOver = await store.jobs.claimDue(
        t,
        { owner: other, now: NOW + 61_001, leaseMs: 60_000 },
        10,
      );
      expect(takenOver.map((job) => [job.jobKey, job.owner, job.attempts])).toEqual([["sync:a", other, 2]]);
      const done = { now: NOW + 70_000, nextDueAt: NOW + HOUR, error: null };
      expect(await store.jobs.complete(t, "sync:a", { ...done, owner: holder })).toBe(false);
      expect(await store.jobs.complete(t, "sync:a", { ...done, owner: other })).toBe(true);
      expect(await store.jobs.get(t, "sync:a")).toEqual({
        jobKey: "sync:a",
        dueAt: NOW + HOUR,
        owner: null,
        leaseExpiresAt: null,
        attempts: 0,
        lastStartedAt: NOW + 61_001,
        lastFinishedAt: NOW + 70_000,
        lastError: null,
      });
      expect(await store.jobs.complete(t, "sync:b", { ...done, owner: other, error: "throttled" })).toBe(
        true,
      );
      expect(await store.jobs.get(t, "sync:b")).toMatchObject({ attempts: 2, lastError: "throttled" });
    });
  });

  describe(`${backend.name}: a person's data`, () => {
    it("exports what is about a person and erases it in one go, leaving other people's records", async () => {
      const t = freshTenant();
      await store.people.replaceDirectory(
        t,
        {
          people: [
            buildPerson({ objectId: "oid-max", email: "max@contoso.com", role: "manager" }),
            buildPerson({ objectId: "oid-rita", email: "rita@contoso.com" }),
            buildPerson({ objectId: "oid-sam", email: "sam@contoso.com" }),
          ],
          lines: [
            { personObjectId: "oid-rita", managerObjectId: "oid-max", source: "graph" },
            { personObjectId: "oid-sam", managerObjectId: "oid-max", source: "graph" },
          ],
        },
        NOW,
      );
      const { note } = await store.notes.create(t, buildNote({ noteId: uuid(120) }), MAX);
      const { note: samNote } = await store.notes.create(
        t,
        buildNote({ noteId: uuid(121), repEmail: "sam@contoso.com" }),
        MAX,
      );
      await store.actions.replaceForNote(
        t,
        note.noteId,
        note.repEmail,
        [{ actionId: uuid(122), text: "x", owner: "rep", dueDate: null }],
        MAX,
      );
      await store.reviewComments.add(
        t,
        {
          commentId: uuid(123),
          noteId: note.noteId,
          authorEmail: "eve@contoso.com",
          body: "ok",
          isDebrief: false,
        },
        NOW,
      );
      await store.plans.save(
        t,
        "rita@contoso.com",
        { focus: [], cadenceOverride: null, goals: [] },
        null,
        MAX,
      );
      await store.metrics.record(
        t,
        "rita@contoso.com",
        [{ metric: "proposals", asOf: "2026-03-01", value: 2 }],
        { ...MAX, source: "manual", importId: null },
      );
      await store.suggestions.replaceOffers(
        t,
        "max@contoso.com",
        [buildOffer({ suggestionId: uuid(124), day: "2026-03-10" })],
        NOW,
      );
      await store.events.upsert(
        t,
        "max@contoso.com",
        [buildEvent({ eventId: "both", reps: ["rita@contoso.com", "sam@contoso.com"] })],
        NOW,
      );
      await store.audit.record(
        t,
        { actor: "rita@contoso.com", action: "note.read", targetType: "note", targetId: note.noteId },
        NOW,
      );

      const exported = await store.personData.export(t, "Rita@Contoso.com");
      const counts = Object.fromEntries(
        Object.entries(exported.tables).map(([table, rows]) => [table, rows.length]),
      );
      expect(counts).toEqual({
        people: 1,
        reporting_lines: 1,
        coaching_plans: 1,
        plan_goals: 0,
        rep_metrics: 1,
        rep_metric_history: 1,
        notes: 1,
        note_versions: 1,
        actions: 1,
        review_comments: 1,
        suggestions: 1,
        event_overrides: 0,
        classified_events: 1,
        audit_log: 1,
        graph_subscriptions: 0,
        reminders_sent: 0,
        reminder_opt_outs: 0,
      });
      expect(exported.tables.notes[0]).toMatchObject({ note_id: note.noteId, rep_email: "rita@contoso.com" });

      expect(await store.personData.erase(t, "rita@contoso.com")).toEqual({
        reporting_lines: 1,
        people: 1,
        coaching_plans: 1,
        rep_metrics: 1,
        rep_metric_history: 1,
        notes: 1,
        suggestions: 1,
        classified_events: 1,
      });
      expect(await store.notes.get(t, note.noteId)).toBeUndefined();
      expect(await store.actions.get(t, uuid(122))).toBeUndefined();
      expect(await store.reviewComments.forNotes(t, [note.noteId])).toEqual([]);
      expect(await store.notes.get(t, samNote.noteId)).toBeDefined();
      expect((await store.events.withICalUId(t, "ical-both"))[0]?.reps).toEqual(["sam@contoso.com"]);
      expect((await store.people.list(t)).map((p) => p.email)).toEqual([
        "max@contoso.com",
        "sam@contoso.com",
      ]);
      expect(await store.audit.byActor(t, "rita@contoso.com")).toHaveLength(1);
      const after = await store.personData.export(t, "rita@contoso.com");
      expect(
        Object.entries(after.tables)
          .filter(([, rows]) => rows.length > 0)
          .map(([table]) => table),
      ).toEqual(["audit_log"]);
    });
  });
}
