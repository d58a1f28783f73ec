import {
  Badge,
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle1,
  Textarea,
  Title2,
} from "@fluentui/react-components";
import { type ReactElement, useEffect, useMemo, useState } from "react";
import type { Note } from "../../api/notes.ts";
import { messageOf } from "../api-failure.ts";
import { useSession } from "../app/session.ts";
import { useResource } from "../app/useResource.ts";
import { useZoned } from "../app/zone-context.ts";
import { KIND_LABELS } from "../classification/classification-labels.ts";
import { ErrorState } from "../components/PageStates.tsx";
import { formatDateTime } from "../format/date-format.ts";
import { ActionDone } from "./ActionDone.tsx";
import { ActionsEditor } from "./ActionsEditor.tsx";
import { statusOf } from "./autosave-state.ts";
import { ConflictDialog } from "./ConflictDialog.tsx";
import { FocusEditor } from "./FocusEditor.tsx";
import { draftBodyOf, noteRoleOf, saveOutcomeOf, versionedNote } from "./note-api.ts";
import type { NoteContent } from "./note-content.ts";
import { ReviewComments } from "./ReviewComments.tsx";
import { SaveIndicator } from "./SaveIndicator.tsx";
import { useAutosave } from "./useAutosave.ts";
import { useNoteFormStyles } from "./useNoteFormStyles.ts";

const STATUS_LABELS = { draft: "Draft", shared: "Shared with the rep", "signed-off": "Signed off" } as const;

/**
 * The coaching note of one meeting and rep (SPEC §6), for whoever opens it: the manager writes it
 * (autosaved, never losing typing), shares it and signs it off; the rep reads it and writes their
 * reflection; executives review it. Used by the Teams tab, the meeting side panel and the Outlook panel.
 */
export function NoteForm(props: { readonly note: Note; readonly headingLevel?: "h1" | "h2" }): ReactElement {
  const styles = useNoteFormStyles();
  const zoned = useZoned();
  const { me, api } = useSession();
  const [note, setNote] = useState(props.note);
  const role = noteRoleOf(note, me.person.email);
  const editable = role === "manager" && note.status !== "signed-off";
  const reflecting = role === "rep" && note.status === "shared";
  const behaviours = useResource("behaviours", (client) => client.call("getBehaviours", {}));
  const library = behaviours.status === "ready" ? behaviours.data.behaviours : [];
  const behaviourName = (id: string) => library.find((behaviour) => behaviour.id === id)?.name ?? id;

  const current = useMemo(() => versionedNote(note), [note]);
  const { state, saver } = useAutosave(note.id, current, (baseVersion, content) =>
    saveOutcomeOf(
      role === "manager"
        ? api.call("saveNote", { params: { id: note.id }, ifMatch: baseVersion, body: draftBodyOf(content) })
        : api.call("saveReflection", {
            params: { id: note.id },
            ifMatch: baseVersion,
            body: { reflection: content.reflection },
          }),
      setNote,
    ),
  );
  const status = statusOf(state);
  const local = state.local;
  const edit = (change: Partial<NoteContent>) => saver.edit({ ...saver.getState().local, ...change });

  const [conflictOpen, setConflictOpen] = useState(false);
  useEffect(() => setConflictOpen(state.conflict !== undefined), [state.conflict]);

  const [transition, setTransition] = useState<{ busy: boolean; problem?: string }>({ busy: false });
  const move = async (route: "shareNote" | "signOffNote") => {
    setTransition({ busy: true });
    const reached = await saver.flush();
    if (reached !== "saved") {
      setTransition({
        busy: false,
        problem: "Your latest changes are not saved yet; once they are, try again.",
      });
      return;
    }
    try {
      setNote(await api.call(route, { params: { id: note.id }, body: {} }));
      setTransition({ busy: false });
    } catch (error) {
      setTransition({ busy: false, problem: messageOf(error) });
    }
  };

  const Heading = props.headingLevel ?? "h1";
  const meeting = [
    note.meeting.kind === null ? "Meeting" : KIND_LABELS[note.meeting.kind],
    note.meeting.start === null ? undefined : formatDateTime(note.meeting.start, zoned),
  ]
    .filter((part) => part !== undefined)
    .join(", ");

  return (
    <div className={styles.form}>
      <div className={styles.header}>
        <div className={styles.titles}>
          <Title2 as={Heading}>Coaching note: {note.rep.name}</Title2>
          <Body1 className={styles.muted}>
            {meeting} · coached by {note.manager.name}
          </Body1>
        </div>
        <div className={styles.statusRow}>
          <Badge
            appearance="tint"
            color={
              note.status === "signed-off" ? "success" : note.status === "shared" ? "brand" : "informative"
            }
          >
            {STATUS_LABELS[note.status]}
          </Badge>
          {editable || reflecting ? (
            <SaveIndicator
              status={status}
              failure={state.failure}
              draftKept={saver.isDraftKept()}
              onRetry={saver.retryNow}
              onReviewConflict={() => setConflictOpen(true)}
            />
          ) : null}
        </div>
      </div>

      {state.mergedFromElsewhere ? (
        <MessageBar intent="info">
          <MessageBarBody>Changes saved elsewhere in the meantime were combined with yours.</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={saver.dismissMergeNotice}>
              OK
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <section className={styles.section} aria-labelledby="note-focus">
        <Subtitle1 as="h2" id="note-focus">
          Focus behaviours
        </Subtitle1>
        <FocusEditor
          focus={local.focus}
          library={library}
          editable={editable}
          onChange={(focus) => edit({ focus })}
        />
      </section>

      <section className={styles.section} aria-labelledby="note-observations">
        <Subtitle1 as="h2" id="note-observations">
          Observations
        </Subtitle1>
        <Field label="What went well" hint={editable ? "What to reinforce." : undefined}>
          <Textarea
            resize="vertical"
            value={local.wentWell}
            readOnly={!editable}
            maxLength={20_000}
            onChange={(_event, data) => edit({ wentWell: data.value })}
          />
        </Field>
        <Field label="Gaps seen" hint={editable ? "What to work on next." : undefined}>
          <Textarea
            resize="vertical"
            value={local.gaps}
            readOnly={!editable}
            maxLength={20_000}
            onChange={(_event, data) => edit({ gaps: data.value })}
          />
        </Field>
      </section>

      {note.carriedActions.length > 0 ? (
        <section className={styles.section} aria-labelledby="note-carried">
          <Subtitle1 as="h2" id="note-carried">
            Follow up from earlier sessions
          </Subtitle1>
          <ul className={styles.list} aria-label="Open actions from earlier sessions">
            {note.carriedActions.map((action) => (
              <li key={action.id}>
                <Body1>{action.text}</Body1>
                {role === "reviewer" ? null : (
                  <ActionDone
                    action={action}
                    onChanged={(changed) =>
                      setNote((latest) => ({
                        ...latest,
                        carriedActions: latest.carriedActions.map((item) =>
                          item.id === changed.id ? changed : item,
                        ),
                      }))
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className={styles.section} aria-labelledby="note-actions">
        <Subtitle1 as="h2" id="note-actions">
          Agreed actions
        </Subtitle1>
        <ActionsEditor
          actions={local.actions}
          saved={note.actions}
          editable={editable}
          canTickOff={role !== "reviewer" && (role === "manager" || note.status !== "draft")}
          repName={note.rep.name}
          onChange={(actions) => edit({ actions })}
          onStatusChanged={(changed) =>
            setNote((latest) => ({
              ...latest,
              actions: latest.actions.map((item) => (item.id === changed.id ? changed : item)),
            }))
          }
        />
      </section>

      <section className={styles.section} aria-labelledby="note-reflection">
        <Subtitle1 as="h2" id="note-reflection">
          {role === "rep" ? "Your reflection" : `${note.rep.name}'s reflection`}
        </Subtitle1>
        {reflecting ? (
          <Field label="How did it go, in your own words?" hint="Your manager sees this with the note.">
            <Textarea
              resize="vertical"
              value={local.reflection}
              maxLength={20_000}
              onChange={(_event, data) => edit({ reflection: data.value })}
            />
          </Field>
        ) : (
          <p className={styles.readOnlyText}>
            {local.reflection !== ""
              ? local.reflection
              : note.status === "draft"
                ? `${note.rep.name} writes this once the note is shared.`
                : "No reflection yet."}
          </p>
        )}
      </section>

      {local.privateNotes !== undefined ? (
        <section className={styles.section} aria-labelledby="note-private">
          <Subtitle1 as="h2" id="note-private">
            Private notes
          </Subtitle1>
          <Field label="Only you see these" hint="Never shown to the rep or to executives.">
            <Textarea
              resize="vertical"
              value={local.privateNotes}
              readOnly={!editable}
              maxLength={20_000}
              onChange={(_event, data) => edit({ privateNotes: data.value })}
            />
          </Field>
        </section>
      ) : null}

      {role !== "rep" && (note.status === "signed-off" || note.reviewComments.length > 0) ? (
        <section className={styles.section} aria-labelledby="note-review">
          <Subtitle1 as="h2" id="note-review">
            Executive review
          </Subtitle1>
          <ReviewComments
            noteId={note.id}
            comments={note.reviewComments}
            canComment={role === "reviewer" && note.status === "signed-off"}
            onAdded={(comment) =>
              setNote((latest) => ({ ...latest, reviewComments: [...latest.reviewComments, comment] }))
            }
          />
        </section>
      ) : null}

      {transition.problem === undefined ? null : (
        <ErrorState title="The note's status did not change" message={transition.problem} />
      )}
      {role === "manager" && note.status === "draft" ? (
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={transition.busy} onClick={() => void move("shareNote")}>
            Share with {note.rep.name}
          </Button>
        </div>
      ) : null}
      {role === "manager" && note.status === "shared" ? (
        <div className={styles.buttons}>
          <SignOffButton busy={transition.busy} onConfirm={() => void move("signOffNote")} />
        </div>
      ) : null}

      {state.conflict === undefined ? null : (
        <ConflictDialog
          open={conflictOpen}
          conflicts={state.conflict.merge.conflicts}
          behaviourName={behaviourName}
          onResolve={(resolutions) => {
            saver.resolveConflict(resolutions);
            setConflictOpen(false);
          }}
          onClose={() => setConflictOpen(false)}
        />
      )}
    </div>
  );
}

function SignOffButton(props: { readonly busy: boolean; readonly onConfirm: () => void }): ReactElement {
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" disabled={props.busy}>
          Sign off
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Sign off this note?</DialogTitle>
          <DialogContent>
            Once signed off, the note no longer changes and your executives can review it as a field-visit
            report.
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Not yet</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={props.onConfirm}>
                Sign off
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
