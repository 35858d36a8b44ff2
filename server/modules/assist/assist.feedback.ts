/**
 * Suggestions for an official reading a feedback item (the official decides; "Áp dụng" calls the feedback
 * module's own classify / assign / merge actions):
 * - the likely field and handling unit, from a softmax logistic regression trained on the locality's own
 *   already-classified items (those in the caller's feedback scope), trained lazily and cached until the history
 *   changes; below `MIN_EXAMPLES_PER_CLASS` examples a class is not learnt, and with fewer than two learnt
 *   classes the answer is "not enough history";
 * - possible duplicates: open or recent items whose TF-IDF cosine is at least `DUPLICATE_MIN_COSINE`, boosted by
 *   `PLACE_BOOST` when both name the same place (village, residential group, alley, street).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../platform/messages.ts';
import type { Context } from '../accounts/context.ts';
import { FEEDBACK_FIELDS, type FeedbackField } from '../feedback/index.ts';
import { getFeedback } from '../feedback/feedback.service.ts';
import { SoftmaxClassifier } from './assist.classifier.ts';
import { compilePlaces, extractPlaces } from './assist.places.ts';
import { classifiedHistory, duplicateCandidates, historyFingerprint, incidentAddressOf, localPlaceNames, unitNamesOf, type HistoryRow } from './assist.repository.ts';
import { TfIdf, dot, textTerms } from './assist.text.ts';

/** A class (field or unit) is learnt only from this many classified items upward. */
export const MIN_EXAMPLES_PER_CLASS = 5;
/** Below this cosine an item is not offered as a duplicate. */
export const DUPLICATE_MIN_COSINE = 0.3;
/** Added to the cosine when both items name the same place (the same incident rather than the same kind of problem). */
export const PLACE_BOOST = 0.2;
/** Closed or answered items count as candidates for this many days after their receipt; open ones always. */
export const DUPLICATE_RECENT_DAYS = 90;
export const DUPLICATE_LIMIT = 5;

export interface LabelModel {
  status: 'ok' | 'not_enough_history';
  /** Classified items in the history, and how many classes had enough of them to be learnt. */
  examples: number;
  classes: number;
  model: SoftmaxClassifier | null;
}

/** Trains one label's model from the history (pure): classes with fewer than `minPerClass` examples are left out. */
export function trainLabel(history: ReadonlyArray<{ terms: string[]; label: string }>, minPerClass = MIN_EXAMPLES_PER_CLASS, seed = 1): LabelModel {
  const counts = new Map<string, number>();
  for (const h of history) counts.set(h.label, (counts.get(h.label) ?? 0) + 1);
  const kept = new Set([...counts].filter(([, n]) => n >= minPerClass).map(([l]) => l));
  const rows = history.filter((h) => kept.has(h.label));
  if (kept.size < 2) return { status: 'not_enough_history', examples: history.length, classes: kept.size, model: null };
  const model = SoftmaxClassifier.train(rows.map((r) => r.terms), rows.map((r) => r.label), { seed });
  return { status: 'ok', examples: history.length, classes: kept.size, model };
}

export interface RoutingModels {
  field: LabelModel;
  unit: LabelModel;
}

/** Both models of a history (pure). */
export function trainRouting(history: readonly HistoryRow[], minPerClass = MIN_EXAMPLES_PER_CLASS): RoutingModels {
  const docs = history.map((h) => ({ terms: textTerms(h.text), field: h.field, unit: h.unitId }));
  return {
    field: trainLabel(docs.map((d) => ({ terms: d.terms, label: d.field })), minPerClass),
    unit: trainLabel(docs.map((d) => ({ terms: d.terms, label: d.unit })), minPerClass),
  };
}

/** Trained models per feedback scope, kept while the scope's classified history is unchanged. */
export const routingCache = {
  maxEntries: 32,
  entries: new Map<string, { fingerprint: string; models: RoutingModels }>(),
  trainings: 0,
  clear() {
    this.entries.clear();
  },
};

async function routingModelsFor(db: Db, scope: { all: boolean; ids: ReadonlySet<string> }): Promise<RoutingModels> {
  const key = scope.all ? '*' : createHash('sha256').update([...scope.ids].sort().join(',')).digest('hex').slice(0, 24);
  const fingerprint = await historyFingerprint(db, scope);
  const hit = routingCache.entries.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.models;
  const models = trainRouting(await classifiedHistory(db, scope));
  routingCache.trainings++;
  routingCache.entries.delete(key);
  routingCache.entries.set(key, { fingerprint, models });
  if (routingCache.entries.size > routingCache.maxEntries) routingCache.entries.delete(routingCache.entries.keys().next().value!);
  return models;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** `GET /api/v1/assist/feedback/:id/suggestions` (the item must be in the caller's feedback scope, else 404). */
export async function feedbackSuggestions(db: Db, ctx: Context, id: string, now = new Date()) {
  const item = await getFeedback(db, ctx, id, now);
  const scope = await ctx.scope('feedback.handle');
  const text = `${item.title ?? ''} ${item.body}`;
  const terms = textTerms(text);

  const models = await routingModelsFor(db, scope);
  const predict = (m: LabelModel) => (m.model ? m.model.predict(terms).slice(0, 3) : []);
  const fieldPreds = predict(models.field);
  const unitPreds = predict(models.unit);
  const names = await unitNamesOf(db, [...new Set(unitPreds.map((p) => p.label))]);
  const fieldLabel = (code: string, lang: Lang) => FEEDBACK_FIELDS[code as FeedbackField]?.[lang] ?? code;
  const info = (m: LabelModel) => ({ status: m.status, examples: m.examples, classes: m.classes, minPerClass: MIN_EXAMPLES_PER_CLASS });

  return {
    field: { ...info(models.field), current: item.field, options: fieldPreds.map((p) => ({ code: p.label, label: fieldLabel(p.label, ctx.lang), probability: round(p.probability) })) },
    unit: { ...info(models.unit), current: item.unitId, options: unitPreds.map((p) => ({ id: p.label, name: names.get(p.label) ?? '', probability: round(p.probability) })) },
    duplicates: await findDuplicates(db, scope, { id, text, duplicates: item.duplicates.map((d) => d.id), mergedInto: item.mergedInto?.id ?? null }, now),
    thresholds: { minCosine: DUPLICATE_MIN_COSINE, placeBoost: PLACE_BOOST, recentDays: DUPLICATE_RECENT_DAYS },
  };
}

export interface DuplicateInput {
  id: string;
  text: string;
  place?: string | null;
}

export interface DuplicateMatch {
  id: string;
  cosine: number;
  score: number;
  places: string[];
}

/**
 * Ranks candidates as duplicates of `target` (pure): TF-IDF fitted on target + candidates, cosine ≥ `minCosine`,
 * score = cosine + `PLACE_BOOST` when a place is shared (capped at 1), best first.
 */
export function rankDuplicates(target: DuplicateInput, candidates: readonly DuplicateInput[], knownPlaces: readonly string[][] = [], minCosine = DUPLICATE_MIN_COSINE): DuplicateMatch[] {
  const docs = [target, ...candidates].map((d) => textTerms(d.text));
  const vocab = new TfIdf(docs);
  const tv = vocab.vector(docs[0]);
  const placesOf = (d: DuplicateInput) => extractPlaces(`${d.text} ${d.place ?? ''}`, knownPlaces);
  const targetPlaces = placesOf(target);
  const out: DuplicateMatch[] = [];
  candidates.forEach((c, i) => {
    const cosine = dot(tv, vocab.vector(docs[i + 1]));
    if (cosine < minCosine) return;
    const shared = [...placesOf(c)].filter((p) => targetPlaces.has(p));
    out.push({ id: c.id, cosine, score: Math.min(1, cosine + (shared.length ? PLACE_BOOST : 0)), places: shared });
  });
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

async function findDuplicates(db: Db, scope: { all: boolean; ids: ReadonlySet<string> }, target: { id: string; text: string; duplicates: string[]; mergedInto: string | null }, now: Date) {
  const skip = new Set([target.id, ...target.duplicates, ...(target.mergedInto ? [target.mergedInto] : [])]);
  const rows = (await duplicateCandidates(db, scope, now, DUPLICATE_RECENT_DAYS)).filter((r) => !skip.has(r.id));
  if (rows.length === 0) return [];
  const known = compilePlaces(await localPlaceNames(db));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = rankDuplicates(
    { id: target.id, text: target.text, place: await incidentAddressOf(db, target.id) },
    rows.map((r) => ({ id: r.id, text: `${r.title ?? ''} ${r.body}`, place: r.addressString })),
    known,
  ).slice(0, DUPLICATE_LIMIT);
  return ranked.map((m) => {
    const r = byId.get(m.id)!;
    return { id: r.id, code: r.code, title: r.title, excerpt: r.body.length > 160 ? `${r.body.slice(0, 157)}…` : r.body, status: r.status, receivedAt: new Date(r.receivedAt).toISOString(), score: round(m.score), cosine: round(m.cosine), samePlace: m.places.length > 0, places: m.places };
  });
}
