import {
  Badge,
  Body1,
  Button,
  Caption1,
  Caption1Strong,
  Link,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Subtitle1,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { CalendarCheckmark24Regular } from "@fluentui/react-icons";
import { type ReactElement, useEffect, useRef, useState } from "react";
import type { Suggestion, SuggestionsResponse } from "../../../api/suggestions.ts";
import { messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { formatDay } from "../../../ui/format/date-format.ts";
import { routeHref } from "../../../ui/router/route.ts";
import { type LocalState, type ShownState, shownSuggestions } from "./suggestion-states.ts";
import { zonedLines } from "./suggestion-zones.ts";
import { useSuggestionsStyles } from "./useSuggestionsStyles.ts";

/**
 * Field-day suggestions (SPEC §5), best first, each with why; booking is one click and shows at once,
 * then settles with the server's answer. `#/suggestions/<id>` opens with that suggestion in focus.
 */
export default function SuggestionsPage(props: { readonly focusId?: string }): ReactElement {
  const styles = useSuggestionsStyles();
  const suggestions = useResource("suggestions", (api) => api.call("listSuggestions", { query: {} }));
  return (
    <>
      <PageHeader
        title="Field days"
        description="Blocks when you and a rep are both free, for the reps due a field day. Days with ordinary customer calls come first."
      />
      {suggestions.status === "loading" ? <LoadingState label="Finding free time for field days…" /> : null}
      {suggestions.status === "failed" ? (
        <ErrorState
          title="Suggestions could not be made"
          message={messageOf(suggestions.error)}
          onRetry={suggestions.reload}
        />
      ) : null}
      {suggestions.status === "ready" ? (
        <SuggestionList data={suggestions.data} focusId={props.focusId} styles={styles} />
      ) : null}
    </>
  );
}

function SuggestionList(props: {
  readonly data: SuggestionsResponse;
  readonly focusId: string | undefined;
  readonly styles: ReturnType<typeof useSuggestionsStyles>;
}): ReactElement {
  const { data, styles } = props;
  const { api } = useSession();
  const zoned = useZoned();
  const [local, setLocal] = useState<ReadonlyMap<string, LocalState>>(new Map());
  const setState = (id: string, state: LocalState) => setLocal((current) => new Map(current).set(id, state));
  const shown = shownSuggestions(data.suggestions, local);
  const unread = data.repCalendars.flatMap((entry) => (entry.read ? [] : [entry]));

  const book = async (suggestion: Suggestion) => {
    setState(suggestion.id, { phase: "booking" });
    try {
      const booked = await api.call("acceptSuggestion", { params: { id: suggestion.id }, body: {} });
      setState(suggestion.id, { phase: "booked", noteId: booked.noteId });
    } catch (error) {
      setState(suggestion.id, { phase: "failed", action: "book", message: messageOf(error) });
    }
  };
  const dismiss = async (suggestion: Suggestion) => {
    setState(suggestion.id, { phase: "dismissing" });
    try {
      await api.call("dismissSuggestion", { params: { id: suggestion.id }, body: {} });
    } catch (error) {
      setState(suggestion.id, { phase: "failed", action: "dismiss", message: messageOf(error) });
    }
  };

  return (
    <>
      {unread.length > 0 ? (
        <section className={styles.section} aria-label="Calendars not read">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <ul>
                {unread.map((entry) => (
                  <li key={entry.rep.email}>
                    Ranked without {entry.rep.name}'s customer calls: {entry.why}.
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        </section>
      ) : null}
      {shown.length === 0 ? (
        <EmptyState icon={<CalendarCheckmark24Regular />} title="No field days to suggest">
          {data.due.length === 0
            ? "Every rep's next field day lies beyond the horizon: nobody is due yet."
            : "Nobody due has a free block shared with you in the horizon that fits the cadence policy."}
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Suggested field days">
          {shown.map(({ suggestion, state }, index) => (
            <li key={suggestion.id}>
              <SuggestionCard
                suggestion={suggestion}
                state={state}
                rank={index + 1}
                linked={suggestion.id === props.focusId}
                lines={zonedLines(suggestion.start, suggestion.end, zoned, [
                  { label: "Your working hours", timeZone: data.zone },
                ])}
                onBook={() => void book(suggestion)}
                onDismiss={() => void dismiss(suggestion)}
              />
            </li>
          ))}
        </ul>
      )}
      {data.unplaceable.length > 0 ? (
        <section className={styles.section} aria-labelledby="unplaceable-heading">
          <Subtitle1 as="h2" id="unplaceable-heading">
            Due, but no block found
          </Subtitle1>
          <ul>
            {data.unplaceable.map((entry) => (
              <li key={entry.rep.email}>
                <Text weight="semibold">{entry.rep.name}</Text>: {entry.why}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.due.length > 0 ? (
        <section className={styles.section} aria-labelledby="due-heading">
          <Subtitle1 as="h2" id="due-heading">
            Due in the next weeks
          </Subtitle1>
          <ul>
            {data.due.map((entry) => (
              <li key={entry.rep.email}>
                <Link href={routeHref({ page: "rep", email: entry.rep.email })}>{entry.rep.name}</Link>: due
                by {formatDay(entry.dueBy, zoned)}
                {entry.lastFieldDay === null
                  ? ", no field day yet"
                  : `, last on ${formatDay(entry.lastFieldDay, zoned)}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function SuggestionCard(props: {
  readonly suggestion: Suggestion;
  readonly state: ShownState;
  readonly rank: number;
  readonly linked: boolean;
  readonly lines: readonly { readonly label: string; readonly text: string }[];
  readonly onBook: () => void;
  readonly onDismiss: () => void;
}): ReactElement {
  const styles = useSuggestionsStyles();
  const { suggestion, state } = props;
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (props.linked) {
      card.current?.scrollIntoView({ block: "center" });
      card.current?.focus();
    }
  }, [props.linked]);
  const headingId = `suggestion-${suggestion.id}`;
  return (
    <article
      ref={card}
      tabIndex={props.linked ? -1 : undefined}
      className={mergeClasses(styles.card, props.linked && styles.linked)}
      aria-labelledby={headingId}
      data-suggestion-id={suggestion.id}
    >
      <div className={styles.cardHeader}>
        <Subtitle2 as="h2" id={headingId}>
          {suggestion.rep.name}
        </Subtitle2>
        {state.phase === "booked" ? (
          <Badge color="success" appearance="filled">
            Booked
          </Badge>
        ) : (
          <Badge appearance="tint" color="informative">
            #{props.rank}
          </Badge>
        )}
      </div>
      <div className={styles.times}>
        {props.lines.map((line) => (
          <div key={line.label}>
            <Caption1Strong block className={styles.muted}>
              {line.label}
            </Caption1Strong>
            <Body1 as="p" block className={styles.time}>
              {line.text}
            </Body1>
          </div>
        ))}
      </div>
      <ul className={styles.reasons} aria-label="Why this block">
        {suggestion.reasons.map((reason) => (
          <li key={reason}>
            <Caption1>{reason}</Caption1>
          </li>
        ))}
      </ul>
      {state.phase === "failed" ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {state.action === "book" ? "Not booked: " : "Not dismissed: "}
            {state.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.phase === "booked" ? (
        <Body1>
          In both calendars, with the category Field day.{" "}
          {state.noteId === undefined ? null : (
            <Link href={routeHref({ page: "note", noteId: state.noteId })}>Open the coaching note</Link>
          )}
        </Body1>
      ) : (
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={state.phase === "booking"} onClick={props.onBook}>
            {state.phase === "booking" ? "Booking…" : "Book field day"}
          </Button>
          <Button disabled={state.phase === "booking"} onClick={props.onDismiss}>
            Dismiss
          </Button>
        </div>
      )}
    </article>
  );
}
