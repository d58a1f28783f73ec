import { Button, Caption1, mergeClasses, Spinner } from "@fluentui/react-components";
import {
  CheckmarkCircle16Regular,
  CloudOff16Regular,
  Edit16Regular,
  ErrorCircle16Regular,
  Warning16Regular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { SaveFailure, SaveStatus } from "./autosave-state.ts";
import { useSaveIndicatorStyles } from "./useSaveIndicatorStyles.ts";

/**
 * The note's save state in words, announced politely to screen readers: the person always knows
 * whether what they typed is safe, and what to do when it is not.
 */
export function SaveIndicator(props: {
  readonly status: SaveStatus;
  readonly failure: SaveFailure | undefined;
  readonly draftKept: boolean;
  readonly onRetry: () => void;
  readonly onReviewConflict: () => void;
}): ReactElement {
  const styles = useSaveIndicatorStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite" data-save-status={props.status}>
      {content()}
    </div>
  );

  function content(): ReactElement {
    switch (props.status) {
      case "saved":
        return (
          <>
            <CheckmarkCircle16Regular className={styles.good} aria-hidden="true" />
            <Caption1>All changes saved</Caption1>
          </>
        );
      case "saving":
        return (
          <>
            <Spinner size="extra-tiny" aria-hidden="true" />
            <Caption1>Saving…</Caption1>
          </>
        );
      case "unsaved":
        return (
          <>
            <Edit16Regular aria-hidden="true" />
            <Caption1>
              {props.draftKept ? "Unsaved changes, kept on this device" : "Unsaved changes"}
            </Caption1>
          </>
        );
      case "offline":
        return (
          <>
            <CloudOff16Regular className={styles.warning} aria-hidden="true" />
            <Caption1 className={styles.warning}>
              {props.draftKept
                ? "Offline: your changes are kept on this device and saved when you reconnect."
                : "Offline: keep this page open until your changes are saved."}
            </Caption1>
            <Button size="small" appearance="subtle" onClick={props.onRetry}>
              Retry now
            </Button>
          </>
        );
      case "failed":
        return (
          <>
            <ErrorCircle16Regular className={styles.bad} aria-hidden="true" />
            <Caption1 className={styles.bad}>
              Not saved:{" "}
              {props.failure?.kind === "rejected" ? props.failure.message : "the server refused it."}
            </Caption1>
            <Button size="small" appearance="subtle" onClick={props.onRetry}>
              Try again
            </Button>
          </>
        );
      case "conflict":
        return (
          <>
            <Warning16Regular className={mergeClasses(styles.warning)} aria-hidden="true" />
            <Caption1 className={styles.warning}>Someone else changed this note too.</Caption1>
            <Button size="small" appearance="primary" onClick={props.onReviewConflict}>
              Compare versions
            </Button>
          </>
        );
    }
  }
}
