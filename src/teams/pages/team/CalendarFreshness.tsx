import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { CalendarFreshness as Freshness } from "../../../api/dashboard.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { freshnessNotice } from "./freshness-notice.ts";
import { useTeamStyles } from "./useTeamStyles.ts";

/**
 * How fresh the figures are: a quiet line when the manager's calendar was read, a warning with a way to
 * try again when the latest read failed and the figures are older than they look.
 */
export function CalendarFreshness(props: {
  readonly calendar: Freshness;
  /** Whose calendar, as the sentences name it: "your", "Tomás Ruiz's". */
  readonly whose: string;
  readonly now: number;
  readonly onRetry: () => void;
}): ReactElement {
  const styles = useTeamStyles();
  const at = useZoned();
  const notice = freshnessNotice({ calendar: props.calendar, whose: props.whose, now: props.now, at });
  if (notice.kind === "caption") return <Caption1 className={styles.freshness}>{notice.text}</Caption1>;
  return (
    <MessageBar intent="warning" layout="multiline" role="status" className={styles.freshnessWarning}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.text}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onRetry}>Try again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
