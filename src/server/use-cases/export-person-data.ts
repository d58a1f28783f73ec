/**
 * An administrator exports everything FieldCoach stores about a person (GET /api/admin/people/:email/export,
 * SPEC §9), audited. A manager's private notes are theirs alone (SPEC §6): in the export of the rep a
 * note is about, they are left out; in the export of the manager who wrote them, they are included.
 */

import type { PersonExportResponse } from "../../api/admin.ts";
import type { RequestContext } from "../request-context.ts";

type Row = Readonly<Record<string, unknown>>;

export async function exportPersonData(
  context: RequestContext,
  email: string,
): Promise<PersonExportResponse> {
  const { store } = context.services;
  const exported = await store.personData.export(context.tenantId, email);
  const othersNotes = new Set(
    exported.tables.notes.filter((row) => row.manager_email !== email).map((row) => String(row.note_id)),
  );
  const tables: Record<string, Row[]> = {};
  for (const [table, rows] of Object.entries(exported.tables)) {
    tables[table] = rows.map((row) => jsonRow(withoutOthersPrivateNotes(table, row, othersNotes)));
  }
  await store.audit.record(
    context.tenantId,
    {
      actor: context.viewer.email ?? context.caller.objectId,
      action: "person.export",
      targetType: "person",
      targetId: email,
      detail: { rows: Object.values(tables).reduce((sum, rows) => sum + rows.length, 0) },
    },
    context.now,
  );
  return { email, exportedAt: new Date(context.now).toISOString(), tables };
}

function withoutOthersPrivateNotes(table: string, row: Row, othersNotes: ReadonlySet<string>): Row {
  if (!othersNotes.has(String(row.note_id))) return row;
  if (table === "notes") {
    const { private_notes: _private, ...rest } = row;
    return rest;
  }
  if (table === "note_versions" && typeof row.content === "object" && row.content !== null) {
    const { privateNotes: _private, ...content } = row.content as Record<string, unknown>;
    return { ...row, content };
  }
  return row;
}

/** Dates as ISO strings and nothing JSON cannot hold. */
function jsonRow(row: Row): Row {
  return JSON.parse(JSON.stringify(row)) as Row;
}
