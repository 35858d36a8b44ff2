import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api.ts';
import { cached } from '../app/useApi.ts';
import type { UnitKind, UnitKindInfo } from '../app/types.ts';
import { currentLanguage } from '../i18n/index.ts';

const loadKinds = cached(() => api.get<UnitKindInfo[]>('/api/v1/unit-kinds'));

/** Unit kinds with their labels (GET /api/v1/unit-kinds, loaded once), in the interface language. */
export function useUnitKinds() {
  const { i18n } = useTranslation();
  const [kinds, setKinds] = useState<UnitKindInfo[]>([]);
  useEffect(() => {
    loadKinds().then(setKinds).catch(() => undefined);
  }, []);
  return useMemo(() => {
    const lang = currentLanguage();
    const label = (kind: UnitKind | string) => kinds.find((k) => k.kind === kind)?.[lang] ?? kind;
    /**
     * A short form for tags in the tree: the label without its "(until …)" note and before its first comma or
     * slash ('Huyện, quận, thị xã… (đến 30/6/2025)' → 'Huyện'). The full label stays in the tooltip and the detail.
     */
    const shortLabel = (kind: UnitKind | string) =>
      label(kind)
        .replace(/\s*\(.*\)\s*$/, '')
        .split(/\s*[,/]\s*/)[0]
        .trim();
    return { kinds, label, shortLabel };
    // i18n.language: labels follow the language switch
  }, [kinds, i18n.language]);
}
