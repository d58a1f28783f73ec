import { Tab, TabList, Text } from "@fluentui/react-components";
import { PeopleTeam24Regular } from "@fluentui/react-icons";
import { lazy, type ReactElement, Suspense, useEffect } from "react";
import { PersonMenu } from "../ui/app/PersonMenu.tsx";
import { useSession } from "../ui/app/session.ts";
import { EmptyState, LoadingState } from "../ui/components/PageStates.tsx";
import { parseRoute, type Route, routeHref } from "../ui/router/route.ts";
import { useHashRoute } from "../ui/router/useHashRoute.ts";
import { homeRouteFor, navItemsFor, selectedNavPage } from "./tab-navigation.ts";
import { useTabShellStyles } from "./useTabShellStyles.ts";

// Each page is its own chunk: the first paint loads the shell and the page it shows, nothing else.
const TeamPage = lazy(() => import(/* webpackChunkName: "page-team" */ "./pages/team/TeamPage.tsx"));
const SuggestionsPage = lazy(
  () => import(/* webpackChunkName: "page-suggestions" */ "./pages/suggestions/SuggestionsPage.tsx"),
);
const RepPlanPage = lazy(() => import(/* webpackChunkName: "page-rep" */ "./pages/rep/RepPlanPage.tsx"));
const NotePage = lazy(() => import(/* webpackChunkName: "page-note" */ "./pages/note/NotePage.tsx"));
const MeetingNotePage = lazy(
  () => import(/* webpackChunkName: "page-note" */ "./pages/note/MeetingNotePage.tsx"),
);
const MyCoachingPage = lazy(
  () => import(/* webpackChunkName: "page-my-coaching" */ "./pages/my-coaching/MyCoachingPage.tsx"),
);
const CoachesPage = lazy(
  () => import(/* webpackChunkName: "page-coaches" */ "./pages/coaches/CoachesPage.tsx"),
);
const SettingsPage = lazy(
  () => import(/* webpackChunkName: "page-settings" */ "./pages/settings/SettingsPage.tsx"),
);

/**
 * The personal tab: a header with the person's pages as tabs, and the page the address names. A Teams
 * deep link's subPageId is a route path and becomes the address's hash on opening.
 */
export function TabApp(props: { readonly subPageId?: string }): ReactElement {
  const styles = useTabShellStyles();
  const { me } = useSession();
  const { route, navigate } = useHashRoute();
  const items = navItemsFor(me.roles);

  useEffect(() => {
    if (window.location.hash === "" && props.subPageId !== undefined) {
      window.location.replace(routeHref(parseRoute(props.subPageId)));
    }
  }, [props.subPageId]);

  const shown: Route = route.page === "home" ? homeRouteFor(me.roles) : route;
  const selected = selectedNavPage(shown, me.roles);

  return (
    <div className={styles.shell}>
      <button type="button" className={styles.skipLink} onClick={skipToMain}>
        Skip to content
      </button>
      <header className={styles.header}>
        <div className={styles.brand}>
          <PeopleTeam24Regular aria-hidden="true" />
          <Text weight="semibold" size={400} className={styles.brandName}>
            FieldCoach
          </Text>
        </div>
        <nav className={styles.nav} aria-label="FieldCoach">
          <TabList
            selectedValue={selected ?? null}
            onTabSelect={(_event, data) => {
              const item = items.find((candidate) => candidate.page === data.value);
              if (item !== undefined) navigate(item.route);
            }}
          >
            {items.map((item) => (
              <Tab key={item.page} value={item.page}>
                {item.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <div className={styles.person}>
          <PersonMenu />
        </div>
      </header>
      <main id="main-content" className={styles.main} tabIndex={-1}>
        <Suspense fallback={<LoadingState label="Loading the page…" />}>
          <Page route={shown} />
        </Suspense>
      </main>
    </div>
  );
}

function Page({ route }: { readonly route: Route }): ReactElement {
  switch (route.page) {
    case "team":
      return <TeamPage />;
    case "suggestions":
      return <SuggestionsPage focusId={route.suggestionId} />;
    case "rep":
      return <RepPlanPage email={route.email} />;
    case "note":
      return <NotePage noteId={route.noteId} />;
    case "meeting":
      return <MeetingNotePage iCalUId={route.iCalUId} rep={route.rep} />;
    case "my-coaching":
      return <MyCoachingPage />;
    case "coaches":
      return <CoachesPage managerEmail={route.managerEmail} />;
    case "settings":
      return <SettingsPage />;
    case "home":
    case "not-found":
      return (
        <EmptyState icon={<PeopleTeam24Regular />} title="There is no such page">
          The link may be old, or the page is not one of yours. Use the tabs above to find your way.
        </EmptyState>
      );
  }
}

/** A button, not a link: the hash holds the route, so "#main-content" would navigate away. */
function skipToMain(): void {
  document.getElementById("main-content")?.focus();
}
