import { Dropdown, Field, Option, Subtitle2 } from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import type { ClassifiedEvent, OverrideBody } from "../api/events.ts";
import { useSession } from "../ui/app/session.ts";
import { ClassificationCard } from "../ui/classification/ClassificationCard.tsx";
import { NoteSection } from "./NoteSection.tsx";
import { nameLookup } from "./people-names.ts";
import { RepCoaching } from "./RepCoaching.tsx";
import { useMeetingDetailsStyles } from "./useMeetingDetailsStyles.ts";

/**
 * One classified meeting: how FieldCoach classified it and why (the manager whose calendar it is may
 * correct it), then, for a rep in it, their focus behaviours, the actions agreed last time and the
 * coaching note of this meeting.
 */
export function MeetingDetails(props: {
  readonly event: ClassifiedEvent;
  /** Whose calendar the classification comes from; only they may correct it. */
  readonly calendarOwner: string;
}): ReactElement {
  const styles = useMeetingDetailsStyles();
  const { me, api } = useSession();
  const [event, setEvent] = useState(props.event);
  const nameOf = nameLookup(me);
  const isManager = me.person.email === props.calendarOwner;
  const reps = isManager ? event.reps : event.reps.filter((rep) => rep === me.person.email);
  const [rep, setRep] = useState(reps[0]);
  const { iCalUId } = event;

  const override =
    isManager && iCalUId !== null
      ? async (body: OverrideBody) => {
          const answer = await api.call("setOverride", { params: { iCalUId }, body });
          const fresh = answer.events.find((copy) => copy.eventId === event.eventId) ?? answer.events[0];
          if (fresh !== undefined) setEvent(fresh);
        }
      : undefined;

  return (
    <>
      <section className={styles.section} aria-labelledby="classification-heading">
        <Subtitle2 as="h2" id="classification-heading" className={styles.heading}>
          How FieldCoach sees this meeting
        </Subtitle2>
        <ClassificationCard
          event={event}
          nameOf={nameOf}
          {...(override === undefined ? {} : { onOverride: override })}
        />
      </section>
      {reps.length > 1 ? (
        <Field label="Rep">
          <Dropdown
            value={rep === undefined ? "" : nameOf(rep)}
            selectedOptions={rep === undefined ? [] : [rep]}
            onOptionSelect={(_event, data) => setRep(data.optionValue)}
          >
            {reps.map((email) => (
              <Option key={email} value={email}>
                {nameOf(email)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
      {rep === undefined ? null : (
        <>
          <RepCoaching
            key={`coaching:${rep}`}
            rep={rep}
            repName={nameOf(rep)}
            self={rep === me.person.email}
            before={event.start}
          />
          <NoteSection
            key={`note:${rep}`}
            iCalUId={iCalUId}
            rep={rep}
            repName={nameOf(rep)}
            isManager={isManager}
          />
        </>
      )}
    </>
  );
}
