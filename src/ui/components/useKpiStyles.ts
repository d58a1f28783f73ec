import { makeStyles, tokens } from "@fluentui/react-components";

export const useKpiStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))",
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
    padding: 0,
    margin: 0,
    listStyleType: "none",
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
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
