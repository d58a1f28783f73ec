import { type Kysely, sql } from "kysely";

/*
 * Background work across instances (issue 8):
 * - job_leases learns to remember a run asked for while the job was running (a change notification
 *   arriving during a calendar sync): `run_requests` counts requests, `run_requests_seen` is the count
 *   when the running instance claimed the job; a higher count at completion makes the job due again.
 * - graph_subscriptions: one change-notification subscription per manager calendar. Only a hash of the
 *   clientState secret is kept, so a copy of the database cannot forge notifications.
 * - reminders_sent: every activity-feed reminder ever claimed, unique per tenant and dedupe key, which
 *   is what makes each reminder go out once however often and wherever the reminder job runs.
 * - reminder_opt_outs: a person's opt-out of one reminder type, or of all ('all').
 * Keys and indexes start with tenant_id, as everywhere.
 */
const STATEMENTS = [
  `alter table job_leases add column run_requests integer not null default 0`,
  `alter table job_leases add column run_requests_seen integer not null default 0`,

  `create table graph_subscriptions (
    tenant_id uuid not null,
    manager_email text not null check (manager_email = lower(manager_email)),
    mailbox_id text not null,
    subscription_id text not null,
    client_state_hash text not null,
    expires_at timestamptz not null,
    created_at timestamptz not null,
    renewed_at timestamptz not null,
    primary key (tenant_id, manager_email),
    unique (tenant_id, subscription_id)
  )`,

  `create table reminders_sent (
    tenant_id uuid not null,
    dedupe_key text not null,
    activity_type text not null,
    recipient_email text not null check (recipient_email = lower(recipient_email)),
    status text not null check (status in ('sending', 'sent', 'undeliverable')),
    claimed_by text not null,
    claimed_at timestamptz not null,
    finished_at timestamptz,
    failure_code text,
    primary key (tenant_id, dedupe_key),
    check ((status = 'sending') = (finished_at is null))
  )`,
  `create index reminders_sent_by_recipient on reminders_sent (tenant_id, recipient_email, claimed_at)`,

  `create table reminder_opt_outs (
    tenant_id uuid not null,
    person_email text not null check (person_email = lower(person_email)),
    activity_type text not null,
    opted_out_at timestamptz not null,
    primary key (tenant_id, person_email, activity_type)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: PGlite's extended protocol runs a single statement per query.
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
