import { z } from 'zod';
import { Uuid } from '../../../../contracts/common.ts';
import {
  AppraisalBody,
  AssessmentDetail,
  AssessmentSummary,
  CreateAssessmentBody,
  CreateCriterionBody,
  CreateFrameworkBody,
  Criterion,
  Evidence,
  EvidenceBody,
  Framework,
  FrameworkDetail,
  ImportFrameworkQuery,
  ImportFrameworkResult,
  ListAssessmentsQuery,
  ListFrameworksQuery,
  Ranking,
  Score,
  SelfScoreBody,
  SurveyBody,
  TransitionBody,
  Trend,
  TrendQuery,
  UpdateCriterionBody,
  UpdateFrameworkBody,
} from '../../../../contracts/reform.ts';
import { idempotent } from '../../../http/idempotency.ts';
import type { App, Deps } from '../../../http/types.ts';
import { AppError } from '../../../platform/errors.ts';
import { IMPORT_LIMIT, XLSX_TYPE } from '../excel.ts';
import { liveFigureCatalogue } from './live-figures.ts';
import { addEvidence, appraiseScore, createAssessment, enterSurvey, getAssessment, listAssessments, publishAssessment, ranking, setSelfScore, submitAssessment, trend } from './par.assessments.ts';
import { addCriterion, createFramework, exportFramework, getFramework, importFramework, listFrameworks, updateCriterion, updateFramework } from './par.service.ts';

const tags = ['PAR index'];
const id = z.object({ id: Uuid });
const idCriterion = z.object({ id: Uuid, criterionId: Uuid });

/** PAR index: frameworks (criteria trees per year), assessments, appraisal, ranking, trend. */
export async function parRoutes(app: App, { database }: Deps) {
  const db = database.db;

  app.get('/api/v1/par/live-figures', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Figures motcua can compute for a criterion, and whether each is available yet' },
  }, async () => liveFigureCatalogue());

  app.get('/api/v1/par/frameworks', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'PAR frameworks (one per province, year and level of locality)', querystring: ListFrameworksQuery, response: { 200: z.array(Framework) } },
  }, async (request) => listFrameworks(db, request.query));

  app.post('/api/v1/par/frameworks', {
    config: { access: 'reform.appraise' },
    schema: { tags, summary: 'Create a year’s framework (draft) for the province (Idempotency-Key supported)', body: CreateFrameworkBody, response: { 201: FrameworkDetail } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createFramework(database, request.ctx, request.body)));

  app.get('/api/v1/par/frameworks/template.xlsx', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Empty criteria workbook in the import layout (docs/reform.md)' },
  }, async (_request, reply) => reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="bo-chi-so-cchc-mau.xlsx"').send(await exportFramework(db, null)));

  await app.register(async (scope) => {
    scope.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/par/frameworks/import', {
      config: { access: 'reform.appraise' },
      bodyLimit: IMPORT_LIMIT,
      schema: { tags, summary: `Import a year's criteria tree from Excel as a new draft framework, all or nothing (body: the .xlsx file, Content-Type ${XLSX_TYPE})`, querystring: ImportFrameworkQuery, response: { 200: ImportFrameworkResult } },
    }, async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `send the .xlsx file as the body with Content-Type ${XLSX_TYPE}` });
      return importFramework(database, request.ctx, request.query as z.infer<typeof ImportFrameworkQuery>, request.body);
    });
  });

  app.get('/api/v1/par/frameworks/:id', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'A framework with its criteria tree', params: id, response: { 200: FrameworkDetail } },
  }, async (request) => getFramework(db, request.params.id));

  app.get('/api/v1/par/frameworks/:id/export', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'The framework as a workbook in the import layout', params: id },
  }, async (request, reply) => reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="bo-chi-so-cchc-${request.params.id}.xlsx"`).send(await exportFramework(db, request.params.id)));

  app.patch('/api/v1/par/frameworks/:id', {
    config: { access: 'reform.appraise' },
    schema: { tags, summary: 'Correct or issue a framework (send the version you read)', params: id, body: UpdateFrameworkBody, response: { 200: FrameworkDetail } },
  }, async (request) => updateFramework(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/par/frameworks/:id/criteria', {
    config: { access: 'reform.appraise' },
    schema: { tags, summary: 'Add an area, criterion or sub-criterion to a draft framework', params: id, body: CreateCriterionBody, response: { 201: Criterion } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => addCriterion(database, request.ctx, request.params.id, request.body)));

  app.patch('/api/v1/par/criteria/:id', {
    config: { access: 'reform.appraise' },
    schema: { tags, summary: 'Correct a criterion (send the version you read)', params: id, body: UpdateCriterionBody, response: { 200: Criterion } },
  }, async (request) => updateCriterion(database, request.ctx, request.params.id, request.body));

  app.get('/api/v1/par/frameworks/:id/ranking', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Ranking of the framework’s localities by index (ties share a rank; see the tie rule)', params: id, response: { 200: Ranking } },
  }, async (request) => ranking(db, request.params.id));

  app.post('/api/v1/par/frameworks/:id/assessments', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Open a self-assessment (reform.write on the unit) or record a published result (reform.appraise on the province)', params: id, body: CreateAssessmentBody, response: { 201: AssessmentSummary } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createAssessment(database, request.ctx, request.params.id, request.body)));

  app.get('/api/v1/par/assessments', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Assessments you may read, with totals, class and rank', querystring: ListAssessmentsQuery, response: { 200: z.array(AssessmentSummary) } },
  }, async (request) => listAssessments(db, request.ctx, request.query));

  app.get('/api/v1/par/assessments/:id', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'An assessment: criteria, scores, evidence, live figures, totals, class, rank', params: id, response: { 200: AssessmentDetail } },
  }, async (request) => getAssessment(db, request.ctx, request.params.id));

  app.put('/api/v1/par/assessments/:id/scores/:criterionId', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Self-assess one criterion (version 0 for a first score)', params: idCriterion, body: SelfScoreBody, response: { 200: Score } },
  }, async (request) => setSelfScore(database, request.ctx, request.params.id, request.params.criterionId, request.body));

  app.post('/api/v1/par/assessments/:id/scores/:criterionId/evidence', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Attach evidence to a criterion: a steering document, a link, or a live figure (snapshotted)', params: idCriterion, body: EvidenceBody, response: { 201: Evidence } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => addEvidence(database, request.ctx, request.params.id, request.params.criterionId, request.body)));

  app.post('/api/v1/par/assessments/:id/submit', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Submit the self-assessment for appraisal', params: id, body: TransitionBody, response: { 200: AssessmentSummary } },
  }, async (request) => submitAssessment(database, request.ctx, request.params.id, request.body.version));

  app.put('/api/v1/par/assessments/:id/appraisals/:criterionId', {
    config: { access: 'reform.appraise' },
    schema: { tags, summary: 'The province adjusts a self-assessed score (a comment is required when it differs)', params: idCriterion, body: AppraisalBody, response: { 200: Score } },
  }, async (request) => appraiseScore(database, request.ctx, request.params.id, request.params.criterionId, request.body));

  app.put('/api/v1/par/assessments/:id/survey', {
    config: { access: 'reform.appraise' },
    schema: { tags, summary: 'Enter the sociological survey’s points for the survey criteria', params: id, body: SurveyBody, response: { 200: AssessmentSummary } },
  }, async (request) => enterSurvey(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/par/assessments/:id/publish', {
    config: { access: 'reform.appraise' },
    schema: { tags, summary: 'Publish the appraised result (freezes the final points)', params: id, body: TransitionBody, response: { 200: AssessmentSummary } },
  }, async (request) => publishAssessment(database, request.ctx, request.params.id, request.body.version));

  app.get('/api/v1/par/trend', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'A unit’s results year by year, with the units it continues (lineage)', querystring: TrendQuery, response: { 200: Trend } },
  }, async (request) => trend(db, request.ctx, request.query.unitId, request.query.includePredecessors !== 'false'));
}
