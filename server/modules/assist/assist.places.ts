/**
 * Places named in a feedback text, to tell the same incident from the same kind of problem: two reports of a
 * broken street light are duplicates only when they name the same street, village or residential group (research
 * ai-ocr-documents.md §2: cosine alone F1 0.38 on "same incident", cosine + same place 0.77). Pure.
 */
import { foldedSyllables } from './assist.text.ts';

/** Words that introduce a place: village, hamlet, residential group, alley, street, zone, house number. */
export const PLACE_WORDS: readonly string[][] = [
  ['to', 'dan', 'pho'], ['khu', 'pho'], ['khu', 'dan', 'cu'], ['so', 'nha'],
  ['thon'], ['xom'], ['ban'], ['ap'], ['to'], ['ngo'], ['ngach'], ['hem'], ['kiet'], ['duong'], ['pho'], ['khu'], ['kdc'],
];

const isDigits = (s: string) => /^\d+[a-z]?$/.test(s);
const capitalised = (s: string) => /^\p{Lu}/u.test(s);

/**
 * Places in a text, folded ("thon dong hai", "to 5", "duong tran phu"): a place word followed by a number, or by
 * capitalised words (a name, as people write it), or — in a text typed without capitals — by up to two syllables;
 * and any known local place name (the units' villages and residential groups) found in the text.
 */
export function extractPlaces(text: string, knownPlaces: readonly string[][] = []): Set<string> {
  const nfc = text.normalize('NFC');
  const folded = foldedSyllables(nfc);
  const original = nfc.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const aligned = original.length === folded.length;
  const noCapitals = nfc === nfc.toLowerCase();
  const out = new Set<string>();
  for (let i = 0; i < folded.length; i++) {
    const word = PLACE_WORDS.find((w) => w.every((x, k) => folded[i + k] === x));
    if (!word) continue;
    const j = i + word.length;
    const name: string[] = [];
    if (j < folded.length && isDigits(folded[j])) name.push(folded[j]);
    else if (aligned && !noCapitals) for (let k = j; k < folded.length && k < j + 4 && capitalised(original[k]); k++) name.push(folded[k]);
    else if (noCapitals) name.push(...folded.slice(j, j + 2));
    if (name.length) out.add([...word, ...name].join(' '));
  }
  const joined = ` ${folded.join(' ')} `;
  for (const p of knownPlaces) if (p.length && joined.includes(` ${p.join(' ')} `)) out.add(p.join(' '));
  return out;
}

/** Known place names as folded syllables, without their leading place word when they have one ("Thôn Đông Hải" → both forms). */
export function compilePlaces(names: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const n of names) {
    const f = foldedSyllables(n);
    if (f.length === 0) continue;
    out.push(f);
    const word = PLACE_WORDS.find((w) => w.every((x, k) => f[k] === x));
    // The bare name only when it is distinctive enough (two syllables or more): "Đông Hải", not "5".
    if (word && f.length - word.length >= 2) out.push(f.slice(word.length));
  }
  return out;
}
