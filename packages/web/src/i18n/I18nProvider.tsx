import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { Bilingual } from '../api/types.ts';
import type { Lang } from '../format/formatNumber.ts';
import { en } from './en.ts';
import { interpolate } from './interpolate.ts';
import { type MessageKey, type Messages, zh } from './zh.ts';

const CATALOGUES: Record<Lang, Messages> = { zh, en };
const STORAGE_KEY = 'kechuang.lang';

/** What `useT()` gives a component. */
export type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The message for `key` in the current language, `{name}` placeholders filled from `vars`. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** The current language's half of a `{ zh, en }` text from the API. */
  pick: (text: Bilingual | { nameZh: string; nameEn: string } | null | undefined) => string;
};

/** The i18n context; read it with `useT()`. */
export const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  // Chinese first: English only when asked for by `?lang=en`.
  return new URLSearchParams(globalThis.location?.search).get('lang') === 'en' ? 'en' : 'zh';
}

/** Holds the display language (Chinese by default, remembered in localStorage). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = CATALOGUES[lang]['app.title'];
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[lang];
    return {
      lang,
      setLang,
      t: (key, vars) => interpolate(messages[key], vars),
      pick: (text) => {
        if (!text) return '';
        if ('zh' in text) return lang === 'zh' ? text.zh : text.en || text.zh;
        return lang === 'zh' ? text.nameZh : text.nameEn || text.nameZh;
      },
    };
  }, [lang, setLang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}
