/**
 * The attendance-list workbook (documented in docs/reform.md): first sheet (named "DiemDanh" in the template)
 *   STT | Họ và tên | Chức vụ | Đơn vị công tác | Năm sinh | Kết quả
 * A row needs a name; the birth year, when given, is a 4-digit year; the result is blank, "Đạt", "Không đạt" or
 * "Vắng" (absent: listed but not counted as trained). The same person (name, unit, birth year) twice is an error.
 */
import { searchNorm } from '../../../platform/text.ts';
import { cellErrorsToFields, loadWorkbook, readSheet, writeWorkbook, XMSG, type CellError, type ColumnSpec } from '../excel.ts';
import type { AttendanceResult, Lang3 } from '../reform.kinds.ts';

export const ATTENDANCE_SHEET = 'DiemDanh';
export const ATTENDANCE_COLS: ColumnSpec[] = [
  { key: 'no', col: 'A', header: 'STT', help: 'Số thứ tự (không bắt buộc).' },
  { key: 'fullName', col: 'B', header: 'Họ và tên', required: true, help: 'Họ và tên học viên.' },
  { key: 'position', col: 'C', header: 'Chức vụ', help: 'Chức vụ, chức danh.' },
  { key: 'workUnit', col: 'D', header: 'Đơn vị công tác', help: 'Cơ quan, đơn vị, thôn nơi học viên công tác.' },
  { key: 'birthYear', col: 'E', header: 'Năm sinh', help: 'Năm sinh 4 chữ số (không bắt buộc).' },
  { key: 'result', col: 'F', header: 'Kết quả', help: 'Để trống, "Đạt", "Không đạt" hoặc "Vắng" (vắng: không tính là đã bồi dưỡng).' },
];

export interface ParsedAttendee {
  rowNo: number;
  fullName: string;
  position: string | null;
  workUnit: string | null;
  birthYear: number | null;
  result: AttendanceResult | null;
}

const M = {
  year: (max: number) => ({ vi: `năm sinh phải là số 4 chữ số từ 1930 đến ${max}`, en: `birth year must be 4 digits from 1930 to ${max}`, fr: `l'année de naissance doit compter 4 chiffres, de 1930 à ${max}` }),
  result: { vi: 'chỉ nhận "Đạt", "Không đạt", "Vắng" hoặc để trống', en: 'must be "Đạt" (passed), "Không đạt" (not passed), "Vắng" (absent) or blank', fr: 'doit être « Đạt », « Không đạt », « Vắng » ou vide' },
  duplicate: (row: number) => ({ vi: `trùng người ở dòng ${row}`, en: `same person as row ${row}`, fr: `même personne qu'à la ligne ${row}` }),
  tooLong: { vi: 'quá dài', en: 'is too long', fr: 'est trop long' },
} satisfies Record<string, Lang3 | ((...a: never[]) => Lang3)>;

function parseResult(text: string): AttendanceResult | null | undefined {
  const n = searchNorm(text).trim();
  if (n === '') return null;
  if (n === 'dat' || n === 'passed') return 'passed';
  if (n === 'khong dat' || n === 'failed' || n === 'not passed') return 'failed';
  if (n === 'vang' || n === 'absent') return 'absent';
  return undefined;
}

export async function parseAttendanceWorkbook(buffer: Buffer, thisYear: number): Promise<{ rows: ParsedAttendee[]; errors: CellError[] }> {
  const wb = await loadWorkbook(buffer);
  if (!wb) return { rows: [], errors: [{ sheet: '-', row: 0, col: '-', header: '-', message: XMSG.unreadable }] };
  const errors: CellError[] = [];
  const sheetName = wb.getWorksheet(ATTENDANCE_SHEET) ? ATTENDANCE_SHEET : (wb.worksheets[0]?.name ?? ATTENDANCE_SHEET);
  const rows = readSheet(wb, sheetName, ATTENDANCE_COLS, errors, { fallbackFirst: true }) ?? [];
  const err = (row: number, key: string, message: Lang3) => {
    const c = ATTENDANCE_COLS.find((x) => x.key === key)!;
    errors.push({ sheet: sheetName, row, col: c.col, header: c.header, message });
  };
  if (rows.length === 0 && errors.length === 0) err(2, 'fullName', XMSG.empty);
  const out: ParsedAttendee[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    let ok = true;
    const fullName = r.get('fullName');
    if (!fullName) {
      err(r.row, 'fullName', XMSG.required);
      ok = false;
    } else if (fullName.length > 200) {
      err(r.row, 'fullName', M.tooLong);
      ok = false;
    }
    const yearText = r.get('birthYear');
    let birthYear: number | null = null;
    if (yearText) {
      const y = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (!(y >= 1930 && y <= thisYear)) {
        err(r.row, 'birthYear', M.year(thisYear));
        ok = false;
      } else birthYear = y;
    }
    const result = parseResult(r.get('result'));
    if (result === undefined) {
      err(r.row, 'result', M.result);
      ok = false;
    }
    for (const k of ['position', 'workUnit'] as const) {
      if (r.get(k).length > 300) {
        err(r.row, k, M.tooLong);
        ok = false;
      }
    }
    if (!ok) continue;
    const key = `${searchNorm(fullName)}|${searchNorm(r.get('workUnit'))}|${birthYear ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      err(r.row, 'fullName', M.duplicate(first));
      continue;
    }
    seen.set(key, r.row);
    out.push({ rowNo: r.row, fullName, position: r.get('position') || null, workUnit: r.get('workUnit') || null, birthYear, result: result ?? null });
  }
  return { rows: out, errors };
}

export { cellErrorsToFields };

/** An attendance workbook in the import layout (the template, or a class's list). */
export async function writeAttendanceWorkbook(rows: Array<Omit<ParsedAttendee, 'rowNo'>>): Promise<Buffer> {
  const label = { passed: 'Đạt', failed: 'Không đạt', absent: 'Vắng' } as const;
  return writeWorkbook(
    [{ name: ATTENDANCE_SHEET, cols: ATTENDANCE_COLS, rows: rows.map((r, i) => ({ no: i + 1, fullName: r.fullName, position: r.position ?? '', workUnit: r.workUnit ?? '', birthYear: r.birthYear ?? '', result: r.result ? label[r.result] : '' })) }],
    'Hướng dẫn',
  );
}
