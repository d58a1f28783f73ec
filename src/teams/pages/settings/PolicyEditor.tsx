import {
  Body1,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Option,
  SpinButton,
  Switch,
  Text,
} from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import type { CadencePolicyDocument, PolicyResponse } from "../../../api/settings.ts";
import { isFailure, messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useZoned } from "../../../ui/app/zone-context.ts";
import { ErrorState } from "../../../ui/components/PageStates.tsx";
import { formatDateTime } from "../../../ui/format/date-format.ts";
import { useSettingsStyles } from "./useSettingsStyles.ts";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
type Weekday = (typeof WEEKDAYS)[number];

/**
 * The tenant's cadence policy (SPEC §5): what is saved, shown with every default filled in. Saving
 * writes only what differs from the defaults the server reports back.
 */
export function PolicyEditor(props: {
  readonly policy: PolicyResponse;
  readonly onSaved: (policy: PolicyResponse) => void;
}): ReactElement {
  const styles = useSettingsStyles();
  const zoned = useZoned();
  const { api } = useSession();
  const effective = props.policy.policy;
  const [document, setDocument] = useState<CadencePolicyDocument>(props.policy.document);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const value = <K extends keyof CadencePolicyDocument>(key: K) =>
    document[key] ?? effective[key as keyof typeof effective];
  const set = (change: Partial<CadencePolicyDocument>) =>
    setDocument((current) => ({ ...current, ...change }));
  const weekdays: readonly Weekday[] = document.preferredWeekdays ?? effective.preferredWeekdays;
  const changed = JSON.stringify(document) !== JSON.stringify(props.policy.document);

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      props.onSaved(await api.call("savePolicy", { ifMatch: props.policy.version, body: { document } }));
    } catch (error) {
      setProblem(
        isFailure(error, "version_conflict")
          ? "Someone else saved the policy meanwhile. Reload the page to see it, then make your change again."
          : messageOf(error),
      );
    } finally {
      setSaving(false);
    }
  };

  const number = (
    label: string,
    key: "halfDayHours" | "maxFieldDaysPerWeek" | "travelBufferMinutes" | "horizonWeeks" | "newHireMonths",
    min: number,
    max: number,
    step = 1,
  ) => (
    <Field label={label}>
      <SpinButton
        min={min}
        max={max}
        step={step}
        value={Number(value(key))}
        onChange={(_event, data) => {
          const next = data.value ?? Number(data.displayValue);
          if (Number.isFinite(next)) set({ [key]: next });
        }}
      />
    </Field>
  );

  return (
    <>
      <div className={styles.grid}>
        <Field label="Field-day length">
          <Dropdown
            value={value("blockLength") === "full-day" ? "Full day" : "Half day"}
            selectedOptions={[String(value("blockLength"))]}
            onOptionSelect={(_event, data) =>
              set({ blockLength: data.optionValue === "full-day" ? "full-day" : "half-day" })
            }
          >
            <Option value="half-day">Half day</Option>
            <Option value="full-day">Full day</Option>
          </Dropdown>
        </Field>
        {number("Half-day length (hours)", "halfDayHours", 1, 12, 0.25)}
        <Field label="Weeks between field days, new hires">
          <SpinButton
            min={1}
            max={52}
            value={document.everyWeeks?.newHire ?? effective.everyWeeks.newHire}
            onChange={(_event, data) => {
              const next = data.value ?? Number(data.displayValue);
              if (Number.isFinite(next)) set({ everyWeeks: { ...document.everyWeeks, newHire: next } });
            }}
          />
        </Field>
        <Field label="Weeks between field days, everyone else">
          <SpinButton
            min={1}
            max={52}
            value={document.everyWeeks?.other ?? effective.everyWeeks.other}
            onChange={(_event, data) => {
              const next = data.value ?? Number(data.displayValue);
              if (Number.isFinite(next)) set({ everyWeeks: { ...document.everyWeeks, other: next } });
            }}
          />
        </Field>
        {number("New hire for (months)", "newHireMonths", 0, 120)}
        {number("Most field days per manager per week", "maxFieldDaysPerWeek", 0, 14)}
        {number("Travel buffer (minutes)", "travelBufferMinutes", 0, 480, 5)}
        {number("Look ahead (weeks)", "horizonWeeks", 1, 8)}
      </div>
      <fieldset className={styles.fieldset}>
        <legend>
          <Text weight="semibold">Preferred days</Text>
        </legend>
        {WEEKDAYS.map((day) => (
          <Checkbox
            key={day}
            label={day[0]!.toUpperCase() + day.slice(1)}
            checked={weekdays.includes(day)}
            onChange={(_event, data) =>
              set({
                preferredWeekdays:
                  data.checked === true
                    ? WEEKDAYS.filter((d) => d === day || weekdays.includes(d))
                    : weekdays.filter((d) => d !== day),
              })
            }
          />
        ))}
      </fieldset>
      <Switch
        checked={Boolean(value("tentativeIsBusy"))}
        onChange={(_event, data) => set({ tentativeIsBusy: data.checked })}
        label="Tentative time counts as busy"
      />
      {problem === undefined ? null : <ErrorState title="The policy was not saved" message={problem} />}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={saving || !changed} onClick={() => void save()}>
          {saving ? "Saving…" : "Save policy"}
        </Button>
        <Body1 className={styles.muted}>
          {props.policy.version === 0
            ? "The defaults apply: nobody has changed the policy yet."
            : `Last changed${props.policy.updatedBy === null ? "" : ` by ${props.policy.updatedBy}`}${
                props.policy.updatedAt === null ? "" : `, ${formatDateTime(props.policy.updatedAt, zoned)}`
              }.`}
        </Body1>
      </div>
    </>
  );
}
