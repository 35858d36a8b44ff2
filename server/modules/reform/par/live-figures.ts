/**
 * Live figures: numbers motcua computes from its own rows for a PAR criterion (training classes, dossiers on
 * time, satisfaction …), shown beside the score and attachable as evidence. Each figure comes from a provider
 * registered under a key; a criterion names the key (`par_criteria.live_figure_key`).
 *
 * The module that owns the data provides the figure. Training figures are computed here (reform/training); the
 * dossier figures are registered by the dashboard module (from its rollups), `feedback.on_time_rate` and
 * `satisfaction.rate` by their modules. The list below DECLARES them too, so a criterion can name a key whose
 * module is not loaded (a figure without `compute` answers `not_available`).
 */
import type { Db } from '../../../db/client.ts';
import type { Lang3 } from '../reform.kinds.ts';
import { eIdFigureProviders } from '../summary/eid.ts';
import { trainingFigureProviders } from '../training/training.figures.ts';

/** Whose figure and over which period: the assessed unit and everything below it, between two dates. */
export interface LiveFigureQuery {
  db: Db;
  rootUnitId: string;
  from: string;
  to: string;
}

export interface LiveFigureProvider {
  key: string;
  label: Lang3;
  unit: 'count' | 'percent';
  /** The module that owns the data ('training', 'dossiers', …). */
  source: string;
  /** Absent: declared, not yet available. Returns null when the figure has no meaning (e.g. a rate over 0 dossiers). */
  compute?: (q: LiveFigureQuery) => Promise<number | null>;
}

export interface LiveFigureValue {
  key: string;
  label: Lang3;
  unit: 'count' | 'percent';
  source: string;
  status: 'available' | 'not_available' | 'unknown';
  value: number | null;
  period: { from: string; to: string } | null;
}

const registry = new Map<string, LiveFigureProvider>();

/** Adds or replaces a provider (a module replaces a declared placeholder by registering the same key). */
export function registerLiveFigureProvider(p: LiveFigureProvider): void {
  registry.set(p.key, p);
}

/** Declared for criteria about dossiers, feedback and satisfaction: provided later by the dossier module. */
const DECLARED: LiveFigureProvider[] = [
  { key: 'dossiers.on_time_rate', source: 'dossiers', unit: 'percent', label: { vi: 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn', en: 'Dossiers handled early or on time', fr: 'Dossiers traités en avance ou à temps' } },
  { key: 'dossiers.online_rate', source: 'dossiers', unit: 'percent', label: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Dossiers received online', fr: 'Dossiers reçus en ligne' } },
  { key: 'dossiers.digitised_rate', source: 'dossiers', unit: 'percent', label: { vi: 'Tỷ lệ số hoá hồ sơ, kết quả giải quyết', en: 'Dossiers and results digitised', fr: 'Dossiers et résultats numérisés' } },
  { key: 'feedback.on_time_rate', source: 'feedback', unit: 'percent', label: { vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', en: 'Feedback handled on time', fr: 'Réclamations traitées à temps' } },
  { key: 'satisfaction.rate', source: 'satisfaction', unit: 'percent', label: { vi: 'Tỷ lệ hài lòng của người dân, tổ chức', en: 'Satisfaction of citizens and businesses', fr: 'Satisfaction des usagers' } },
];
for (const p of [...DECLARED, ...trainingFigureProviders, ...eIdFigureProviders]) registerLiveFigureProvider(p);

/** Every known key with its availability (for the criteria editor). */
export function liveFigureCatalogue(): Array<Omit<LiveFigureValue, 'value' | 'period' | 'status'> & { available: boolean }> {
  return [...registry.values()].map((p) => ({ key: p.key, label: p.label, unit: p.unit, source: p.source, available: !!p.compute }));
}

export const isKnownFigure = (key: string) => registry.has(key);

/** Computes one figure for a unit's subtree and period. */
export async function computeLiveFigure(key: string, q: LiveFigureQuery): Promise<LiveFigureValue> {
  const p = registry.get(key);
  if (!p) return { key, label: { vi: key, en: key, fr: key }, unit: 'count', source: 'unknown', status: 'unknown', value: null, period: null };
  const base = { key, label: p.label, unit: p.unit, source: p.source };
  if (!p.compute) return { ...base, status: 'not_available', value: null, period: null };
  const value = await p.compute(q);
  return { ...base, status: 'available', value, period: { from: q.from, to: q.to } };
}
