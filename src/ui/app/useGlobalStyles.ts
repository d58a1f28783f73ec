import { makeStaticStyles } from "@fluentui/react-components";

/** The page itself: no browser margin around the host's frame, and the theme's background to its edges. */
export const useGlobalStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0 },
  body: { minWidth: "320px" },
});
