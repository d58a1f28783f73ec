import { Body1, Button, Persona, Subtitle1, Subtitle2, Switch, Title2 } from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import { messageOf } from "../api-failure.ts";
import type { DemoPerson, DemoSignIn } from "../auth/demo-sign-in.ts";
import { ErrorState, LoadingState } from "../components/PageStates.tsx";
import { useDemoPickerStyles } from "./useDemoPickerStyles.ts";
import { usePromise } from "./usePromise.ts";

const GROUPS = [
  { role: "executive", title: "Executives" },
  { role: "manager", title: "Managers" },
  { role: "rep", title: "Reps" },
] as const;

/**
 * The demo's stand-in for Microsoft sign-in: pick anyone in the demo tenant. Optionally with the
 * administrator role, which the tenant's settings page needs.
 */
export function DemoPicker(props: {
  readonly demo: DemoSignIn;
  readonly onSignedIn: () => void;
}): ReactElement {
  const styles = useDemoPickerStyles();
  const people = usePromise(props.demo, () => props.demo.listPeople());
  const [admin, setAdmin] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const signIn = async (person: DemoPerson) => {
    setBusy(person.objectId);
    setProblem(undefined);
    try {
      await props.demo.signInAs(person.objectId, admin);
      props.onSignedIn();
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(undefined);
    }
  };

  return (
    <main className={styles.root}>
      <div className={styles.intro}>
        <Title2 as="h1">Sign in to the FieldCoach demo</Title2>
        <Body1>
          This is the demo tenant: choose anyone and FieldCoach treats you as that person, as it would after a
          Microsoft sign-in. Nothing here reaches a real Microsoft 365 tenant.
        </Body1>
        <Switch
          checked={admin}
          onChange={(_event, data) => setAdmin(data.checked)}
          label="With the FieldCoach administrator role (tenant settings)"
        />
      </div>
      {problem === undefined ? null : <ErrorState title="Sign-in did not work" message={problem} />}
      {people.status === "loading" ? <LoadingState label="Loading the demo tenant's people…" /> : null}
      {people.status === "failed" ? (
        <ErrorState title="The demo's people could not be loaded" message={messageOf(people.error)} />
      ) : null}
      {people.status === "ready"
        ? GROUPS.map((group) => {
            const members = people.value.filter((person) => person.role === group.role);
            if (members.length === 0) return null;
            return (
              <section key={group.role} className={styles.group} aria-labelledby={`demo-${group.role}`}>
                <Subtitle1 as="h2" id={`demo-${group.role}`}>
                  {group.title}
                </Subtitle1>
                <ul className={styles.people}>
                  {members.map((person) => (
                    <li key={person.objectId}>
                      <Button
                        className={styles.person}
                        appearance="subtle"
                        disabled={busy !== undefined}
                        onClick={() => void signIn(person)}
                      >
                        <Persona
                          name={person.name}
                          secondaryText={
                            person.managerName === null
                              ? person.jobTitle
                              : `${person.jobTitle}, reports to ${person.managerName}`
                          }
                          avatar={{ color: "colorful" }}
                        />
                      </Button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        : null}
      {busy === undefined ? null : <Subtitle2 role="status">Signing in…</Subtitle2>}
    </main>
  );
}
