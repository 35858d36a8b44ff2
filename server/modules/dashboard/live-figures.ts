/**
 * PAR live figures provided by the dashboard's read model (server/modules/reform/par/live-figures.ts declares the
 * keys): on-time rate, online rate and digitisation rate of the assessed unit's subtree over the period, in % with
 * two decimals, null when the denominator is 0. Units "as then" (the assessment period's own units).
 *
 *   dossiers.on_time_rate   = (early + on time) ÷ (finished + open overdue)
 *   dossiers.online_rate    = received online ÷ received
 *   dossiers.digitised_rate = (dossiers digitised + results digitised) ÷ ((received − nothing to scan) + returned)
 */
import { subtreeIds } from '../accounts/context.ts';
import { registerLiveFigureProvider, type LiveFigureQuery } from '../reform/par/live-figures.ts';
import { figuresOf, totalCounters } from './figures.ts';

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

async function figures(q: LiveFigureQuery) {
  return figuresOf(await totalCounters(q.db, await subtreeIds(q.db, [q.rootUnitId]), q.from, q.to, 'then', new Date()));
}

registerLiveFigureProvider({
  key: 'dossiers.on_time_rate',
  source: 'dossiers',
  unit: 'percent',
  label: { vi: 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn', en: 'Dossiers handled early or on time', fr: 'Dossiers traités en avance ou à temps' },
  compute: async (q) => pct((await figures(q)).onTimeRate),
});
registerLiveFigureProvider({
  key: 'dossiers.online_rate',
  source: 'dossiers',
  unit: 'percent',
  label: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Dossiers received online', fr: 'Dossiers reçus en ligne' },
  compute: async (q) => pct((await figures(q)).onlineRate),
});
registerLiveFigureProvider({
  key: 'dossiers.digitised_rate',
  source: 'dossiers',
  unit: 'percent',
  label: { vi: 'Tỷ lệ số hoá hồ sơ, kết quả giải quyết', en: 'Dossiers and results digitised', fr: 'Dossiers et résultats numérisés' },
  compute: async (q) => {
    const d = (await figures(q)).digitisation;
    const den = d.received - d.nothingToScan + d.returned;
    return den === 0 ? null : pct((d.digitised + d.resultsDigitised) / den);
  },
});
