import {
  Body1,
  Button,
  Caption1,
  Caption1Strong,
  Checkbox,
  Field,
  Textarea,
} from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import type { ReviewComment } from "../../api/notes.ts";
import { messageOf } from "../api-failure.ts";
import { useSession } from "../app/session.ts";
import { useZoned } from "../app/zone-context.ts";
import { ErrorState } from "../components/PageStates.tsx";
import { formatDateTime } from "../format/date-format.ts";
import { useNoteFormStyles } from "./useNoteFormStyles.ts";

/**
 * Executives' review of a signed-off field-visit report ("people respect what you inspect"): the
 * comments so far, and for a reviewer a comment box, optionally recording that the debrief was held.
 */
export function ReviewComments(props: {
  readonly noteId: string;
  readonly comments: readonly ReviewComment[];
  readonly canComment: boolean;
  readonly onAdded: (comment: ReviewComment) => void;
}): ReactElement {
  const styles = useNoteFormStyles();
  const zoned = useZoned();
  const { api } = useSession();
  const [body, setBody] = useState("");
  const [debrief, setDebrief] = useState(false);
  // One id per comment being written, so that a retried post adds it once.
  const [commentId, setCommentId] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const send = async () => {
    setSending(true);
    setProblem(undefined);
    try {
      const comment = await api.call("addReviewComment", {
        params: { noteId: props.noteId },
        body: { id: commentId, body, debrief },
      });
      props.onAdded(comment);
      setBody("");
      setDebrief(false);
      setCommentId(crypto.randomUUID());
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {props.comments.length === 0 ? <Body1 className={styles.muted}>No review comments yet.</Body1> : null}
      <ul className={styles.list} aria-label="Review comments">
        {props.comments.map((comment) => (
          <li key={comment.id} className={styles.comment}>
            <Caption1Strong>
              {comment.author.name}
              {comment.debrief ? " · debrief held" : ""}
            </Caption1Strong>
            <Body1>{comment.body}</Body1>
            <Caption1 className={styles.muted}>{formatDateTime(comment.createdAt, zoned)}</Caption1>
          </li>
        ))}
      </ul>
      {props.canComment ? (
        <>
          <Field label="Your review comment">
            <Textarea
              resize="vertical"
              value={body}
              maxLength={5_000}
              onChange={(_event, data) => setBody(data.value)}
            />
          </Field>
          <Checkbox
            checked={debrief}
            onChange={(_event, data) => setDebrief(data.checked === true)}
            label="I held the debrief with the manager"
          />
          {problem === undefined ? null : <ErrorState title="The comment was not added" message={problem} />}
          <div>
            <Button appearance="primary" disabled={sending || body.trim() === ""} onClick={() => void send()}>
              {sending ? "Adding…" : "Add review comment"}
            </Button>
          </div>
        </>
      ) : null}
    </>
  );
}
