import { useContext } from "react";
import { I18nContext } from "./I18nProvider";
import type { I18nValue } from "./I18nProvider";

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error("useI18n must be used inside <I18nProvider>.");
  return value;
}
