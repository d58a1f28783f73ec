/**
 * A rep's coaching plan (GET /api/reps/:email/plan, SPEC §7): focus behaviours with target ratings,
 * goals, cadence override, the latest figure of each metric and the timeline of field days, notes,
 * actions and metric changes. The rep, their manager and the executives above see it; the timeline
 * lists only the notes the reader may see.
 */

import type { PlanResponse, TimelineEntry } from "../../api/plans.ts";
import { cadenceOverride } from "../../api/settings.ts";
import type { MetricRecord } from "../../store/repositories/metrics.ts";
import { forbidden, notFound } from "../api-error.ts";
import { noteAccess, personAccess } from "../authorize.ts";
import { fieldDayOutcome, isFieldDay } from "../figures/field-days-kept.ts";
import { presentAction, summaryOf } from "../present/present-note.ts";
import type { RequestContext } from "../request-context.ts";
import { calendarSyncWindow } from "../sync/sync-window.ts";
import { policyFor } from "../tenant-policy.ts";

const iso = (instant: number) => new Date(instant).toISOString();

export async function getRepPlan(context: RequestContext, email: string): Promise<PlanResponse> {
  const hierarchy = await context.hierarchy();
  const rep = hierarchy.person(email);
  if (rep === undefined) throw notFound(`${email} is not in the directory.`);
  if (personAccess(context.viewer, email, hierarchy) === undefined) {
    throw forbidden("Only the rep, their manager and the executives above them see this plan.");
  }
  const { store } = context.services;
  const { tenantId, now } = context;
  const [plan, values, history, notes, policy] = await Promise.all([
    store.plans.get(tenantId, email),
    store.metrics.values(tenantId, email),
    store.metrics.history(tenantId, email),
    store.notes.list(tenantId, { repEmails: [email] }),
    policyFor(store, tenantId, [email]),
  ]);
  const visible = notes.filter((note) => noteAccess(context.viewer, note, hierarchy) !== undefined);
  const actions = await store.actions.forNotes(
    tenantId,
    visible.map((note) => note.noteId),
  );
  const fieldDays =
    rep.managerEmail === null
      ? []
      : (
          await store.events.inWindow(tenantId, rep.managerEmail, calendarSyncWindow(now), { rep: email })
        ).filter(isFieldDay);

  const timeline: TimelineEntry[] = [
    ...fieldDays.map((event) => ({
      kind: "field-day" as const,
      at: iso(event.start),
      end: iso(event.end),
      eventId: event.eventId,
      outcome: fieldDayOutcome(event, now, policy.halfDayHours),
    })),
    ...visible.map((note) => ({
      kind: "note" as const,
      at: iso(note.meetingStart ?? note.createdAt),
      noteId: note.noteId,
      status: note.status,
    })),
    ...actions.map((action) => ({
      kind: "action" as const,
      at: iso(action.completedAt ?? action.createdAt),
      actionId: action.actionId,
      noteId: action.noteId,
      text: presentAction(action).text,
      status: action.status,
    })),
    ...history.map((change) => ({
      kind: "metric" as const,
      at: iso(change.recordedAt),
      change: {
        metric: change.metric,
        asOf: change.asOf,
        value: change.value,
        previousValue: change.previousValue,
        source: change.source,
        recordedBy: change.recordedBy,
        recordedAt: iso(change.recordedAt),
      },
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  const override = plan?.cadenceOverride == null ? null : cadenceOverride.safeParse(plan.cadenceOverride);
  return {
    rep: summaryOf(hierarchy, email),
    manager: rep.managerEmail === null ? null : summaryOf(hierarchy, rep.managerEmail),
    version: plan?.version ?? 0,
    focus: (plan?.focus ?? []).map((focus) => ({ ...focus })),
    goals: (plan?.goals ?? []).map((goal) => ({
      id: goal.goalId,
      text: goal.text,
      due: goal.dueDate,
      status: goal.status,
    })),
    cadenceOverride: override?.success === true ? override.data : null,
    metrics: latestOfEach(values),
    timeline,
  };
}

function latestOfEach(values: readonly MetricRecord[]): PlanResponse["metrics"] {
  const latest = new Map<string, MetricRecord>();
  for (const value of values) {
    const kept = latest.get(value.metric);
    if (kept === undefined || value.asOf > kept.asOf) latest.set(value.metric, value);
  }
  return [...latest.values()].map((value) => ({
    metric: value.metric,
    asOf: value.asOf,
    value: value.value,
  }));
}
