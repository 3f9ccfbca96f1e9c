import { useContext } from 'react';
import { type I18n, I18nContext } from './I18nProvider.tsx';

/** The current language, `t(key, vars)` over the message catalogues and `pick({ zh, en })`. */
export function useT(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT() needs an <I18nProvider> above it');
  return i18n;
}
