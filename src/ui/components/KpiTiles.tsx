import { Caption1, Subtitle2, Title3 } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { useKpiStyles } from "./useKpiStyles.ts";

export interface Kpi {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  /** The figure needs the reader's attention (reps overdue). */
  readonly attention?: boolean;
}

/** The headline figures of a page, as a list that reflows from four across to one. */
export function KpiTiles(props: { readonly label: string; readonly items: readonly Kpi[] }): ReactElement {
  const styles = useKpiStyles();
  return (
    <ul className={styles.grid} aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.label} className={styles.tile}>
          <Subtitle2 as="h2" className={styles.label}>
            {item.label}
          </Subtitle2>
          <Title3 as="p" block className={item.attention === true ? styles.attention : undefined}>
            {item.value}
          </Title3>
          {item.detail === undefined ? null : <Caption1 className={styles.detail}>{item.detail}</Caption1>}
        </li>
      ))}
    </ul>
  );
}
