import { z } from 'zod';
import { Uuid } from '../../../contracts/common.ts';
import {
  CreateProcedureBody,
  CreateProposalBody,
  CreateReviewPlanBody,
  DecideProposalBody,
  ExportProceduresQuery,
  ImportProceduresQuery,
  ImportResult,
  ListProceduresQuery,
  ListReviewPlansQuery,
  ProcedureAsOfQuery,
  ProcedureDetail,
  ProcedurePage,
  ProcedureVersionView,
  Proposal,
  ReviewPlan,
  ReviewPlanDetail,
  SimplificationReport,
  SimplificationReportQuery,
  UpdateProcedureBody,
  UpdateProposalBody,
  UpdateReviewPlanBody,
  VersionListItem,
} from '../../../contracts/procedures.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import { todayVn } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { exportProcedures, importProcedures } from './procedures.import.ts';
import { AUTHORITY_LEVELS, DOCUMENT_FORMS, ONLINE_LEVELS, PROCEDURE_FIELDS, PROCEDURE_STATUSES, PROPOSAL_KINDS, PROPOSAL_STATUSES, STEP_KINDS, TIME_UNITS } from './procedures.kinds.ts';
import { createProcedure, getProcedure, getVersion, listVersions, searchProcedures, updateProcedure } from './procedures.service.ts';
import { createPlan, createProposal, decideProposal, getPlan, listPlans, simplificationReport, updatePlan, updateProposal } from './reviews.service.ts';

const tags = ['procedures'];
const reviewTags = ['procedure reviews'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_LIMIT = 10 * 1024 * 1024;

/** The procedure catalogue (public reads), its editing, Excel import/export, and the yearly review. */
export async function proceduresRoutes(app: App, { database }: Deps) {
  app.get('/api/v1/procedures/meta', {
    config: { access: 'public' },
    schema: { tags, summary: 'Closed lists of the catalogue (fields, levels, online levels, statuses, units of time, document forms, steps, proposal kinds) with labels' },
  }, async () => ({
    fields: PROCEDURE_FIELDS,
    authorityLevels: AUTHORITY_LEVELS,
    onlineLevels: ONLINE_LEVELS,
    statuses: PROCEDURE_STATUSES,
    timeUnits: TIME_UNITS,
    documentForms: DOCUMENT_FORMS,
    stepKinds: STEP_KINDS,
    proposalKinds: PROPOSAL_KINDS,
    proposalStatuses: PROPOSAL_STATUSES,
  }));

  app.get('/api/v1/procedures', {
    config: { access: 'public' },
    schema: { tags, summary: 'Public catalogue: procedures in force on a date, accent-insensitive search, filters by field, level, unit', querystring: ListProceduresQuery, response: { 200: ProcedurePage } },
  }, async (request) => searchProcedures(database.db, request.query));

  app.get('/api/v1/procedures/export', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Excel export of the versions in force (layout: docs/procedures-excel.md)', querystring: ExportProceduresQuery },
  }, async (request, reply) => {
    const buf = await exportProcedures(database.db, request.query);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="thu-tuc-hanh-chinh-${request.query.asOf ?? todayVn()}.xlsx"`)
      .send(buf);
  });

  // The import takes the workbook itself as the body; its parser is scoped to this route's context.
  await app.register(async (scope) => {
    scope.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/procedures/import', {
      config: { access: 'procedures.write' },
      bodyLimit: IMPORT_LIMIT,
      schema: { tags, summary: `Excel import into a unit's catalogue, all or nothing (body: the .xlsx file, Content-Type ${XLSX_TYPE})`, querystring: ImportProceduresQuery, response: { 200: ImportResult } },
    }, async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `send the .xlsx file as the body with Content-Type ${XLSX_TYPE}` });
      const q = request.query as z.infer<typeof ImportProceduresQuery>;
      return importProcedures(database, request.ctx, q.ownerUnitId, request.body, q.dryRun === 'true');
    });
  });

  app.get('/api/v1/procedures/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A procedure as in force on a date (today by default), with documents, time, fees, forms and steps', params: z.object({ id: Uuid }), querystring: ProcedureAsOfQuery, response: { 200: ProcedureDetail } },
  }, async (request) => getProcedure(database.db, request.params.id, request.query.asOf));

  app.get('/api/v1/procedures/:id/versions', {
    config: { access: 'public' },
    schema: { tags, summary: 'Version history, newest first, with the fields each version changed', params: z.object({ id: Uuid }), response: { 200: z.array(VersionListItem) } },
  }, async (request) => listVersions(database.db, request.params.id));

  app.get('/api/v1/procedures/:id/versions/:versionNo', {
    config: { access: 'public' },
    schema: { tags, summary: 'One version', params: z.object({ id: Uuid, versionNo: z.coerce.number().int().min(1) }), response: { 200: ProcedureVersionView } },
  }, async (request) => getVersion(database.db, request.params.id, request.params.versionNo));

  app.post('/api/v1/procedures', {
    config: { access: 'procedures.write' },
    schema: { tags, summary: 'Create a procedure in a catalogue you edit (Idempotency-Key supported)', body: CreateProcedureBody, response: { 201: ProcedureDetail } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createProcedure(database, request.ctx, request.body)));

  app.patch('/api/v1/procedures/:id', {
    config: { access: 'procedures.write' },
    schema: { tags, summary: 'Change a procedure: a new version from effectiveFrom (send the version you read)', params: z.object({ id: Uuid }), body: UpdateProcedureBody, response: { 200: ProcedureDetail } },
  }, async (request) => updateProcedure(database, request.ctx, request.params.id, request.body));

  // ---- Yearly review ----

  app.get('/api/v1/procedure-reviews', {
    config: { access: 'reform.read' },
    schema: { tags: reviewTags, summary: 'Review plans of your units', querystring: ListReviewPlansQuery, response: { 200: z.array(ReviewPlan) } },
  }, async (request) => listPlans(database.db, request.ctx, request.query));

  app.post('/api/v1/procedure-reviews', {
    config: { access: 'procedures.write' },
    schema: { tags: reviewTags, summary: 'Open the review plan of a unit for a year (Idempotency-Key supported)', body: CreateReviewPlanBody, response: { 201: ReviewPlan } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createPlan(database, request.ctx, request.body)));

  app.get('/api/v1/procedure-reviews/:id', {
    config: { access: 'reform.read' },
    schema: { tags: reviewTags, summary: 'A review plan with its proposals', params: z.object({ id: Uuid }), response: { 200: ReviewPlanDetail } },
  }, async (request) => getPlan(database.db, request.ctx, request.params.id));

  app.patch('/api/v1/procedure-reviews/:id', {
    config: { access: 'procedures.write' },
    schema: { tags: reviewTags, summary: 'Edit a review plan (send the version you read)', params: z.object({ id: Uuid }), body: UpdateReviewPlanBody, response: { 200: ReviewPlan } },
  }, async (request) => updatePlan(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/procedure-reviews/:id/proposals', {
    config: { access: 'procedures.write' },
    schema: { tags: reviewTags, summary: 'Propose a simplification of a procedure (Idempotency-Key supported)', params: z.object({ id: Uuid }), body: CreateProposalBody, response: { 201: Proposal } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createProposal(database, request.ctx, request.params.id, request.body)));

  app.patch('/api/v1/procedure-proposals/:id', {
    config: { access: 'procedures.write' },
    schema: { tags: reviewTags, summary: 'Edit or withdraw a proposal not yet decided (send the version you read)', params: z.object({ id: Uuid }), body: UpdateProposalBody, response: { 200: Proposal } },
  }, async (request) => updateProposal(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/procedure-proposals/:id/decision', {
    config: { access: 'procedures.approve' },
    schema: { tags: reviewTags, summary: "A leader's decision; approval records the new version effective on the proposal's date", params: z.object({ id: Uuid }), body: DecideProposalBody, response: { 200: Proposal } },
  }, async (request) => decideProposal(database, request.ctx, request.params.id, request.body));

  app.get('/api/v1/procedure-reports/simplification', {
    config: { access: 'reform.read' },
    schema: { tags: reviewTags, summary: 'Simplification report of a unit for a year (formulas: docs/procedures-simplification.md)', querystring: SimplificationReportQuery, response: { 200: SimplificationReport } },
  }, async (request) => simplificationReport(database.db, request.ctx, request.query));
}
