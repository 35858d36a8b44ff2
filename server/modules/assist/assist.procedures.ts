/**
 * Procedure suggestion from plain words ("Tôi cần…"): BM25 over each procedure's name, field, required documents
 * and result, with the query widened by the synonym table. The index of a catalogue (all procedures in force, or
 * those a unit implements) is built on first use and kept in memory; it is rebuilt when the catalogue's
 * fingerprint (count and newest version) or the date changes, checked at most once per `ttlMs`.
 */
import type { Db } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import type { Lang } from '../../platform/messages.ts';
import { PROCEDURE_FIELDS, type ProcedureField } from '../procedures/index.ts';
import { Bm25Index } from './assist.bm25.ts';
import { analyseQuery, DEFAULT_TABLE, type CompiledTable } from './assist.query.ts';
import { catalogueFingerprint, proceduresInForce, type CatalogueRow } from './assist.repository.ts';
import { foldedSyllables, surfaceSyllables, termsOf } from './assist.text.ts';

/** Field weights: the name says what the procedure is; documents and result say what it is about. */
export const FIELD_WEIGHTS = { name: 3, field: 1, documents: 1, result: 1 } as const;
/**
 * Length normalisation per field: full for the name (a short name that says exactly what was asked wins), weak
 * for the lists of documents and results (a procedure asking for an ID card and a power of attorney besides the
 * form is not less about its subject), none for the field label.
 */
export const FIELD_B = { name: 0.75, field: 0, documents: 0.3, result: 0.3 } as const;
/** How many suggestions are returned. */
export const SUGGESTION_LIMIT = 5;

export interface ProcedureIndex {
  index: Bm25Index;
  byId: Map<string, CatalogueRow>;
  /** Folded term (syllable or bigram) → its most frequent accented spelling in the catalogue (to show matched words). */
  surface: Map<string, string>;
}

/** Builds the index of a list of procedures (pure). */
export function buildProcedureIndex(list: readonly CatalogueRow[]): ProcedureIndex {
  // Folded term → how each accented spelling of it is counted; the most frequent is shown.
  const spellings = new Map<string, Map<string, number>>();
  const learn = (text: string) => {
    const f = foldedSyllables(text);
    const s = surfaceSyllables(text);
    if (f.length !== s.length) return;
    const add = (k: string, v: string) => {
      const m = spellings.get(k) ?? new Map<string, number>();
      m.set(v, (m.get(v) ?? 0) + 1);
      spellings.set(k, m);
    };
    f.forEach((x, i) => {
      add(x, s[i]);
      if (i + 1 < f.length) add(`${x} ${f[i + 1]}`, `${s[i]} ${s[i + 1]}`);
    });
  };
  const docs = list.map((p) => {
    const fieldLabel = PROCEDURE_FIELDS[p.field as ProcedureField]?.vi ?? '';
    const docText = p.documents.map((d) => d.name).join(' . ');
    for (const t of [p.name, fieldLabel, docText, p.resultType]) learn(t);
    const terms = (t: string) => termsOf(foldedSyllables(t));
    return {
      id: p.id,
      fields: [
        { terms: terms(p.name), weight: FIELD_WEIGHTS.name, b: FIELD_B.name },
        { terms: terms(fieldLabel), weight: FIELD_WEIGHTS.field, b: FIELD_B.field },
        { terms: p.documents.flatMap((d) => terms(d.name)), weight: FIELD_WEIGHTS.documents, b: FIELD_B.documents },
        { terms: terms(p.resultType), weight: FIELD_WEIGHTS.result, b: FIELD_B.result },
      ],
    };
  });
  const surface = new Map([...spellings].map(([k, m]) => [k, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]]));
  return { index: new Bm25Index(docs), byId: new Map(list.map((p) => [p.id, p])), surface };
}

export interface Suggestion {
  id: string;
  code: string;
  name: string;
  field: string;
  fieldLabel: string;
  score: number;
  /** The words that matched, as written in the catalogue, most telling first. */
  matched: string[];
  /** Synonyms that contributed: what was typed → the catalogue's wording. */
  via: Array<{ from: string; to: string }>;
}

/** Suggests procedures of an index for a query (pure). */
export function suggestFromIndex(ix: ProcedureIndex, q: string, lang: Lang, limit = SUGGESTION_LIMIT, table: CompiledTable = DEFAULT_TABLE): Suggestion[] {
  const query = analyseQuery(q, table);
  if (query.terms.length === 0) return [];
  const show = (term: string) => ix.surface.get(term) ?? term.split(' ').map((x) => ix.surface.get(x) ?? x).join(' ');
  return ix.index.search(query.terms, limit).map((h) => {
    const p = ix.byId.get(h.id)!;
    const terms = new Set(h.matched.map((m) => m.term));
    // A matched bigram already shows its two syllables.
    const covered = new Set([...terms].filter((t) => t.includes(' ')).flatMap((t) => t.split(' ')));
    const matched = [...new Set(h.matched.filter((m) => m.term.includes(' ') || !covered.has(m.term)).map((m) => show(m.term)))].slice(0, 6);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      field: p.field,
      fieldLabel: PROCEDURE_FIELDS[p.field as ProcedureField]?.[lang] ?? p.field,
      score: Math.round(h.score * 100) / 100,
      matched,
      via: query.applied.filter((a) => a.terms.some((t) => terms.has(t))).map(({ from, to }) => ({ from, to })),
    };
  });
}

interface CacheEntry {
  fingerprint: string;
  checkedAt: number;
  index: ProcedureIndex;
}

/** The in-memory indexes, one per catalogue ('*' or a unit id). `ttlMs` = how long a fingerprint is trusted. */
export const procedureIndexCache = {
  ttlMs: 30_000,
  maxEntries: 64,
  entries: new Map<string, CacheEntry>(),
  builds: 0,
  clear() {
    this.entries.clear();
  },
};

/** The index of a catalogue, from the cache when its fingerprint still holds. */
export async function procedureIndexFor(db: Db, unitId: string | undefined, now = new Date()): Promise<ProcedureIndex> {
  const today = todayVn(now);
  const key = unitId ?? '*';
  const c = procedureIndexCache;
  const hit = c.entries.get(key);
  if (hit && now.getTime() - hit.checkedAt < c.ttlMs && hit.fingerprint.endsWith(today)) return hit.index;
  const fingerprint = `${await catalogueFingerprint(db)}|${today}`;
  if (hit && hit.fingerprint === fingerprint) {
    hit.checkedAt = now.getTime();
    return hit.index;
  }
  const index = buildProcedureIndex(await proceduresInForce(db, today, unitId));
  c.builds++;
  c.entries.delete(key);
  c.entries.set(key, { fingerprint, checkedAt: now.getTime(), index });
  if (c.entries.size > c.maxEntries) c.entries.delete(c.entries.keys().next().value!);
  return index;
}

/** `GET /api/v1/assist/procedures`: the top suggestions for plain words, explainable. */
export async function suggestProcedures(db: Db, q: string, unitId: string | undefined, lang: Lang, now = new Date()) {
  const ix = await procedureIndexFor(db, unitId, now);
  const items = suggestFromIndex(ix, q, lang);
  return { query: q, items, catalogueSize: ix.index.size };
}
