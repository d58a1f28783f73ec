import { makeStyles, tokens } from "@fluentui/react-components";

export const useTenantSettingsStyles = makeStyles({
  stack: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  /** Wide enough for a domain or a company name, narrow enough for three inputs on a tablet. */
  cellInput: {
    minWidth: "12em",
    width: "100%",
  },
  amountInput: {
    minWidth: "9em",
    width: "100%",
  },
  problems: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  retention: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    gap: tokens.spacingHorizontalM,
  },
});
