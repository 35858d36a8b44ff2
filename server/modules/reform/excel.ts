/**
 * Reading and writing the reform workbooks (criteria tree, attendance list) with exceljs. Errors are tied to a
 * cell (sheet, row, column) and become the API's field errors `Sheet!C12`, all of them at once.
 */
import ExcelJS from 'exceljs';
import type { FieldError } from '../../platform/errors.ts';
import { searchNorm } from '../../platform/text.ts';
import type { Lang3 } from './reform.kinds.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_LIMIT = 10 * 1024 * 1024;

export interface ColumnSpec {
  key: string;
  col: string;
  header: string;
  required?: boolean;
  help: string;
}

export interface CellError {
  sheet: string;
  row: number;
  col: string;
  header: string;
  message: Lang3;
}

export const cellErrorsToFields = (errors: CellError[]): FieldError[] =>
  errors.map((e) => ({
    field: e.sheet === '-' ? 'file' : `${e.sheet}!${e.col}${e.row}`,
    code: 'invalid_cell',
    message: {
      vi: `${e.sheet} dòng ${e.row}, cột ${e.col} (${e.header}): ${e.message.vi}`,
      en: `${e.sheet} row ${e.row}, column ${e.col} (${e.header}): ${e.message.en}`,
      fr: `${e.sheet} ligne ${e.row}, colonne ${e.col} (${e.header}) : ${e.message.fr}`,
    },
  }));

export const XMSG = {
  unreadable: { vi: 'tệp không phải Excel (.xlsx) đọc được', en: 'the file is not a readable Excel (.xlsx) workbook', fr: "le fichier n'est pas un classeur Excel (.xlsx) lisible" },
  missingSheet: { vi: 'thiếu sheet', en: 'sheet missing', fr: 'feuille manquante' },
  header: { vi: 'tiêu đề cột không đúng mẫu', en: 'column header does not match the layout', fr: "l'en-tête ne correspond pas au modèle" },
  required: { vi: 'bắt buộc nhập', en: 'is required', fr: 'est obligatoire' },
  number: { vi: 'phải là số không âm, tối đa 2 chữ số thập phân', en: 'must be a non-negative number with at most 2 decimals', fr: 'doit être un nombre positif à 2 décimales au plus' },
  empty: { vi: 'sheet không có dòng dữ liệu nào', en: 'the sheet has no data row', fr: "la feuille n'a aucune ligne de données" },
} satisfies Record<string, Lang3>;

/** Plain text of a cell, whatever exceljs made of it (rich text, formula result, hyperlink, date). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').normalize('NFC').trim();
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text).normalize('NFC').trim();
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** A non-negative number with at most two decimals ("2,5" and "2.5" both read 2.5); undefined otherwise. */
export function parsePoints(text: string): number | undefined {
  const t = text.replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
  return Number(t);
}

export const sameHeader = (a: string, b: string) => searchNorm(a).replace(/\s+/g, ' ').trim() === searchNorm(b).replace(/\s+/g, ' ').trim();

export interface SheetRow {
  row: number;
  get(key: string): string;
}

/** Loads a workbook; undefined when the bytes are not a readable .xlsx. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook | undefined> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as never);
    return wb;
  } catch {
    return undefined;
  }
}

/**
 * Data rows of a sheet after checking its header row (row 1). Blank rows are skipped. Missing sheet or wrong
 * headers are recorded in `errors`.
 */
export function readSheet(wb: ExcelJS.Workbook, name: string, cols: ColumnSpec[], errors: CellError[], opts: { optional?: boolean; fallbackFirst?: boolean } = {}): SheetRow[] | undefined {
  const ws = wb.getWorksheet(name) ?? (opts.fallbackFirst ? wb.worksheets[0] : undefined);
  if (!ws) {
    if (!opts.optional) errors.push({ sheet: name, row: 1, col: 'A', header: '-', message: XMSG.missingSheet });
    return undefined;
  }
  let headerOk = true;
  for (const c of cols) {
    const h = cellText(ws.getCell(`${c.col}1`).value);
    if (!sameHeader(h, c.header)) {
      headerOk = false;
      errors.push({ sheet: name, row: 1, col: c.col, header: c.header, message: { vi: `${XMSG.header.vi}: cần "${c.header}"`, en: `${XMSG.header.en}: expected "${c.header}"`, fr: `${XMSG.header.fr} : attendu « ${c.header} »` } });
    }
  }
  if (!headerOk) return [];
  const out: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const get = (key: string) => cellText(row.getCell(cols.find((c) => c.key === key)!.col).value);
    if (cols.every((c) => get(c.key) === '')) return;
    out.push({ row: n, get });
  });
  return out;
}

/** Writes a workbook with one data sheet per entry (header row bold and frozen) and a help sheet. */
export async function writeWorkbook(sheets: Array<{ name: string; cols: ColumnSpec[]; rows: Array<Record<string, string | number | null | undefined>> }>, helpTitle: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.cols.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, Math.min(60, c.header.length + 6)) }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
  }
  const help = wb.addWorksheet('HuongDan');
  help.columns = [
    { header: 'Sheet', key: 'sheet', width: 12 },
    { header: 'Cột', key: 'col', width: 6 },
    { header: 'Tiêu đề', key: 'header', width: 30 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: helpTitle, key: 'help', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const s of sheets) for (const c of s.cols) help.addRow({ sheet: s.name, col: c.col, header: c.header, required: c.required ? 'x' : '', help: c.help });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
