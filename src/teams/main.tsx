import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { HostThemeProvider } from "../ui/app/HostThemeProvider.tsx";
import { SignInGate } from "../ui/app/SignInGate.tsx";
import { LoadingState } from "../ui/components/PageStates.tsx";
import { browserHost } from "../ui/host/browser-host.ts";
import { TabApp } from "./TabApp.tsx";
import { connectToTeams } from "./teams-host.ts";

const TabConfigPage = lazy(
  () => import(/* webpackChunkName: "page-tab-config" */ "./pages/config/TabConfigPage.tsx"),
);
const SidePanelApp = lazy(() => import(/* webpackChunkName: "side-panel" */ "./side-panel/SidePanelApp.tsx"));

/**
 * The Teams tab's entry: find out whether Teams hosts the page (briefly: the same bundle runs
 * standalone), then render the configuration page, the meeting side panel or the personal tab (also
 * what a meeting's chat and details tabs show).
 */
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (container === null) throw new Error("tab.html has no #root element");
  const root = createRoot(container);
  const teams = await connectToTeams();
  const host = teams?.host ?? browserHost(window);
  const place = teams?.place;

  const page = (() => {
    if (window.location.pathname.endsWith("/tab/config")) {
      return <TabConfigPage inSettingsFrame={place?.frameContext === "settings"} />;
    }
    return (
      <SignInGate host={host}>
        {place?.frameContext === "sidePanel" ? (
          <SidePanelApp />
        ) : (
          <TabApp {...(place?.subPageId === undefined ? {} : { subPageId: place.subPageId })} />
        )}
      </SignInGate>
    );
  })();

  root.render(
    <HostThemeProvider host={host}>
      <Suspense fallback={<LoadingState label="Loading FieldCoach…" />}>{page}</Suspense>
    </HostThemeProvider>,
  );
}

void start();
