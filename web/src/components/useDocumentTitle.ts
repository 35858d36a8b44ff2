import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab's title to "<page> — motcua — Một cửa" (screen readers announce it on navigation). */
export function useDocumentTitle(page: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? `${page} — ${t('app.name')}` : t('app.name');
  }, [page, t]);
}
