import { Select } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Language } from "../i18n/catalogue.types";
import { useI18n } from "../i18n/useI18n";
import { useAppStyles } from "./useAppStyles.styles";

export function LanguageSwitch(): ReactNode {
  const { t, language, setLanguage } = useI18n();
  const styles = useAppStyles();
  return (
    <Select
      className={styles.language}
      size="small"
      aria-label={t("app.language")}
      value={language}
      onChange={(_, data) => {
        setLanguage(data.value as Language);
      }}
    >
      <option value="fr">Français</option>
      <option value="en">English</option>
    </Select>
  );
}
