import {
  Badge,
  Body1,
  Caption1,
  Dropdown,
  Field,
  Link,
  Option,
  Subtitle1,
  Tab,
  TabList,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { DocumentCheckmark24Regular, PeopleTeam24Regular } from "@fluentui/react-icons";
import { type ReactElement, useMemo, useRef, useState } from "react";
import type { ManagerOverview } from "../../../api/executive.ts";
import { messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { DataRow, DataTable } from "../../../ui/components/DataTable.tsx";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { formatDay } from "../../../ui/format/date-format.ts";
import { formatCount, formatHours, formatShare } from "../../../ui/format/number-format.ts";
import { findInOrg } from "../../../ui/org/find-person.ts";
import { routeHref } from "../../../ui/router/route.ts";
import {
  coachingWindow,
  isWindowWeeks,
  WINDOW_CHOICES,
  type WindowWeeks,
} from "../../../ui/window/coaching-window.ts";
import { TeamDashboard } from "../team/TeamDashboard.tsx";
import { useTeamStyles } from "../team/useTeamStyles.ts";

/**
 * "Coaching the coaches" (SPEC §1, §4): every manager below the executive, the quantity and quality of
 * their coaching, and the field-visit reports to review. `#/coaches/<manager>` opens one manager's team.
 */
export default function CoachesPage(props: { readonly managerEmail?: string }): ReactElement {
  const { me } = useSession();
  if (props.managerEmail !== undefined) {
    const manager = props.managerEmail;
    const name = findInOrg(me.reports, manager)?.name ?? manager;
    return (
      <TeamDashboard
        key={manager}
        managerEmail={manager}
        renderHeader={(windowControl) => (
          <PageHeader
            title={`${name}'s team`}
            description={<Link href={routeHref({ page: "coaches" })}>Back to all managers</Link>}
            actions={windowControl}
          />
        )}
      />
    );
  }
  return <Overview />;
}

function Overview(): ReactElement {
  const styles = useTeamStyles();
  const { locale } = useZoned();
  const [weeks, setWeeks] = useState<WindowWeeks>(13);
  const now = useRef(Date.now()).current;
  const window = useMemo(() => coachingWindow(weeks, now), [weeks, now]);
  const overview = useResource(`overview:${window.from}`, (api) =>
    api.call("getExecutiveOverview", { query: window }),
  );
  return (
    <>
      <PageHeader
        title="Coaching the coaches"
        description="How much each of your managers coaches, how well it is written up, and the reports waiting for your review."
        actions={
          <Field label="Window">
            <Dropdown
              value={`Last ${weeks} weeks`}
              selectedOptions={[String(weeks)]}
              onOptionSelect={(_event, data) => {
                const chosen = Number(data.optionValue);
                if (isWindowWeeks(chosen)) setWeeks(chosen);
              }}
            >
              {WINDOW_CHOICES.map((choice) => (
                <Option key={choice} value={String(choice)}>
                  {`Last ${choice} weeks`}
                </Option>
              ))}
            </Dropdown>
          </Field>
        }
      />
      <section className={styles.section} aria-labelledby="managers-heading">
        <Subtitle1 as="h2" id="managers-heading">
          Managers
        </Subtitle1>
        {overview.status === "loading" ? <LoadingState label="Loading your managers' coaching…" /> : null}
        {overview.status === "failed" ? (
          <ErrorState
            title="The overview could not be loaded"
            message={messageOf(overview.error)}
            onRetry={overview.reload}
          />
        ) : null}
        {overview.status === "ready" && overview.data.managers.length === 0 ? (
          <EmptyState icon={<PeopleTeam24Regular />} title="No managers below you">
            Managers appear here once they report to you in the organisation chart.
          </EmptyState>
        ) : null}
        {overview.status === "ready" && overview.data.managers.length > 0 ? (
          <ManagersTable managers={overview.data.managers} locale={locale} />
        ) : null}
      </section>
      <Reports />
    </>
  );
}

function ManagersTable(props: {
  readonly managers: readonly ManagerOverview[];
  readonly locale: string;
}): ReactElement {
  const styles = useTeamStyles();
  const { locale } = props;
  return (
    <DataTable label="Coaching per manager">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Manager</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Coaching ratio</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Field days</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Coverage</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Overdue</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Kept</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Notes in 48 h</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Rated</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Reflections</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>Reviewed</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.managers.map((entry) => (
          <DataRow key={entry.manager.email}>
            <TableCell>
              <div className={styles.repCell}>
                <Link href={routeHref({ page: "coaches", managerEmail: entry.manager.email })}>
                  {entry.manager.name}
                </Link>
                <Caption1 className={styles.muted}>
                  {formatCount(entry.repCount, locale)} reps
                  {entry.depth > 1 ? ` · level ${entry.depth}` : ""}
                </Caption1>
              </div>
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatShare(entry.totals.coachingRatio, locale)}
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatCount(entry.totals.fieldDayCount, locale)}
              <Caption1 className={styles.muted}>
                {" "}
                ({formatHours(entry.totals.fieldDayHours, locale)})
              </Caption1>
            </TableCell>
            <TableCell className={styles.numeric}>{formatShare(entry.coverage.share, locale)}</TableCell>
            <TableCell className={styles.numeric}>
              {entry.overdueReps > 0 ? (
                <Badge color="danger" appearance="filled">
                  {formatCount(entry.overdueReps, locale)}
                </Badge>
              ) : (
                "0"
              )}
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatShare(entry.fieldDaysKept.keptShare, locale)}
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatShare(entry.noteQuality.withNoteWithin48Hours.share, locale)}
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatShare(entry.noteQuality.behavioursRated.share, locale)}
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatShare(entry.noteQuality.reflectionPresent.share, locale)}
            </TableCell>
            <TableCell className={styles.numeric}>
              {formatShare(entry.review.reviewed.share, locale)}
            </TableCell>
          </DataRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

function Reports(): ReactElement {
  const styles = useTeamStyles();
  const zoned = useZoned();
  const [status, setStatus] = useState<"unreviewed" | "all">("unreviewed");
  const reports = useResource(`reports:${status}`, (api) => api.call("listReports", { query: { status } }));
  return (
    <section className={styles.section} aria-labelledby="reports-heading">
      <div className={styles.sectionHeader}>
        <Subtitle1 as="h2" id="reports-heading">
          Field-visit reports
        </Subtitle1>
        <TabList
          size="small"
          selectedValue={status}
          onTabSelect={(_event, data) => setStatus(data.value === "all" ? "all" : "unreviewed")}
          aria-label="Which reports"
        >
          <Tab value="unreviewed">To review</Tab>
          <Tab value="all">All</Tab>
        </TabList>
      </div>
      {reports.status === "loading" ? <LoadingState label="Loading reports…" /> : null}
      {reports.status === "failed" ? (
        <ErrorState
          title="Reports could not be loaded"
          message={messageOf(reports.error)}
          onRetry={reports.reload}
        />
      ) : null}
      {reports.status === "ready" && reports.data.reports.length === 0 ? (
        <EmptyState
          icon={<DocumentCheckmark24Regular />}
          title={status === "unreviewed" ? "All reviewed" : "No reports yet"}
        >
          {status === "unreviewed"
            ? "Every signed-off field-visit report below you has a review comment."
            : "Reports appear here when your managers sign off their field-visit notes."}
        </EmptyState>
      ) : null}
      {reports.status === "ready" && reports.data.reports.length > 0 ? (
        <ul className={styles.meetings} aria-label="Reports">
          {reports.data.reports.map((report) => (
            <li key={report.noteId}>
              <Link href={routeHref({ page: "note", noteId: report.noteId })}>
                {report.manager.name} with {report.rep.name}
              </Link>{" "}
              {report.reviewed ? (
                <Badge appearance="tint" color="success">
                  Reviewed
                </Badge>
              ) : (
                <Badge appearance="tint" color="warning">
                  To review
                </Badge>
              )}
              {report.debriefed ? (
                <Badge appearance="tint" color="brand">
                  Debriefed
                </Badge>
              ) : null}
              <Body1 as="p" block className={styles.muted}>
                {report.meetingStart === null ? "" : `Field day ${formatDay(report.meetingStart, zoned)} · `}
                signed off {formatDay(report.signedOffAt, zoned)} · {report.comments} comments
              </Body1>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
