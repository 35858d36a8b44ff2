import { z } from 'zod';
import { Dashboard, DashboardQuery, DrillPage, DrillQuery, ExportQuery, Index766, PublicIndexQuery, Report, ReportBody } from '../../../contracts/dashboard.ts';
import { Uuid } from '../../../contracts/common.ts';
import type { App, Deps } from '../../http/types.ts';
import { drillDown, getDashboard, type DashboardDeps } from './dashboard.service.ts';
import { exportTable, XLSX_TYPE } from './exports.ts';
import { getIndex766, getPublicIndex766 } from './index766.ts';
import { getReport, getReportFile, listReports, requestReport } from './reports.ts';
import './live-figures.ts';

const tags = ['dashboard'];

/** Routes of the leaders' dashboard, the Decision 766 index and the reports (contracts/dashboard.ts). */
export async function dashboardRoutes(app: App, { database, queue }: Deps) {
  const deps: DashboardDeps = { database };

  app.get('/api/v1/dashboard', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'Service figures of a unit with its subtree over a period, monthly trend, sub-unit comparison, procedures', querystring: DashboardQuery, response: { 200: Dashboard } },
  }, async (request) => getDashboard(deps, request.ctx, request.query));

  app.get('/api/v1/dashboard/dossiers', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'The dossiers behind one number of the dashboard (paged)', querystring: DrillQuery, response: { 200: DrillPage } },
  }, async (request) => drillDown(deps, request.ctx, request.query));

  app.get('/api/v1/dashboard/export.xlsx', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'One table of the dashboard as an Excel file', querystring: ExportQuery },
  }, async (request, reply) => {
    const file = await exportTable(deps, request.ctx, request.query);
    return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.bytes);
  });

  app.get('/api/v1/dashboard/index766', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'Decision 766 index of a unit and the ranking of its sub-units', querystring: DashboardQuery, response: { 200: Index766 } },
  }, async (request) => getIndex766(deps, request.ctx, request.query));

  app.get('/api/v1/public/index766', {
    config: { access: 'public' },
    schema: { tags, summary: 'Public scoreboard of the Decision 766 index (no sign-in)', querystring: PublicIndexQuery, response: { 200: Index766 } },
  }, async (request) => getPublicIndex766(deps, request.query));

  app.post('/api/v1/dashboard/reports', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'Queue a periodic report (Excel or PDF), generated in the background', body: ReportBody, response: { 202: Report } },
  }, async (request, reply) => reply.code(202).send(await requestReport({ database, queue }, request.ctx, request.body)));

  app.get('/api/v1/dashboard/reports', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'The caller’s reports, newest first', response: { 200: z.object({ items: z.array(Report) }) } },
  }, async (request) => listReports({ database, queue }, request.ctx));

  app.get('/api/v1/dashboard/reports/:id', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'A report and its state', params: z.object({ id: Uuid }), response: { 200: Report } },
  }, async (request) => getReport({ database, queue }, request.ctx, request.params.id));

  app.get('/api/v1/dashboard/reports/:id/file', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: 'Download a ready report', params: z.object({ id: Uuid }) },
  }, async (request, reply) => {
    const f = await getReportFile({ database, queue }, request.ctx, request.params.id);
    return reply.type(f.mediaType).header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.bytes);
  });
}
