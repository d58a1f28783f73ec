import { Caption1, Checkbox } from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import type { NoteAction } from "../../api/notes.ts";
import { messageOf } from "../api-failure.ts";
import { useSession } from "../app/session.ts";
import { useNoteFormStyles } from "./useNoteFormStyles.ts";

/** Ticks an action off (or back on) at once, and says why when the server refuses. */
export function ActionDone(props: {
  readonly action: NoteAction;
  readonly onChanged: (action: NoteAction) => void;
}): ReactElement {
  const styles = useNoteFormStyles();
  const { api } = useSession();
  const [pending, setPending] = useState<boolean | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const done = pending ?? props.action.status === "done";

  const change = async (checked: boolean) => {
    setPending(checked);
    setProblem(undefined);
    try {
      const saved = await api.call("setActionStatus", {
        params: { id: props.action.noteId, actionId: props.action.id },
        body: { status: checked ? "done" : "open" },
      });
      props.onChanged(saved);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setPending(undefined);
    }
  };

  return (
    <div>
      <Checkbox
        checked={done}
        disabled={pending !== undefined || props.action.status === "dropped"}
        label={props.action.status === "dropped" ? "Dropped" : "Done"}
        aria-label={`${props.action.status === "dropped" ? "Dropped" : "Done"}: ${props.action.text}`}
        onChange={(_event, data) => void change(data.checked === true)}
      />
      {problem === undefined ? null : (
        <Caption1 role="alert" className={styles.muted}>
          Not changed: {problem}
        </Caption1>
      )}
    </div>
  );
}
