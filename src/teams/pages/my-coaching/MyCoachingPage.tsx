import { Badge, Body1, Link, Subtitle1 } from "@fluentui/react-components";
import { type ReactElement, useMemo, useRef } from "react";
import { messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { ClassificationCard } from "../../../ui/classification/ClassificationCard.tsx";
import { ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { formatDateTime } from "../../../ui/format/date-format.ts";
import { routeHref } from "../../../ui/router/route.ts";
import { coachingWindow } from "../../../ui/window/coaching-window.ts";
import { RepPlanView } from "../rep/RepPlanView.tsx";
import { useRepPlanStyles } from "../rep/useRepPlanStyles.ts";

const NOTE_STATUS = { draft: "Draft", shared: "Shared with you", "signed-off": "Signed off" } as const;

/** "My coaching": the rep's own plan, the notes shared with them, and how their meetings were classified. */
export default function MyCoachingPage(): ReactElement {
  const { me } = useSession();
  return (
    <RepPlanView email={me.person.email} title={() => "My coaching"}>
      <MyNotes />
      {me.manager === null ? null : <MyMeetings manager={me.manager} />}
    </RepPlanView>
  );
}

function MyNotes(): ReactElement {
  const styles = useRepPlanStyles();
  const zoned = useZoned();
  const { me } = useSession();
  const notes = useResource(`notes-of:${me.person.email}`, (api) =>
    api.call("listNotes", { query: { rep: me.person.email } }),
  );
  return (
    <section className={styles.section} aria-labelledby="my-notes-heading">
      <Subtitle1 as="h2" id="my-notes-heading">
        Coaching notes
      </Subtitle1>
      {notes.status === "loading" ? <LoadingState label="Loading your notes…" /> : null}
      {notes.status === "failed" ? (
        <ErrorState
          title="Your notes could not be loaded"
          message={messageOf(notes.error)}
          onRetry={notes.reload}
        />
      ) : null}
      {notes.status === "ready" && notes.data.notes.length === 0 ? (
        <Body1 className={styles.muted}>No notes have been shared with you yet.</Body1>
      ) : null}
      {notes.status === "ready" && notes.data.notes.length > 0 ? (
        <ul className={styles.list}>
          {notes.data.notes.toReversed().map((note) => (
            <li key={note.id}>
              <Link href={routeHref({ page: "note", noteId: note.id })}>
                {note.meeting.start === null ? "Coaching note" : formatDateTime(note.meeting.start, zoned)}
              </Link>{" "}
              <Badge appearance="tint" color={note.status === "shared" ? "brand" : "success"}>
                {NOTE_STATUS[note.status]}
              </Badge>
              {note.status === "shared" && note.reflection === "" ? (
                <Body1 className={styles.muted}> · waiting for your reflection</Body1>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MyMeetings(props: {
  readonly manager: { readonly email: string; readonly name: string };
}): ReactElement {
  const styles = useRepPlanStyles();
  const { me } = useSession();
  const now = useRef(Date.now()).current;
  const window = useMemo(() => coachingWindow(8, now), [now]);
  const events = useResource(`my-meetings:${window.from}`, (api) =>
    api.call("listEvents", { query: { ...window, manager: props.manager.email, rep: me.person.email } }),
  );
  const nameOf = (email: string) => (email === me.person.email ? me.person.name : email);
  return (
    <section className={styles.section} aria-labelledby="my-meetings-heading">
      <Subtitle1 as="h2" id="my-meetings-heading">
        Your meetings with {props.manager.name}, last 8 weeks
      </Subtitle1>
      {events.status === "loading" ? <LoadingState label="Loading your meetings…" /> : null}
      {events.status === "failed" ? (
        <ErrorState
          title="Your meetings could not be loaded"
          message={messageOf(events.error)}
          onRetry={events.reload}
        />
      ) : null}
      {events.status === "ready" && events.data.events.length === 0 ? (
        <Body1 className={styles.muted}>No meetings with your manager in these weeks.</Body1>
      ) : null}
      {events.status === "ready" && events.data.events.length > 0 ? (
        <ul className={styles.list}>
          {events.data.events
            .toSorted((a, b) => b.start.localeCompare(a.start))
            .map((event) => (
              <li key={event.eventId}>
                <ClassificationCard event={event} nameOf={nameOf} />
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}
