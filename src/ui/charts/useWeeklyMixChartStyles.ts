import { makeStyles, tokens } from "@fluentui/react-components";

export const useWeeklyMixChartStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  chart: {
    width: "100%",
    minHeight: "280px",
  },
});
