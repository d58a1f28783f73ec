import { makeStyles, tokens } from "@fluentui/react-components";

export const useTeamStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    "@media (max-width: 640px)": {
      padding: tokens.spacingHorizontalM,
    },
  },
  /** An h2 that takes focus (the table's "show meetings"), styled like Fluent's Subtitle1. */
  heading: {
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  sectionHeader: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  numeric: {
    textAlign: "end",
    whiteSpace: "nowrap",
  },
  repCell: {
    display: "flex",
    flexDirection: "column",
    minWidth: "140px",
  },
  dueCell: {
    display: "flex",
    flexDirection: "column",
    minWidth: "170px",
    whiteSpace: "nowrap",
  },
  meetings: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  freshness: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    marginBottom: tokens.spacingVerticalS,
  },
  freshnessWarning: {
    marginBottom: tokens.spacingVerticalL,
  },
});
