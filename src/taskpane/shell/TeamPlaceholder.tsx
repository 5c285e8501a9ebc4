import { Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/useI18n";

/** The managers' consolidated view comes with the shared store (sync/); until then, say so. */
export function TeamPlaceholder(): ReactNode {
  const { t } = useI18n();
  return <Text>{t("team.placeholder")}</Text>;
}
