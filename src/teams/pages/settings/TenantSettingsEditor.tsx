import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  SpinButton,
  Subtitle1,
  Subtitle2,
  Switch,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from "@fluentui/react-components";
import {
  Add16Regular,
  ArrowExport16Regular,
  ArrowImport16Regular,
  Delete16Regular,
} from "@fluentui/react-icons";
import { type ReactElement, useState } from "react";
import type { TenantSettings, TenantSettingsResponse } from "../../../api/settings.ts";
import { isFailure, messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { DataRow, DataTable } from "../../../ui/components/DataTable.tsx";
import { ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { downloadCsv } from "../../../ui/csv/download-csv.ts";
import { formatDateTime } from "../../../ui/format/date-format.ts";
import {
  type AccountRow,
  amountOf,
  checkAccountRows,
  MAX_ACCOUNTS,
  mergeImported,
  rowOf,
} from "./account-rows.ts";
import { parseAccountsCsv } from "./accounts-csv.ts";
import { ACCOUNTS_CSV_FILE_NAME, writeAccountsCsv } from "./accounts-csv-export.ts";
import { useSettingsStyles } from "./useSettingsStyles.ts";
import { useTenantSettingsStyles } from "./useTenantSettingsStyles.ts";

const EMPTY_ROW: AccountRow = { domain: "", name: "", openPipeline: "" };

/** The Settings page's section for administrators: loads the tenant settings and edits them. */
export function TenantSettingsSection(props: { readonly className: string }): ReactElement {
  const tenant = useResource("tenant-settings", (api) => api.call("getTenantSettings", {}));
  return (
    <section className={props.className} aria-labelledby="tenant-settings-heading">
      <Subtitle1 as="h2" id="tenant-settings-heading">
        Tenant settings
      </Subtitle1>
      {tenant.status === "loading" ? <LoadingState label="Loading the tenant settings…" /> : null}
      {tenant.status === "failed" ? (
        <ErrorState
          title="The tenant settings could not be loaded"
          message={messageOf(tenant.error)}
          onRetry={tenant.reload}
        />
      ) : null}
      {tenant.status === "ready" ? (
        <TenantSettingsEditor
          key={tenant.data.version}
          tenant={tenant.data}
          onSaved={(saved) => tenant.set(() => saved)}
        />
      ) : null}
    </section>
  );
}

/**
 * What administrators set for the whole tenant (SPEC §2, §3, §9): the customer accounts and the
 * open pipeline that makes a customer call a big deal, how long coaching records are kept, and whether
 * FieldCoach reads reps' own calendars. Saved as a whole over the version read.
 */
export function TenantSettingsEditor(props: {
  readonly tenant: TenantSettingsResponse;
  readonly onSaved: (tenant: TenantSettingsResponse) => void;
}): ReactElement {
  const styles = useSettingsStyles();
  const own = useTenantSettingsStyles();
  const zoned = useZoned();
  const { api } = useSession();
  const saved = props.tenant.settings;
  const [threshold, setThreshold] = useState(String(saved.bigDealThreshold));
  const [rows, setRows] = useState<readonly AccountRow[]>(saved.accounts.map(rowOf));
  const [keepMonths, setKeepMonths] = useState<number | null>(saved.retentionMonths);
  const [months, setMonths] = useState(saved.retentionMonths ?? 24);
  const [readRepCalendars, setReadRepCalendars] = useState(saved.readRepCalendars);
  const [csv, setCsv] = useState("");
  const [csvProblems, setCsvProblems] = useState<readonly string[]>([]);
  const [imported, setImported] = useState<number | undefined>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const checked = checkAccountRows(rows);
  const bigDealThreshold = amountOf(threshold);
  const settings: TenantSettings | undefined =
    bigDealThreshold === undefined || checked.problems.length > 0
      ? undefined
      : { bigDealThreshold, accounts: checked.accounts, retentionMonths: keepMonths, readRepCalendars };
  const changed = settings !== undefined && JSON.stringify(settings) !== JSON.stringify(saved);

  const updateRow = (index: number, change: Partial<AccountRow>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const importCsv = () => {
    const parsed = parseAccountsCsv(csv);
    if (!parsed.ok) {
      setCsvProblems(parsed.problems);
      setImported(undefined);
      return;
    }
    setRows(mergeImported(rows, parsed.accounts));
    setCsv("");
    setCsvProblems([]);
    setImported(parsed.accounts.length);
  };

  const save = async () => {
    if (settings === undefined) return;
    setSaving(true);
    setProblem(undefined);
    try {
      props.onSaved(
        await api.call("saveTenantSettings", { ifMatch: props.tenant.version, body: { settings } }),
      );
    } catch (error) {
      setProblem(
        isFailure(error, "version_conflict")
          ? "Someone else saved the tenant settings meanwhile. Reload the page to see them, then make your change again."
          : messageOf(error),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={own.stack}>
      <div className={styles.grid}>
        <Field
          label="Big-deal threshold"
          hint="A customer call with an account whose open pipeline is at least this is a big deal."
          validationMessage={bigDealThreshold === undefined ? "Enter an amount such as 1000000." : undefined}
        >
          <Input
            inputMode="decimal"
            value={threshold}
            onChange={(_event, data) => setThreshold(data.value)}
          />
        </Field>
      </div>

      <Subtitle2 as="h3">Customer accounts</Subtitle2>
      <Caption1 className={styles.muted}>
        Meetings with people of an account's domain, or of a subdomain of it, are calls with that account.
        {props.tenant.verifiedDomains.length === 0
          ? ""
          : ` Your organisation's own domains are never accounts: ${props.tenant.verifiedDomains.join(", ")}.`}
      </Caption1>
      {rows.length === 0 ? (
        <Body1 className={styles.muted}>No accounts yet: no customer call is a big deal.</Body1>
      ) : (
        <DataTable label="Customer accounts">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Domain</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Open pipeline</TableHeaderCell>
              <TableHeaderCell>
                <span className={styles.muted}>Remove</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, index) => {
              const label = row.domain.trim() === "" ? `account ${index + 1}` : row.domain.trim();
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until their domain is typed
                <DataRow key={index}>
                  <TableCell>
                    <Input
                      className={own.cellInput}
                      aria-label={`Domain of ${label}`}
                      value={row.domain}
                      maxLength={253}
                      onChange={(_event, data) => updateRow(index, { domain: data.value })}
                    />
                  </TableCell>
                  <TableCell>
                    <Input
                      className={own.cellInput}
                      aria-label={`Name of ${label}`}
                      value={row.name}
                      maxLength={200}
                      onChange={(_event, data) => updateRow(index, { name: data.value })}
                    />
                  </TableCell>
                  <TableCell>
                    <Input
                      className={own.amountInput}
                      aria-label={`Open pipeline of ${label}`}
                      inputMode="decimal"
                      value={row.openPipeline}
                      onChange={(_event, data) => updateRow(index, { openPipeline: data.value })}
                    />
                  </TableCell>
                  <TableCell>
                    <Button
                      appearance="subtle"
                      icon={<Delete16Regular />}
                      aria-label={`Remove ${label}`}
                      onClick={() => setRows(rows.filter((_, at) => at !== index))}
                    />
                  </TableCell>
                </DataRow>
              );
            })}
          </TableBody>
        </DataTable>
      )}
      <Problems intent="warning" title="Correct these accounts to save" problems={checked.problems} />
      <div className={styles.buttons}>
        <Button
          icon={<Add16Regular />}
          disabled={rows.length >= MAX_ACCOUNTS}
          onClick={() => setRows([...rows, EMPTY_ROW])}
        >
          Add account
        </Button>
        <Caption1 className={styles.muted}>
          {rows.length === 1 ? "1 account" : `${rows.length} accounts`}
        </Caption1>
      </div>
      <Field
        label="Paste accounts as CSV"
        hint="One domain,name,openPipeline line each, as copied from a spreadsheet; an account replaces the one of the same domain. Export as CSV writes the saved accounts in this form."
      >
        <Textarea resize="vertical" value={csv} onChange={(_event, data) => setCsv(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button icon={<ArrowImport16Regular />} disabled={csv.trim() === ""} onClick={importCsv}>
          Import accounts
        </Button>
        <Button
          icon={<ArrowExport16Regular />}
          disabled={saved.accounts.length === 0}
          onClick={() => downloadCsv(ACCOUNTS_CSV_FILE_NAME, writeAccountsCsv(saved.accounts))}
        >
          Export as CSV
        </Button>
        {imported === undefined ? null : (
          <Text role="status">
            {imported === 1 ? "1 account imported" : `${imported} accounts imported`}; save to keep them.
          </Text>
        )}
      </div>
      <Problems intent="error" title="Nothing was imported" problems={csvProblems} />

      <Subtitle2 as="h3">Retention</Subtitle2>
      <div className={own.retention}>
        <Field label="Keep coaching records">
          <RadioGroup
            value={keepMonths === null ? "forever" : "months"}
            onChange={(_event, data) => setKeepMonths(data.value === "forever" ? null : months)}
          >
            <Radio value="forever" label="For ever" />
            <Radio value="months" label="For a number of months after their meeting" />
          </RadioGroup>
        </Field>
        <Field label="Months">
          <SpinButton
            min={1}
            max={120}
            value={months}
            disabled={keepMonths === null}
            onChange={(_event, data) => {
              const next = data.value ?? Number(data.displayValue);
              if (Number.isInteger(next) && next >= 1 && next <= 120) {
                setMonths(next);
                setKeepMonths(next);
              }
            }}
          />
        </Field>
      </div>
      <Caption1 className={styles.muted}>
        Notes with their actions and comments, classified meetings, suggestions and reminders of meetings that
        ended longer ago are deleted within a day.
      </Caption1>

      <Subtitle2 as="h3">Reps' calendars</Subtitle2>
      <Switch
        checked={readRepCalendars}
        onChange={(_event, data) => setReadRepCalendars(data.checked)}
        label="Read reps' own calendars"
      />
      <Caption1 className={styles.muted}>
        This needs the application permission Calendars.Read, granted by an administrator, scoped with
        Exchange Online RBAC for Applications to the mailboxes of your reps.
      </Caption1>

      {problem === undefined ? null : <ErrorState title="The settings were not saved" message={problem} />}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={saving || !changed} onClick={() => void save()}>
          {saving ? "Saving…" : "Save tenant settings"}
        </Button>
        <Body1 className={styles.muted}>
          {props.tenant.version === 0
            ? "No administrator has changed these settings yet."
            : `Last changed${props.tenant.updatedBy === null ? "" : ` by ${props.tenant.updatedBy}`}${
                props.tenant.updatedAt === null ? "" : `, ${formatDateTime(props.tenant.updatedAt, zoned)}`
              }.`}
        </Body1>
      </div>
    </div>
  );
}

/** The first ten problems, and how many more there are; nothing when there are none. */
function Problems(props: {
  readonly intent: "warning" | "error";
  readonly title: string;
  readonly problems: readonly string[];
}): ReactElement | null {
  const own = useTenantSettingsStyles();
  if (props.problems.length === 0) return null;
  return (
    <MessageBar intent={props.intent}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <ul className={own.problems}>
          {props.problems.slice(0, 10).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
        {props.problems.length > 10 ? `And ${props.problems.length - 10} more.` : null}
      </MessageBarBody>
    </MessageBar>
  );
}
