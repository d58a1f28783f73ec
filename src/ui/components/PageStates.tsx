import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { usePageStatesStyles } from "./usePageStatesStyles.ts";

/** Shown while a page's data loads; the label is announced to screen readers. */
export function LoadingState({ label }: { readonly label: string }): ReactElement {
  const styles = usePageStatesStyles();
  return (
    <div className={styles.centered}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}

/** What went wrong, in the server's words, with a way to try again when trying again can help. */
export function ErrorState(props: {
  readonly title: string;
  readonly message: string;
  readonly onRetry?: () => void;
}): ReactElement {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.message}
      </MessageBarBody>
      {props.onRetry === undefined ? null : (
        <MessageBarActions>
          <Button onClick={props.onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Nothing to show yet: says why, and what would fill the page. */
export function EmptyState(props: {
  readonly icon: ReactElement;
  readonly title: string;
  readonly children: ReactNode;
  readonly action?: ReactNode;
}): ReactElement {
  const styles = usePageStatesStyles();
  return (
    <div className={styles.centered}>
      <span className={styles.icon} aria-hidden="true">
        {props.icon}
      </span>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      <Body1 className={styles.body}>{props.children}</Body1>
      {props.action}
    </div>
  );
}
