import { createContext, useMemo, useState } from "react";
import type { ReactNode } from "react";
import type { Language, MessageKey, Messages } from "./catalogue.types";
import { en } from "./en";
import { fr } from "./fr";
import { formattersFor, localeFor, translate } from "./format";
import type { Formatters, MessageParams } from "./format";

export const catalogues: Readonly<Record<Language, Messages>> = { en, fr };

export interface I18nValue extends Formatters {
  language: Language;
  locale: string;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export const I18nContext = createContext<I18nValue | null>(null);

export interface I18nProviderProps {
  initialLanguage: Language;
  /** The host's language tag (Office or browser), kept for regional number formats. */
  hostTag?: string;
  /** Told the rep's choice of language, to remember it for the next time the pane opens. */
  onLanguageChange?: (language: Language) => void;
  children: ReactNode;
}

export function I18nProvider({
  initialLanguage,
  hostTag,
  onLanguageChange,
  children,
}: I18nProviderProps): ReactNode {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<I18nValue>(() => {
    const locale = localeFor(language, hostTag);
    const messages = catalogues[language];
    return {
      language,
      locale,
      setLanguage: (next) => {
        setLanguageState(next);
        onLanguageChange?.(next);
      },
      t: (key, params) => translate(messages, key, params),
      ...formattersFor(locale),
    };
  }, [language, hostTag, onLanguageChange]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
