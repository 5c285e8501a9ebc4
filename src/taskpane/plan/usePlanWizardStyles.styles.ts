import { makeStyles, tokens } from "@fluentui/react-components";

export const usePlanWizardStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  nav: {
    display: "flex",
    justifyContent: "space-between",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  summary: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    listStyleType: "none",
  },
  numberCell: { textAlign: "end" },
  narrowInput: { maxWidth: "6rem" },
  headline: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  explanation: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
