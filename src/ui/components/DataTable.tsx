import { mergeClasses, Table, TableRow, type TableRowProps } from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { useDataTableStyles } from "./useDataTableStyles.ts";

/**
 * A table of figures: its columns as wide as their content, in a box that scrolls sideways when the
 * screen is narrower. The box is a named region, focusable so that the keyboard can scroll it too.
 */
export function DataTable(props: { readonly label: string; readonly children: ReactNode }): ReactElement {
  const styles = useDataTableStyles();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className={styles.scroller} aria-label={props.label} tabIndex={0}>
      <Table size="small" aria-label={props.label} className={styles.table}>
        {props.children}
      </Table>
    </section>
  );
}

/** A row of a data table: it shows figures and links, and is not itself something to choose. */
export function DataRow(props: TableRowProps): ReactElement {
  const styles = useDataTableStyles();
  return <TableRow {...props} className={mergeClasses(styles.row, props.className)} />;
}
