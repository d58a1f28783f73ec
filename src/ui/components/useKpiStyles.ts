import { makeStyles, tokens } from "@fluentui/react-components";

export const useKpiStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(170px, 1fr))",
    gap: tokens.spacingHorizontalM,
    marginTop: 0,
    marginBottom: tokens.spacingVerticalL,
    padding: 0,
    listStyleType: "none",
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  label: {
    color: tokens.colorNeutralForeground2,
  },
  detail: {
    color: tokens.colorNeutralForeground3,
  },
  attention: {
    color: tokens.colorPaletteRedForeground1,
  },
});
