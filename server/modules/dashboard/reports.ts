/**
 * Periodic reports (báo cáo định kỳ: month, quarter, year or any range) of a unit, as an Excel workbook (figures,
 * sub-units, months, procedures, Decision 766 index) or a PDF with the official heading. Asking for one records the
 * request (audited) and queues the background job `dashboard.report` in the same transaction; the job writes the
 * file into the report row and the web app offers the download link once `status = ready`.
 *
 * The bytes are kept in the report row (bytea) rather than in the platform file store, which only accepts the
 * scanned-document types (PDF, JPEG, PNG).
 */
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { drawOfficialHeader, newPdf, pdfToBuffer } from '../../platform/pdf.ts';
import type { Queue } from '../../platform/queue.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Dashboard, Index766, Report, ReportBody, UnitsMode } from '../../../contracts/dashboard.ts';
import { displayDate } from '../../platform/clock.ts';
import { DASHBOARD_REFUSALS } from './dashboard.messages.ts';
import { dashboardReports, type DashboardReportRow } from './dashboard.schema.ts';
import { getDashboard } from './dashboard.service.ts';
import { comparisonSheet, figuresSheet, indexSheet, proceduresSheet, trendSheet, UNITS_LABEL, writeWorkbook, XLSX_TYPE } from './exports.ts';
import { computeIndexFor } from './index766.ts';
import { internalContext, resolveSelection } from './selection.ts';

export const REPORT_JOB = 'dashboard.report';

export interface ReportDeps {
  database: Database;
  queue: Queue | null;
}

interface ReportParams {
  from: string;
  to: string;
  units: UnitsMode;
}

function present(r: DashboardReportRow): Report {
  const p = r.params as ReportParams;
  return {
    id: r.id,
    format: r.format as Report['format'],
    unitId: r.unitId,
    from: p.from,
    to: p.to,
    units: p.units,
    status: r.status as Report['status'],
    fileName: r.fileName,
    sizeBytes: r.sizeBytes,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    downloadUrl: r.status === 'ready' ? `/api/v1/dashboard/reports/${r.id}/file` : null,
  };
}

/** Records a report request and queues its generation (403 outside the caller's units). */
export async function requestReport(deps: ReportDeps, ctx: Context, body: z.infer<typeof ReportBody>): Promise<Report> {
  if (body.to < body.from) {
    throw new AppError('VALIDATION_FAILED', { detail: 'to before from', fields: [{ field: 'to', code: 'before_from', message: { vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'End date is before start date', fr: 'La date de fin précède la date de début' } }] });
  }
  await resolveSelection(deps.database.db, ctx, body);
  if (!deps.queue) throw new Error('dashboard reports need the job queue');
  const queue = deps.queue;
  const row = await deps.database.transaction(async (tx) => {
    const [r] = await tx.db
      .insert(dashboardReports)
      .values({ format: body.format, unitId: body.unitId, params: { from: body.from, to: body.to, units: body.units } satisfies ReportParams, status: 'queued', requestedBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'dashboard.report.request', subjectType: 'dashboard_report', subjectId: r.id, unitId: body.unitId, after: { format: body.format, from: body.from, to: body.to, units: body.units } });
    await queue.send(tx, REPORT_JOB, { reportId: r.id }, { singletonKey: r.id });
    return r;
  });
  return present(row);
}

async function findOwn(deps: ReportDeps, ctx: Context, id: string): Promise<DashboardReportRow> {
  const [r] = await deps.database.db.select().from(dashboardReports).where(eq(dashboardReports.id, id));
  // Another official's report is "not found" (its existence is not disclosed).
  if (!r || r.requestedBy !== ctx.actor.userId) throw notFound('report');
  return r;
}

export async function listReports(deps: ReportDeps, ctx: Context) {
  if (!ctx.actor.userId) return { items: [] };
  const rows = await deps.database.db
    .select()
    .from(dashboardReports)
    .where(and(eq(dashboardReports.requestedBy, ctx.actor.userId)))
    .orderBy(desc(dashboardReports.createdAt))
    .limit(50);
  return { items: rows.map(present) };
}

export async function getReport(deps: ReportDeps, ctx: Context, id: string) {
  return present(await findOwn(deps, ctx, id));
}

export async function getReportFile(deps: ReportDeps, ctx: Context, id: string) {
  const r = await findOwn(deps, ctx, id);
  if (r.status !== 'ready' || !r.content) throw conflict(r.status === 'queued' ? DASHBOARD_REFUSALS.reportQueued : r.status === 'running' ? DASHBOARD_REFUSALS.reportRunning : DASHBOARD_REFUSALS.reportFailed, { status: r.status });
  return { fileName: r.fileName!, mediaType: r.mediaType!, bytes: r.content };
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? 'N/A' : `${(v * 100).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);
const num = (v: number | null | undefined) => (v === null || v === undefined ? 'N/A' : v.toLocaleString('vi-VN'));

/** The PDF report: official heading, summary table, sub-units, Decision 766 index. */
export async function reportPdf(d: Dashboard, idx: Index766, parentName: string, today: Date): Promise<Buffer> {
  const doc = newPdf({ title: `Báo cáo tình hình giải quyết TTHC ${d.unit.name}`, subject: `${d.from} – ${d.to}` });
  const dd = today.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).split('/');
  drawOfficialHeader(doc, { parent: parentName, name: d.unit.name }, `ngày ${dd[0]} tháng ${dd[1]} năm ${dd[2]}`);
  doc.font('B').fontSize(14).text('BÁO CÁO', { align: 'center' });
  doc.font('B').fontSize(12).text('Tình hình tiếp nhận, giải quyết thủ tục hành chính', { align: 'center' });
  doc.font('I').fontSize(11).text(`Kỳ báo cáo: từ ngày ${displayDate(d.from)} đến ngày ${displayDate(d.to)} (${UNITS_LABEL[d.units]})`, { align: 'center' });
  doc.moveDown();
  const f = d.figures;
  const line = (label: string, value: string) => {
    const y = doc.y;
    doc.font('R').fontSize(11).text(label, doc.page.margins.left, y, { width: 330 });
    doc.text(value, doc.page.margins.left + 340, y, { width: 120, align: 'right' });
    doc.moveDown(0.2);
  };
  doc.font('B').fontSize(12).text('I. Số liệu tổng hợp');
  line('Hồ sơ tiếp nhận', num(f.received));
  line('  – trực tiếp / trực tuyến / bưu chính', `${num(f.receivedCounter)} / ${num(f.receivedOnline)} / ${num(f.receivedPost)}`);
  line('Hồ sơ đã giải quyết', num(f.finished));
  line('  – trước hạn / đúng hạn / quá hạn', `${num(f.early)} / ${num(f.onTime)} / ${num(f.late)}`);
  line('Trả lại, xin rút', num(f.apart));
  line('Đang xử lý: trong hạn / sắp đến hạn / quá hạn', `${num(f.openOnTrack)} / ${num(f.openDueSoon)} / ${num(f.openOverdue)}`);
  line('Tỷ lệ giải quyết trước hạn, đúng hạn', pct(f.onTimeRate));
  line('Tỷ lệ hồ sơ trực tuyến', pct(f.onlineRate));
  line('Tỷ lệ số hóa hồ sơ / kết quả', `${pct(f.digitisation.rate)} / ${pct(f.digitisation.resultRate)}`);
  line('Tỷ lệ hài lòng', d.satisfaction.status === 'available' ? pct(d.satisfaction.rate) : 'Chưa có số liệu');
  line('Phản ánh, kiến nghị trả lời đúng hạn', d.feedback.status === 'available' ? pct(d.feedback.onTimeRate) : 'Chưa có số liệu');
  doc.font('I').fontSize(9).text(`Công thức: ${d.formulas.onTimeRate}`);
  doc.moveDown();
  if (d.comparison.length) {
    doc.font('B').fontSize(12).text('II. Theo đơn vị');
    for (const c of d.comparison) line(c.name, `${num(c.figures.received)} hồ sơ · ${pct(c.figures.onTimeRate)}`);
    doc.moveDown();
  }
  doc.font('B').fontSize(12).text(`III. Bộ chỉ số 766 (${idx.version.code})`);
  line('Điểm đạt / điểm tối đa có số liệu', `${num(idx.total.points)} / ${num(idx.total.availableMax)}`);
  for (const g of idx.total.groups) line(`Nhóm ${g.code}. ${g.name} (tối đa ${g.max})`, g.availableMax ? `${num(g.points)} / ${g.availableMax}` : 'Chưa có số liệu');
  return pdfToBuffer(doc);
}

/** Generates a queued report (the job handler). Failures are recorded on the row and rethrown for a retry. */
export async function runReport(database: Database, reportId: string, now = new Date()): Promise<void> {
  const [r] = await database.db.select().from(dashboardReports).where(eq(dashboardReports.id, reportId));
  if (!r || r.status === 'ready') return;
  await database.db.update(dashboardReports).set({ status: 'running' }).where(eq(dashboardReports.id, reportId));
  try {
    const p = r.params as ReportParams;
    const ctx = internalContext('report');
    const q = { unitId: r.unitId, from: p.from, to: p.to, units: p.units };
    const d = await getDashboard({ database }, ctx, q, now);
    const sel = await resolveSelection(database.db, ctx, q);
    let idx: Index766;
    try {
      idx = await computeIndexFor(database.db, sel, q, now);
    } catch {
      idx = { version: { code: '-', title: 'N/A', effectiveFrom: '', effectiveTo: null, source: '' }, from: p.from, to: p.to, units: p.units, parent: { id: r.unitId, name: d.unit.name }, total: { unitId: r.unitId, name: d.unit.name, points: 0, availableMax: 0, score: null, rank: null, groups: [] }, ranking: [] };
    }
    const base = `bao-cao-${p.from.replaceAll('-', '')}-${p.to.replaceAll('-', '')}`;
    let bytes: Buffer;
    let mediaType: string;
    let fileName: string;
    if (r.format === 'xlsx') {
      bytes = await writeWorkbook([figuresSheet(d), comparisonSheet(d), trendSheet(d), proceduresSheet(d), ...(idx.total.groups.length ? [indexSheet(idx)] : [])]);
      mediaType = XLSX_TYPE;
      fileName = `${base}.xlsx`;
    } else {
      const parent = sel.root.parentId ? sel.units.get(sel.root.parentId)?.name ?? '' : '';
      bytes = await reportPdf(d, idx, parent, now);
      mediaType = 'application/pdf';
      fileName = `${base}.pdf`;
    }
    await database.db
      .update(dashboardReports)
      .set({ status: 'ready', content: bytes, mediaType, fileName, sizeBytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), finishedAt: new Date(), error: null })
      .where(eq(dashboardReports.id, reportId));
  } catch (err) {
    await database.db.update(dashboardReports).set({ status: 'failed', error: String((err as Error).message ?? err).slice(0, 500), finishedAt: new Date() }).where(eq(dashboardReports.id, reportId));
    throw err;
  }
}

/** Registers the report job (server/jobs.ts). */
export async function registerDashboardJobs(queue: Queue, database: Database) {
  await queue.register<{ reportId: string }>(REPORT_JOB, async (data) => runReport(database, data.reportId), { retryLimit: 2 });
}
