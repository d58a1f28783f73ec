import { Link } from "@fluentui/react-components";
import { ArrowLeft16Regular, CalendarQuestionMark24Regular } from "@fluentui/react-icons";
import { type ReactElement, useMemo } from "react";
import type { ClassifiedEvent } from "../api/events.ts";
import { messageOf } from "../ui/api-failure.ts";
import { useSession } from "../ui/app/session.ts";
import { usePromise } from "../ui/app/usePromise.ts";
import { EmptyState, ErrorState, LoadingState } from "../ui/components/PageStates.tsx";
import { routeHref } from "../ui/router/route.ts";
import { useHashRoute } from "../ui/router/useHashRoute.ts";
import { MeetingPanel } from "./MeetingPanel.tsx";
import { MeetingPicker } from "./MeetingPicker.tsx";
import { calendarScopeOf } from "./meeting-lookup.ts";
import { linkedMeetingWindow } from "./picker-window.ts";
import { standaloneAppointmentHost } from "./standalone-host.ts";

/**
 * The panel in a plain browser: the person's classified meetings to choose from (#/), and the chosen
 * one shown as Outlook would show it (#/meeting/<iCalUId>), through the same panel.
 */
export default function StandalonePanel(): ReactElement {
  const { route } = useHashRoute();
  if (route.page === "meeting") return <LinkedMeeting key={route.iCalUId} iCalUId={route.iCalUId} />;
  return <MeetingPicker />;
}

function LinkedMeeting(props: { readonly iCalUId: string }): ReactElement {
  const { api, me } = useSession();
  const found = usePromise(props.iCalUId, async (): Promise<ClassifiedEvent | undefined> => {
    const scope = calendarScopeOf(me);
    if (scope === undefined) return undefined;
    const answer = await api.call("listEvents", {
      query: { ...linkedMeetingWindow(Date.now()), ...scope, iCalUId: props.iCalUId },
    });
    return answer.events[0];
  });
  const host = useMemo(
    () =>
      found.status === "ready" && found.value !== undefined
        ? standaloneAppointmentHost(found.value)
        : undefined,
    [found],
  );
  const back = (
    <Link href={routeHref({ page: "home" })}>
      <ArrowLeft16Regular aria-hidden="true" /> All meetings
    </Link>
  );
  if (found.status === "loading") return <LoadingState label="Finding the meeting…" />;
  if (found.status === "failed") {
    return <ErrorState title="The meeting did not load" message={messageOf(found.error)} />;
  }
  return (
    <>
      <nav aria-label="Meetings">{back}</nav>
      {host === undefined ? (
        <EmptyState icon={<CalendarQuestionMark24Regular />} title="No such meeting">
          FieldCoach has no classified meeting with this link in your calendar for the last year.
        </EmptyState>
      ) : (
        <MeetingPanel host={host} />
      )}
    </>
  );
}
