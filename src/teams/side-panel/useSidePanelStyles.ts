import { makeStyles, tokens } from "@fluentui/react-components";

/** Teams' meeting side panel is 280 to 320 px wide: one column, the tab's header without its tabs. */
export const useSidePanelStyles = makeStyles({
  brandHeading: {
    margin: 0,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
});
