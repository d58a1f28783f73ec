import { createRoot } from "react-dom/client";
import { HostThemeProvider } from "../ui/app/HostThemeProvider.tsx";
import { SignInGate } from "../ui/app/SignInGate.tsx";
import { browserHost } from "../ui/host/browser-host.ts";
import { connectToOffice } from "./connect-to-office.ts";
import { OutlookPanel } from "./OutlookPanel.tsx";

/**
 * The Outlook task pane's entry: find out whether Outlook hosts the page (briefly: the same bundle runs
 * standalone in a browser, and when Office.js could not load), then sign in and show the panel.
 */
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (container === null) throw new Error("outlook.html has no #root element");
  const office = await connectToOffice(window);
  const host = office?.host ?? browserHost(window);
  // Says where the panel runs, for people reading the page's source and for the browser tests.
  document.documentElement.dataset.host = host.kind;
  createRoot(container).render(
    <HostThemeProvider host={host}>
      <SignInGate host={host}>
        <OutlookPanel appointments={office?.appointments} />
      </SignInGate>
    </HostThemeProvider>,
  );
}

void start();
