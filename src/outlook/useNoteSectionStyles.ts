import { makeStyles, tokens } from "@fluentui/react-components";

export const useNoteSectionStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
});
