import { DocumentDismiss24Regular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { isFailure, messageOf } from "../../../ui/api-failure.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { EmptyState, ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { NoteForm } from "../../../ui/note-form/NoteForm.tsx";

/** `#/note/<id>`: one coaching note, for whoever may see it. */
export default function NotePage(props: { readonly noteId: string }): ReactElement {
  const note = useResource(`note:${props.noteId}`, (api) =>
    api.call("getNote", { params: { id: props.noteId } }),
  );
  switch (note.status) {
    case "loading":
      return <LoadingState label="Loading the note…" />;
    case "failed":
      return isFailure(note.error, "not_found") || isFailure(note.error, "bad_request") ? (
        <EmptyState icon={<DocumentDismiss24Regular />} title="This note is not available">
          It does not exist, or it is not shared with you. Notes are seen by the manager who wrote them, the
          rep once shared, and the manager's own managers.
        </EmptyState>
      ) : (
        <ErrorState
          title="The note could not be loaded"
          message={messageOf(note.error)}
          onRetry={note.reload}
        />
      );
    case "ready":
      return <NoteForm key={note.data.id} note={note.data} />;
  }
}
