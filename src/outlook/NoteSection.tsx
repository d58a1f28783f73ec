import { Body1, Button, Subtitle2 } from "@fluentui/react-components";
import { NoteEdit20Regular } from "@fluentui/react-icons";
import { lazy, type ReactElement, type ReactNode, Suspense, useState } from "react";
import type { Note } from "../api/notes.ts";
import { messageOf } from "../ui/api-failure.ts";
import { useSession } from "../ui/app/session.ts";
import { usePromise } from "../ui/app/usePromise.ts";
import { ErrorState, LoadingState } from "../ui/components/PageStates.tsx";
import { useNoteSectionStyles } from "./useNoteSectionStyles.ts";

// The form is the Teams tab's own; it loads when a note is opened, not with the panel.
const NoteForm = lazy(async () => ({
  default: (await import(/* webpackChunkName: "outlook-note" */ "../ui/note-form/NoteForm.tsx")).NoteForm,
}));

type ManagerNoteState =
  | { readonly step: "closed" }
  | { readonly step: "opening" }
  | { readonly step: "open"; readonly note: Note }
  | { readonly step: "failed"; readonly problem: string };

/**
 * The coaching note of this meeting and rep, kept by FieldCoach under the meeting's iCalUId (never in
 * the Outlook item). The manager opens it (created as a draft the first time); the rep sees it once
 * the manager has shared it. An open note carries its own heading.
 */
export function NoteSection(props: {
  readonly iCalUId: string | null;
  readonly rep: string;
  readonly repName: string;
  readonly isManager: boolean;
}): ReactElement {
  const { iCalUId } = props;
  if (iCalUId === null) {
    return (
      <NoteIntro>
        <Body1>Outlook gave this meeting no iCalUId, so FieldCoach cannot keep a note for it.</Body1>
      </NoteIntro>
    );
  }
  return props.isManager ? (
    <ManagerNote iCalUId={iCalUId} rep={props.rep} repName={props.repName} />
  ) : (
    <SharedNote iCalUId={iCalUId} rep={props.rep} />
  );
}

function NoteIntro(props: { readonly children: ReactNode }): ReactElement {
  const styles = useNoteSectionStyles();
  return (
    <section className={styles.section} aria-labelledby="note-heading">
      <Subtitle2 as="h2" id="note-heading" className={styles.heading}>
        Coaching note
      </Subtitle2>
      {props.children}
    </section>
  );
}

function ManagerNote(props: {
  readonly iCalUId: string;
  readonly rep: string;
  readonly repName: string;
}): ReactElement {
  const { api } = useSession();
  const [state, setState] = useState<ManagerNoteState>({ step: "closed" });
  const open = async () => {
    setState({ step: "opening" });
    try {
      const note = await api.call("createNote", { body: { meeting: props.iCalUId, rep: props.rep } });
      setState({ step: "open", note });
    } catch (error) {
      setState({ step: "failed", problem: messageOf(error) });
    }
  };
  if (state.step === "open") return <NoteFormLoader note={state.note} />;
  return (
    <NoteIntro>
      <Body1>
        Write what you observed, how {props.repName} did on the focus behaviours, and what you agreed.
      </Body1>
      {state.step === "failed" ? <ErrorState title="The note did not open" message={state.problem} /> : null}
      <div>
        <Button
          appearance="primary"
          icon={<NoteEdit20Regular />}
          disabled={state.step === "opening"}
          onClick={() => void open()}
        >
          {state.step === "opening" ? "Opening the note…" : "Open the coaching note"}
        </Button>
      </div>
    </NoteIntro>
  );
}

function SharedNote(props: { readonly iCalUId: string; readonly rep: string }): ReactElement {
  const { api } = useSession();
  const [round, setRound] = useState(0);
  const notes = usePromise(`${props.iCalUId}:${props.rep}:${round}`, () =>
    api.call("listNotes", { query: { meeting: props.iCalUId, rep: props.rep } }),
  );
  if (notes.status === "ready" && notes.value.notes[0] !== undefined) {
    return <NoteFormLoader note={notes.value.notes[0]} />;
  }
  return (
    <NoteIntro>
      {notes.status === "loading" ? <LoadingState label="Looking for a shared note…" /> : null}
      {notes.status === "failed" ? (
        <ErrorState
          title="The note did not load"
          message={messageOf(notes.error)}
          onRetry={() => setRound((current) => current + 1)}
        />
      ) : null}
      {notes.status === "ready" ? (
        <Body1>Your manager has not shared a note about this meeting with you yet.</Body1>
      ) : null}
    </NoteIntro>
  );
}

function NoteFormLoader(props: { readonly note: Note }): ReactElement {
  const styles = useNoteSectionStyles();
  return (
    <section className={styles.section} aria-label="Coaching note">
      <Suspense fallback={<LoadingState label="Loading the note…" />}>
        <NoteForm note={props.note} headingLevel="h2" />
      </Suspense>
    </section>
  );
}
