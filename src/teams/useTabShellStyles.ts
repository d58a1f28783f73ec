import { makeStyles, tokens } from "@fluentui/react-components";

export const useTabShellStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
  },
  header: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    gridTemplateAreas: '"brand nav person"',
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 640px)": {
      gridTemplateColumns: "1fr auto",
      gridTemplateAreas: '"brand person" "nav nav"',
      paddingInline: tokens.spacingHorizontalS,
    },
  },
  brand: {
    gridArea: "brand",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    color: tokens.colorBrandForeground1,
  },
  brandName: {
    color: tokens.colorNeutralForeground1,
  },
  nav: {
    gridArea: "nav",
    minWidth: 0,
    overflowX: "auto",
  },
  person: {
    gridArea: "person",
  },
  main: {
    flexGrow: 1,
    width: "100%",
    maxWidth: "1280px",
    marginInline: "auto",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    "@media (max-width: 640px)": {
      padding: tokens.spacingHorizontalS,
    },
  },
  skipLink: {
    position: "absolute",
    left: "-10000px",
    ":focus": {
      left: tokens.spacingHorizontalS,
      top: tokens.spacingVerticalS,
      zIndex: 1,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
    },
  },
});
