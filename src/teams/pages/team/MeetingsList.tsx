import { Body1, Button, Dropdown, Field, Option } from "@fluentui/react-components";
import { CalendarEmpty24Regular } from "@fluentui/react-icons";
import { type ReactElement, useState } from "react";
import type { ClassifiedEvent, OverrideBody } from "../../../api/events.ts";
import { ClassificationCard } from "../../../ui/classification/ClassificationCard.tsx";
import { DEVELOPMENT_LABELS } from "../../../ui/classification/classification-labels.ts";
import { EmptyState } from "../../../ui/components/PageStates.tsx";
import { useTeamStyles } from "./useTeamStyles.ts";

const PAGE_SIZE = 25;
const ALL = "all";
type DevelopmentFilter = ClassifiedEvent["development"] | typeof ALL;

/**
 * The meetings behind the figures, newest first, each with its reasons; the manager may correct any of
 * them. Filters narrow to one rep (from the table) or one kind of development.
 */
export function MeetingsList(props: {
  readonly events: readonly ClassifiedEvent[];
  readonly reps: readonly { readonly email: string; readonly name: string }[];
  readonly rep: string;
  readonly onRepChange: (rep: string) => void;
  readonly onOverride?: (event: ClassifiedEvent, override: OverrideBody) => Promise<void>;
}): ReactElement {
  const styles = useTeamStyles();
  const [development, setDevelopment] = useState<DevelopmentFilter>(ALL);
  const [shown, setShown] = useState(PAGE_SIZE);
  const names = new Map(props.reps.map((rep) => [rep.email, rep.name]));
  const nameOf = (email: string) => names.get(email) ?? email;
  const matching = props.events
    .filter((event) => event.development !== "none" || development === "none")
    .filter((event) => props.rep === ALL || event.reps.includes(props.rep))
    .filter((event) => development === ALL || event.development === development)
    .toSorted((a, b) => b.start.localeCompare(a.start));

  return (
    <>
      <div className={styles.filters}>
        <Field label="Rep">
          <Dropdown
            value={props.rep === ALL ? "Everyone" : nameOf(props.rep)}
            selectedOptions={[props.rep]}
            onOptionSelect={(_event, data) => {
              props.onRepChange(data.optionValue ?? ALL);
              setShown(PAGE_SIZE);
            }}
          >
            <Option value={ALL}>Everyone</Option>
            {props.reps.map((rep) => (
              <Option key={rep.email} value={rep.email}>
                {rep.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Development">
          <Dropdown
            value={development === ALL ? "Skill and sales" : DEVELOPMENT_LABELS[development]}
            selectedOptions={[development]}
            onOptionSelect={(_event, data) => {
              const value = data.optionValue;
              setDevelopment(value === "skill" || value === "sales" || value === "none" ? value : ALL);
              setShown(PAGE_SIZE);
            }}
          >
            <Option value={ALL}>Skill and sales</Option>
            <Option value="skill">{DEVELOPMENT_LABELS.skill}</Option>
            <Option value="sales">{DEVELOPMENT_LABELS.sales}</Option>
            <Option value="none">{DEVELOPMENT_LABELS.none}</Option>
          </Dropdown>
        </Field>
      </div>
      {matching.length === 0 ? (
        <EmptyState icon={<CalendarEmpty24Regular />} title="No meetings here">
          No meetings in this window match these filters. Try a longer window or another rep.
        </EmptyState>
      ) : (
        <>
          <Body1 className={styles.muted} aria-live="polite">
            {matching.length === 1 ? "1 meeting" : `${matching.length} meetings`}
          </Body1>
          <ul className={styles.meetings} aria-label="Meetings">
            {matching.slice(0, shown).map((event) => (
              <li key={event.eventId}>
                <ClassificationCard
                  event={event}
                  nameOf={nameOf}
                  {...(props.onOverride === undefined
                    ? {}
                    : { onOverride: (override: OverrideBody) => props.onOverride!(event, override) })}
                />
              </li>
            ))}
          </ul>
          {matching.length > shown ? (
            <Button onClick={() => setShown((count) => count + PAGE_SIZE)}>
              Show {Math.min(PAGE_SIZE, matching.length - shown)} more
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
