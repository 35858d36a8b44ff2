/**
 * The criteria-tree workbook (documented in docs/reform.md):
 *   sheet "TieuChi": Mã | Nội dung | Điểm tối đa | Phương pháp | Số liệu tự động | Hướng dẫn chấm điểm
 *     a code's depth gives its level (3 = area, 3.2 = criterion, 3.2.1 = sub-criterion); its parent is the code
 *     without its last part, which must appear in the sheet; children must add up to their parent's maximum and
 *     the areas to the framework's maximum.
 *   sheet "XepLoai" (optional; the common pattern applies when absent): Mã xếp loại | Từ chỉ số | Tên (vi) | Tên (en) | Tên (fr)
 * The same layout is written by the export, so a year's tree can be exported, edited and imported as next year's.
 */
import { searchNorm } from '../../../platform/text.ts';
import { cellErrorsToFields, loadWorkbook, parsePoints, readSheet, writeWorkbook, XMSG, type CellError, type ColumnSpec } from '../excel.ts';
import type { Lang3, ParMethod, ParNodeLevel } from '../reform.kinds.ts';
import { checkTree, type Band } from './par.compute.ts';
import { isKnownFigure } from './live-figures.ts';

export const CRITERIA_SHEET = 'TieuChi';
export const BANDS_SHEET = 'XepLoai';

export const CRITERIA_COLS: ColumnSpec[] = [
  { key: 'code', col: 'A', header: 'Mã', required: true, help: 'Mã tiêu chí: 3 (lĩnh vực), 3.2 (tiêu chí), 3.2.1 (tiêu chí thành phần). Mã cha phải có trong sheet.' },
  { key: 'title', col: 'B', header: 'Nội dung', required: true, help: 'Tên lĩnh vực / tiêu chí / tiêu chí thành phần.' },
  { key: 'maxPoints', col: 'C', header: 'Điểm tối đa', required: true, help: 'Số không âm, tối đa 2 chữ số thập phân (2,5 hoặc 2.5). Tổng điểm các mục con bằng điểm mục cha; tổng các lĩnh vực bằng điểm tối đa của bộ chỉ số.' },
  { key: 'method', col: 'D', header: 'Phương pháp', help: '"Tự đánh giá" (mặc định) hoặc "Điều tra xã hội học" (điểm do tỉnh nhập từ kết quả điều tra).' },
  { key: 'liveFigure', col: 'E', header: 'Số liệu tự động', help: 'Khoá số liệu motcua tự tính, ví dụ training.classes, dossiers.on_time_rate (xem GET /api/v1/par/live-figures).' },
  { key: 'guidance', col: 'F', header: 'Hướng dẫn chấm điểm', help: 'Cách chấm điểm, tài liệu kiểm chứng cần có.' },
];

export const BAND_COLS: ColumnSpec[] = [
  { key: 'code', col: 'A', header: 'Mã xếp loại', required: true, help: 'Mã viết thường không dấu: excellent, good, fair, average, weak…' },
  { key: 'minIndex', col: 'B', header: 'Từ chỉ số', required: true, help: 'Chỉ số (%) tối thiểu của loại này, từ 0 đến 100.' },
  { key: 'vi', col: 'C', header: 'Tên (vi)', required: true, help: 'Tên loại bằng tiếng Việt, ví dụ Xuất sắc.' },
  { key: 'en', col: 'D', header: 'Tên (en)', help: 'Tên tiếng Anh (để trống: dùng tên tiếng Việt).' },
  { key: 'fr', col: 'E', header: 'Tên (fr)', help: 'Tên tiếng Pháp (để trống: dùng tên tiếng Việt).' },
];

/**
 * A common provincial pattern (Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, Yếu below) — NOT a national
 * rule: each province sets its own cut-offs, so a framework created without bands gets a copy of these as data.
 */
export const PATTERN_BANDS: Array<Band<Lang3>> = [
  { code: 'excellent', minIndex: 90, label: { vi: 'Xuất sắc', en: 'Excellent', fr: 'Excellent' } },
  { code: 'good', minIndex: 80, label: { vi: 'Tốt', en: 'Good', fr: 'Bon' } },
  { code: 'fair', minIndex: 70, label: { vi: 'Khá', en: 'Fairly good', fr: 'Assez bon' } },
  { code: 'average', minIndex: 50, label: { vi: 'Trung bình', en: 'Average', fr: 'Moyen' } },
  { code: 'weak', minIndex: 0, label: { vi: 'Yếu', en: 'Weak', fr: 'Faible' } },
];

export interface ParsedCriterion {
  row: number;
  code: string;
  parentCode: string | null;
  level: ParNodeLevel;
  title: string;
  maxPoints: number;
  method: ParMethod;
  liveFigureKey: string | null;
  guidance: string | null;
  position: number;
}

const M = {
  code: { vi: 'mã phải có dạng 3, 3.2 hoặc 3.2.1', en: 'code must look like 3, 3.2 or 3.2.1', fr: 'le code doit être de la forme 3, 3.2 ou 3.2.1' },
  duplicate: { vi: 'mã bị trùng trong sheet', en: 'code appears twice in the sheet', fr: 'code en double dans la feuille' },
  noParent: { vi: 'không có mục cha', en: 'its parent code is not in the sheet', fr: "le code parent n'est pas dans la feuille" },
  method: { vi: 'chỉ nhận "Tự đánh giá" hoặc "Điều tra xã hội học"', en: 'must be "Tự đánh giá" (self) or "Điều tra xã hội học" (survey)', fr: 'doit être « Tự đánh giá » (auto-évaluation) ou « Điều tra xã hội học » (enquête)' },
  figure: { vi: 'khoá số liệu không có trong motcua', en: 'unknown live figure key', fr: 'clé de chiffre inconnue' },
  tooLong: { vi: 'quá dài', en: 'is too long', fr: 'est trop long' },
  bandCode: { vi: 'mã viết thường không dấu (a-z, _)', en: 'lower-case code (a-z, _)', fr: 'code en minuscules (a-z, _)' },
  bandMin: { vi: 'phải là số từ 0 đến 100', en: 'must be a number from 0 to 100', fr: 'doit être un nombre de 0 à 100' },
  bandDup: { vi: 'mã hoặc ngưỡng bị trùng', en: 'code or threshold appears twice', fr: 'code ou seuil en double' },
} satisfies Record<string, Lang3>;

const sumMsg = (expected: number, actual: number, what: 'children' | 'areas'): Lang3 =>
  what === 'children'
    ? { vi: `tổng điểm các mục con là ${actual}, khác điểm tối đa ${expected}`, en: `children add up to ${actual}, not ${expected}`, fr: `les sous-éléments totalisent ${actual}, et non ${expected}` }
    : { vi: `tổng điểm các lĩnh vực là ${actual}, khác điểm tối đa của bộ chỉ số ${expected}`, en: `areas add up to ${actual}, not the framework maximum ${expected}`, fr: `les domaines totalisent ${actual}, et non le maximum ${expected}` };

function parseMethod(text: string): ParMethod | undefined {
  const n = searchNorm(text).trim();
  if (n === '' || n === 'self' || n.startsWith('tu danh gia')) return 'self';
  if (n === 'survey' || n.startsWith('dieu tra')) return 'survey';
  return undefined;
}

const LEVELS: ParNodeLevel[] = ['area', 'criterion', 'sub_criterion'];

export interface ParsedFramework {
  criteria: ParsedCriterion[];
  bands: Array<Band<Lang3>> | null;
  errors: CellError[];
}

/** Reads the workbook and checks every row and the tree's sums; collects all errors. */
export async function parseCriteriaWorkbook(buffer: Buffer, maxPoints: number): Promise<ParsedFramework> {
  const wb = await loadWorkbook(buffer);
  if (!wb) return { criteria: [], bands: null, errors: [{ sheet: '-', row: 0, col: '-', header: '-', message: XMSG.unreadable }] };
  const errors: CellError[] = [];
  const col = (k: string) => CRITERIA_COLS.find((c) => c.key === k)!;
  const err = (row: number, key: string, message: Lang3, sheet = CRITERIA_SHEET, cols = CRITERIA_COLS) => {
    const c = cols.find((x) => x.key === key)!;
    errors.push({ sheet, row, col: c.col, header: c.header, message });
  };

  const rows = readSheet(wb, CRITERIA_SHEET, CRITERIA_COLS, errors, { fallbackFirst: false }) ?? [];
  if (rows.length === 0 && errors.length === 0) errors.push({ sheet: CRITERIA_SHEET, row: 2, col: 'A', header: col('code').header, message: XMSG.empty });
  const criteria: ParsedCriterion[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const code = r.get('code');
    const title = r.get('title');
    const maxText = r.get('maxPoints');
    let ok = true;
    if (!/^\d{1,2}(\.\d{1,2}){0,2}$/.test(code)) {
      err(r.row, 'code', code ? M.code : XMSG.required);
      ok = false;
    } else if (seen.has(code)) {
      err(r.row, 'code', M.duplicate);
      ok = false;
    }
    if (!title) {
      err(r.row, 'title', XMSG.required);
      ok = false;
    } else if (title.length > 1000) {
      err(r.row, 'title', M.tooLong);
      ok = false;
    }
    const max = parsePoints(maxText);
    if (max === undefined) {
      err(r.row, 'maxPoints', maxText ? XMSG.number : XMSG.required);
      ok = false;
    }
    const method = parseMethod(r.get('method'));
    if (!method) {
      err(r.row, 'method', M.method);
      ok = false;
    }
    const fig = r.get('liveFigure');
    if (fig && !isKnownFigure(fig)) {
      err(r.row, 'liveFigure', M.figure);
      ok = false;
    }
    const guidance = r.get('guidance');
    if (guidance.length > 5000) {
      err(r.row, 'guidance', M.tooLong);
      ok = false;
    }
    if (/^\d{1,2}(\.\d{1,2}){0,2}$/.test(code)) seen.add(code);
    if (!ok) return;
    const parts = code.split('.');
    criteria.push({
      row: r.row,
      code,
      parentCode: parts.length > 1 ? parts.slice(0, -1).join('.') : null,
      level: LEVELS[parts.length - 1],
      title,
      maxPoints: max!,
      method: method!,
      liveFigureKey: fig || null,
      guidance: guidance || null,
      position: i,
    });
  });
  for (const c of criteria) if (c.parentCode && !seen.has(c.parentCode)) err(c.row, 'code', M.noParent);

  // Sums are only meaningful once every row is readable.
  if (errors.length === 0) {
    const byCode = new Map(criteria.map((c) => [c.code, c]));
    const problems = checkTree(
      criteria.map((c) => ({ id: c.code, parentId: c.parentCode, code: c.code, maxPoints: c.maxPoints, method: c.method })),
      maxPoints,
    );
    for (const p of problems) {
      if (p.problem === 'children_sum') err(byCode.get(p.code!)!.row, 'maxPoints', sumMsg(p.expected, p.actual, 'children'));
      else err(criteria.find((c) => c.parentCode === null)?.row ?? 2, 'maxPoints', sumMsg(p.expected, p.actual, 'areas'));
    }
  }

  let bands: Array<Band<Lang3>> | null = null;
  const bandRows = readSheet(wb, BANDS_SHEET, BAND_COLS, errors, { optional: true });
  if (bandRows && bandRows.length) {
    bands = [];
    const codes = new Set<string>();
    const mins = new Set<number>();
    for (const r of bandRows) {
      const code = r.get('code');
      const minText = r.get('minIndex');
      const min = parsePoints(minText);
      const vi = r.get('vi');
      let ok = true;
      if (!/^[a-z][a-z_]{1,29}$/.test(code)) {
        err(r.row, 'code', code ? M.bandCode : XMSG.required, BANDS_SHEET, BAND_COLS);
        ok = false;
      }
      if (min === undefined || min > 100) {
        err(r.row, 'minIndex', minText ? M.bandMin : XMSG.required, BANDS_SHEET, BAND_COLS);
        ok = false;
      }
      if (!vi) {
        err(r.row, 'vi', XMSG.required, BANDS_SHEET, BAND_COLS);
        ok = false;
      }
      if (ok && (codes.has(code) || mins.has(min!))) {
        err(r.row, 'code', M.bandDup, BANDS_SHEET, BAND_COLS);
        ok = false;
      }
      if (!ok) continue;
      codes.add(code);
      mins.add(min!);
      bands.push({ code, minIndex: min!, label: { vi, en: r.get('en') || vi, fr: r.get('fr') || vi } });
    }
  }
  return { criteria, bands, errors };
}

export { cellErrorsToFields };

/** Writes a tree (and bands) in the import layout: an export of a year, or an empty template. */
export async function writeCriteriaWorkbook(
  criteria: Array<{ code: string; title: string; maxPoints: number; method: ParMethod; liveFigureKey: string | null; guidance: string | null }>,
  bands: Array<Band<Lang3>>,
): Promise<Buffer> {
  return writeWorkbook(
    [
      {
        name: CRITERIA_SHEET,
        cols: CRITERIA_COLS,
        rows: criteria.map((c) => ({ code: c.code, title: c.title, maxPoints: c.maxPoints, method: c.method === 'survey' ? 'Điều tra xã hội học' : 'Tự đánh giá', liveFigure: c.liveFigureKey ?? '', guidance: c.guidance ?? '' })),
      },
      { name: BANDS_SHEET, cols: BAND_COLS, rows: bands.map((b) => ({ code: b.code, minIndex: b.minIndex, vi: b.label.vi, en: b.label.en, fr: b.label.fr })) },
    ],
    'Hướng dẫn',
  );
}
