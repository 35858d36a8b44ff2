/**
 * Decision 766/QĐ-TTg index (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp)
 * computed per unit and period from motcua's own rows. Groups, indicators, maxima, formulas and thresholds are DATA
 * (index766.versions.json, each version with its effective dates): a change of regulation is a new version there.
 *
 * An indicator names a `measure` motcua can compute (closed list below) or none (→ "not available" with the
 * reason; never invented). Scoring kinds:
 *   linear      points = rate × max
 *   threshold   points = max × min(1, rate ÷ threshold)         ("≥ 80% → full, else rate × max ÷ 80%")
 *   monitoring  shown, 0 points
 * A unit's score = points of the available indicators ÷ their maxima × 100 (null when none is available); the
 * points out of 100 are shown beside it, so a leader sees how much of the index motcua can evidence.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { addDays, todayVn } from '../../platform/clock.ts';
import type { Context } from '../accounts/context.ts';
import { feedbackFigures, type FeedbackFigures } from '../feedback/index.ts';
import { satisfactionFigures, type SatisfactionFigures } from '../satisfaction/index.ts';
import type { DashboardQuery, Index766, PublicIndexQuery, UnitsMode } from '../../../contracts/dashboard.ts';
import { countersByUnit, figuresOf, type Counters } from './figures.ts';
import { groupCounters, type DashboardDeps } from './dashboard.service.ts';
import { defaultRoot, internalContext, loadUnits, resolveSelection, type Selection } from './selection.ts';
import type { Figures } from '../../../contracts/dashboard.ts';

export type Measure = 'on_time_rate' | 'processing_time' | 'online_rate' | 'result_digitised_rate' | 'digitised_rate_all' | 'reuse_rate' | 'feedback_on_time_rate' | 'feedback_satisfaction' | 'service_satisfaction';

export interface IndicatorDef {
  code: string;
  name: string;
  max: number;
  measure: Measure | null;
  reason?: string;
  scoring?: { kind: 'linear' } | { kind: 'threshold'; threshold: number } | { kind: 'monitoring' };
}
export interface IndexVersion {
  code: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  groups: Array<{ code: string; name: string; max: number; indicators: IndicatorDef[] }>;
}

export const INDEX766_VERSIONS: IndexVersion[] = JSON.parse(readFileSync(new URL('./index766.versions.json', import.meta.url), 'utf8'));

/** The version in force on `date`. */
export function versionFor(date: string, versions: readonly IndexVersion[] = INDEX766_VERSIONS): IndexVersion {
  const v = versions.filter((x) => x.effectiveFrom <= date && (x.effectiveTo === null || x.effectiveTo >= date)).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!v) {
    throw new AppError('VALIDATION_FAILED', { detail: `no Decision 766 index version in force on ${date}`, fields: [{ field: 'to', code: 'no_index_version', message: { vi: 'Chưa có bộ chỉ số 766 áp dụng cho kỳ này (từ 01/8/2022)', en: 'No Decision 766 index applies to this period (from 1 August 2022)', fr: 'Aucun indice 766 ne s’applique à cette période (depuis le 1er août 2022)' } }] });
  }
  return v;
}

/** What the index needs of a unit and period. */
export interface IndexInputs {
  figures: Figures;
  satisfaction: SatisfactionFigures | null;
  feedback: FeedbackFigures | null;
}

const FORMULA: Record<Measure, string> = {
  on_time_rate: '(trước hạn + đúng hạn) ÷ (đã giải quyết + đang xử lý quá hạn)',
  processing_time: 'Σ thời gian làm việc đã dùng ÷ số hồ sơ đã giải quyết (phút)',
  online_rate: 'hồ sơ trực tuyến ÷ hồ sơ tiếp nhận',
  result_digitised_rate: 'hồ sơ trả kết quả có kết quả số hóa ÷ hồ sơ đã trả kết quả',
  digitised_rate_all: 'hồ sơ số hóa đủ thành phần ÷ hồ sơ tiếp nhận',
  reuse_rate: 'hồ sơ có tái sử dụng dữ liệu số hóa ÷ hồ sơ tiếp nhận',
  feedback_on_time_rate: 'phản ánh trả lời đúng hạn ÷ (đã trả lời + quá hạn chưa trả lời)',
  feedback_satisfaction: '(phản ánh − người gửi không hài lòng với trả lời − quá hạn chưa trả lời) ÷ phản ánh; phản ánh gửi lại lần nữa chưa được theo dõi nên chưa bị trừ',
  service_satisfaction: '100% − (% hồ sơ quá hạn + % đánh giá không hài lòng), trên số hồ sơ đã giải quyết',
};

/** Numerator and denominator of a measure, or why it is not available. */
function measureOf(m: Measure, x: IndexInputs): { num: number; den: number } | { reason: string } {
  const f = x.figures;
  switch (m) {
    case 'on_time_rate':
      return { num: f.early + f.onTime, den: f.finished + f.openOverdue };
    case 'processing_time':
      return { num: (f.avgUsedMinutes ?? 0) * f.finished, den: f.finished };
    case 'online_rate':
      return { num: f.receivedOnline, den: f.received };
    case 'result_digitised_rate':
      return { num: f.digitisation.resultsDigitised, den: f.digitisation.returned };
    case 'digitised_rate_all':
      return { num: f.digitisation.digitised, den: f.digitisation.received };
    case 'reuse_rate':
      return { num: f.digitisation.reused, den: f.digitisation.received };
    case 'feedback_on_time_rate':
      if (!x.feedback) return { reason: 'chưa có số liệu phản ánh, kiến nghị' };
      return { num: x.feedback.answeredOnTime, den: x.feedback.answered + x.feedback.openOverdue };
    case 'feedback_satisfaction':
      if (!x.feedback) return { reason: 'chưa có số liệu phản ánh, kiến nghị' };
      return { num: Math.max(0, x.feedback.received - x.feedback.unsatisfied - x.feedback.openOverdue), den: x.feedback.received };
    case 'service_satisfaction':
      if (!x.satisfaction) return { reason: 'chưa có số liệu đánh giá hài lòng' };
      return { num: Math.max(0, f.finished - f.late - (x.satisfaction.ratings - x.satisfaction.satisfied)), den: f.finished };
  }
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The index of one unit from its inputs (pure; worked example in index766.test.ts). */
export function computeIndex(version: IndexVersion, x: IndexInputs) {
  let points = 0;
  let availableMax = 0;
  const groups = version.groups.map((g) => {
    let gPoints = 0;
    let gAvail = 0;
    const indicators = g.indicators.map((ind) => {
      const base = { code: ind.code, name: ind.name, max: ind.max, formula: ind.measure ? FORMULA[ind.measure] : '' };
      if (!ind.measure) return { ...base, status: 'not_available' as const, numerator: null, denominator: null, rate: null, points: null, reason: ind.reason ?? null };
      const m = measureOf(ind.measure, x);
      if ('reason' in m) return { ...base, status: 'not_available' as const, numerator: null, denominator: null, rate: null, points: null, reason: m.reason };
      if (m.den === 0) return { ...base, status: 'not_available' as const, numerator: m.num, denominator: 0, rate: null, points: null, reason: 'mẫu số bằng 0 (N/A)' };
      const rate = m.num / m.den;
      const s = ind.scoring ?? { kind: 'linear' as const };
      const p = s.kind === 'monitoring' ? 0 : s.kind === 'linear' ? rate * ind.max : ind.max * Math.min(1, rate / s.threshold);
      if (s.kind !== 'monitoring') {
        gPoints += p;
        gAvail += ind.max;
      }
      return { ...base, status: 'available' as const, numerator: m.num, denominator: m.den, rate: ind.measure === 'processing_time' ? round2(rate) : round2(rate * 100) / 100, points: s.kind === 'monitoring' ? null : round2(p), reason: null };
    });
    points += gPoints;
    availableMax += gAvail;
    return { code: g.code, name: g.name, max: g.max, points: round2(gPoints), availableMax: gAvail, indicators };
  });
  return { points: round2(points), availableMax, score: availableMax === 0 ? null : round2((points / availableMax) * 100), groups };
}

async function inputsFor(db: Db, sel: Selection, unitIds: string[], counters: Counters, from: string, to: string, now: Date): Promise<IndexInputs> {
  void sel;
  const [s, f] = await Promise.allSettled([satisfactionFigures(db, { unitIds, from, to }), feedbackFigures(db, { unitIds, from, to }, now)]);
  return { figures: figuresOf(counters), satisfaction: s.status === 'fulfilled' ? s.value : null, feedback: f.status === 'fulfilled' ? f.value : null };
}

/** Index of a root and its sub-units (ranked by score, ties share a rank; units without any available indicator are unranked). */
export async function computeIndexFor(db: Db, sel: Selection, q: { from: string; to: string; units: UnitsMode }, now = new Date()): Promise<Index766> {
  const version = versionFor(q.to);
  const perUnit = await countersByUnit(db, sel.unitIds, q.from, q.to, q.units, now);
  const { total, byChild } = groupCounters(sel, perUnit);
  const membersOf = (childId: string) => sel.unitIds.filter((u) => sel.groupOf.get(u) === childId);
  const totalIdx = computeIndex(version, await inputsFor(db, sel, sel.unitIds, total, q.from, q.to, now));
  const rows = await Promise.all(
    sel.children.map(async (c) => ({ unitId: c.id, name: c.name, rank: null as number | null, ...computeIndex(version, await inputsFor(db, sel, membersOf(c.id), byChild.get(c.id)!, q.from, q.to, now)) })),
  );
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'vi'));
  let rank = 0;
  let prev: number | null = null;
  rows.forEach((r, i) => {
    if (r.score === null) return;
    if (r.score !== prev) {
      rank = i + 1;
      prev = r.score;
    }
    r.rank = rank;
  });
  return {
    version: { code: version.code, title: version.title, effectiveFrom: version.effectiveFrom, effectiveTo: version.effectiveTo, source: version.source },
    from: q.from,
    to: q.to,
    units: q.units,
    parent: { id: sel.root.id, name: sel.root.name },
    total: { unitId: sel.root.id, name: sel.root.name, rank: null, ...totalIdx },
    ranking: rows,
  };
}

export async function getIndex766(deps: DashboardDeps, ctx: Context, q: z.infer<typeof DashboardQuery>, now = new Date()): Promise<Index766> {
  const sel = await resolveSelection(deps.database.db, ctx, q);
  return computeIndexFor(deps.database.db, sel, q, now);
}

/** A public period 'YYYY', 'YYYY-MM' or 'YYYY-Qn' as Vietnam dates (default: this year so far). */
export function periodDates(period: string | undefined, today = todayVn()): { from: string; to: string } {
  const p = period ?? today.slice(0, 4);
  const y = p.slice(0, 4);
  let from: string;
  let to: string;
  if (p.length === 4) {
    from = `${y}-01-01`;
    to = `${y}-12-31`;
  } else if (p[5] === 'Q') {
    const qn = Number(p.slice(6));
    from = `${y}-${String(qn * 3 - 2).padStart(2, '0')}-01`;
    to = addDays(qn === 4 ? `${Number(y) + 1}-01-01` : `${y}-${String(qn * 3 + 1).padStart(2, '0')}-01`, -1);
  } else {
    from = `${p}-01`;
    const m = Number(p.slice(5));
    to = addDays(m === 12 ? `${Number(y) + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
  }
  return { from, to: to > today ? today : to };
}

/** The public scoreboard: a unit's index (default the top unit) and the ranking of its sub-units, today's units. */
export async function getPublicIndex766(deps: DashboardDeps, q: z.infer<typeof PublicIndexQuery>, now = new Date()): Promise<Index766> {
  const db = deps.database.db;
  const { from, to } = periodDates(q.period, todayVn(now));
  if (to < from) throw new AppError('VALIDATION_FAILED', { detail: 'period in the future', fields: [{ field: 'period', code: 'future', message: { vi: 'Kỳ chưa bắt đầu', en: 'The period has not started', fr: 'La période n’a pas commencé' } }] });
  const units = await loadUnits(db);
  const publicCtx = internalContext('public');
  const unitId = q.unitId ?? defaultRoot(publicCtx, units, todayVn(now));
  const sel = await resolveSelection(db, publicCtx, { unitId, from, to, units: 'today' }, units);
  return computeIndexFor(db, sel, { from, to, units: 'today' }, now);
}
