-- Distributes FieldCoach's tables by tenant on a Citus cluster (Azure Cosmos DB for PostgreSQL, or an
-- elastic cluster of Azure Database for PostgreSQL flexible server). Run it once, as the administrator,
-- after the server's first start has created the tables and before any tenant signs in:
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f infra/citus-distribute.sql
--
-- Every table is keyed by tenant_id, so one tenant's rows share a node and a request, which always names
-- its tenant, runs there; all tables join one colocation group. A table comes after the tables its
-- foreign keys point to, because Citus distributes the target of an existing foreign key but not its
-- source. Kysely's migration bookkeeping (kysely_migration, kysely_migration_lock) has no tenant and
-- stays on the coordinator.

SELECT create_distributed_table('tenants', 'tenant_id');
SELECT create_distributed_table('people', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('reporting_lines', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('sync_state', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('classified_events', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('event_overrides', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('cadence_policies', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('behaviours', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('coaching_plans', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('plan_goals', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('rep_metrics', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('rep_metric_history', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('notes', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('note_versions', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('actions', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('review_comments', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('suggestions', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('audit_log', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('job_leases', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('graph_subscriptions', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('reminders_sent', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('reminder_opt_outs', 'tenant_id', colocate_with => 'tenants');
