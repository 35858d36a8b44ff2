/**
 * Text features of the assist module, pure and deterministic: accent-folded syllables (the platform's
 * `searchNorm`, the same folding as SQL `search_norm()`), unigrams + bigrams, sublinear TF-IDF with L2 norm,
 * cosine similarity. Vietnamese writes one syllable per space-separated token, and syllable bigrams already carry
 * its compounds ("khai sinh", "quyền sử dụng"), so no word segmentation (research ai-ocr-documents.md §2).
 */
import { searchNorm } from '../../platform/text.ts';

/** A sparse vector: term index → weight. */
export type SparseVec = Map<number, number>;

/** Folds accents and case and splits into syllables: 'Làm giấy khai sinh!' → ['lam', 'giay', 'khai', 'sinh']. */
export function foldedSyllables(text: string): string[] {
  return searchNorm(text.normalize('NFC')).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Lower-case NFC syllables with their accents, aligned with `foldedSyllables` (for showing matched words). */
export function surfaceSyllables(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Unigrams + bigrams of a syllable sequence ("khai", "sinh", "khai sinh"). A syllable in `stop` gives no
 * unigram and no bigram, so "khai sinh cho con" does not match "khai sinh cho người…" on "sinh cho".
 */
export function termsOf(syllables: readonly string[], stop: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (let i = 0; i < syllables.length; i++) {
    const a = syllables[i];
    if (stop.has(a)) continue;
    out.push(a);
    const b = syllables[i + 1];
    if (b !== undefined && !stop.has(b)) out.push(`${a} ${b}`);
  }
  return out;
}

/** Terms of a text: folded syllables, unigrams + bigrams. */
export const textTerms = (text: string, stop?: ReadonlySet<string>) => termsOf(foldedSyllables(text), stop);

/** Term counts. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/**
 * A TF-IDF vocabulary fitted on a corpus: idf = ln((1 + N) / (1 + df)) + 1 (smoothed), weights
 * (1 + ln tf) · idf (sublinear), vectors L2-normalised so that a dot product is the cosine.
 * Terms never seen in the corpus are dropped.
 */
export class TfIdf {
  readonly index = new Map<string, number>();
  readonly idf: number[] = [];

  constructor(corpus: ReadonlyArray<readonly string[]>) {
    const df = new Map<string, number>();
    for (const doc of corpus) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
    const n = corpus.length;
    for (const [t, d] of [...df.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      this.index.set(t, this.idf.length);
      this.idf.push(Math.log((1 + n) / (1 + d)) + 1);
    }
  }

  get size() {
    return this.idf.length;
  }

  /** The normalised vector of a document's terms. */
  vector(terms: readonly string[]): SparseVec {
    const v: SparseVec = new Map();
    for (const [t, tf] of countTerms(terms)) {
      const i = this.index.get(t);
      if (i !== undefined) v.set(i, (1 + Math.log(tf)) * this.idf[i]);
    }
    let norm = 0;
    for (const w of v.values()) norm += w * w;
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [i, w] of v) v.set(i, w / norm);
    return v;
  }
}

/** Dot product of two sparse vectors (= cosine for normalised ones). */
export function dot(a: SparseVec, b: SparseVec): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [i, w] of small) {
    const x = large.get(i);
    if (x !== undefined) s += w * x;
  }
  return s;
}

/** Small seeded PRNG (mulberry32): training and splits are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy, driven by `random`. */
export function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
