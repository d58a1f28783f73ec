import { Subtitle1 } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { useTeamStyles } from "../team/useTeamStyles.ts";
import { BehavioursEditor } from "./BehavioursEditor.tsx";
import { PolicyEditor } from "./PolicyEditor.tsx";
import { TenantSettingsSection } from "./TenantSettingsEditor.tsx";

/** Tenant settings: the cadence policy (executives and admins) and the behaviour library (admins). */
export default function SettingsPage(): ReactElement {
  const styles = useTeamStyles();
  const { me } = useSession();
  const isAdmin = me.roles.includes("admin");
  const policy = useResource("policy", (api) => api.call("getPolicy", {}));
  const behaviours = useResource("behaviours", (api) => api.call("getBehaviours", {}));
  return (
    <>
      <PageHeader title="Settings" description="How FieldCoach works for your whole organisation." />
      <section className={styles.section} aria-labelledby="policy-heading">
        <Subtitle1 as="h2" id="policy-heading">
          Field-day cadence
        </Subtitle1>
        {policy.status === "loading" ? <LoadingState label="Loading the cadence policy…" /> : null}
        {policy.status === "failed" ? (
          <ErrorState
            title="The policy could not be loaded"
            message={messageOf(policy.error)}
            onRetry={policy.reload}
          />
        ) : null}
        {policy.status === "ready" ? (
          <PolicyEditor
            key={policy.data.version}
            policy={policy.data}
            onSaved={(saved) => policy.set(() => saved)}
          />
        ) : null}
      </section>
      <section className={styles.section} aria-labelledby="behaviours-heading">
        <Subtitle1 as="h2" id="behaviours-heading">
          Behaviour library
        </Subtitle1>
        {behaviours.status === "loading" ? <LoadingState label="Loading the behaviour library…" /> : null}
        {behaviours.status === "failed" ? (
          <ErrorState
            title="The library could not be loaded"
            message={messageOf(behaviours.error)}
            onRetry={behaviours.reload}
          />
        ) : null}
        {behaviours.status === "ready" ? (
          <BehavioursEditor
            library={behaviours.data}
            editable={isAdmin}
            onSaved={(saved) => behaviours.set(() => saved)}
          />
        ) : null}
      </section>
      {isAdmin ? <TenantSettingsSection className={styles.section} /> : null}
    </>
  );
}
