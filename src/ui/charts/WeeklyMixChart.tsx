import { DataVizPalette, getColorFromToken, VerticalStackedBarChart } from "@fluentui/react-charts";
import {
  Switch,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import { DataRow, DataTable } from "../components/DataTable.tsx";
import { formatHours } from "../format/number-format.ts";
import { useThemeName } from "../theme/theme-name-context.ts";
import { useWeeklyMixChartStyles } from "./useWeeklyMixChartStyles.ts";
import { MIX_LEGENDS, type WeekFigures, weekLabel, weeklyMixChartData } from "./weekly-mix-data.ts";

/**
 * Skill against sales development per week, as stacked bars, with the same figures as a table for
 * anyone who prefers or needs one. Loaded on its own, because the chart library is large.
 */
export default function WeeklyMixChart(props: {
  readonly weeks: readonly WeekFigures[];
  readonly locale: string;
  readonly title: string;
}): ReactElement {
  const styles = useWeeklyMixChartStyles();
  const [asTable, setAsTable] = useState(false);
  // The charts' palette, resolved for the theme (its tokens are not CSS variables).
  const dark = useThemeName() !== "light";
  const colors = {
    fieldDays: getColorFromToken(DataVizPalette.color1, dark),
    otherSkill: getColorFromToken(DataVizPalette.color2, dark),
    sales: getColorFromToken(DataVizPalette.color3, dark),
  };
  return (
    <div className={styles.root}>
      <Switch
        checked={asTable}
        onChange={(_event, data) => setAsTable(data.checked)}
        label="Show as a table"
      />
      {asTable ? (
        <DataTable label={props.title}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Week of</TableHeaderCell>
              <TableHeaderCell>{MIX_LEGENDS.fieldDays}</TableHeaderCell>
              <TableHeaderCell>Skill development</TableHeaderCell>
              <TableHeaderCell>{MIX_LEGENDS.sales}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.weeks.map((week) => (
              <DataRow key={week.week}>
                <TableCell>{weekLabel(week.week, props.locale)}</TableCell>
                <TableCell>{formatHours(week.fieldDayHours, props.locale)}</TableCell>
                <TableCell>{formatHours(week.skillHours, props.locale)}</TableCell>
                <TableCell>{formatHours(week.salesHours, props.locale)}</TableCell>
              </DataRow>
            ))}
          </TableBody>
        </DataTable>
      ) : (
        <div className={styles.chart}>
          <VerticalStackedBarChart
            data={weeklyMixChartData(props.weeks, props.locale, colors)}
            chartTitle={props.title}
            height={280}
            barWidth="auto"
            maxBarWidth={40}
            yAxisTitle="Hours"
            hideTickOverlap
            roundCorners
          />
        </div>
      )}
    </div>
  );
}
