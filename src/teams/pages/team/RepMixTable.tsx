import {
  Badge,
  Button,
  Caption1,
  Link,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { RepDashboard } from "../../../api/dashboard.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { DataRow, DataTable } from "../../../ui/components/DataTable.tsx";
import { formatDay } from "../../../ui/format/date-format.ts";
import { formatCount, formatHours, formatShare } from "../../../ui/format/number-format.ts";
import { routeHref } from "../../../ui/router/route.ts";
import { useTeamStyles } from "./useTeamStyles.ts";

/** Each rep's coaching mix over the window, with how long since their last field day and whether it is overdue. */
export function RepMixTable(props: {
  readonly reps: readonly RepDashboard[];
  readonly onShowMeetings: (rep: string) => void;
}): ReactElement {
  const styles = useTeamStyles();
  const zoned = useZoned();
  const { locale } = zoned;
  return (
    <DataTable label="Coaching mix per rep">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Rep</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Skill development</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Field days</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Sales development</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Coaching ratio</TableHeaderCell>
          <TableHeaderCell>Last field day</TableHeaderCell>
          <TableHeaderCell>Meetings</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.reps.map((rep) => (
          <DataRow key={rep.rep.email}>
            <TableCell>
              <div className={styles.repCell}>
                <Link href={routeHref({ page: "rep", email: rep.rep.email })}>{rep.rep.name}</Link>
                <Caption1 className={styles.muted}>{rep.rep.email}</Caption1>
              </div>
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatHours(rep.totals.skillHours, locale)}
              <Caption1 className={styles.muted}> ({formatCount(rep.totals.skillCount, locale)})</Caption1>
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatCount(rep.totals.fieldDayCount, locale)}
              <Caption1 className={styles.muted}> ({formatHours(rep.totals.fieldDayHours, locale)})</Caption1>
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatHours(rep.totals.salesHours, locale)}
              <Caption1 className={styles.muted}> ({formatCount(rep.totals.salesCount, locale)})</Caption1>
            </TableCell>
            <TableCell className={styles.numeric}>{formatShare(rep.totals.coachingRatio, locale)}</TableCell>
            <TableCell>
              <div className={styles.dueCell}>
                <span>
                  {rep.daysSinceLastFieldDay === null
                    ? "Never"
                    : rep.daysSinceLastFieldDay === 1
                      ? "1 day ago"
                      : `${formatCount(rep.daysSinceLastFieldDay, locale)} days ago`}
                </span>
                {rep.overdue ? (
                  <span>
                    <Badge color="danger" appearance="filled">
                      Overdue
                    </Badge>{" "}
                    <Caption1 className={styles.muted}>due {formatDay(rep.dueBy, zoned)}</Caption1>
                  </span>
                ) : (
                  <Caption1 className={styles.muted}>Next due {formatDay(rep.dueBy, zoned)}</Caption1>
                )}
              </div>
            </TableCell>
            <TableCell>
              <Button
                size="small"
                appearance="subtle"
                aria-label={`Show ${rep.rep.name}'s meetings`}
                onClick={() => props.onShowMeetings(rep.rep.email)}
              >
                Show
              </Button>
            </TableCell>
          </DataRow>
        ))}
      </TableBody>
    </DataTable>
  );
}
