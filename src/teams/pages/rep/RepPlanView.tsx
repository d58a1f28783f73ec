import { Subtitle1 } from "@fluentui/react-components";
import { PersonQuestionMark24Regular } from "@fluentui/react-icons";
import { type ReactElement, type ReactNode, useState } from "react";
import { isFailure, messageOf } from "../../../ui/api-failure.ts";
import { useSession } from "../../../ui/app/session.ts";
import { useResource } from "../../../ui/app/useResource.ts";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../../ui/components/PageStates.tsx";
import { MetricsPanel } from "./MetricsPanel.tsx";
import { PlanEditor } from "./PlanEditor.tsx";
import { Timeline } from "./Timeline.tsx";
import { useRepPlanStyles } from "./useRepPlanStyles.ts";

/**
 * A rep's coaching plan: focus behaviours and goals, their figures, and the timeline (SPEC §7). Kept by
 * the rep's manager; read by the rep and by the managers above.
 */
export function RepPlanView(props: {
  readonly email: string;
  readonly title: (name: string) => string;
  /** More sections for the rep's own view (their notes, their meetings). */
  readonly children?: ReactNode;
}): ReactElement {
  const styles = useRepPlanStyles();
  const { me } = useSession();
  const plan = useResource(`plan:${props.email}`, (api) =>
    api.call("getPlan", { params: { email: props.email } }),
  );
  const behaviours = useResource("behaviours", (api) => api.call("getBehaviours", {}));
  const [savedVersion, setSavedVersion] = useState<number | undefined>();

  if (plan.status === "loading") return <LoadingState label="Loading the plan…" />;
  if (plan.status === "failed") {
    return isFailure(plan.error, "not_found") || isFailure(plan.error, "forbidden") ? (
      <EmptyState icon={<PersonQuestionMark24Regular />} title="This plan is not available">
        A rep's plan is seen by the rep, their manager and the managers above them.
      </EmptyState>
    ) : (
      <ErrorState
        title="The plan could not be loaded"
        message={messageOf(plan.error)}
        onRetry={plan.reload}
      />
    );
  }
  const data = plan.data;
  const isManager = data.manager?.email === me.person.email;
  return (
    <>
      <PageHeader
        title={props.title(data.rep.name)}
        description={
          data.manager === null ? data.rep.email : `${data.rep.email} · coached by ${data.manager.name}`
        }
      />
      <div className={styles.columns}>
        <div className={styles.column}>
          <section className={styles.section} aria-labelledby="plan-heading">
            <Subtitle1 as="h2" id="plan-heading">
              Focus and goals
            </Subtitle1>
            {behaviours.status === "ready" ? (
              <PlanEditor
                key={data.version}
                plan={data}
                library={behaviours.data.behaviours}
                editable={isManager}
                onSaved={(saved) => {
                  setSavedVersion(saved.version);
                  plan.set(() => saved);
                }}
                justSaved={savedVersion === data.version}
              />
            ) : (
              <LoadingState label="Loading the behaviour library…" />
            )}
          </section>
          <section className={styles.section} aria-labelledby="metrics-heading">
            <Subtitle1 as="h2" id="metrics-heading">
              Figures
            </Subtitle1>
            <MetricsPanel plan={data} canImport={isManager} onImported={plan.reload} />
          </section>
          {props.children}
        </div>
        <div className={styles.column}>
          <section className={styles.section} aria-labelledby="timeline-heading">
            <Subtitle1 as="h2" id="timeline-heading">
              Timeline
            </Subtitle1>
            <Timeline entries={data.timeline} />
          </section>
        </div>
      </div>
    </>
  );
}
