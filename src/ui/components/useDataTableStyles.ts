import { makeStyles, tokens } from "@fluentui/react-components";

export const useDataTableStyles = makeStyles({
  /** Narrower than its table (a phone, the Outlook pane), the box scrolls sideways; the page does not. */
  scroller: {
    overflowX: "auto",
    minWidth: 0,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThin,
    },
  },
  /**
   * Fluent lays tables out at a fixed width with equal columns, which on a narrow screen squeezes the
   * cells until their text runs over the next column; sized to their content, they scroll instead.
   */
  table: {
    tableLayout: "auto",
  },
  /**
   * Fluent shades every row on hover as if it could be chosen; these rows cannot, and on the dark
   * theme's hover shade their links fall below 4.5:1 contrast.
   */
  row: {
    ":hover": { backgroundColor: tokens.colorTransparentBackground },
    ":active": { backgroundColor: tokens.colorTransparentBackground },
  },
});
