import { Button } from "@fluentui/react-components";
import { PersonKey20Regular } from "@fluentui/react-icons";
import { type ReactElement, type ReactNode, useEffect, useMemo, useState } from "react";
import { createApiClient } from "../api-client.ts";
import { messageOf } from "../api-failure.ts";
import { chooseTokenSource } from "../auth/choose-token-source.ts";
import { type DemoSignIn, isDemoSignIn } from "../auth/demo-sign-in.ts";
import { SignInError } from "../auth/sign-in-error.ts";
import type { TokenSource } from "../auth/token-source.ts";
import { EmptyState, ErrorState, LoadingState } from "../components/PageStates.tsx";
import { deviceTimeZone } from "../format/date-format.ts";
import type { HostInfo } from "../host/host-info.ts";
import { createTransport } from "../http-transport.ts";
import { DemoPicker } from "./DemoPicker.tsx";
import { type Session, SessionContext } from "./session.ts";
import { ZoneContext } from "./zone-context.ts";

type GateState =
  | { readonly step: "starting" }
  | { readonly step: "pick-demo-person"; readonly demo: DemoSignIn }
  | { readonly step: "sign-in"; readonly tokens: TokenSource; readonly problem?: string }
  | { readonly step: "failed"; readonly error: unknown }
  | { readonly step: "ready"; readonly session: Session };

const browserFetch: typeof fetch = (input, init) => window.fetch(input, init);

/**
 * Signs the person in with whatever the host offers, learns who they are (GET /api/me), and only then
 * renders the pages, with the session and the person's locale and time zone around them.
 */
export function SignInGate(props: { readonly host: HostInfo; readonly children: ReactNode }): ReactElement {
  const { host } = props;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<GateState>({ step: "starting" });
  const again = () => setAttempt((current) => current + 1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` restarts sign-in on purpose
  useEffect(() => {
    let current = true;
    const show = (next: GateState) => current && setState(next);
    show({ step: "starting" });
    (async () => {
      const tokens = await chooseTokenSource({
        host,
        storage: window.localStorage,
        fetch: browserFetch,
        now: Date.now,
      });
      try {
        await tokens.getToken();
      } catch (error) {
        if (error instanceof SignInError && error.problem === "interaction-required") {
          show(
            isDemoSignIn(tokens) ? { step: "pick-demo-person", demo: tokens } : { step: "sign-in", tokens },
          );
          return;
        }
        throw error;
      }
      const transport = createTransport({ tokens, fetch: browserFetch });
      const api = createApiClient(transport);
      const me = await api.call("getMe", {});
      show({
        step: "ready",
        session: {
          me,
          transport,
          api,
          tokens,
          signOut: () => {
            tokens.signOut();
            setAttempt((n) => n + 1);
          },
        },
      });
    })().catch((error: unknown) => show({ step: "failed", error }));
    return () => {
      current = false;
    };
  }, [host, attempt]);

  const session = state.step === "ready" ? state.session : undefined;
  const zoned = useMemo(
    () => ({ locale: host.locale, timeZone: session?.me.person.timeZone ?? deviceTimeZone() }),
    [host.locale, session],
  );

  switch (state.step) {
    case "starting":
      return <LoadingState label="Signing you in…" />;
    case "pick-demo-person":
      return <DemoPicker demo={state.demo} onSignedIn={again} />;
    case "sign-in":
      return (
        <SignInPrompt
          problem={state.problem}
          onSignIn={() =>
            state.tokens
              .signIn()
              .then(again, (error: unknown) =>
                setState({ step: "sign-in", tokens: state.tokens, problem: messageOf(error) }),
              )
          }
        />
      );
    case "failed":
      return (
        <main>
          <ErrorState title="FieldCoach could not start" message={messageOf(state.error)} onRetry={again} />
        </main>
      );
    case "ready":
      return (
        <SessionContext.Provider value={state.session}>
          <ZoneContext.Provider value={zoned}>{props.children}</ZoneContext.Provider>
        </SessionContext.Provider>
      );
  }
}

function SignInPrompt(props: {
  readonly problem: string | undefined;
  readonly onSignIn: () => void;
}): ReactElement {
  return (
    <main>
      <EmptyState
        icon={<PersonKey20Regular />}
        title="Sign in to FieldCoach"
        action={
          <Button appearance="primary" onClick={props.onSignIn}>
            Sign in
          </Button>
        }
      >
        FieldCoach needs your permission to read your calendar and your team's free/busy time.
      </EmptyState>
      {props.problem === undefined ? null : (
        <ErrorState title="Sign-in did not work" message={props.problem} />
      )}
    </main>
  );
}
