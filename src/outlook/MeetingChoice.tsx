import { Body1, Button, Subtitle2 } from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { ClassifiedEvent } from "../api/events.ts";
import { useSession } from "../ui/app/session.ts";
import { useZoned } from "../ui/app/zone-context.ts";
import { ClassificationCard } from "../ui/classification/ClassificationCard.tsx";
import { formatRange } from "../ui/format/date-format.ts";
import { nameLookup } from "./people-names.ts";
import { useMeetingChoiceStyles } from "./useMeetingChoiceStyles.ts";

/** Several classified meetings could be the open one: the person says which, FieldCoach does not guess. */
export function MeetingChoice(props: {
  readonly candidates: readonly ClassifiedEvent[];
  readonly onChoose: (event: ClassifiedEvent) => void;
}): ReactElement {
  const styles = useMeetingChoiceStyles();
  const { me } = useSession();
  const zoned = useZoned();
  const nameOf = nameLookup(me);
  return (
    <section className={styles.section} aria-labelledby="choose-heading">
      <Subtitle2 as="h2" id="choose-heading" className={styles.heading}>
        Which meeting is this?
      </Subtitle2>
      <Body1>
        FieldCoach found more than one meeting at this time in the calendar it reads. Choose the one you have
        open.
      </Body1>
      <ul className={styles.list}>
        {props.candidates.map((event) => (
          <li key={event.eventId} className={styles.item}>
            <ClassificationCard event={event} nameOf={nameOf} />
            <Button
              onClick={() => props.onChoose(event)}
              aria-label={`This one: ${formatRange(event.start, event.end, zoned)}`}
            >
              This one
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
