import { makeStyles, tokens } from "@fluentui/react-components";

/** The task pane is about 320 px wide: one column, small margins, nothing side by side that must not wrap. */
export const useOutlookPanelStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorBrandForeground1,
    margin: 0,
  },
  brandName: {
    color: tokens.colorNeutralForeground1,
  },
  main: {
    flexGrow: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    width: "100%",
    maxWidth: "640px",
    marginInline: "auto",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
  },
});
