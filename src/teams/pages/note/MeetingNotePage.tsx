import { Link } from "@fluentui/react-components";
import { DocumentDismiss24Regular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { Note } from "../../../api/notes.ts";
import { isFailure, messageOf } from "../../../ui/api-failure.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { NoteForm } from "../../../ui/note-form/NoteForm.tsx";
import { routeHref } from "../../../ui/router/route.ts";

/**
 * `#/meeting/<iCalUId>?rep=<email>`: the note of a meeting and rep, created on first opening (the
 * server returns the existing one when there is). Without a rep, the meeting's notes to choose from.
 */
export default function MeetingNotePage(props: {
  readonly iCalUId: string;
  readonly rep?: string;
}): ReactElement {
  const { iCalUId, rep } = props;
  const notes = useResource(
    `meeting:${iCalUId}:${rep ?? ""}`,
    async (api): Promise<readonly Note[]> =>
      rep === undefined
        ? (await api.call("listNotes", { query: { meeting: iCalUId } })).notes
        : [await api.call("createNote", { body: { meeting: iCalUId, rep } })],
  );
  switch (notes.status) {
    case "loading":
      return <LoadingState label="Opening the meeting's note…" />;
    case "failed":
      return isFailure(notes.error, "not_found") || isFailure(notes.error, "forbidden") ? (
        <EmptyState icon={<DocumentDismiss24Regular />} title="No note for you here">
          Coaching notes belong to a manager and one of their reps. This meeting has none that you can open.
        </EmptyState>
      ) : (
        <ErrorState
          title="The meeting's note could not be opened"
          message={messageOf(notes.error)}
          onRetry={notes.reload}
        />
      );
    case "ready": {
      const [only, ...others] = notes.data;
      if (only !== undefined && others.length === 0) return <NoteForm key={only.id} note={only} />;
      if (only === undefined) {
        return (
          <EmptyState icon={<DocumentDismiss24Regular />} title="No notes for this meeting yet">
            A note is started from the meeting with a rep, in Outlook or from the rep's plan.
          </EmptyState>
        );
      }
      return (
        <>
          <PageHeader title="Notes of this meeting" description="One note per rep. Choose one." />
          <ul>
            {notes.data.map((note) => (
              <li key={note.id}>
                <Link href={routeHref({ page: "note", noteId: note.id })}>{note.rep.name}</Link>
              </li>
            ))}
          </ul>
        </>
      );
    }
  }
}
