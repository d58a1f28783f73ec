import { makeStyles, tokens } from "@fluentui/react-components";

export const useRepPlanStyles = makeStyles({
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)",
    gap: tokens.spacingHorizontalL,
    alignItems: "start",
    "@media (max-width: 900px)": {
      gridTemplateColumns: "minmax(0, 1fr)",
    },
  },
  column: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    "@media (max-width: 640px)": {
      padding: tokens.spacingHorizontalM,
    },
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 200px auto",
    alignItems: "end",
    gap: tokens.spacingHorizontalS,
    "@media (max-width: 640px)": {
      gridTemplateColumns: "minmax(0, 1fr) auto",
    },
  },
  goalRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 160px 150px auto",
    alignItems: "end",
    gap: tokens.spacingHorizontalS,
    "@media (max-width: 720px)": {
      gridTemplateColumns: "1fr 1fr",
    },
  },
  wide: {
    "@media (max-width: 720px)": {
      gridColumn: "1 / -1",
    },
  },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  timeline: {
    display: "flex",
    flexDirection: "column",
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  timelineEntry: {
    display: "grid",
    gridTemplateColumns: "24px minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  timelineIcon: {
    color: tokens.colorBrandForeground1,
    paddingTop: tokens.spacingVerticalXXS,
  },
  /** Fluent's dropdowns are at least 250 px wide; in a grid column they take the column's width. */
  control: {
    minWidth: 0,
    width: "100%",
  },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  numeric: {
    textAlign: "end",
    whiteSpace: "nowrap",
  },
  hiddenInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
  },
});
