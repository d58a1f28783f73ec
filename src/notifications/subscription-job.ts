/**
 * The job that keeps a manager's calendar subscribed to change notifications ("subscription:<email>").
 * Each run renews the subscription (which also reauthorizes it) and plans the next run a day before it
 * expires; a subscription Graph no longer has (removed, expired) is made afresh with a new clientState.
 * When the person no longer manages anyone, the subscription is deleted and so is the job. Without
 * Graph access for the manager at hand (no recent sign-in in delegated mode) the run fails and is tried
 * again later; the calendar's periodic delta sync covers the gap.
 */

import { isGraphFailure } from "../domain/graph-ports.ts";
import { type Instant, MS_PER_DAY } from "../domain/instant.ts";
import { type EventSubscriptions, eventSubscriptionExpiry } from "../graph/subscriptions.ts";
import type { JobHandler } from "../jobs/job-runner.ts";
import type { PersonRecord } from "../store/repositories/people.ts";
import type { Store } from "../store/store.ts";
import { hashClientState, newClientState } from "./client-state.ts";

export interface SubscriptionJobOptions {
  readonly store: Pick<Store, "people" | "subscriptions">;
  /** Graph for someone allowed to subscribe to the manager's events; undefined when none is at hand. */
  readonly subscriptionsFor: (
    tenantId: string,
    manager: PersonRecord,
  ) => Promise<EventSubscriptions | undefined>;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string;
  readonly clock: () => Instant;
  /** How often a run is tried when no subscription could be made (the job's interval). */
  readonly retryMs: number;
  /** Renew this long before the subscription expires (default a day). */
  readonly renewBeforeMs?: number;
  readonly newClientState?: () => string;
}

export function subscriptionJobHandler(options: SubscriptionJobOptions): JobHandler {
  const { store, clock } = options;
  const renewBeforeMs = options.renewBeforeMs ?? MS_PER_DAY;
  const makeSecret = options.newClientState ?? newClientState;

  return {
    intervalMs: options.retryMs,
    async run({ tenantId, subject: managerEmail }) {
      const people = await store.people.list(tenantId);
      const manager = people.find((person) => person.email === managerEmail);
      const manages = people.some((person) => person.managerEmail === managerEmail);
      const stored = await store.subscriptions.forManager(tenantId, managerEmail);

      if (manager === undefined || !manages) {
        if (stored !== undefined) {
          const graph = manager === undefined ? undefined : await options.subscriptionsFor(tenantId, manager);
          // Without access the subscription is left to expire at Graph; nothing will accept its notifications.
          if (graph !== undefined) await graph.remove(stored.subscriptionId);
          await store.subscriptions.remove(tenantId, managerEmail, stored.subscriptionId);
        }
        return { remove: true };
      }

      const graph = await options.subscriptionsFor(tenantId, manager);
      if (graph === undefined)
        throw new Error(`no Graph access for ${managerEmail} is at hand to subscribe with`);
      const now = clock();
      const expiresAt = eventSubscriptionExpiry(now);
      if (stored !== undefined) {
        try {
          const renewed = await graph.renew(stored.subscriptionId, expiresAt);
          await store.subscriptions.renewed(tenantId, stored.subscriptionId, renewed.expiresAt, now);
          return { nextDueAt: renewed.expiresAt - renewBeforeMs };
        } catch (error) {
          if (!(isGraphFailure(error) && error.kind === "not-found")) throw error;
        }
      }
      const clientState = makeSecret();
      const created = await graph.create({
        mailboxId: manager.objectId,
        notificationUrl: options.notificationUrl,
        lifecycleNotificationUrl: options.lifecycleNotificationUrl,
        clientState,
        expiresAt,
      });
      await store.subscriptions.put(tenantId, {
        managerEmail,
        mailboxId: manager.objectId,
        subscriptionId: created.id,
        clientStateHash: hashClientState(clientState),
        expiresAt: created.expiresAt,
        createdAt: now,
        renewedAt: now,
      });
      return { nextDueAt: created.expiresAt - renewBeforeMs };
    },
  };
}
