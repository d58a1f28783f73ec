import { makeStyles, tokens } from "@fluentui/react-components";

export const useNoteFormStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  titles: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  /** Fluent's dropdowns are at least 250 px wide; in a grid column they take the column's width. */
  control: {
    minWidth: 0,
    width: "100%",
  },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
  statusRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    "@media (max-width: 640px)": {
      padding: tokens.spacingHorizontalM,
    },
  },
  behaviour: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  behaviourHeading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  /** The four ratings side by side when they fit, on two lines on a phone. */
  ratings: {
    flexWrap: "wrap",
  },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  actionRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 140px 160px auto",
    alignItems: "end",
    gap: tokens.spacingHorizontalS,
    "@media (max-width: 720px)": {
      gridTemplateColumns: "1fr 1fr",
    },
  },
  actionText: {
    "@media (max-width: 720px)": {
      gridColumn: "1 / -1",
    },
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  comment: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: "pre-wrap",
  },
  readOnlyText: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    margin: 0,
  },
});
