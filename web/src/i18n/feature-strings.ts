/**
 * Each feature keeps its own wording in `features/<f>/strings.ts` as one typed object per language (vi first).
 * These two helpers are what every such file shares: the hook that picks the interface language's object and
 * re-renders on a language change, and the {{name}} placeholder filler.
 */
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Lang } from './index.ts';

/** Replaces {{name}} placeholders; an unknown placeholder is left as it is. */
export function fmt(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The `useStrings()` hook of a feature: its strings in the interface language, and that language. */
export function stringsHook<S>(all: Record<Lang, S>): () => { s: S; lang: Lang } {
  return function useStrings() {
    useTranslation(); // subscribes to language changes
    const lang = currentLanguage();
    return { s: all[lang], lang };
  };
}
