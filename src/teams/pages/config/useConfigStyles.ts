import { makeStyles, tokens } from "@fluentui/react-components";

export const useConfigStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "640px",
    padding: tokens.spacingHorizontalXL,
  },
});
