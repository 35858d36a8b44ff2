/**
 * Excel exports of the dashboard tables and the periodic report workbook, written with exceljs's STREAMING
 * WorkbookWriter (rows committed one by one: memory stays flat for 100k-row dossier lists, see
 * ../shared/research/ai-ocr-documents.md §5). Headers in Vietnamese; rates as Excel percentages.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Context } from '../accounts/context.ts';
import type { Dashboard, ExportQuery, Figures, Index766, UnitsMode } from '../../../contracts/dashboard.ts';
import { AppError } from '../../platform/errors.ts';
import { drillPage, getDashboard, type DashboardDeps } from './dashboard.service.ts';
import { computeIndexFor } from './index766.ts';
import { resolveSelection, type Selection } from './selection.ts';
import { MEASURE_LABELS } from './labels.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | null;
interface SheetSpec {
  name: string;
  title: string;
  columns: Array<{ header: string; width?: number; percent?: boolean }>;
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
}

/** Writes sheets with the streaming writer and returns the file's bytes. */
export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => (out.on('end', resolve), out.on('error', reject)));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'motcua';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width ?? 14, style: c.percent ? { numFmt: '0.00%' } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const r of s.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

const FIGURE_ROWS: Array<[string, (f: Figures) => number | null, boolean?]> = [
  ['Hồ sơ tiếp nhận', (f) => f.received],
  ['  trong đó: trực tiếp', (f) => f.receivedCounter],
  ['  trong đó: trực tuyến', (f) => f.receivedOnline],
  ['  trong đó: qua bưu chính công ích', (f) => f.receivedPost],
  ['Hồ sơ đã giải quyết', (f) => f.finished],
  ['  trước hạn', (f) => f.early],
  ['  đúng hạn', (f) => f.onTime],
  ['  quá hạn', (f) => f.late],
  ['Trả lại / xin rút', (f) => f.apart],
  ['Đang xử lý: trong hạn', (f) => f.openOnTrack],
  ['Đang xử lý: sắp đến hạn', (f) => f.openDueSoon],
  ['Đang xử lý: quá hạn', (f) => f.openOverdue],
  ['Tỷ lệ trước hạn, đúng hạn', (f) => f.onTimeRate, true],
  ['Tỷ lệ trước hạn, đúng hạn (chỉ hồ sơ đã giải quyết)', (f) => f.onTimeRateFinishedOnly, true],
  ['Tỷ lệ hồ sơ trực tuyến', (f) => f.onlineRate, true],
  ['Thời gian xử lý trung bình (giờ làm việc)', (f) => (f.avgUsedMinutes === null ? null : Math.round((f.avgUsedMinutes / 60) * 100) / 100)],
  ['Thời gian theo quy định trung bình (giờ làm việc)', (f) => (f.avgBudgetMinutes === null ? null : Math.round((f.avgBudgetMinutes / 60) * 100) / 100)],
  ['Tỷ lệ số hóa hồ sơ', (f) => f.digitisation.rate, true],
  ['Tỷ lệ số hóa kết quả', (f) => f.digitisation.resultRate, true],
  ['Tỷ lệ tái sử dụng dữ liệu số hóa', (f) => f.digitisation.reuseRate, true],
];

const COMPARE_COLUMNS: Array<[string, (f: Figures) => number | null, boolean?]> = [
  ['Tiếp nhận', (f) => f.received],
  ['Trực tuyến', (f) => f.receivedOnline],
  ['Đã giải quyết', (f) => f.finished],
  ['Trước hạn', (f) => f.early],
  ['Đúng hạn', (f) => f.onTime],
  ['Quá hạn', (f) => f.late],
  ['Đang xử lý quá hạn', (f) => f.openOverdue],
  ['Tỷ lệ đúng hạn', (f) => f.onTimeRate, true],
  ['Tỷ lệ trực tuyến', (f) => f.onlineRate, true],
  ['Tỷ lệ số hóa', (f) => f.digitisation.rate, true],
];

export const UNITS_LABEL: Record<UnitsMode, string> = { then: 'theo đơn vị tại thời điểm đó', today: 'quy về đơn vị hiện nay' };

export function figuresSheet(d: Dashboard): SheetSpec {
  const rows: Cell[][] = FIGURE_ROWS.map(([label, get]) => [label, get(d.figures)]);
  if (d.satisfaction.status === 'available') rows.push(['Tỷ lệ hài lòng', d.satisfaction.rate], ['Số lượt đánh giá', d.satisfaction.ratings]);
  else rows.push(['Tỷ lệ hài lòng', 'Chưa có số liệu']);
  if (d.feedback.status === 'available') rows.push(['Phản ánh, kiến nghị tiếp nhận', d.feedback.received], ['Phản ánh trả lời đúng hạn', d.feedback.answeredOnTime], ['Tỷ lệ phản ánh trả lời đúng hạn', d.feedback.onTimeRate]);
  else rows.push(['Phản ánh, kiến nghị', 'Chưa có số liệu']);
  return { name: 'Tổng hợp', title: `${d.unit.name}`, columns: [{ header: 'Chỉ tiêu', width: 52 }, { header: 'Giá trị', width: 16 }], rows };
}

export function comparisonSheet(d: Dashboard): SheetSpec {
  return {
    name: 'So sánh đơn vị',
    title: d.unit.name,
    columns: [{ header: 'Đơn vị', width: 44 }, ...COMPARE_COLUMNS.map(([h, , p]) => ({ header: h, percent: p }))],
    rows: [...d.comparison.map((c) => [c.name, ...COMPARE_COLUMNS.map(([, get]) => get(c.figures))]), ['Tổng cộng', ...COMPARE_COLUMNS.map(([, get]) => get(d.figures))]],
  };
}

export function trendSheet(d: Dashboard): SheetSpec {
  return {
    name: 'Theo tháng',
    title: d.unit.name,
    columns: [{ header: 'Tháng' }, { header: 'Tiếp nhận' }, { header: 'Trực tuyến' }, { header: 'Đã giải quyết' }, { header: 'Trước hạn' }, { header: 'Đúng hạn' }, { header: 'Quá hạn' }, { header: 'Tỷ lệ đúng hạn (đã giải quyết)', percent: true, width: 18 }],
    rows: d.trend.map((t) => [`${t.month.slice(5)}/${t.month.slice(0, 4)}`, t.received, t.receivedOnline, t.finished, t.early, t.onTime, t.late, t.onTimeRateFinishedOnly]),
  };
}

export function proceduresSheet(d: Dashboard): SheetSpec {
  const h = (m: number | null) => (m === null ? null : Math.round((m / 60) * 100) / 100);
  return {
    name: 'Theo thủ tục',
    title: d.unit.name,
    columns: [{ header: 'Mã thủ tục', width: 16 }, { header: 'Thủ tục', width: 60 }, { header: 'Tiếp nhận' }, { header: 'Đã giải quyết' }, { header: 'Quá hạn' }, { header: 'TG xử lý TB (giờ)' }, { header: 'TG quy định TB (giờ)' }],
    rows: d.procedures.map((p) => [p.code, p.name, p.received, p.finished, p.late, h(p.avgUsedMinutes), h(p.avgBudgetMinutes)]),
  };
}

export function indexSheet(x: Index766): SheetSpec {
  const rows: Cell[][] = [];
  for (const r of [x.total, ...x.ranking]) rows.push([r.rank, r.name, r.points, r.availableMax, r.score === null ? null : r.score / 100, ...x.total.groups.map((g) => r.groups.find((y) => y.code === g.code)?.points ?? null)]);
  return {
    name: 'Chỉ số 766',
    title: x.version.title,
    columns: [{ header: 'Hạng', width: 8 }, { header: 'Đơn vị', width: 44 }, { header: 'Điểm' }, { header: 'Điểm tối đa có số liệu', width: 20 }, { header: 'Tỷ lệ điểm', percent: true }, ...x.total.groups.map((g) => ({ header: `Nhóm ${g.code}: ${g.name} (${g.max})`, width: 22 }))],
    rows,
  };
}

/** All rows of a drill-down, page by page (for the dossier list export). */
async function* drillRows(db: Db, sel: Selection, q: { from: string; to: string; units: UnitsMode; measure: NonNullable<z.infer<typeof ExportQuery>['measure']> }, now: Date): AsyncIterable<Cell[]> {
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const page = await drillPage(db, sel, { ...q, limit: pageSize, offset }, now);
    for (const [i, d] of page.items.entries()) {
      yield [offset + i + 1, d.code, d.procedureName, d.applicantName, d.unitName, d.channel, d.status, d.receivedAt.slice(0, 10), d.dueAt?.slice(0, 10) ?? null, d.finishedAt?.slice(0, 10) ?? null, d.outcome];
    }
    if (page.items.length < pageSize) return;
  }
}

const fileDate = (s: string) => s.replaceAll('-', '');

/** One dashboard table as an Excel file. */
export async function exportTable(deps: DashboardDeps, ctx: Context, q: z.infer<typeof ExportQuery>, now = new Date()): Promise<{ fileName: string; bytes: Buffer }> {
  const base = `bang-dieu-hanh-${q.table}-${fileDate(q.from)}-${fileDate(q.to)}`;
  if (q.table === 'dossiers') {
    if (!q.measure) throw new AppError('VALIDATION_FAILED', { detail: 'measure required', fields: [{ field: 'measure', code: 'required', message: { vi: 'Chọn chỉ tiêu', en: 'Choose a figure', fr: 'Choisissez un indicateur' } }] });
    const sel = await resolveSelection(deps.database.db, ctx, q);
    const bytes = await writeWorkbook([
      {
        name: MEASURE_LABELS[q.measure].vi,
        title: sel.root.name,
        columns: [{ header: 'STT', width: 7 }, { header: 'Mã hồ sơ', width: 30 }, { header: 'Thủ tục', width: 50 }, { header: 'Người nộp', width: 28 }, { header: 'Đơn vị', width: 30 }, { header: 'Kênh' }, { header: 'Trạng thái' }, { header: 'Ngày tiếp nhận' }, { header: 'Hạn xử lý' }, { header: 'Ngày có kết quả' }, { header: 'Kết quả' }],
        rows: drillRows(deps.database.db, sel, { from: q.from, to: q.to, units: q.units, measure: q.measure }, now),
      },
    ]);
    return { fileName: `${base}-${q.measure}.xlsx`, bytes };
  }
  if (q.table === 'index766') {
    const sel = await resolveSelection(deps.database.db, ctx, q);
    return { fileName: `${base}.xlsx`, bytes: await writeWorkbook([indexSheet(await computeIndexFor(deps.database.db, sel, q, now))]) };
  }
  const d = await getDashboard(deps, ctx, { unitId: q.unitId, from: q.from, to: q.to, units: q.units }, now);
  const sheet = q.table === 'figures' ? figuresSheet(d) : q.table === 'comparison' ? comparisonSheet(d) : q.table === 'trend' ? trendSheet(d) : proceduresSheet(d);
  return { fileName: `${base}.xlsx`, bytes: await writeWorkbook([sheet]) };
}
