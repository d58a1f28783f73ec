import { FluentProvider } from "@fluentui/react-components";
import { type ReactElement, type ReactNode, useEffect, useState } from "react";
import type { HostInfo } from "../host/host-info.ts";
import { fluentThemeFor } from "../theme/fluent-theme.ts";
import { ThemeNameContext } from "../theme/theme-name-context.ts";
import { useGlobalStyles } from "./useGlobalStyles.ts";
import { useHostThemeStyles } from "./useHostThemeStyles.ts";

/** Fluent with the host's theme, switched live when the person changes it in Teams or the system. */
export function HostThemeProvider(props: {
  readonly host: HostInfo;
  readonly children: ReactNode;
}): ReactElement {
  const { host } = props;
  const [theme, setTheme] = useState(host.theme);
  const styles = useHostThemeStyles();
  useGlobalStyles();
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <FluentProvider theme={fluentThemeFor(theme)} lang={host.locale}>
      {/* Not on the provider itself: Fluent copies its classes to every portal (menus, dialogs), and a
          full-height background there would cover the page. */}
      <div className={styles.root}>
        <ThemeNameContext.Provider value={theme}>{props.children}</ThemeNameContext.Provider>
      </div>
    </FluentProvider>
  );
}
