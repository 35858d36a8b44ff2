/**
 * What a citizen typed ("lam giay khai sinh cho con") → weighted query terms for the procedure index: the
 * synonym table (assist.synonyms.json, data) adds the catalogue's wording for colloquial phrases, filler phrases
 * are cut out, stop syllables give no term. Pure; everything is compared accent-folded.
 */
import { readFileSync } from 'node:fs';
import { foldedSyllables, termsOf } from './assist.text.ts';

export interface SynonymTable {
  stopwords: string[];
  fillers: string[];
  synonyms: Array<{ when: string[]; add: string }>;
}

/** A compiled table: phrases as folded syllable sequences. */
export interface CompiledTable {
  stop: ReadonlySet<string>;
  fillers: string[][];
  synonyms: Array<{ when: Array<{ text: string; syllables: string[] }>; add: string; addTerms: string[] }>;
}

/** Weight of the words a synonym adds, relative to the words typed. */
export const SYNONYM_WEIGHT = 1;

export function compileTable(t: SynonymTable): CompiledTable {
  const stop = new Set(t.stopwords.flatMap((w) => foldedSyllables(w)));
  return {
    stop,
    fillers: t.fillers.map((f) => foldedSyllables(f)).filter((f) => f.length > 0).sort((a, b) => b.length - a.length),
    synonyms: t.synonyms.map((s) => ({
      when: s.when.map((w) => ({ text: w, syllables: foldedSyllables(w) })).filter((w) => w.syllables.length > 0),
      add: s.add,
      addTerms: termsOf(foldedSyllables(s.add)),
    })),
  };
}

/** The table shipped with the module. */
export const DEFAULT_TABLE = compileTable(JSON.parse(readFileSync(new URL('./assist.synonyms.json', import.meta.url), 'utf8')) as SynonymTable);

const startsAt = (xs: readonly string[], i: number, phrase: readonly string[]) => phrase.every((p, k) => xs[i + k] === p);

export interface AnalysedQuery {
  /** Weighted terms (a term may repeat; the index keeps its largest weight). */
  terms: Array<{ term: string; weight: number }>;
  /** Synonyms applied: what was typed → what was added, with the terms it added. */
  applied: Array<{ from: string; to: string; terms: string[] }>;
}

/** Analyses a query: synonyms on the whole folded text, then fillers cut, then unigrams + bigrams without stop syllables. */
export function analyseQuery(q: string, t: CompiledTable = DEFAULT_TABLE): AnalysedQuery {
  const syl = foldedSyllables(q);
  // Every occurrence of every synonym phrase; a phrase lying inside a longer matched one is dropped
  // ("tách hộ khẩu" → tách hộ, not also "hộ khẩu" → đăng ký thường trú).
  const spans: Array<{ s: (typeof t.synonyms)[number]; text: string; from: number; to: number }> = [];
  for (const s of t.synonyms) for (const w of s.when) syl.forEach((_, i) => startsAt(syl, i, w.syllables) && spans.push({ s, text: w.text, from: i, to: i + w.syllables.length }));
  const kept = spans.filter((a) => !spans.some((b) => b !== a && b.from <= a.from && a.to <= b.to && b.to - b.from > a.to - a.from));
  const applied: AnalysedQuery['applied'] = [];
  for (const k of kept) if (!applied.some((a) => a.to === k.s.add)) applied.push({ from: k.text, to: k.s.add, terms: k.s.addTerms });
  // Fillers become a stop marker, so the words on either side do not form a bigram.
  const cut: string[] = [];
  for (let i = 0; i < syl.length; ) {
    const f = t.fillers.find((p) => startsAt(syl, i, p));
    if (f) {
      cut.push('#');
      i += f.length;
    } else cut.push(syl[i++]);
  }
  const stop = new Set([...t.stop, '#']);
  const terms = termsOf(cut, stop).map((term) => ({ term, weight: 1 }));
  for (const a of applied) for (const term of a.terms) if (!stop.has(term)) terms.push({ term, weight: SYNONYM_WEIGHT });
  return { terms, applied };
}
