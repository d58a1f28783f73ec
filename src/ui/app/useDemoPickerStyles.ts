import { makeStyles, tokens } from "@fluentui/react-components";

export const useDemoPickerStyles = makeStyles({
  root: {
    maxWidth: "960px",
    marginInline: "auto",
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  intro: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  people: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))",
    gap: tokens.spacingHorizontalS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  person: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    paddingBlock: tokens.spacingVerticalS,
    minHeight: "56px",
  },
});
