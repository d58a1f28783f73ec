import { Button } from "@fluentui/react-components";
import { CalendarQuestionMark24Regular, PeopleTeam24Regular, Save24Regular } from "@fluentui/react-icons";
import { lazy, type ReactElement, Suspense, useEffect, useState } from "react";
import type { ClassifiedEvent } from "../api/events.ts";
import { messageOf } from "../ui/api-failure.ts";
import { useSession } from "../ui/app/session.ts";
import { usePromise } from "../ui/app/usePromise.ts";
import { EmptyState, ErrorState, LoadingState } from "../ui/components/PageStates.tsx";
import { lookUpMeeting } from "./meeting-lookup.ts";
import { type AppointmentHost, AppointmentReadError } from "./office-host.ts";

// The meeting's parts (the classification card with its correction dialog, the plan, the note) are a
// chunk of their own, fetched while the meeting is read and looked up rather than before the first paint.
const loadMeetingChoice = () => import(/* webpackChunkName: "outlook-meeting" */ "./MeetingChoice.tsx");
const loadMeetingDetails = () => import(/* webpackChunkName: "outlook-meeting" */ "./MeetingDetails.tsx");
const MeetingChoice = lazy(async () => ({ default: (await loadMeetingChoice()).MeetingChoice }));
const MeetingDetails = lazy(async () => ({ default: (await loadMeetingDetails()).MeetingDetails }));

/**
 * The open meeting as FieldCoach sees it: read from the host, looked up in the calendar FieldCoach
 * classifies, then shown; or, when that cannot be done, why not and what would help.
 */
export function MeetingPanel(props: { readonly host: AppointmentHost }): ReactElement {
  const { api, me } = useSession();
  const [round, setRound] = useState(0);
  const [chosen, setChosen] = useState<ClassifiedEvent | undefined>();
  const lookup = usePromise(round, async () => lookUpMeeting(api, me, await props.host.read()));
  useEffect(() => {
    void loadMeetingDetails();
    void loadMeetingChoice();
  }, []);
  const again = () => {
    setChosen(undefined);
    setRound((current) => current + 1);
  };
  const checkAgain = <Button onClick={again}>Check again</Button>;

  if (lookup.status === "loading") return <LoadingState label="Looking up this meeting…" />;
  if (lookup.status === "failed") {
    const error = lookup.error;
    if (error instanceof AppointmentReadError && error.problem !== "office-failed") {
      return (
        <EmptyState icon={<CalendarQuestionMark24Regular />} title="Open a meeting" action={checkAgain}>
          {error.message}
        </EmptyState>
      );
    }
    return (
      <ErrorState
        title="FieldCoach could not look up this meeting"
        message={messageOf(error)}
        onRetry={again}
      />
    );
  }
  const found = lookup.value;
  switch (found.kind) {
    case "unsaved":
      return (
        <EmptyState icon={<Save24Regular />} title="Save the meeting first" action={checkAgain}>
          FieldCoach classifies meetings once they are in your calendar. Save or send this meeting, then check
          again.
        </EmptyState>
      );
    case "not-in-a-team":
      return (
        <EmptyState icon={<PeopleTeam24Regular />} title="No coaching meetings for you here">
          FieldCoach classifies the meetings between managers and their reps. Open the FieldCoach tab in Teams
          to review the managers you coach.
        </EmptyState>
      );
    case "none":
      return (
        <EmptyState
          icon={<CalendarQuestionMark24Regular />}
          title="Not a coaching meeting"
          action={checkAgain}
        >
          {me.roles.includes("manager")
            ? "None of your reps takes part in this meeting as FieldCoach last read your calendar. A meeting saved a moment ago shows up after the next sync."
            : "FieldCoach has no meeting between you and your manager at this time."}
        </EmptyState>
      );
    case "choose":
    case "found": {
      const event = found.kind === "found" ? found.event : chosen;
      return (
        <Suspense fallback={<LoadingState label="Looking up this meeting…" />}>
          {event === undefined ? (
            <MeetingChoice
              candidates={found.kind === "choose" ? found.candidates : []}
              onChoose={setChosen}
            />
          ) : (
            <MeetingDetails key={event.eventId} event={event} calendarOwner={found.calendarOwner} />
          )}
        </Suspense>
      );
    }
  }
}
