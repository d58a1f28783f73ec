import { Text } from "@fluentui/react-components";
import { PeopleTeam24Regular } from "@fluentui/react-icons";
import { lazy, type ReactElement, Suspense } from "react";
import { PersonMenu } from "../ui/app/PersonMenu.tsx";
import { LoadingState } from "../ui/components/PageStates.tsx";
import { MeetingPanel } from "./MeetingPanel.tsx";
import type { AppointmentHost } from "./office-host.ts";
import { useOutlookPanelStyles } from "./useOutlookPanelStyles.ts";

// Only the browser needs the list of meetings to choose from; Outlook opens the panel on one.
const StandalonePanel = lazy(
  () => import(/* webpackChunkName: "outlook-standalone" */ "./StandalonePanel.tsx"),
);

/**
 * The Outlook task pane: the meeting Outlook has open, or outside Outlook (the demo, tests) a meeting
 * the person picks from their classified meetings.
 */
export function OutlookPanel(props: { readonly appointments: AppointmentHost | undefined }): ReactElement {
  const styles = useOutlookPanelStyles();
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1 className={styles.brand}>
          <PeopleTeam24Regular aria-hidden="true" />
          <Text weight="semibold" size={400} className={styles.brandName}>
            FieldCoach
          </Text>
        </h1>
        <PersonMenu />
      </header>
      <main className={styles.main}>
        {props.appointments === undefined ? (
          <Suspense fallback={<LoadingState label="Loading your meetings…" />}>
            <StandalonePanel />
          </Suspense>
        ) : (
          <MeetingPanel host={props.appointments} />
        )}
      </main>
    </div>
  );
}
