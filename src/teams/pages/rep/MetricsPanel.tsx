import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ArrowUpload16Regular } from "@fluentui/react-icons";
import { type ReactElement, useRef, useState } from "react";
import type { CsvProblem } from "../../../api/metrics-csv.ts";
import type { MetricChange, PlanResponse } from "../../../api/plans.ts";
import { isFailure, messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { DataRow, DataTable } from "../../../ui/components/DataTable.tsx";
import { KpiTiles } from "../../../ui/components/KpiTiles.tsx";
import { formatCalendarDate } from "../../../ui/format/date-format.ts";
import { isRecord } from "../../../ui/is-record.ts";
import { formatMetric, METRIC_LABELS, METRIC_ORDER } from "./metric-labels.ts";
import { useRepPlanStyles } from "./useRepPlanStyles.ts";

type Import =
  | { readonly step: "idle" }
  | { readonly step: "checked"; readonly file: string; readonly text: string; readonly values: number }
  | { readonly step: "problems"; readonly file: string; readonly problems: readonly CsvProblem[] }
  | { readonly step: "importing" }
  | { readonly step: "done"; readonly values: number; readonly changed: number }
  | { readonly step: "failed"; readonly message: string };

/**
 * The rep's figures beside the coaching (SPEC §1, §7): the latest of each, their history, and an import
 * from CSV that is checked in the page before anything is sent.
 */
export function MetricsPanel(props: {
  readonly plan: PlanResponse;
  readonly canImport: boolean;
  readonly onImported: () => void;
}): ReactElement {
  const styles = useRepPlanStyles();
  const { locale } = useZoned();
  const { api } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<Import>({ step: "idle" });
  const history = props.plan.timeline.flatMap((entry): MetricChange[] =>
    entry.kind === "metric" ? [entry.change] : [],
  );
  const latest = METRIC_ORDER.flatMap((metric) => {
    const value = props.plan.metrics.find((candidate) => candidate.metric === metric);
    return value === undefined
      ? []
      : [
          {
            label: METRIC_LABELS[metric],
            value: formatMetric(metric, value.value, locale),
            detail: `As of ${formatCalendarDate(value.asOf, locale)}`,
          },
        ];
  });

  const check = async (file: File) => {
    // The parser (and the schema library it uses) loads only when someone imports.
    const { parseMetricsCsv } = await import(
      /* webpackChunkName: "metrics-csv" */ "../../../api/metrics-csv.ts"
    );
    const text = await file.text();
    const parsed = parseMetricsCsv(text);
    setState(
      parsed.ok
        ? { step: "checked", file: file.name, text, values: parsed.values.length }
        : { step: "problems", file: file.name, problems: parsed.problems },
    );
  };

  const upload = async (text: string) => {
    setState({ step: "importing" });
    try {
      const result = await api.call("importMetrics", { params: { email: props.plan.rep.email }, body: text });
      setState({ step: "done", values: result.values, changed: result.changed });
      props.onImported();
    } catch (error) {
      if (isFailure(error, "csv_invalid") && Array.isArray(error.body.problems)) {
        setState({ step: "problems", file: "The file", problems: error.body.problems.filter(isProblem) });
      } else {
        setState({ step: "failed", message: messageOf(error) });
      }
    }
  };

  return (
    <>
      {latest.length === 0 ? (
        <Body1 className={styles.muted}>No figures yet.</Body1>
      ) : (
        <KpiTiles label="Latest figures" items={latest} />
      )}
      {props.canImport ? (
        <div className={styles.buttons}>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            className={styles.hiddenInput}
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = "";
              if (file !== undefined) void check(file);
            }}
          />
          <Button icon={<ArrowUpload16Regular />} onClick={() => input.current?.click()}>
            Import figures from CSV
          </Button>
          <Caption1 className={styles.muted}>
            date,pipeline,proposals,deals-closed,pipeline-value,closed-value
          </Caption1>
        </div>
      ) : null}
      <ImportState
        state={state}
        onUpload={(text) => void upload(text)}
        onCancel={() => setState({ step: "idle" })}
      />
      {history.length === 0 ? null : (
        <DataTable label="History of the figures">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>As of</TableHeaderCell>
              <TableHeaderCell>Figure</TableHeaderCell>
              <TableHeaderCell className={styles.numeric}>Value</TableHeaderCell>
              <TableHeaderCell className={styles.numeric}>Before</TableHeaderCell>
              <TableHeaderCell>Source</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.map((change) => (
              <DataRow key={`${change.metric}:${change.asOf}:${change.recordedAt}`}>
                <TableCell>{formatCalendarDate(change.asOf, locale)}</TableCell>
                <TableCell>{METRIC_LABELS[change.metric]}</TableCell>
                <TableCell className={styles.numeric}>
                  {formatMetric(change.metric, change.value, locale)}
                </TableCell>
                <TableCell className={styles.numeric}>
                  {change.previousValue === null
                    ? "–"
                    : formatMetric(change.metric, change.previousValue, locale)}
                </TableCell>
                <TableCell>{change.source === "csv" ? "CSV import" : "Entered"}</TableCell>
              </DataRow>
            ))}
          </TableBody>
        </DataTable>
      )}
    </>
  );
}

function ImportState(props: {
  readonly state: Import;
  readonly onUpload: (text: string) => void;
  readonly onCancel: () => void;
}): ReactElement | null {
  const { state } = props;
  switch (state.step) {
    case "idle":
      return null;
    case "checked":
      return (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{state.file}</MessageBarTitle>
            {state.values} figures are ready to import.{" "}
            <Button size="small" appearance="primary" onClick={() => props.onUpload(state.text)}>
              Import
            </Button>{" "}
            <Button size="small" onClick={props.onCancel}>
              Cancel
            </Button>
          </MessageBarBody>
        </MessageBar>
      );
    case "problems":
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{state.file} was not imported</MessageBarTitle>
            <ul>
              {state.problems.map((problem) => (
                <li key={`${problem.line}:${problem.column ?? ""}:${problem.message}`}>
                  Line {problem.line}
                  {problem.column === null ? "" : `, ${problem.column}`}: {problem.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      );
    case "importing":
      return (
        <MessageBar intent="info">
          <MessageBarBody>Importing…</MessageBarBody>
        </MessageBar>
      );
    case "done":
      return (
        <MessageBar intent="success">
          <MessageBarBody>
            Imported {state.values} figures, {state.changed} of them new or changed.
          </MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>Not imported: {state.message}</MessageBarBody>
        </MessageBar>
      );
  }
}

function isProblem(value: unknown): value is CsvProblem {
  return (
    isRecord(value) &&
    typeof value.line === "number" &&
    (value.column === null || typeof value.column === "string") &&
    typeof value.message === "string"
  );
}
