import { Button, mergeClasses, Text } from "@fluentui/react-components";
import { CalendarQuestionMark24Regular, PeopleTeam24Regular } from "@fluentui/react-icons";
import { type ReactElement, useState } from "react";
import type { ClassifiedEvent } from "../../api/events.ts";
import { MeetingChoice } from "../../outlook/MeetingChoice.tsx";
import { MeetingDetails } from "../../outlook/MeetingDetails.tsx";
import { calendarScopeOf } from "../../outlook/meeting-lookup.ts";
import { messageOf } from "../../ui/api-failure.ts";
import { PersonMenu } from "../../ui/app/PersonMenu.tsx";
import { useSession } from "../../ui/app/session.ts";
import { usePromise } from "../../ui/app/usePromise.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/components/PageStates.tsx";
import { useTabShellStyles } from "../useTabShellStyles.ts";
import { meetingNow, meetingNowWindow } from "./meeting-now.ts";
import { useSidePanelStyles } from "./useSidePanelStyles.ts";

/**
 * FieldCoach in a Teams meeting's side panel: the meeting going on now with its classification, the
 * rep's focus and last actions, and its coaching note, as the Outlook panel shows an open meeting.
 */
export default function SidePanelApp(): ReactElement {
  const shell = useTabShellStyles();
  const styles = useSidePanelStyles();
  return (
    <div className={shell.shell}>
      <header className={shell.header}>
        <h1 className={mergeClasses(shell.brand, styles.brandHeading)}>
          <PeopleTeam24Regular aria-hidden="true" />
          <Text weight="semibold" size={400} className={shell.brandName}>
            FieldCoach
          </Text>
        </h1>
        <div className={shell.person}>
          <PersonMenu />
        </div>
      </header>
      <main className={mergeClasses(shell.main, styles.main)}>
        <MeetingNowPanel />
      </main>
    </div>
  );
}

function MeetingNowPanel(): ReactElement {
  const { api, me } = useSession();
  const [round, setRound] = useState(0);
  const [chosen, setChosen] = useState<ClassifiedEvent | undefined>();
  const [choosing, setChoosing] = useState(false);
  const scope = calendarScopeOf(me);
  const lookup = usePromise(round, async () => {
    if (scope === undefined) return undefined;
    const now = Date.now();
    const answer = await api.call("listEvents", { query: { ...meetingNowWindow(now), ...scope } });
    return { calendarOwner: answer.manager, found: meetingNow(answer.events, now) };
  });
  const again = () => {
    setChosen(undefined);
    setChoosing(false);
    setRound((current) => current + 1);
  };

  if (lookup.status === "loading") return <LoadingState label="Looking for the meeting you are in…" />;
  if (lookup.status === "failed") {
    return (
      <ErrorState
        title="FieldCoach could not look up this meeting"
        message={messageOf(lookup.error)}
        onRetry={again}
      />
    );
  }
  if (lookup.value === undefined) {
    return (
      <EmptyState icon={<PeopleTeam24Regular />} title="No coaching meetings for you here">
        FieldCoach classifies the meetings between managers and their reps. Open FieldCoach from Teams' app
        bar to review the managers you coach.
      </EmptyState>
    );
  }
  const { calendarOwner, found } = lookup.value;
  if (found.kind === "none") {
    return (
      <EmptyState
        icon={<CalendarQuestionMark24Regular />}
        title={
          me.roles.includes("manager") ? "No meeting with your reps now" : "No meeting with your manager now"
        }
        action={<Button onClick={again}>Check again</Button>}
      >
        This panel shows the meeting going on now in the calendar FieldCoach reads, from a quarter of an hour
        before it starts to half an hour after it ends. A meeting booked a moment ago shows up after the next
        sync.
      </EmptyState>
    );
  }
  const event = chosen ?? (found.kind === "found" && !choosing ? found.event : undefined);
  if (event === undefined) {
    return <MeetingChoice candidates={found.candidates} onChoose={setChosen} />;
  }
  return (
    <>
      {found.candidates.length > 1 ? (
        <div>
          <Button
            appearance="subtle"
            onClick={() => {
              setChosen(undefined);
              setChoosing(true);
            }}
          >
            Not this meeting?
          </Button>
        </div>
      ) : null}
      <MeetingDetails key={event.eventId} event={event} calendarOwner={calendarOwner} />
    </>
  );
}
