/**
 * The Excel layout of the procedure catalogue (docs/procedures-excel.md describes it for people): one workbook,
 * four data sheets joined on the procedure code, and a read-me sheet. Writing and reading are pure (a buffer in,
 * rows and cell-addressed errors out); resolving unit names needs the database and is passed in as a function.
 */
import ExcelJS from 'exceljs';
import { locales, type z } from 'zod';
import { ProcedureContent as ProcedureContentSchema, ProcedureCode } from '../../../contracts/procedures.ts';
import type { FieldError } from '../../platform/errors.ts';
import { searchNorm } from '../../platform/text.ts';
import { UNIT_KINDS } from '../units/units.kinds.ts';
import {
  AUTHORITY_LEVELS,
  DOCUMENT_FORMS,
  ONLINE_LEVELS,
  PROCEDURE_FIELDS,
  PROCEDURE_STATUSES,
  STEP_KINDS,
  STEP_ROLE_VALUES,
  TIME_UNITS,
} from './procedures.kinds.ts';
import type { ProcedureContent } from './procedures.versions.ts';

type Lang3 = { vi: string; en: string; fr: string };
type Labels = Record<string, Lang3>;

const ROLE_LABELS: Labels = {
  counter_officer: { vi: 'Cán bộ một cửa', en: 'Counter officer', fr: 'Agent du guichet' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist', fr: 'Spécialiste' },
  unit_leader: { vi: 'Lãnh đạo', en: 'Leader', fr: 'Responsable' },
};
const UNIT_KIND_LABELS: Labels = Object.fromEntries(Object.entries(UNIT_KINDS).map(([k, v]) => [k, { vi: v.vi, en: v.en, fr: v.fr }]));

export interface ColumnSpec {
  /** Column letter. */
  col: string;
  key: string;
  header: string;
  required: boolean;
  width: number;
  /** What goes in the cell (English, for the read-me sheet and the docs). */
  help: string;
  /** Allowed codes (labels in Vietnamese are accepted too). */
  values?: Labels;
}

export const SHEETS = {
  procedures: 'ThuTuc',
  documents: 'ThanhPhanHoSo',
  fees: 'PhiLePhi',
  steps: 'QuyTrinh',
  readme: 'HuongDan',
} as const;

/** Sheet ThuTuc: one row per procedure. */
export const PROCEDURE_COLUMNS: ColumnSpec[] = [
  { col: 'A', key: 'code', header: 'Mã thủ tục', required: true, width: 16, help: 'Local catalogue code, unique in the catalogue; rows are matched on it (letters, digits, . - _).' },
  { col: 'B', key: 'nationalCode', header: 'Mã TTHC quốc gia', required: false, width: 14, help: 'National procedure code d.dddddd (e.g. 1.001193), blank when none.' },
  { col: 'C', key: 'nationalCodeUnconfirmed', header: 'Mã QG chưa xác nhận', required: false, width: 10, help: '"x" when the national code is not confirmed against the national database.' },
  { col: 'D', key: 'name', header: 'Tên thủ tục', required: true, width: 50, help: 'Name in Vietnamese.' },
  { col: 'E', key: 'nameEn', header: 'Tên tiếng Anh', required: false, width: 30, help: 'Name in English (optional).' },
  { col: 'F', key: 'nameFr', header: 'Tên tiếng Pháp', required: false, width: 30, help: 'Name in French (optional).' },
  { col: 'G', key: 'field', header: 'Lĩnh vực', required: true, width: 18, help: 'Field code (or its Vietnamese label).', values: PROCEDURE_FIELDS },
  { col: 'H', key: 'authorityLevel', header: 'Cấp thực hiện', required: true, width: 10, help: 'Authority level.', values: AUTHORITY_LEVELS },
  { col: 'I', key: 'implementingUnitIds', header: 'Đơn vị thực hiện', required: true, width: 40, help: 'One unit per line: its id (a UUID anywhere on the line), its e-ID code, administrative code or exact name.' },
  { col: 'J', key: 'legalBases', header: 'Căn cứ pháp lý', required: false, width: 50, help: 'One legal basis per line.' },
  { col: 'K', key: 'decisionRef', header: 'Quyết định công bố', required: false, width: 24, help: 'Decision announcing the procedure (Quyết định công bố).' },
  { col: 'L', key: 'timeValue', header: 'Thời hạn giải quyết', required: true, width: 10, help: 'Statutory time at the counter, a number (0 = on the spot).' },
  { col: 'M', key: 'timeUnit', header: 'Đơn vị thời hạn', required: true, width: 14, help: 'Unit of the statutory time.', values: TIME_UNITS },
  { col: 'N', key: 'onlineTimeValue', header: 'Thời hạn trực tuyến', required: false, width: 10, help: 'Time when filed online; blank = same as at the counter.' },
  { col: 'O', key: 'onlineTimeUnit', header: 'Đơn vị thời hạn trực tuyến', required: false, width: 14, help: 'Unit of the online time (required when N is filled).', values: TIME_UNITS },
  { col: 'P', key: 'onlineLevel', header: 'Mức độ trực tuyến', required: true, width: 12, help: 'Online service level.', values: ONLINE_LEVELS },
  { col: 'Q', key: 'resultType', header: 'Kết quả thực hiện', required: true, width: 30, help: 'What the applicant receives.' },
  { col: 'R', key: 'resultDigitised', header: 'Số hóa kết quả', required: false, width: 8, help: '"x" when results are digitised for reuse.' },
  { col: 'S', key: 'status', header: 'Trạng thái', required: true, width: 12, help: 'Status.', values: PROCEDURE_STATUSES },
  { col: 'T', key: 'effectiveFrom', header: 'Ngày hiệu lực', required: false, width: 12, help: 'Date the row applies from, YYYY-MM-DD or DD/MM/YYYY; blank = today. A changed row becomes a new version from that date.' },
  { col: 'U', key: 'changeNote', header: 'Ghi chú thay đổi', required: false, width: 30, help: 'Why the row changed (kept on the new version).' },
];

/** Sheet ThanhPhanHoSo: one row per required document. */
export const DOCUMENT_COLUMNS: ColumnSpec[] = [
  { col: 'A', key: 'code', header: 'Mã thủ tục', required: true, width: 16, help: 'Code of a procedure of sheet ThuTuc.' },
  { col: 'B', key: 'order', header: 'STT', required: false, width: 6, help: 'Order within the procedure (rows are sorted on it; blank = sheet order).' },
  { col: 'C', key: 'name', header: 'Tên giấy tờ', required: true, width: 60, help: 'Name of the document, unique within the procedure.' },
  { col: 'D', key: 'form', header: 'Hình thức', required: true, width: 16, help: 'Original, certified copy, copy, or original shown.', values: DOCUMENT_FORMS },
  { col: 'E', key: 'count', header: 'Số lượng', required: true, width: 8, help: 'Number of copies, a whole number ≥ 1.' },
  { col: 'F', key: 'templateFile', header: 'Mẫu đơn, tờ khai', required: false, width: 24, help: 'File name of the form template, if any.' },
  { col: 'G', key: 'note', header: 'Ghi chú', required: false, width: 30, help: 'Note.' },
];

/** Sheet PhiLePhi: one row per fee or charge. */
export const FEE_COLUMNS: ColumnSpec[] = [
  { col: 'A', key: 'code', header: 'Mã thủ tục', required: true, width: 16, help: 'Code of a procedure of sheet ThuTuc.' },
  { col: 'B', key: 'name', header: 'Tên phí, lệ phí', required: true, width: 40, help: 'Name of the fee, unique within the procedure.' },
  { col: 'C', key: 'amount', header: 'Mức thu (đồng)', required: true, width: 14, help: 'Amount in đồng, a whole number (1.000.000 and 1,000,000 are read as 1000000).' },
  { col: 'D', key: 'note', header: 'Ghi chú', required: false, width: 30, help: 'Note (exemptions, per copy …).' },
];

/** Sheet QuyTrinh: one row per processing step, in order. */
export const STEP_COLUMNS: ColumnSpec[] = [
  { col: 'A', key: 'code', header: 'Mã thủ tục', required: true, width: 16, help: 'Code of a procedure of sheet ThuTuc.' },
  { col: 'B', key: 'kind', header: 'Bước', required: true, width: 12, help: 'Step.', values: STEP_KINDS },
  { col: 'C', key: 'name', header: 'Tên bước', required: false, width: 40, help: 'Local wording of the step.' },
  { col: 'D', key: 'role', header: 'Vai trò', required: true, width: 16, help: 'Role performing it.', values: ROLE_LABELS },
  { col: 'E', key: 'unitKind', header: 'Loại đơn vị', required: true, width: 20, help: 'Kind of unit performing it.', values: UNIT_KIND_LABELS },
  { col: 'F', key: 'sharePercent', header: 'Tỷ lệ thời gian (%)', required: true, width: 10, help: 'Share of the statutory time in percent; the steps of a procedure add up to 100.' },
];

const SHEET_COLUMNS: Record<string, ColumnSpec[]> = {
  [SHEETS.procedures]: PROCEDURE_COLUMNS,
  [SHEETS.documents]: DOCUMENT_COLUMNS,
  [SHEETS.fees]: FEE_COLUMNS,
  [SHEETS.steps]: STEP_COLUMNS,
};

export interface CatalogueRow {
  code: string;
  effectiveFrom: string;
  changeNote: string | null;
  content: ProcedureContent;
}

const lines = (xs: string[]) => xs.join('\n');

/** Writes the catalogue rows to an .xlsx buffer in the documented layout. `unitLabel` names a unit id. */
export async function writeProcedureWorkbook(rows: CatalogueRow[], unitLabel: (id: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const sheet = (name: string, cols: ColumnSpec[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    return ws;
  };
  const p = sheet(SHEETS.procedures, PROCEDURE_COLUMNS);
  const d = sheet(SHEETS.documents, DOCUMENT_COLUMNS);
  const f = sheet(SHEETS.fees, FEE_COLUMNS);
  const s = sheet(SHEETS.steps, STEP_COLUMNS);
  for (const r of rows) {
    const c = r.content;
    p.addRow({
      code: r.code,
      nationalCode: c.nationalCode ?? '',
      nationalCodeUnconfirmed: c.nationalCodeUnconfirmed ? 'x' : '',
      name: c.name,
      nameEn: c.nameEn ?? '',
      nameFr: c.nameFr ?? '',
      field: c.field,
      authorityLevel: c.authorityLevel,
      implementingUnitIds: lines(c.implementingUnitIds.map((id) => `${unitLabel(id)} [${id}]`)),
      legalBases: lines(c.legalBases),
      decisionRef: c.decisionRef ?? '',
      timeValue: c.processingTime.value,
      timeUnit: c.processingTime.unit,
      onlineTimeValue: c.processingTimeOnline ? c.processingTimeOnline.value : '',
      onlineTimeUnit: c.processingTimeOnline ? c.processingTimeOnline.unit : '',
      onlineLevel: c.onlineLevel,
      resultType: c.resultType,
      resultDigitised: c.resultDigitised ? 'x' : '',
      status: c.status,
      effectiveFrom: r.effectiveFrom,
      changeNote: r.changeNote ?? '',
    });
    c.documents.forEach((doc, i) => d.addRow({ code: r.code, order: i + 1, name: doc.name, form: doc.form, count: doc.count, templateFile: doc.templateFile ?? '', note: doc.note ?? '' }));
    for (const fee of c.fees) f.addRow({ code: r.code, name: fee.name, amount: fee.amount, note: fee.note ?? '' });
    for (const st of c.steps) s.addRow({ code: r.code, kind: st.kind, name: st.name ?? '', role: st.role, unitKind: st.unitKind, sharePercent: st.sharePercent });
  }
  for (const ws of [p, d, f, s]) ws.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  const help = wb.addWorksheet(SHEETS.readme);
  help.columns = [
    { header: 'Sheet', key: 'sheet', width: 16 },
    { header: 'Cột', key: 'col', width: 6 },
    { header: 'Tiêu đề', key: 'header', width: 26 },
    { header: 'Bắt buộc', key: 'required', width: 9 },
    { header: 'Nội dung', key: 'help', width: 80 },
    { header: 'Giá trị', key: 'values', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [name, cols] of Object.entries(SHEET_COLUMNS)) {
    for (const c of cols) {
      help.addRow({ sheet: name, col: c.col, header: c.header, required: c.required ? 'x' : '', help: c.help, values: c.values ? Object.entries(c.values).map(([k, v]) => `${k} = ${v.vi}`).join('\n') : '' });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** An error tied to a cell: sheet, 1-based row, column letter. */
export interface CellError {
  sheet: string;
  row: number;
  col: string;
  header: string;
  message: Lang3;
}

/** Turns cell errors into the API's field errors: `field` = `Sheet!C12` (or `file` when the file is unreadable). */
export const cellErrorsToFields = (errors: CellError[]): FieldError[] =>
  errors.map((e) => {
    if (e.sheet === '-') return { field: 'file', code: 'unreadable', message: e.message };
    return {
      field: `${e.sheet}!${e.col}${e.row}`,
      code: 'invalid_cell',
      message: {
        vi: `${e.sheet} dòng ${e.row}, cột ${e.col} (${e.header}): ${e.message.vi}`,
        en: `${e.sheet} row ${e.row}, column ${e.col} (${e.header}): ${e.message.en}`,
        fr: `${e.sheet} ligne ${e.row}, colonne ${e.col} (${e.header}) : ${e.message.fr}`,
      },
    };
  });

export type UnitResolver = (text: string) => { id: string } | { error: Lang3 };

/** Plain text of a cell, whatever exceljs made of it (rich text, formula result, hyperlink, date). */
function cellText(v: ExcelJS.CellValue): string {
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

const zodLocales = { vi: locales.vi(), en: locales.en(), fr: locales.fr() };
function zodText(issue: z.core.$ZodIssue): Lang3 {
  if (issue.code === 'custom') return { vi: issue.message, en: issue.message, fr: issue.message };
  const say = (lang: 'vi' | 'en' | 'fr') => {
    const out = (zodLocales[lang].localeError as (i: unknown) => { message: string } | string | undefined)(issue);
    return (typeof out === 'string' ? out : out?.message) ?? issue.message;
  };
  return { vi: say('vi'), en: say('en'), fr: say('fr') };
}

const msg = {
  required: { vi: 'bắt buộc nhập', en: 'is required', fr: 'est obligatoire' },
  number: { vi: 'phải là số', en: 'must be a number', fr: 'doit être un nombre' },
  integer: { vi: 'phải là số nguyên', en: 'must be a whole number', fr: 'doit être un nombre entier' },
  date: { vi: 'phải là ngày YYYY-MM-DD hoặc DD/MM/YYYY', en: 'must be a date YYYY-MM-DD or DD/MM/YYYY', fr: 'doit être une date AAAA-MM-JJ ou JJ/MM/AAAA' },
  bool: { vi: 'chỉ nhận "x" hoặc để trống', en: 'must be "x" or blank', fr: 'doit être « x » ou vide' },
  duplicateCode: { vi: 'mã thủ tục bị trùng trong sheet', en: 'code appears twice in the sheet', fr: 'code en double dans la feuille' },
  unknownCode: { vi: 'không có mã thủ tục này ở sheet ThuTuc', en: 'no procedure with this code in sheet ThuTuc', fr: 'aucune procédure de ce code dans la feuille ThuTuc' },
  unitPair: { vi: 'cần cả thời hạn và đơn vị thời hạn', en: 'needs both the time and its unit', fr: 'il faut le délai et son unité' },
  missingSheet: { vi: 'thiếu sheet', en: 'sheet missing', fr: 'feuille manquante' },
  header: { vi: 'tiêu đề cột không đúng mẫu', en: 'column header does not match the layout', fr: "l'en-tête ne correspond pas au modèle" },
};

function enumValue(text: string, values: Labels): string | undefined {
  if (text in values) return text;
  const n = searchNorm(text).trim();
  // "Cấp xã", "xã" and "Cấp huyện (đến 30/6/2025)" all name the same level: accept the label, its short form, the code.
  const variants = (label: string) => {
    const l = searchNorm(label).replace(/\(.*\)/g, '').trim();
    return [l, l.replace(/^cap /, '')];
  };
  for (const [code, label] of Object.entries(values)) if (searchNorm(code) === n || variants(label.vi).includes(n) || variants(label.en).includes(n)) return code;
  return undefined;
}

function parseNumber(text: string): number | undefined {
  let t = text.replace(/\s/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) t = t.replace(/[.,]/g, '');
  else t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

function parseDate(text: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let iso: string | undefined;
  if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function parseBool(text: string): boolean | undefined {
  const n = searchNorm(text).trim();
  if (n === '' || ['khong', 'no', 'false', '0', 'non'].includes(n)) return false;
  if (['x', 'co', 'yes', 'true', '1', 'oui'].includes(n)) return true;
  return undefined;
}

export interface ParsedCatalogue {
  rows: Array<CatalogueRow & { row: number }>;
  errors: CellError[];
}

/**
 * Reads a workbook in the documented layout. Returns every row it could read and every cell error it found
 * (all of them, not just the first), each with sheet, row and column. `today` fills a blank effective date.
 */
export async function parseProcedureWorkbook(buffer: Buffer, resolveUnit: UnitResolver, today: string): Promise<ParsedCatalogue> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as never);
  } catch {
    return { rows: [], errors: [{ sheet: '-', row: 0, col: '-', header: '-', message: { vi: 'tệp không phải Excel (.xlsx) đọc được', en: 'the file is not a readable Excel (.xlsx) workbook', fr: "le fichier n'est pas un classeur Excel (.xlsx) lisible" } }] };
  }
  const errors: CellError[] = [];
  const err = (sheet: string, row: number, col: ColumnSpec, message: Lang3) => errors.push({ sheet, row, col: col.col, header: col.header, message });

  /** Data rows of a sheet as { row, get(col) } after checking the header row. */
  const readSheet = (name: string, cols: ColumnSpec[], optional: boolean) => {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      if (!optional) errors.push({ sheet: name, row: 1, col: 'A', header: '-', message: msg.missingSheet });
      return [];
    }
    for (const c of cols) {
      const h = cellText(ws.getCell(`${c.col}1`).value);
      if (searchNorm(h) !== searchNorm(c.header)) errors.push({ sheet: name, row: 1, col: c.col, header: c.header, message: { vi: `${msg.header.vi}: cần "${c.header}"`, en: `${msg.header.en}: expected "${c.header}"`, fr: `${msg.header.fr} : attendu « ${c.header} »` } });
    }
    const out: Array<{ row: number; get: (key: string) => string }> = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1) return;
      const get = (key: string) => cellText(row.getCell(cols.find((c) => c.key === key)!.col).value);
      if (cols.every((c) => get(c.key) === '')) return;
      out.push({ row: n, get });
    });
    return out;
  };

  const colOf = (cols: ColumnSpec[], key: string) => cols.find((c) => c.key === key)!;

  // Sheet ThuTuc.
  interface Draft {
    row: number;
    code: string;
    effectiveFrom: string;
    changeNote: string | null;
    content: Record<string, unknown>;
    documents: Array<{ row: number; order: number; doc: Record<string, unknown> }>;
    fees: Array<{ row: number; fee: Record<string, unknown> }>;
    steps: Array<{ row: number; step: Record<string, unknown> }>;
  }
  const drafts = new Map<string, Draft>();
  const S = SHEETS.procedures;
  const P = (key: string) => colOf(PROCEDURE_COLUMNS, key);
  for (const { row, get } of readSheet(S, PROCEDURE_COLUMNS, false)) {
    const code = get('code');
    const codeOk = ProcedureCode.safeParse(code);
    if (!code) err(S, row, P('code'), msg.required);
    else if (!codeOk.success) err(S, row, P('code'), zodText(codeOk.error.issues[0]));
    else if (drafts.has(code)) err(S, row, P('code'), msg.duplicateCode);
    const content: Record<string, unknown> = {};
    const text = (key: string) => {
      const t = get(key);
      if (!t && P(key).required) err(S, row, P(key), msg.required);
      return t;
    };
    const enumCell = (key: string) => {
      const t = text(key);
      if (!t) return undefined;
      const v = enumValue(t, P(key).values!);
      if (!v) err(S, row, P(key), { vi: `giá trị không hợp lệ; chọn: ${Object.keys(P(key).values!).join(', ')}`, en: `unknown value; one of: ${Object.keys(P(key).values!).join(', ')}`, fr: `valeur inconnue ; parmi : ${Object.keys(P(key).values!).join(', ')}` });
      return v;
    };
    const boolCell = (key: string) => {
      const b = parseBool(get(key));
      if (b === undefined) err(S, row, P(key), msg.bool);
      return b ?? false;
    };
    const duration = (valueKey: string, unitKey: string, optional: boolean) => {
      const vt = get(valueKey);
      const ut = get(unitKey);
      if (optional && !vt && !ut) return null;
      if (!vt || !ut) {
        err(S, row, P(vt ? unitKey : valueKey), optional ? msg.unitPair : msg.required);
        return undefined;
      }
      const value = parseNumber(vt);
      if (value === undefined) err(S, row, P(valueKey), msg.number);
      const unit = enumCell(unitKey);
      return value === undefined || !unit ? undefined : { value, unit };
    };
    content.nationalCode = get('nationalCode') || null;
    content.nationalCodeUnconfirmed = boolCell('nationalCodeUnconfirmed');
    content.name = text('name');
    content.nameEn = get('nameEn') || null;
    content.nameFr = get('nameFr') || null;
    content.field = enumCell('field');
    content.authorityLevel = enumCell('authorityLevel');
    const unitLines = text('implementingUnitIds')
      .split(/\r?\n|;/)
      .map((l) => l.trim())
      .filter(Boolean);
    const unitIds: string[] = [];
    for (const l of unitLines) {
      const r = resolveUnit(l);
      if ('error' in r) err(S, row, P('implementingUnitIds'), r.error);
      else unitIds.push(r.id);
    }
    content.implementingUnitIds = unitIds;
    content.legalBases = get('legalBases')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    content.decisionRef = get('decisionRef') || null;
    content.processingTime = duration('timeValue', 'timeUnit', false);
    content.processingTimeOnline = duration('onlineTimeValue', 'onlineTimeUnit', true);
    content.onlineLevel = enumCell('onlineLevel');
    content.resultType = text('resultType');
    content.resultDigitised = boolCell('resultDigitised');
    content.status = enumCell('status');
    const eff = get('effectiveFrom');
    const effectiveFrom = eff ? parseDate(eff) : today;
    if (!effectiveFrom) err(S, row, P('effectiveFrom'), msg.date);
    if (code && codeOk.success && !drafts.has(code)) {
      drafts.set(code, { row, code, effectiveFrom: effectiveFrom ?? today, changeNote: get('changeNote') || null, content, documents: [], fees: [], steps: [] });
    }
  }

  const draftFor = (sheet: string, cols: ColumnSpec[], row: number, code: string) => {
    if (!code) {
      err(sheet, row, colOf(cols, 'code'), msg.required);
      return undefined;
    }
    const d = drafts.get(code);
    if (!d) err(sheet, row, colOf(cols, 'code'), msg.unknownCode);
    return d;
  };

  // Sheet ThanhPhanHoSo.
  const DS = SHEETS.documents;
  for (const { row, get } of readSheet(DS, DOCUMENT_COLUMNS, true)) {
    const d = draftFor(DS, DOCUMENT_COLUMNS, row, get('code'));
    const C = (k: string) => colOf(DOCUMENT_COLUMNS, k);
    const orderText = get('order');
    const order = orderText ? parseNumber(orderText) : undefined;
    if (orderText && order === undefined) err(DS, row, C('order'), msg.number);
    const name = get('name');
    if (!name) err(DS, row, C('name'), msg.required);
    const formText = get('form');
    const form = formText ? enumValue(formText, DOCUMENT_FORMS) : undefined;
    if (!formText) err(DS, row, C('form'), msg.required);
    else if (!form) err(DS, row, C('form'), { vi: `giá trị không hợp lệ; chọn: ${Object.keys(DOCUMENT_FORMS).join(', ')}`, en: `unknown value; one of: ${Object.keys(DOCUMENT_FORMS).join(', ')}`, fr: `valeur inconnue ; parmi : ${Object.keys(DOCUMENT_FORMS).join(', ')}` });
    const countText = get('count');
    const count = countText ? parseNumber(countText) : undefined;
    if (!countText) err(DS, row, C('count'), msg.required);
    else if (count === undefined || !Number.isInteger(count)) err(DS, row, C('count'), msg.integer);
    d?.documents.push({ row, order: order ?? Number.MAX_SAFE_INTEGER, doc: { name, form, count, templateFile: get('templateFile') || null, note: get('note') || null } });
  }

  // Sheet PhiLePhi.
  const FS = SHEETS.fees;
  for (const { row, get } of readSheet(FS, FEE_COLUMNS, true)) {
    const d = draftFor(FS, FEE_COLUMNS, row, get('code'));
    const C = (k: string) => colOf(FEE_COLUMNS, k);
    const name = get('name');
    if (!name) err(FS, row, C('name'), msg.required);
    const amountText = get('amount');
    const amount = amountText ? parseNumber(amountText) : undefined;
    if (!amountText) err(FS, row, C('amount'), msg.required);
    else if (amount === undefined || !Number.isInteger(amount)) err(FS, row, C('amount'), msg.integer);
    d?.fees.push({ row, fee: { name, amount, note: get('note') || null } });
  }

  // Sheet QuyTrinh.
  const SS = SHEETS.steps;
  for (const { row, get } of readSheet(SS, STEP_COLUMNS, true)) {
    const d = draftFor(SS, STEP_COLUMNS, row, get('code'));
    const C = (k: string) => colOf(STEP_COLUMNS, k);
    const en = (key: string, values: Labels) => {
      const t = get(key);
      if (!t) {
        err(SS, row, C(key), msg.required);
        return undefined;
      }
      const v = enumValue(t, values);
      if (!v) err(SS, row, C(key), { vi: `giá trị không hợp lệ; chọn: ${Object.keys(values).join(', ')}`, en: `unknown value; one of: ${Object.keys(values).join(', ')}`, fr: `valeur inconnue ; parmi : ${Object.keys(values).join(', ')}` });
      return v;
    };
    const kind = en('kind', STEP_KINDS);
    const role = en('role', Object.fromEntries(STEP_ROLE_VALUES.map((r) => [r, ROLE_LABELS[r]])));
    const unitKind = en('unitKind', UNIT_KIND_LABELS);
    const shareText = get('sharePercent');
    const share = shareText ? parseNumber(shareText.replace('%', '')) : undefined;
    if (!shareText) err(SS, row, C('sharePercent'), msg.required);
    else if (share === undefined) err(SS, row, C('sharePercent'), msg.number);
    d?.steps.push({ row, step: { kind, name: get('name') || null, role, unitKind, sharePercent: share } });
  }

  // Whole-procedure validation with the same schema as the API; issues are mapped back to cells.
  const rows: ParsedCatalogue['rows'] = [];
  for (const d of drafts.values()) {
    d.documents.sort((a, b) => a.order - b.order || a.row - b.row);
    const candidate = { ...d.content, documents: d.documents.map((x) => x.doc), fees: d.fees.map((x) => x.fee), steps: d.steps.map((x) => x.step) };
    const parsed = ProcedureContentSchema.safeParse(candidate);
    if (parsed.success) {
      rows.push({ row: d.row, code: d.code, effectiveFrom: d.effectiveFrom, changeNote: d.changeNote, content: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const [top, index, sub] = issue.path as [string, number | undefined, string | undefined];
      const text = zodText(issue);
      // Cells already reported (blank or unreadable) come back as undefined here; do not report them twice.
      const alreadyReported = (sheet: string, r: number, col: string) => errors.some((e) => e.sheet === sheet && e.row === r && e.col === col);
      const report = (sheet: string, cols: ColumnSpec[], r: number, key: string) => {
        const c = colOf(cols, key) ?? cols[0];
        if (!alreadyReported(sheet, r, c.col)) err(sheet, r, c, text);
      };
      if (top === 'documents' || top === 'fees' || top === 'steps') {
        const [sheet, cols, list] =
          top === 'documents' ? [DS, DOCUMENT_COLUMNS, d.documents] : top === 'fees' ? [FS, FEE_COLUMNS, d.fees] : [SS, STEP_COLUMNS, d.steps];
        const item = typeof index === 'number' ? (candidate[top][index] as Record<string, unknown> | undefined) : undefined;
        if (item && sub && item[sub] === undefined) continue; // unreadable cell, reported already
        const at = typeof index === 'number' ? list[index]?.row : list[0]?.row;
        const key = typeof index === 'number' ? (sub ?? 'name') : top === 'steps' ? 'sharePercent' : 'name';
        report(sheet, cols, at ?? d.row, key);
        continue;
      }
      if (d.content[top] === undefined) continue; // blank or unreadable cell, reported already
      const keyToColumn: Record<string, string> = { processingTime: 'timeValue', processingTimeOnline: 'onlineTimeValue' };
      report(S, PROCEDURE_COLUMNS, d.row, keyToColumn[top] ?? top);
    }
  }
  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row || a.col.localeCompare(b.col) : Object.values(SHEETS).indexOf(a.sheet as never) - Object.values(SHEETS).indexOf(b.sheet as never)));
  return { rows: rows.sort((a, b) => a.row - b.row), errors };
}
