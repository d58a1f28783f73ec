import { Body1, Title2 } from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { usePageHeaderStyles } from "./usePageHeaderStyles.ts";

/** A page's one h1, what the page is for, and its controls (window, filters). */
export function PageHeader(props: {
  readonly title: string;
  readonly description?: ReactNode;
  readonly actions?: ReactNode;
}): ReactElement {
  const styles = usePageHeaderStyles();
  return (
    <div className={styles.root}>
      <div className={styles.titles}>
        <Title2 as="h1">{props.title}</Title2>
        {props.description === undefined ? null : (
          <Body1 className={styles.description}>{props.description}</Body1>
        )}
      </div>
      {props.actions === undefined ? null : <div className={styles.actions}>{props.actions}</div>}
    </div>
  );
}
