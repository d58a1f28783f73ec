import { type Kysely, sql } from "kysely";
import { createDatabase, type DatabaseOptions } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { type ActionsRepository, actionsRepository } from "./repositories/actions.ts";
import { type AuditLogRepository, auditLogRepository } from "./repositories/audit-log.ts";
import { type BehavioursRepository, behavioursRepository } from "./repositories/behaviours.ts";
import {
  type ClassifiedEventsRepository,
  classifiedEventsRepository,
} from "./repositories/classified-events.ts";
import {
  type GraphSubscriptionsRepository,
  graphSubscriptionsRepository,
} from "./repositories/graph-subscriptions.ts";
import { type JobLeasesRepository, jobLeasesRepository } from "./repositories/job-leases.ts";
import { type JobQueueRepository, jobQueueRepository } from "./repositories/job-queue.ts";
import { type MetricsRepository, metricsRepository } from "./repositories/metrics.ts";
import { type NotesRepository, notesRepository } from "./repositories/notes.ts";
import { type OverridesRepository, overridesRepository } from "./repositories/overrides.ts";
import { type PeopleRepository, peopleRepository } from "./repositories/people.ts";
import { type PersonDataRepository, personDataRepository } from "./repositories/person-data.ts";
import { type PlansRepository, plansRepository } from "./repositories/plans.ts";
import { type PolicyRepository, policyRepository } from "./repositories/policy.ts";
import { type RemindersRepository, remindersRepository } from "./repositories/reminders.ts";
import { type RetentionRepository, retentionRepository } from "./repositories/retention.ts";
import { type ReviewCommentsRepository, reviewCommentsRepository } from "./repositories/review-comments.ts";
import { type SuggestionsRepository, suggestionsRepository } from "./repositories/suggestions.ts";
import { type SyncStateRepository, syncStateRepository } from "./repositories/sync-state.ts";
import { type TenantsRepository, tenantsRepository } from "./repositories/tenants.ts";
import type { Database } from "./schema.ts";

/** Every repository, bound to the database or to one transaction. */
export interface Repositories {
  readonly tenants: TenantsRepository;
  readonly people: PeopleRepository;
  readonly syncState: SyncStateRepository;
  readonly events: ClassifiedEventsRepository;
  readonly overrides: OverridesRepository;
  readonly policy: PolicyRepository;
  readonly behaviours: BehavioursRepository;
  readonly plans: PlansRepository;
  readonly metrics: MetricsRepository;
  readonly notes: NotesRepository;
  readonly actions: ActionsRepository;
  readonly reviewComments: ReviewCommentsRepository;
  readonly suggestions: SuggestionsRepository;
  readonly audit: AuditLogRepository;
  readonly jobs: JobLeasesRepository;
  readonly personData: PersonDataRepository;
  /** The job runner's view of the job leases (src/jobs/). */
  readonly jobQueue: JobQueueRepository;
  readonly subscriptions: GraphSubscriptionsRepository;
  readonly reminders: RemindersRepository;
  /** The tenant's retention: deleting the records of meetings older than it keeps them. */
  readonly retention: RetentionRepository;
}

export interface Store extends Repositories {
  /**
   * Runs `work` in one transaction: everything it writes through `tx` is kept together or not at all
   * (a note, its actions and the audit row of the change). Inside, use only `tx`: on PGlite the one
   * connection belongs to the transaction until it ends.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query (readiness). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export function repositoriesOf(db: Kysely<Database>): Repositories {
  return {
    tenants: tenantsRepository(db),
    people: peopleRepository(db),
    syncState: syncStateRepository(db),
    events: classifiedEventsRepository(db),
    overrides: overridesRepository(db),
    policy: policyRepository(db),
    behaviours: behavioursRepository(db),
    plans: plansRepository(db),
    metrics: metricsRepository(db),
    notes: notesRepository(db),
    actions: actionsRepository(db),
    reviewComments: reviewCommentsRepository(db),
    suggestions: suggestionsRepository(db),
    audit: auditLogRepository(db),
    jobs: jobLeasesRepository(db),
    personData: personDataRepository(db),
    jobQueue: jobQueueRepository(db),
    subscriptions: graphSubscriptionsRepository(db),
    reminders: remindersRepository(db),
    retention: retentionRepository(db),
  };
}

export function createStore(db: Kysely<Database>): Store {
  return {
    ...repositoriesOf(db),
    transaction: (work) => db.transaction().execute((tx) => work(repositoriesOf(tx))),
    async isReachable() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

/** Opens the database, brings its schema up to date and returns the store: what the server does at start. */
export async function openStore(options: DatabaseOptions): Promise<Store> {
  const db = await createDatabase(options);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createStore(db);
}
