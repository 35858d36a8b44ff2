/**
 * A year's schedule as an Excel workbook (the form administrators receive notices in): reading with row-level
 * errors, and the template. First worksheet, first row = headers, one day per row, columns in this order:
 *
 *   A Ngày (date)  B Loại (kind)  C Lý do (vi)  D Reason (en)  E Raison (fr)  F Văn bản (source)
 *   G Đã xác nhận (confirmed)  H Hoán đổi với (swap with)
 *
 * Dates as Excel dates, 'YYYY-MM-DD' or 'DD/MM/YYYY'; kind "nghỉ" / "làm bù" (or day_off / makeup_working_day);
 * confirmed "có"/"không" (empty = có).
 */
import ExcelJS from 'exceljs';
import type { FieldError } from '../../platform/errors.ts';
import { searchNorm } from '../../platform/text.ts';
import type { ImportRow } from './calendar.service.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROWS = 400;

const HEADERS = ['Ngày (date)', 'Loại (kind)', 'Lý do (vi)', 'Reason (en)', 'Raison (fr)', 'Văn bản (source)', 'Đã xác nhận (confirmed)', 'Hoán đổi với (swap with)'];
const COLUMN_FIELDS = ['date', 'kind', 'reason.vi', 'reason.en', 'reason.fr', 'source', 'confirmed', 'swapWith'];

type Msg = FieldError['message'];

/** Plain text of a cell value (rich text, formulas, hyperlinks included). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}

function dateOf(v: ExcelJS.CellValue): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000) {
    // An Excel serial day number (1900 system; 25569 = 1970-01-01).
    return new Date((v - 25569) * 86_400_000).toISOString().slice(0, 10);
  }
  const s = cellText(v);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let iso: string | null = m ? s : null;
  if (!iso) {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (m) iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function kindOf(text: string): ImportRow['kind'] | null {
  const k = searchNorm(text).replace(/[_-]/g, ' ').trim();
  if (['nghi', 'ngay nghi', 'day off', 'off', 'nghi hoan doi', 'announced day off'].includes(k)) return 'day_off';
  if (['lam bu', 'ngay lam bu', 'makeup', 'make up', 'makeup working day', 'make up working day', 'lam viec'].includes(k)) return 'makeup_working_day';
  return null;
}

function confirmedOf(text: string): boolean | null {
  const k = searchNorm(text);
  if (['', 'co', 'x', 'yes', 'true', '1', 'da xac nhan', 'oui'].includes(k)) return true;
  if (['khong', 'no', 'false', '0', 'chua', 'chua xac nhan', 'non'].includes(k)) return false;
  return null;
}

const err = (row: number, col: number, code: string, message: Msg): FieldError => ({ field: `rows.${row}.${COLUMN_FIELDS[col]}`, code, message });

/**
 * Reads the rows of a schedule workbook. Returns the rows, or every row error found (nothing is partially kept).
 * Empty rows are skipped; the field of a row is `rows.<spreadsheet row number>`.
 */
export async function readScheduleWorkbook(buffer: Buffer): Promise<{ rows: ImportRow[]; errors: FieldError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ field: 'file', code: 'unreadable', message: { vi: 'Không đọc được tệp Excel (.xlsx)', en: 'The Excel (.xlsx) file could not be read', fr: 'Le fichier Excel (.xlsx) est illisible' } }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ field: 'file', code: 'empty', message: { vi: 'Tệp không có trang tính nào', en: 'The workbook has no worksheet', fr: 'Le classeur ne contient aucune feuille' } }] };
  const rows: ImportRow[] = [];
  const errors: FieldError[] = [];
  const last = Math.min(ws.actualRowCount + 50, ws.rowCount);
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    const values = Array.from({ length: 8 }, (_, c) => row.getCell(c + 1).value);
    const texts = values.map(cellText);
    if (texts.every((t) => t === '')) continue;
    if (rows.length + 1 > MAX_ROWS) {
      errors.push({ field: `rows.${r}`, code: 'too_many', message: { vi: `Tối đa ${MAX_ROWS} dòng`, en: `At most ${MAX_ROWS} rows`, fr: `Au plus ${MAX_ROWS} lignes` } });
      break;
    }
    const date = dateOf(values[0]);
    if (!date) errors.push(err(r, 0, 'invalid_date', { vi: `Ngày không hợp lệ: "${texts[0]}" (dùng ngày Excel, YYYY-MM-DD hoặc DD/MM/YYYY)`, en: `Invalid date "${texts[0]}" (use an Excel date, YYYY-MM-DD or DD/MM/YYYY)`, fr: `Date invalide « ${texts[0]} » (date Excel, AAAA-MM-JJ ou JJ/MM/AAAA)` }));
    const kind = kindOf(texts[1]);
    if (!kind) errors.push(err(r, 1, 'invalid_kind', { vi: `Loại phải là "nghỉ" hoặc "làm bù": "${texts[1]}"`, en: `Kind must be "day_off" (nghỉ) or "makeup_working_day" (làm bù): "${texts[1]}"`, fr: `Le type doit être « nghỉ » (repos) ou « làm bù » (rattrapage) : « ${texts[1]} »` }));
    if (!texts[2]) errors.push(err(r, 2, 'required', { vi: 'Thiếu lý do', en: 'Reason (vi) is required', fr: 'Le motif (vi) est obligatoire' }));
    if (!texts[5]) errors.push(err(r, 5, 'required', { vi: 'Thiếu văn bản căn cứ', en: 'The legal document is required', fr: 'Le document de référence est obligatoire' }));
    const confirmed = confirmedOf(texts[6]);
    if (confirmed === null) errors.push(err(r, 6, 'invalid_boolean', { vi: 'Ghi "có" hoặc "không"', en: 'Write "yes" or "no"', fr: 'Écrire « oui » ou « non »' }));
    let swapWith: string | null = null;
    if (texts[7]) {
      swapWith = dateOf(values[7]);
      if (!swapWith) errors.push(err(r, 7, 'invalid_date', { vi: `Ngày hoán đổi không hợp lệ: "${texts[7]}"`, en: `Invalid swap date "${texts[7]}"`, fr: `Date d'échange invalide « ${texts[7]} »` }));
    }
    const long = texts.findIndex((t) => t.length > 500);
    if (long >= 0) errors.push(err(r, long, 'too_long', { vi: 'Tối đa 500 ký tự', en: 'At most 500 characters', fr: 'Au plus 500 caractères' }));
    if (date && kind && texts[2] && texts[5] && confirmed !== null) {
      rows.push({
        field: `rows.${r}`,
        date,
        kind,
        reason: { vi: texts[2].normalize('NFC'), en: (texts[3] || texts[2]).normalize('NFC'), fr: (texts[4] || texts[2]).normalize('NFC') },
        source: texts[5].normalize('NFC'),
        confirmed,
        swapWith,
      });
    }
  }
  return { rows, errors };
}

/** A workbook with the headers and, when given, the rows (e.g. a year's current entries to edit and re-import). */
export async function scheduleWorkbook(rows: Array<Omit<ImportRow, 'field'>> = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lich nghi');
  ws.addRow(HEADERS);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow([r.date, r.kind === 'day_off' ? 'nghỉ' : 'làm bù', r.reason.vi, r.reason.en, r.reason.fr, r.source, r.confirmed ? 'có' : 'không', r.swapWith ?? '']);
  }
  ws.columns.forEach((c, i) => {
    c.width = [14, 12, 40, 40, 40, 60, 14, 16][i];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
