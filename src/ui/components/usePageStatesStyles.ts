import { makeStyles, tokens } from "@fluentui/react-components";

export const usePageStatesStyles = makeStyles({
  centered: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalXXXL,
    paddingInline: tokens.spacingHorizontalL,
    textAlign: "center",
  },
  icon: {
    fontSize: "48px",
    color: tokens.colorBrandForeground1,
  },
  body: {
    maxWidth: "44ch",
    color: tokens.colorNeutralForeground2,
  },
});
