/**
 * Assist eval (honest figures, measured in one run on a fresh in-memory database with the demo locality):
 *
 * 1. Procedure suggestion: top-1 / top-3 accuracy on the labelled plain phrasings of
 *    server/modules/assist/assist.eval-queries.json (74, with and without accents) against the demo catalogue,
 *    through `suggestProcedures` (the function the route calls), reported apart for the 54 phrasings the synonym
 *    table and field weights were tuned on and the 20 held-out ones written afterwards (the honest figure).
 *    BASELINE, same run, same catalogue: the existing accent-insensitive substring search of the catalogue
 *    (`searchProcedures`, what /tra-cuu-thu-tuc's search box does), its first results in its own order. The ratio
 *    is ours ÷ baseline; the note gives BM25 without the synonym table (what the table adds).
 * 2. Feedback routing: the demo seed's own classified items are counted (too few to learn from); then a SYNTHETIC
 *    labelled history (assist.demo-history.ts) is put in the inbox as classified items, read back through the same
 *    query the route uses, and the field and handling-unit classifiers are scored on a held-out 30 % (stratified,
 *    seeded), and on issue phrasings held out entirely (a fifth of them, never seen in training: the honest number
 *    for new problems). BASELINE: always the most frequent class of the training part.
 *
 *   npm run bench -- assist          (PGlite only: it writes the synthetic history; BENCH_DATABASE_URL is ignored)
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../server/config.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { openDatabase } from '../server/db/client.ts';
import { searchProcedures } from '../server/modules/procedures/index.ts';
import { procedureIndexFor, suggestFromIndex, suggestProcedures } from '../server/modules/assist/assist.procedures.ts';
import { compileTable } from '../server/modules/assist/assist.query.ts';
import { trainRouting, MIN_EXAMPLES_PER_CLASS } from '../server/modules/assist/assist.feedback.ts';
import { classifiedHistory, type HistoryRow } from '../server/modules/assist/assist.repository.ts';
import { DEMO_ISSUE_COUNT, demoFeedbackHistory, insertDemoHistory } from '../server/modules/assist/assist.demo-history.ts';
import { prng, shuffled, textTerms } from '../server/modules/assist/assist.text.ts';
import type { BenchResult } from './http.bench.ts';

interface Labelled {
  q: string;
  expect: string;
  also?: string[];
  accents: boolean;
  holdout?: boolean;
}

const pct = (n: number, d: number) => (d ? (100 * n) / d : 0);

export async function runAssistBench(): Promise<BenchResult[]> {
  const database = await openDatabase({});
  const server = await bootstrap(loadConfig({ SEED: 'demo', JOBS: 'off', LOG_LEVEL: 'silent', DATA_DIR: '.tmp/bench-assist' }), { database, logger: false, demoActivity: true });
  const db = database.db;
  const out: BenchResult[] = [];
  try {
    // ---- 1. Procedure suggestion ----
    const { queries } = JSON.parse(readFileSync(new URL('../server/modules/assist/assist.eval-queries.json', import.meta.url), 'utf8')) as { queries: Labelled[] };
    await suggestProcedures(db, 'khai sinh', undefined, 'vi'); // builds the index once (as the first request does)
    const index = await procedureIndexFor(db, undefined);
    const noSynonyms = compileTable({ stopwords: [], fillers: [], synonyms: [] });
    const methods = {
      ours: async (q: string) => (await suggestProcedures(db, q, undefined, 'vi')).items.map((i) => i.code),
      bm25: async (q: string) => suggestFromIndex(index, q, 'vi', 5, noSynonyms).map((i) => i.code),
      base: async (q: string) => (await searchProcedures(db, { q, status: 'active', limit: 5, offset: 0 })).items.map((i) => i.code),
    };
    type Method = keyof typeof methods;
    const tally = () => ({ n: 0, top1: 0, top3: 0, ms: 0 });
    const groups = { tuned: { ours: tally(), bm25: tally(), base: tally() }, holdout: { ours: tally(), bm25: tally(), base: tally() }, plain: { ours: tally(), bm25: tally(), base: tally() }, accents: { ours: tally(), bm25: tally(), base: tally() } };
    const misses: string[] = [];
    for (const item of queries) {
      const right = new Set([item.expect, ...(item.also ?? [])]);
      for (const m of Object.keys(methods) as Method[]) {
        const t = performance.now();
        const codes = await methods[m](item.q);
        const ms = performance.now() - t;
        for (const g of [item.holdout ? groups.holdout : groups.tuned, item.accents ? groups.accents : groups.plain]) {
          g[m].n++;
          g[m].ms += ms;
          if (right.has(codes[0])) g[m].top1++;
          if (codes.slice(0, 3).some((c) => right.has(c))) g[m].top3++;
        }
        if (m === 'ours' && !right.has(codes[0])) misses.push(`  ${item.holdout ? '[holdout] ' : ''}"${item.q}" → ${codes.slice(0, 3).join(', ') || '—'} (expected ${item.expect})`);
      }
    }
    console.error(`assist: ${queries.length} phrasings; top-1 misses:\n${misses.join('\n') || '  none'}`);
    const row = (name: string, ours: number, base: number, baselineName: string, unit = '%', note?: string): BenchResult => ({ name, value: ours, unit, baseline: base, baselineName, ratio: base ? ours / base : Number.POSITIVE_INFINITY, note });
    const SUB = 'substring search, same run';
    for (const [key, label] of [['holdout', 'held-out phrasings, never tuned on'], ['tuned', 'phrasings the table was tuned on']] as const) {
      const g = groups[key];
      out.push(row(`procedure top-1, ${label} (${g.ours.n})`, pct(g.ours.top1, g.ours.n), pct(g.base.top1, g.base.n), SUB, '%', `BM25 without synonyms: ${pct(g.bm25.top1, g.bm25.n).toFixed(0)} %`));
      out.push(row(`procedure top-3, ${label} (${g.ours.n})`, pct(g.ours.top3, g.ours.n), pct(g.base.top3, g.base.n), SUB, '%', `BM25 without synonyms: ${pct(g.bm25.top3, g.bm25.n).toFixed(0)} %`));
    }
    for (const [key, label] of [['accents', 'typed with accents'], ['plain', 'typed without accents']] as const) {
      const g = groups[key];
      out.push(row(`procedure top-1, ${label} (${g.ours.n}, all)`, pct(g.ours.top1, g.ours.n), pct(g.base.top1, g.base.n), SUB));
    }
    const all = (m: Method) => groups.tuned[m].ms + groups.holdout[m].ms;
    out.push({ name: 'procedure suggestion latency (mean)', value: all('ours') / queries.length, unit: 'ms/query', baseline: all('base') / queries.length, baselineName: 'substring search SQL', ratio: all('base') / all('ours'), note: 'ratio = times faster; index cached in memory' });

    // ---- 2. Feedback routing ----
    const seeded = await classifiedHistory(db, { all: true, ids: new Set() });
    console.error(`assist: the demo seed has ${seeded.length} classified feedback items (a class needs ${MIN_EXAMPLES_PER_CLASS}) → "not enough history" on the demo data itself`);
    const examples = demoFeedbackHistory(8, 7);
    const t0 = performance.now();
    await insertDemoHistory(database, 'Xã Tiên Yên', examples);
    console.error(`assist: inserted ${examples.length} synthetic classified items in ${Math.round(performance.now() - t0)} ms`);
    const seededIds = new Set(seeded.map((s) => s.id));
    const history = (await classifiedHistory(db, { all: true, ids: new Set() })).filter((h) => !seededIds.has(h.id));
    // Stable link from a row back to its example (same order of insertion).
    const issueOf = new Map(history.map((h, i) => [h.id, examples[i].issue]));

    const evaluate = (train: HistoryRow[], test: HistoryRow[]) => {
      const t = performance.now();
      const models = trainRouting(train);
      const trainMs = performance.now() - t;
      const acc = (m: typeof models.field, label: (h: HistoryRow) => string) => pct(test.filter((h) => m.model && m.model.predict(textTerms(h.text))[0].label === label(h)).length, test.length);
      const majority = (label: (h: HistoryRow) => string) => {
        const counts = new Map<string, number>();
        for (const h of train) counts.set(label(h), (counts.get(label(h)) ?? 0) + 1);
        const top = [...counts].sort((a, b) => b[1] - a[1])[0][0];
        return pct(test.filter((h) => label(h) === top).length, test.length);
      };
      return { field: acc(models.field, (h) => h.field), unit: acc(models.unit, (h) => h.unitId), fieldBase: majority((h) => h.field), unitBase: majority((h) => h.unitId), trainMs };
    };
    // (a) Stratified random 70/30, 5 seeds.
    const runs = [1, 2, 3, 4, 5].map((seed) => {
      const random = prng(seed);
      const train: HistoryRow[] = [];
      const test: HistoryRow[] = [];
      const byField = new Map<string, HistoryRow[]>();
      for (const h of history) byField.set(h.field, [...(byField.get(h.field) ?? []), h]);
      for (const rows of byField.values()) {
        const s = shuffled(rows, random);
        const cut = Math.round(s.length * 0.7);
        train.push(...s.slice(0, cut));
        test.push(...s.slice(cut));
      }
      return evaluate(train, test);
    });
    const mean = (k: keyof (typeof runs)[number]) => runs.reduce((a, r) => a + r[k], 0) / runs.length;
    out.push(row(`feedback field, random 70/30 (${history.length} items, 5 seeds)`, mean('field'), mean('fieldBase'), 'most frequent class'));
    out.push(row('feedback handling unit, random 70/30', mean('unit'), mean('unitBase'), 'most frequent class'));
    // (b) Unseen phrasings: every fifth issue phrasing held out entirely.
    const heldOut = (h: HistoryRow) => issueOf.get(h.id)! % 5 === 0;
    const unseen = evaluate(history.filter((h) => !heldOut(h)), history.filter(heldOut));
    out.push(row(`feedback field, unseen phrasings (${Math.ceil(DEMO_ISSUE_COUNT / 5)} of ${DEMO_ISSUE_COUNT} held out)`, unseen.field, unseen.fieldBase, 'most frequent class'));
    out.push(row('feedback handling unit, unseen phrasings', unseen.unit, unseen.unitBase, 'most frequent class'));
    out.push({ name: 'feedback classifiers training time (both)', value: unseen.trainMs, unit: 'ms', baseline: 0, baselineName: 'n/a', ratio: 0, note: `${history.length - history.filter(heldOut).length} items` });
  } finally {
    await server.close();
  }
  return out;
}
