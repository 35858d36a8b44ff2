/**
 * Recognised text as the field extraction reads it: one string (lines joined by '\n', pages by a blank line) and,
 * when tesseract gave them, the character span and confidence (0–100) of each word. Pure; no process is run here.
 */

export interface OcrWord {
  /** Offsets into `OcrText.text`, end exclusive. */
  start: number;
  end: number;
  /** tesseract's word confidence, 0–100. */
  conf: number;
}

export interface OcrText {
  /** NFC text. */
  text: string;
  /** Empty when the text did not come from tesseract (typed text, tests): confidences are then unknown. */
  words: OcrWord[];
}

/** Text without word confidences (pasted or typed text, unit tests). */
export const textOnly = (text: string): OcrText => ({ text: text.normalize('NFC'), words: [] });

/**
 * Reads tesseract's TSV output (`tesseract img - tsv`): level-5 rows are words with their confidence; words of the
 * same page/block/paragraph/line form one line. Words are NFC-normalised (tesseract may emit decomposed marks).
 */
export function parseTsv(tsv: string): OcrText {
  const lines: Array<Array<{ text: string; conf: number }>> = [];
  let key = '';
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const word = cols.slice(11).join('\t').trim().normalize('NFC');
    if (!word) continue;
    const k = cols.slice(1, 5).join('.');
    if (k !== key) {
      lines.push([]);
      key = k;
    }
    const conf = Number(cols[10]);
    lines[lines.length - 1].push({ text: word, conf: Number.isFinite(conf) && conf >= 0 ? conf : 0 });
  }
  let text = '';
  const words: OcrWord[] = [];
  lines.forEach((line, i) => {
    if (i > 0) text += '\n';
    line.forEach((w, j) => {
      if (j > 0) text += ' ';
      words.push({ start: text.length, end: text.length + w.text.length, conf: w.conf });
      text += w.text;
    });
  });
  return { text, words };
}

/** Joins the pages of one scan into one text, shifting each page's word offsets. */
export function joinPages(pages: readonly OcrText[]): OcrText {
  let text = '';
  const words: OcrWord[] = [];
  for (const p of pages) {
    if (!p.text) continue;
    if (text) text += '\n\n';
    const shift = text.length;
    for (const w of p.words) words.push({ start: w.start + shift, end: w.end + shift, conf: w.conf });
    text += p.text;
  }
  return { text, words };
}

/** The lowest confidence of the words overlapping [start, end); null when confidences are unknown. */
export function spanConfidence(t: OcrText, start: number, end: number): number | null {
  if (t.words.length === 0) return null;
  let min: number | null = null;
  for (const w of t.words) if (w.start < end && w.end > start) min = min === null ? w.conf : Math.min(min, w.conf);
  return min === null ? null : Math.round(min * 10) / 10;
}

/** Mean word confidence of a text (for the answer's summary); null when unknown. */
export function meanConfidence(t: OcrText): number | null {
  if (t.words.length === 0) return null;
  return Math.round((t.words.reduce((a, w) => a + w.conf, 0) / t.words.length) * 10) / 10;
}

/**
 * Accent-free lower case of the same length as the input, character for character (Vietnamese letters are one
 * UTF-16 unit in NFC and fold to one), so that an index found in the folded text slices the original.
 */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    let f = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (f === 'đ' || f === 'Đ') f = 'd';
    f = f.toLowerCase();
    out += f.length === ch.length ? f : ch;
  }
  return out;
}
