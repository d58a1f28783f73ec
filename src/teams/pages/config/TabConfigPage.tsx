import { Body1, Title2 } from "@fluentui/react-components";
import { pages } from "@microsoft/teams-js";
import { type ReactElement, useEffect } from "react";
import { MEETING_TAB_ENTITY_ID } from "./meeting-tab.ts";
import { useConfigStyles } from "./useConfigStyles.ts";

/**
 * /tab/config: the settings page Teams shows when FieldCoach is added to a meeting. Saving points the
 * tab at /tab, which recognises the meeting side panel and shows that meeting's coaching note. Outside
 * Teams' settings frame, pages.config is not available, so the page only explains itself.
 */
export default function TabConfigPage(props: { readonly inSettingsFrame: boolean }): ReactElement {
  const styles = useConfigStyles();
  useEffect(() => {
    if (!props.inSettingsFrame) return;
    pages.config.registerOnSaveHandler((save) => {
      const base = window.location.origin;
      pages.config
        .setConfig({
          entityId: MEETING_TAB_ENTITY_ID,
          contentUrl: `${base}/tab`,
          websiteUrl: `${base}/tab`,
          suggestedDisplayName: "Coaching note",
        })
        .then(
          () => save.notifySuccess(),
          (error: unknown) =>
            save.notifyFailure(error instanceof Error ? error.message : "FieldCoach could not be added."),
        );
    });
    pages.config.setValidityState(true);
  }, [props.inSettingsFrame]);

  return (
    <main className={styles.root}>
      <Title2 as="h1">Coaching notes in this meeting</Title2>
      <Body1>
        FieldCoach shows the coaching note of this meeting in the side panel: the manager writes it during or
        right after the meeting, and the rep adds their reflection once it is shared. Only the manager, the
        rep and the manager's own managers ever see it.
      </Body1>
      {props.inSettingsFrame ? (
        <Body1>Select Save to add it.</Body1>
      ) : (
        <Body1>
          This page is where Teams sets FieldCoach up in a meeting; open it from a meeting's Apps (+) menu.
        </Body1>
      )}
    </main>
  );
}
