/**
 * BM25F: BM25 over weighted fields, each field normalised by its own length (a short name that says exactly what
 * was asked beats a longer one that adds words), the weighted counts then saturated once (Robertson & Zaragoza,
 * "The Probabilistic Relevance Framework: BM25 and Beyond", 2009). Pure and deterministic.
 */

export interface Bm25Doc {
  id: string;
  /**
   * Terms of each field (`textTerms`) with the field's weight (e.g. name 3, documents 1) and its length
   * normalisation `b` (default BM25_B; 0 = length does not matter); same field order in every document.
   */
  fields: ReadonlyArray<{ terms: readonly string[]; weight: number; b?: number }>;
}

export interface Bm25Hit {
  id: string;
  score: number;
  /** Query terms found in the document with their share of the score, largest first. */
  matched: Array<{ term: string; score: number }>;
}

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

interface IndexedDoc {
  id: string;
  fields: Array<{ tf: Map<string, number>; length: number; weight: number; b: number }>;
}

export class Bm25Index {
  private readonly docs: IndexedDoc[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number[] = [];

  constructor(docs: readonly Bm25Doc[], readonly k1 = BM25_K1, b = BM25_B) {
    this.docs = docs.map((d) => {
      const seen = new Set<string>();
      const fields = d.fields.map((f) => {
        const tf = new Map<string, number>();
        for (const t of f.terms) {
          tf.set(t, (tf.get(t) ?? 0) + 1);
          seen.add(t);
        }
        return { tf, length: f.terms.length, weight: f.weight, b: f.b ?? b };
      });
      for (const t of seen) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { id: d.id, fields };
    });
    const nFields = Math.max(0, ...docs.map((d) => d.fields.length));
    for (let f = 0; f < nFields; f++) this.avgLength.push(this.docs.reduce((a, d) => a + (d.fields[f]?.length ?? 0), 0) / Math.max(1, this.docs.length));
  }

  get size() {
    return this.docs.length;
  }

  /** Inverse document frequency (the Lucene form, never negative). */
  idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The field-weighted, length-normalised count of a term in a document (BM25F's pseudo term frequency). */
  private weightedTf(d: IndexedDoc, term: string): number {
    let s = 0;
    d.fields.forEach((f, i) => {
      const tf = f.tf.get(term);
      if (!tf || this.avgLength[i] === 0) return;
      s += (f.weight * tf) / (1 - f.b + (f.b * f.length) / this.avgLength[i]);
    });
    return s;
  }

  /**
   * The best documents for weighted query terms (a term listed twice counts once, with its larger weight),
   * best first; ties broken by id. Documents that match no term are left out. `accept` filters documents.
   */
  search(query: ReadonlyArray<{ term: string; weight: number }>, limit: number, accept: (id: string) => boolean = () => true): Bm25Hit[] {
    const q = new Map<string, number>();
    for (const { term, weight } of query) q.set(term, Math.max(weight, q.get(term) ?? 0));
    const idf = new Map([...q.keys()].map((t) => [t, this.idf(t)]));
    const hits: Bm25Hit[] = [];
    for (const d of this.docs) {
      let score = 0;
      const matched: Bm25Hit['matched'] = [];
      for (const [term, weight] of q) {
        const tf = this.weightedTf(d, term);
        if (tf === 0) continue;
        const s = (weight * idf.get(term)! * tf * (this.k1 + 1)) / (tf + this.k1);
        score += s;
        matched.push({ term, score: s });
      }
      if (score > 0 && accept(d.id)) hits.push({ id: d.id, score, matched: matched.sort((a, b) => b.score - a.score) });
    }
    return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }
}
