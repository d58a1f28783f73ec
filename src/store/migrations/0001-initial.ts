import { type Kysely, sql } from "kysely";

/*
 * Every key and index starts with tenant_id so that each tenant's rows live together and the tables can
 * be distributed by tenant later. People are referred to by lower-case primary email, the identity the
 * domain matches on; Entra object ids are kept on the people table to resolve a signed-in user.
 * Classified events keep ids, times and the classification only: never a subject or a body.
 */
const STATEMENTS = [
  `create table tenants (
    tenant_id uuid primary key,
    name text,
    settings jsonb not null default '{}'::jsonb,
    consented_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,

  `create table people (
    tenant_id uuid not null,
    object_id text not null,
    email text not null check (email = lower(email)),
    name text not null,
    aliases jsonb not null default '[]'::jsonb,
    role text not null check (role in ('rep', 'manager', 'executive')),
    time_zone text,
    working_hours jsonb,
    hire_date date,
    synced_at timestamptz not null,
    primary key (tenant_id, object_id),
    unique (tenant_id, email)
  )`,

  `create table reporting_lines (
    tenant_id uuid not null,
    person_object_id text not null,
    manager_object_id text not null,
    source text not null check (source in ('graph', 'roster')),
    synced_at timestamptz not null,
    primary key (tenant_id, person_object_id),
    check (person_object_id <> manager_object_id)
  )`,
  `create index reporting_lines_by_manager on reporting_lines (tenant_id, manager_object_id)`,

  `create table sync_state (
    tenant_id uuid not null,
    sync_key text not null,
    delta_link text,
    window_start timestamptz,
    window_end timestamptz,
    last_success_at timestamptz,
    last_error_code text,
    updated_at timestamptz not null,
    primary key (tenant_id, sync_key)
  )`,

  `create table classified_events (
    tenant_id uuid not null,
    mailbox text not null check (mailbox = lower(mailbox)),
    event_id text not null,
    ical_uid text,
    series_master_id text,
    start_at timestamptz not null,
    end_at timestamptz not null,
    first_start_at timestamptz not null,
    first_end_at timestamptz not null,
    is_all_day boolean not null,
    is_cancelled boolean not null,
    is_private boolean not null,
    initiator text not null check (initiator in ('manager', 'rep', 'other', 'none')),
    kind text check (kind in ('field-day', 'customer-call', 'one-on-one', 'group')),
    development text not null check (development in ('skill', 'sales', 'none')),
    reps jsonb not null,
    hours double precision not null check (hours >= 0),
    big_deal boolean not null,
    reasons jsonb not null,
    customer_domains jsonb not null,
    overridden boolean not null,
    classified_at timestamptz not null,
    primary key (tenant_id, mailbox, event_id),
    check (end_at >= start_at)
  )`,
  `create index classified_events_by_time on classified_events (tenant_id, mailbox, start_at)`,
  `create index classified_events_by_ical_uid on classified_events (tenant_id, ical_uid)`,

  `create table event_overrides (
    tenant_id uuid not null,
    mailbox text not null check (mailbox = lower(mailbox)),
    event_key text not null,
    initiator text check (initiator in ('manager', 'rep', 'other')),
    kind text check (kind in ('field-day', 'customer-call', 'one-on-one', 'group')),
    reason text,
    updated_by text not null,
    updated_at timestamptz not null,
    primary key (tenant_id, mailbox, event_key),
    check (initiator is not null or kind is not null)
  )`,

  `create table cadence_policies (
    tenant_id uuid primary key,
    document jsonb not null,
    version integer not null check (version > 0),
    updated_by text not null,
    updated_at timestamptz not null
  )`,

  `create table behaviours (
    tenant_id uuid not null,
    behaviour_id text not null,
    name text not null,
    description text not null,
    position integer not null,
    retired_at timestamptz,
    updated_at timestamptz not null,
    primary key (tenant_id, behaviour_id)
  )`,

  `create table coaching_plans (
    tenant_id uuid not null,
    rep_email text not null check (rep_email = lower(rep_email)),
    focus jsonb not null,
    cadence_override jsonb,
    version integer not null check (version > 0),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    updated_by text not null,
    primary key (tenant_id, rep_email)
  )`,

  `create table plan_goals (
    tenant_id uuid not null,
    rep_email text not null,
    goal_id uuid not null,
    text text not null,
    due_date date,
    status text not null check (status in ('open', 'achieved', 'dropped')),
    position integer not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, rep_email, goal_id)
  )`,

  `create table rep_metrics (
    tenant_id uuid not null,
    rep_email text not null check (rep_email = lower(rep_email)),
    metric text not null check (metric in ('pipeline', 'proposals', 'deals-closed', 'pipeline-value', 'closed-value')),
    as_of date not null,
    value double precision not null check (value >= 0),
    source text not null check (source in ('manual', 'csv')),
    updated_by text not null,
    updated_at timestamptz not null,
    primary key (tenant_id, rep_email, metric, as_of)
  )`,

  `create table rep_metric_history (
    tenant_id uuid not null,
    change_id bigint generated always as identity,
    rep_email text not null,
    metric text not null,
    as_of date not null,
    value double precision not null,
    previous_value double precision,
    source text not null check (source in ('manual', 'csv')),
    import_id uuid,
    recorded_by text not null,
    recorded_at timestamptz not null,
    primary key (tenant_id, change_id)
  )`,
  `create index rep_metric_history_by_rep on rep_metric_history (tenant_id, rep_email, recorded_at)`,

  `create table notes (
    tenant_id uuid not null,
    note_id uuid not null,
    meeting_ical_uid text not null,
    rep_email text not null check (rep_email = lower(rep_email)),
    manager_email text not null check (manager_email = lower(manager_email)),
    meeting_start timestamptz,
    meeting_kind text check (meeting_kind in ('field-day', 'customer-call', 'one-on-one', 'group')),
    status text not null check (status in ('draft', 'shared', 'signed-off')),
    version integer not null check (version > 0),
    focus jsonb not null,
    went_well text not null,
    gaps text not null,
    reflection text not null,
    private_notes text not null,
    created_by text not null,
    created_at timestamptz not null,
    updated_by text not null,
    updated_at timestamptz not null,
    shared_at timestamptz,
    signed_off_at timestamptz,
    primary key (tenant_id, note_id),
    unique (tenant_id, meeting_ical_uid, rep_email)
  )`,
  `create index notes_by_rep on notes (tenant_id, rep_email, meeting_start)`,
  `create index notes_by_manager on notes (tenant_id, manager_email, meeting_start)`,

  `create table note_versions (
    tenant_id uuid not null,
    note_id uuid not null,
    version integer not null,
    content jsonb not null,
    saved_by text not null,
    saved_at timestamptz not null,
    primary key (tenant_id, note_id, version),
    foreign key (tenant_id, note_id) references notes (tenant_id, note_id) on delete cascade
  )`,

  `create table actions (
    tenant_id uuid not null,
    action_id uuid not null,
    note_id uuid not null,
    rep_email text not null check (rep_email = lower(rep_email)),
    text text not null,
    owner text not null check (owner in ('rep', 'manager')),
    due_date date,
    status text not null check (status in ('open', 'done', 'dropped')),
    position integer not null,
    followed_up_in_note_id uuid,
    created_at timestamptz not null,
    updated_by text not null,
    updated_at timestamptz not null,
    completed_at timestamptz,
    primary key (tenant_id, action_id),
    foreign key (tenant_id, note_id) references notes (tenant_id, note_id) on delete cascade
  )`,
  `create index actions_by_note on actions (tenant_id, note_id, position)`,
  `create index actions_by_rep on actions (tenant_id, rep_email, status)`,

  `create table review_comments (
    tenant_id uuid not null,
    comment_id uuid not null,
    note_id uuid not null,
    author_email text not null check (author_email = lower(author_email)),
    body text not null,
    is_debrief boolean not null,
    created_at timestamptz not null,
    primary key (tenant_id, comment_id),
    foreign key (tenant_id, note_id) references notes (tenant_id, note_id) on delete cascade
  )`,
  `create index review_comments_by_note on review_comments (tenant_id, note_id, created_at)`,

  `create table suggestions (
    tenant_id uuid not null,
    suggestion_id uuid not null,
    manager_email text not null check (manager_email = lower(manager_email)),
    rep_email text not null check (rep_email = lower(rep_email)),
    day date not null,
    start_at timestamptz not null,
    end_at timestamptz not null,
    score double precision not null,
    reasons jsonb not null,
    status text not null check (status in ('offered', 'accepted', 'dismissed')),
    transaction_id text not null,
    offered_at timestamptz not null,
    decided_by text,
    decided_at timestamptz,
    event_id text,
    note_id uuid,
    primary key (tenant_id, suggestion_id),
    unique (tenant_id, manager_email, rep_email, day),
    check (end_at > start_at),
    check ((status = 'offered') = (decided_at is null))
  )`,
  `create index suggestions_by_manager on suggestions (tenant_id, manager_email, status, start_at)`,

  `create table audit_log (
    tenant_id uuid not null,
    audit_id bigint generated always as identity,
    at timestamptz not null,
    actor text not null,
    action text not null,
    target_type text not null,
    target_id text not null,
    detail jsonb not null default '{}'::jsonb,
    primary key (tenant_id, audit_id)
  )`,
  `create index audit_log_by_target on audit_log (tenant_id, target_type, target_id, at)`,
  `create index audit_log_by_actor on audit_log (tenant_id, actor, at)`,

  `create table job_leases (
    tenant_id uuid not null,
    job_key text not null,
    due_at timestamptz not null,
    owner text,
    lease_expires_at timestamptz,
    attempts integer not null default 0,
    last_started_at timestamptz,
    last_finished_at timestamptz,
    last_error text,
    primary key (tenant_id, job_key),
    check ((owner is null) = (lease_expires_at is null))
  )`,
  `create index job_leases_due on job_leases (tenant_id, due_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: PGlite's extended protocol runs a single statement per query.
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
