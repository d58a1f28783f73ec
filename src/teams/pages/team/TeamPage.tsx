import type { ReactElement } from "react";
import { PageHeader } from "../../../ui/components/PageHeader.tsx";
import { TeamDashboard } from "./TeamDashboard.tsx";

/** "My team": the signed-in manager's coaching mix. */
export default function TeamPage(): ReactElement {
  return (
    <TeamDashboard
      renderHeader={(windowControl) => (
        <PageHeader
          title="My team"
          description="How you spend coaching time: going to your reps (skill development) or being brought into their deals (sales development)."
          actions={windowControl}
        />
      )}
    />
  );
}
