import type { ColumnType, Generated } from "kysely";

/*
 * The tables as Kysely sees them, kept in step with migrations/. Conventions:
 * - timestamptz columns read and write as Date (repositories convert to and from domain Instants);
 * - date columns read and write as "YYYY-MM-DD" text (the drivers are told not to turn them into Dates);
 * - jsonb columns read as parsed values and are written as JSON text (see json.ts), because node-postgres
 *   would otherwise send a JavaScript array as a PostgreSQL array.
 */

/** A jsonb column holding T. */
export type Json<T> = ColumnType<T, string, string>;
/** A nullable jsonb column holding T. */
export type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
/** A jsonb column with a database default. */
export type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
export type Timestamp = Date;
/** "YYYY-MM-DD". */
export type DateText = string;

export interface TenantsTable {
  tenant_id: string;
  name: string | null;
  settings: JsonWithDefault<Record<string, unknown>>;
  /** Administrators' saves of the settings (migration 0003); directory sync does not count. */
  settings_version: Generated<number>;
  settings_updated_by: string | null;
  settings_updated_at: Timestamp | null;
  consented_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StoredWorkingHours {
  readonly daysOfWeek: readonly string[];
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: string;
}

export interface PeopleTable {
  tenant_id: string;
  object_id: string;
  email: string;
  name: string;
  aliases: JsonWithDefault<string[]>;
  role: "rep" | "manager" | "executive";
  time_zone: string | null;
  working_hours: NullableJson<StoredWorkingHours>;
  hire_date: DateText | null;
  synced_at: Timestamp;
}

export interface ReportingLinesTable {
  tenant_id: string;
  person_object_id: string;
  manager_object_id: string;
  source: "graph" | "roster";
  synced_at: Timestamp;
}

export interface SyncStateTable {
  tenant_id: string;
  sync_key: string;
  delta_link: string | null;
  window_start: Timestamp | null;
  window_end: Timestamp | null;
  last_success_at: Timestamp | null;
  last_error_code: string | null;
  updated_at: Timestamp;
}

export type InitiatorColumn = "manager" | "rep" | "other" | "none";
export type KindColumn = "field-day" | "customer-call" | "one-on-one" | "group";

export interface ClassifiedEventsTable {
  tenant_id: string;
  mailbox: string;
  event_id: string;
  ical_uid: string | null;
  series_master_id: string | null;
  start_at: Timestamp;
  end_at: Timestamp;
  first_start_at: Timestamp;
  first_end_at: Timestamp;
  is_all_day: boolean;
  is_cancelled: boolean;
  is_private: boolean;
  initiator: InitiatorColumn;
  kind: KindColumn | null;
  development: "skill" | "sales" | "none";
  reps: Json<string[]>;
  hours: number;
  big_deal: boolean;
  reasons: Json<string[]>;
  customer_domains: Json<string[]>;
  overridden: boolean;
  classified_at: Timestamp;
}

export interface EventOverridesTable {
  tenant_id: string;
  mailbox: string;
  event_key: string;
  initiator: Exclude<InitiatorColumn, "none"> | null;
  kind: KindColumn | null;
  reason: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CadencePoliciesTable {
  tenant_id: string;
  document: Json<Record<string, unknown>>;
  version: number;
  updated_by: string;
  updated_at: Timestamp;
}

export interface BehavioursTable {
  tenant_id: string;
  behaviour_id: string;
  name: string;
  description: string;
  position: number;
  retired_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface StoredPlanFocus {
  readonly behaviourId: string;
  readonly targetRating: number;
}

export interface CoachingPlansTable {
  tenant_id: string;
  rep_email: string;
  focus: Json<StoredPlanFocus[]>;
  cadence_override: NullableJson<Record<string, unknown>>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string;
}

export type GoalStatus = "open" | "achieved" | "dropped";

export interface PlanGoalsTable {
  tenant_id: string;
  rep_email: string;
  goal_id: string;
  text: string;
  due_date: DateText | null;
  status: GoalStatus;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type MetricName = "pipeline" | "proposals" | "deals-closed" | "pipeline-value" | "closed-value";
export type MetricSource = "manual" | "csv";

export interface RepMetricsTable {
  tenant_id: string;
  rep_email: string;
  metric: MetricName;
  as_of: DateText;
  value: number;
  source: MetricSource;
  updated_by: string;
  updated_at: Timestamp;
}

export interface RepMetricHistoryTable {
  tenant_id: string;
  change_id: Generated<number>;
  rep_email: string;
  metric: MetricName;
  as_of: DateText;
  value: number;
  previous_value: number | null;
  source: MetricSource;
  import_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export type NoteStatus = "draft" | "shared" | "signed-off";

export interface StoredFocusRating {
  readonly behaviourId: string;
  /** 1 not yet, 2 developing, 3 proficient, 4 role model; null until rated. */
  readonly rating: number | null;
  readonly evidence: string;
}

export interface NotesTable {
  tenant_id: string;
  note_id: string;
  meeting_ical_uid: string;
  rep_email: string;
  manager_email: string;
  meeting_start: Timestamp | null;
  meeting_kind: KindColumn | null;
  status: NoteStatus;
  version: number;
  focus: Json<StoredFocusRating[]>;
  went_well: string;
  gaps: string;
  reflection: string;
  private_notes: string;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
  shared_at: Timestamp | null;
  signed_off_at: Timestamp | null;
}

/** A note's content and status after one change. */
export interface StoredNoteSnapshot {
  readonly focus: readonly StoredFocusRating[];
  readonly wentWell: string;
  readonly gaps: string;
  readonly reflection: string;
  readonly privateNotes: string;
  readonly status: NoteStatus;
}

export interface NoteVersionsTable {
  tenant_id: string;
  note_id: string;
  version: number;
  content: Json<StoredNoteSnapshot>;
  saved_by: string;
  saved_at: Timestamp;
}

export type ActionOwner = "rep" | "manager";
export type ActionStatus = "open" | "done" | "dropped";

export interface ActionsTable {
  tenant_id: string;
  action_id: string;
  note_id: string;
  rep_email: string;
  text: string;
  owner: ActionOwner;
  due_date: DateText | null;
  status: ActionStatus;
  position: number;
  followed_up_in_note_id: string | null;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface ReviewCommentsTable {
  tenant_id: string;
  comment_id: string;
  note_id: string;
  author_email: string;
  body: string;
  is_debrief: boolean;
  created_at: Timestamp;
}

export type SuggestionStatus = "offered" | "accepted" | "dismissed";

export interface SuggestionsTable {
  tenant_id: string;
  suggestion_id: string;
  manager_email: string;
  rep_email: string;
  day: DateText;
  start_at: Timestamp;
  end_at: Timestamp;
  score: number;
  reasons: Json<string[]>;
  status: SuggestionStatus;
  transaction_id: string;
  offered_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  event_id: string | null;
  note_id: string | null;
}

/** What was done; reads of notes are audited as much as writes (SPEC §9). */
export type AuditAction =
  | "note.read"
  | "note.create"
  | "note.update"
  | "note.reflect"
  | "note.share"
  | "note.sign-off"
  | "action.update"
  | "comment.create"
  | "person.export"
  | "person.erase"
  | "settings.update";
export type AuditTargetType = "note" | "action" | "person" | "tenant";
/** Ids and versions only: never note text. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

export interface AuditLogTable {
  tenant_id: string;
  audit_id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: AuditAction;
  target_type: AuditTargetType;
  target_id: string;
  detail: JsonWithDefault<AuditDetail>;
}

export interface JobLeasesTable {
  tenant_id: string;
  job_key: string;
  due_at: Timestamp;
  owner: string | null;
  lease_expires_at: Timestamp | null;
  attempts: Generated<number>;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
  /** Runs asked for (migration 0002); more than `run_requests_seen` at completion makes the job due again. */
  run_requests: Generated<number>;
  run_requests_seen: Generated<number>;
}

export interface GraphSubscriptionsTable {
  tenant_id: string;
  manager_email: string;
  mailbox_id: string;
  subscription_id: string;
  /** SHA-256 of the clientState secret, base64url. */
  client_state_hash: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  renewed_at: Timestamp;
}

export type ReminderStatus = "sending" | "sent" | "undeliverable";

export interface RemindersSentTable {
  tenant_id: string;
  dedupe_key: string;
  activity_type: string;
  recipient_email: string;
  status: ReminderStatus;
  claimed_by: string;
  claimed_at: Timestamp;
  finished_at: Timestamp | null;
  failure_code: string | null;
}

export interface ReminderOptOutsTable {
  tenant_id: string;
  person_email: string;
  /** An activity type, or "all". */
  activity_type: string;
  opted_out_at: Timestamp;
}

export interface Database {
  tenants: TenantsTable;
  people: PeopleTable;
  reporting_lines: ReportingLinesTable;
  sync_state: SyncStateTable;
  classified_events: ClassifiedEventsTable;
  event_overrides: EventOverridesTable;
  cadence_policies: CadencePoliciesTable;
  behaviours: BehavioursTable;
  coaching_plans: CoachingPlansTable;
  plan_goals: PlanGoalsTable;
  rep_metrics: RepMetricsTable;
  rep_metric_history: RepMetricHistoryTable;
  notes: NotesTable;
  note_versions: NoteVersionsTable;
  actions: ActionsTable;
  review_comments: ReviewCommentsTable;
  suggestions: SuggestionsTable;
  audit_log: AuditLogTable;
  job_leases: JobLeasesTable;
  graph_subscriptions: GraphSubscriptionsTable;
  reminders_sent: RemindersSentTable;
  reminder_opt_outs: ReminderOptOutsTable;
}
