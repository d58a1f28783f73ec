import { makeStaticStyles } from "@fluentui/react-components";

/** The page itself: no browser margins around the host's frame or between blocks. */
export const useGlobalStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0 },
  body: { minWidth: "320px" },
  // Spacing comes from the layouts' gaps, not from the browser's default margins.
  "h1, h2, h3, h4, p, ul, ol": { marginBlock: 0 },
});
