/**
 * Field extraction from recognised text (trích xuất thông tin từ bản quét): the applicant's ID number (CCCD, or the
 * old 9-digit CMND), full name, date of birth, sex, place of residence, mobile phone and e-mail. Pure functions over
 * `OcrText`; nothing here is saved — the answer is a proposal the counter officer checks.
 *
 * Labels are found in the accent-folded lower-case text (so "Ho va ten" typed or read without accents works),
 * values are sliced from the original NFC text at the same offsets. Each field carries the lowest confidence of the
 * words it was read from and `review: true` when that is below REVIEW_BELOW or a check casts doubt on it; `reasons`
 * says which (codes listed in REVIEW_REASONS).
 */
import { foldSameLength, spanConfidence, type OcrText } from './ocr.text.ts';

/**
 * Word confidence (tesseract, 0–100) below which a field is flagged for review. 80: on the research pages
 * (docs/ocr.md) correct words scored 89–97 and the misread ones (Ủ→Ú, "(@" in an e-mail) 25–79.
 */
export const REVIEW_BELOW = 80;

/** Why a field is flagged for review. */
export const REVIEW_REASONS = {
  low_confidence: 'a word of the value was read with a confidence below REVIEW_BELOW',
  ocr_corrected: 'characters were corrected (O→0, I/l→1, stray brackets around @, …)',
  no_diacritics: 'a name or address without any Vietnamese diacritic: probably read or typed without accents',
  unusual_characters: 'characters other than letters were removed from a name',
  id_province: 'the first 3 digits of the CCCD are not a province code (001–096)',
  id_century: 'the 4th digit of the CCCD (sex and century) is not one of 0–3 (born 1900–2099)',
  id_birth_year_mismatch: 'the birth year in the CCCD (digits 4–6) differs from the date of birth read',
  id_sex_mismatch: 'the sex coded in the CCCD differs from the sex read',
  incomplete: 'the value may continue on a line that was not read',
} as const;
export type ReviewReason = keyof typeof REVIEW_REASONS;

export interface ExtractedField<V extends string = string> {
  value: V;
  /** Lowest word confidence of the value (0–100); null when the text carried none. */
  confidence: number | null;
  review: boolean;
  reasons: ReviewReason[];
}

export interface ExtractedFields {
  /** 12 digits (CCCD, `kind: 'cccd'`) or 9 digits (CMND, `kind: 'cmnd'`). */
  idNumber?: ExtractedField & { kind: 'cccd' | 'cmnd' };
  /** NFC, title case: "Nguyễn Thị Hồng Nhung". */
  name?: ExtractedField;
  /** ISO date yyyy-mm-dd (read as dd/mm/yyyy). */
  dateOfBirth?: ExtractedField;
  sex?: ExtractedField<'male' | 'female'>;
  /** Place of residence (nơi thường trú / nơi cư trú / địa chỉ). */
  address?: ExtractedField;
  /** Mobile number as 0xxxxxxxxx. */
  phone?: ExtractedField;
  email?: ExtractedField;
}
export type FieldName = keyof ExtractedFields;
export const FIELD_NAMES: readonly FieldName[] = ['idNumber', 'name', 'dateOfBirth', 'sex', 'address', 'phone', 'email'];

// Labels in folded form ('\\s*' between words tolerates OCR's lost or doubled spaces).
const words = (...ls: string[]) => ls.map((l) => l.trim().split(/\s+/).join('\\s*')).join('|');
const LABELS = {
  idNumber: words('so dinh danh ca nhan', 'so can cuoc cong dan', 'so can cuoc', 'so cccd', 'so cmnd', 'so cmtnd', 'so chung minh nhan dan', 'cccd', 'cmnd', 'personal identification number', 'identity card number', 'so', 'no\\.'),
  name: words('ho,? chu dem,? (?:va )?ten (?:nguoi yeu cau)?', 'ho va ten (?:nguoi yeu cau)?', 'ho ten', 'full name'),
  dateOfBirth: words('ngay,? thang,? nam sinh', 'ngay sinh', 'date of birth'),
  sex: words('gioi tinh', 'sex'),
  address: words('noi dang ky thuong tru', 'noi thuong tru', 'noi cu tru', 'noi o hien nay', 'dia chi thuong tru', 'dia chi lien he', 'dia chi cu tru', 'dia chi', 'place of residence', 'address'),
  phone: words('so dien thoai', 'dien thoai', 'sdt', 'so dt', 'phone', 'tel'),
  email: words('thu dien tu', 'dia chi thu dien tu', 'e-?mail'),
};
/** Labels that end a value on the same line (the next field of a card or form). */
const OTHER_LABELS = words('quoc tich', 'nationality', 'que quan', 'place of origin', 'noi sinh', 'place of birth', 'dan toc', 'ton giao', 'co gia tri den', 'date of expiry', 'ngay,? thang,? nam het han', 'dac diem nhan dang');
const ANY_LABEL = new RegExp(`(?:^|[^a-z])(?:${[...Object.values(LABELS), OTHER_LABELS].join('|')})\\s*(?:/\\s*[a-z .]+?)?\\s*:`, 'g');

interface Span {
  start: number;
  end: number;
}

/** Start of the line holding `i`, end of it (exclusive). */
const lineStart = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;
const lineEnd = (text: string, i: number) => {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
};

/** Trims whitespace and the given characters from both ends of a span. */
function trimSpan(text: string, s: Span, chars = ' \t:;,./-|'): Span {
  let { start, end } = s;
  while (start < end && chars.includes(text[start])) start++;
  while (end > start && chars.includes(text[end - 1])) end--;
  return { start, end };
}

/**
 * The values after each occurrence of a label, in reading order: the rest of its line up to the next label, or —
 * when the label ends its line ("Họ và tên / Full name:" above "NGUYỄN VĂN A") — the next non-empty line. A
 * bilingual label ("Giới tính / Sex:") counts as one.
 */
function* valuesAfter(t: OcrText, folded: string, label: string): Generator<{ span: Span; nextLine: boolean }> {
  const re = new RegExp(`(?:^|[^a-z0-9])(?:${label})\\s*(?:/\\s*[a-z .]+?)?\\s*[:.]`, 'g');
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const after = m.index + m[0].length;
    const span = trimSpan(t.text, cutAtLabel(folded, { start: after, end: lineEnd(folded, after) }));
    if (span.end > span.start) {
      yield { span, nextLine: false };
      continue;
    }
    // Nothing on this line: the value is on the next non-empty line (if that line is not itself a label).
    let next = lineEnd(folded, after) + 1;
    while (next < folded.length && folded[next] === '\n') next++;
    if (next >= folded.length) continue;
    const lineSpan = trimSpan(t.text, cutAtLabel(folded, { start: next, end: lineEnd(folded, next) }));
    if (lineSpan.end > lineSpan.start && lineSpan.start === trimSpan(t.text, { start: next, end: lineEnd(folded, next) }).start) yield { span: lineSpan, nextLine: true };
  }
}

/** The value after the first occurrence of a label that has one. */
const valueAfter = (t: OcrText, folded: string, label: string) => valuesAfter(t, folded, label).next().value as { span: Span; nextLine: boolean } | undefined;

/** Ends a span where another label begins on the same line. */
function cutAtLabel(folded: string, s: Span): Span {
  ANY_LABEL.lastIndex = s.start;
  const m = ANY_LABEL.exec(folded);
  if (m && m.index < s.end) {
    const at = m.index + (/^[a-z]/.test(m[0]) ? 0 : 1);
    return { start: s.start, end: Math.max(s.start, at) };
  }
  return s;
}

const field = <V extends string>(t: OcrText, span: Span, value: V, reasons: ReviewReason[] = []): ExtractedField<V> => {
  const confidence = spanConfidence(t, span.start, span.end);
  const all = [...reasons];
  if (confidence !== null && confidence < REVIEW_BELOW) all.unshift('low_confidence');
  const unique = [...new Set(all)];
  return { value, confidence, review: unique.length > 0, reasons: unique };
};

const hasDiacritics = (s: string) => foldSameLength(s) !== s.toLowerCase();

/** "NGUYỄN THỊ hồng nhung" → "Nguyễn Thị Hồng Nhung" (NFC, Vietnamese case mapping). */
export function titleCaseVi(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('vi'))
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- ID number -------------------------------------------------------------------------------------------------

/** What a 12-digit CCCD number says of its holder (Circular 07/2016/TT-BCA, art. 7). */
export interface CccdFacts {
  provinceCode: string;
  sex: 'male' | 'female';
  birthYear: number;
  problems: Array<'id_province' | 'id_century'>;
}

/**
 * Decodes a CCCD number: digits 1–3 the province of birth registration (001–096), digit 4 sex and century
 * (0/1 = male/female born 1900–1999, 2/3 = 2000–2099; 4–9 are for later centuries, so not a living person),
 * digits 5–6 the last two digits of the birth year. Undefined when not 12 digits.
 */
export function decodeCccd(id: string): CccdFacts | undefined {
  if (!/^\d{12}$/.test(id)) return undefined;
  const province = Number(id.slice(0, 3));
  const g = Number(id[3]);
  const problems: CccdFacts['problems'] = [];
  if (province < 1 || province > 96) problems.push('id_province');
  if (g > 3) problems.push('id_century');
  return { provinceCode: id.slice(0, 3), sex: g % 2 === 0 ? 'male' : 'female', birthYear: 1900 + Math.floor(g / 2) * 100 + Number(id.slice(4, 6)), problems };
}

/** Letters OCR confuses with digits inside a number. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', i: '1', S: '5', B: '8', Z: '2' };

function digitsOf(raw: string): { digits: string; corrected: boolean } | undefined {
  let corrected = false;
  let digits = '';
  for (const ch of raw) {
    if (/\d/.test(ch)) digits += ch;
    else if (ch === ' ' || ch === '.' || ch === '-') continue;
    else if (DIGIT_LOOKALIKES[ch]) {
      digits += DIGIT_LOOKALIKES[ch];
      corrected = true;
    } else return undefined;
  }
  return { digits, corrected };
}

function extractIdNumber(t: OcrText, folded: string): ExtractedFields['idNumber'] {
  // Labelled ("Số:" also numbers other papers): the first label whose value is a number of 12 or 9 digits.
  for (const labelled of valuesAfter(t, folded, LABELS.idNumber)) {
    // The number is the first run of digits and look-alikes (with spaces or dots) of the value.
    const raw = t.text.slice(labelled.span.start, labelled.span.end);
    const m = /[0-9OoDQIl|iSBZ][0-9OoDQIl|iSBZ .-]*[0-9OoDQIl|iSBZ]/.exec(raw);
    const got = m ? digitsOf(m[0]) : undefined;
    if (m && got && /\d/.test(got.digits) && (got.digits.length === 12 || got.digits.length === 9)) {
      const span = { start: labelled.span.start + m.index, end: labelled.span.start + m.index + m[0].length };
      const reasons: ReviewReason[] = got.corrected ? ['ocr_corrected'] : [];
      if (got.digits.length === 12) reasons.push(...decodeCccd(got.digits)!.problems);
      return { ...field(t, span, got.digits, reasons), kind: got.digits.length === 12 ? 'cccd' : 'cmnd' };
    }
  }
  // Unlabelled: the first 12-digit number that decodes as a CCCD without problems.
  for (const m of t.text.matchAll(/(?<![\d])\d{12}(?![\d])/g)) {
    if (decodeCccd(m[0])!.problems.length === 0) return { ...field(t, { start: m.index, end: m.index + 12 }, m[0]), kind: 'cccd' };
  }
  return undefined;
}

// ---- name, date of birth, sex, address ---------------------------------------------------------------------------

function extractName(t: OcrText, folded: string): ExtractedField | undefined {
  const v = valueAfter(t, folded, LABELS.name);
  if (!v) return undefined;
  const raw = t.text.slice(v.span.start, v.span.end);
  const cleaned = raw.replace(/[^\p{L}\s'-]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned || !/\p{L}{2}/u.test(cleaned)) return undefined;
  const reasons: ReviewReason[] = [];
  if (cleaned.replace(/\s/g, '') !== raw.replace(/\s/g, '')) reasons.push('unusual_characters');
  if (!hasDiacritics(cleaned)) reasons.push('no_diacritics');
  return field(t, v.span, titleCaseVi(cleaned), reasons);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy (also with '-' or '.', spaces around) → ISO date, when it is a real date between 1900 and `today`. */
export function parseDmy(s: string, today = new Date()): { iso: string; index: number; length: number } | undefined {
  const m = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/.exec(s);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  if (y < 1900 || date.getTime() > today.getTime()) return undefined;
  return { iso: `${y}-${pad(mo)}-${pad(d)}`, index: m.index, length: m[0].length };
}

function extractDateOfBirth(t: OcrText, folded: string, today: Date): ExtractedField | undefined {
  const v = valueAfter(t, folded, LABELS.dateOfBirth);
  if (!v) return undefined;
  const d = parseDmy(t.text.slice(v.span.start, v.span.end), today);
  if (!d) return undefined;
  return field(t, { start: v.span.start + d.index, end: v.span.start + d.index + d.length }, d.iso);
}

function extractSex(t: OcrText, folded: string): ExtractedField<'male' | 'female'> | undefined {
  const v = valueAfter(t, folded, LABELS.sex);
  if (!v) return undefined;
  const first = /[a-z]+/.exec(folded.slice(v.span.start, v.span.end));
  if (!first) return undefined;
  const value = ({ nam: 'male', male: 'male', m: 'male', nu: 'female', female: 'female', f: 'female' } as const)[first[0] as 'nam'];
  if (!value) return undefined;
  const start = v.span.start + first.index;
  return field(t, { start, end: start + first[0].length }, value);
}

function extractAddress(t: OcrText, folded: string): ExtractedField | undefined {
  const v = valueAfter(t, folded, LABELS.address);
  if (!v) return undefined;
  let span = v.span;
  const reasons: ReviewReason[] = [];
  // An address wraps on cards and forms: take the next line too when this one ends with a comma or the next one
  // goes on in lower case, unless it holds a label of its own.
  const nextStart = lineEnd(folded, span.end) + 1;
  if (nextStart < folded.length && folded[nextStart] !== '\n') {
    const nextSpan = trimSpan(t.text, { start: nextStart, end: lineEnd(folded, nextStart) });
    const nextText = t.text.slice(nextSpan.start, nextSpan.end);
    const hasLabel = cutAtLabel(folded, { start: nextStart, end: lineEnd(folded, nextStart) }).end < lineEnd(folded, nextStart) || nextText.includes(':');
    const wraps = /[,-]\s*$/.test(t.text.slice(lineStart(t.text, span.end), lineEnd(t.text, span.end))) || /^\p{Ll}/u.test(nextText);
    if (wraps && !hasLabel && nextSpan.end > nextSpan.start) span = { start: span.start, end: nextSpan.end };
    else if (wraps) reasons.push('incomplete');
  }
  const value = t.text
    .slice(span.start, span.end)
    .replace(/\s+/g, ' ')
    .replace(/\s+,/g, ',')
    .replace(/[\s,;.]+$/, '')
    .trim();
  if (!/\p{L}{2}/u.test(value)) return undefined;
  if (!hasDiacritics(value)) reasons.push('no_diacritics');
  return field(t, span, value, reasons);
}

// ---- phone, e-mail -----------------------------------------------------------------------------------------------

/** Vietnamese mobile prefixes (Viettel, MobiFone, VinaPhone, Vietnamobile, Gmobile, Itelecom, Reddi). */
export const MOBILE_PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '052', '055', '056', '058', '059', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '087', '088', '089', '090', '091', '092', '093', '094', '096', '097', '098', '099'] as const;

/** A mobile number with or without +84/84 and separators → 0xxxxxxxxx; undefined when it is none. */
export function normaliseMobile(raw: string): string | undefined {
  let d = raw.replace(/[\s.()-]/g, '');
  if (d.startsWith('+84')) d = `0${d.slice(3)}`;
  else if (d.startsWith('84') && d.length === 11) d = `0${d.slice(2)}`;
  if (!/^0\d{9}$/.test(d)) return undefined;
  return (MOBILE_PREFIXES as readonly string[]).includes(d.slice(0, 3)) ? d : undefined;
}

const PHONE_RE = /(?<![\d+])(?:\+\s?84|84|0)[\s.-]?(?:\d[\s.-]?){8}\d(?!\d)/g;

function extractPhone(t: OcrText, folded: string, avoid: Span | undefined): ExtractedField | undefined {
  const overlaps = (s: Span) => !!avoid && s.start < avoid.end && s.end > avoid.start;
  const labelled = valueAfter(t, folded, LABELS.phone);
  const candidates: Span[] = [];
  if (labelled) for (const m of t.text.slice(labelled.span.start, labelled.span.end).matchAll(PHONE_RE)) candidates.push({ start: labelled.span.start + m.index, end: labelled.span.start + m.index + m[0].length });
  for (const m of t.text.matchAll(PHONE_RE)) candidates.push({ start: m.index, end: m.index + m[0].length });
  for (const s of candidates) {
    if (overlaps(s)) continue;
    const n = normaliseMobile(t.text.slice(s.start, s.end));
    if (n) return field(t, s, n);
  }
  return undefined;
}

function extractEmail(t: OcrText): ExtractedField | undefined {
  // OCR reads '@' as '(@', '@)' or with spaces around it: accepted, corrected and flagged.
  const m = /(?<![\p{L}\d._%+-])([A-Za-z0-9._%+-]+)\s*[([]?@[)\]]?\s*([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![\p{L}\d])/u.exec(t.text);
  if (!m) return undefined;
  const value = `${m[1]}@${m[2]}`.toLowerCase();
  const reasons: ReviewReason[] = m[0] !== `${m[1]}@${m[2]}` ? ['ocr_corrected'] : [];
  return field(t, { start: m.index, end: m.index + m[0].length }, value, reasons);
}

/**
 * Every field found in the text. A CCCD number is cross-checked with the date of birth and sex read: a mismatch
 * flags both for review (one of them was misread, or the card is not the applicant's).
 */
export function extractFields(t: OcrText, today = new Date()): ExtractedFields {
  const folded = foldSameLength(t.text);
  const out: ExtractedFields = {};
  const id = extractIdNumber(t, folded);
  const name = extractName(t, folded);
  const dob = extractDateOfBirth(t, folded, today);
  const sex = extractSex(t, folded);
  const address = extractAddress(t, folded);
  const idSpan = id ? spanOf(t.text, id.value) : undefined;
  const phone = extractPhone(t, folded, idSpan);
  const email = extractEmail(t);
  if (id?.kind === 'cccd') {
    const facts = decodeCccd(id.value)!;
    const flag = (f: ExtractedField<string> | undefined, reason: ReviewReason) => {
      if (!f || f.reasons.includes(reason)) return;
      f.reasons.push(reason);
      f.review = true;
    };
    if (dob && Number(dob.value.slice(0, 4)) !== facts.birthYear && !facts.problems.includes('id_century')) {
      flag(id, 'id_birth_year_mismatch');
      flag(dob, 'id_birth_year_mismatch');
    }
    if (sex && sex.value !== facts.sex && !facts.problems.includes('id_century')) {
      flag(id, 'id_sex_mismatch');
      flag(sex, 'id_sex_mismatch');
    }
  }
  if (id) out.idNumber = id;
  if (name) out.name = name;
  if (dob) out.dateOfBirth = dob;
  if (sex) out.sex = sex;
  if (address) out.address = address;
  if (phone) out.phone = phone;
  if (email) out.email = email;
  return out;
}

/** Where the ID digits sit in the text (possibly with separators), so a phone is not read out of them. */
function spanOf(text: string, digits: string): Span | undefined {
  const pattern = digits.split('').join('[\\s.-]?');
  const m = new RegExp(pattern).exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}
