import { z } from 'zod';
import {
  ActionBody,
  ApologyBody,
  Candidates,
  CandidatesQuery,
  Checklist,
  ChecklistQuery,
  CompleteBody,
  ControlSlip,
  DossierDetail,
  DossierPage,
  DossierSettingsBody,
  DossierSettingsResponse,
  DossierStats,
  ExtendBody,
  ListDossiersQuery,
  QueueCounts,
  ReasonBody,
  ReassignBody,
  ReassignResult,
  ReceiptResult,
  ReceiveDossierBody,
  RefuseBody,
  ReturnResultBody,
  SendBackBody,
  StatsQuery,
  SupplementReceivedBody,
  SupplementRequestBody,
  SuspendBody,
  Tracking,
  TrackingQuery,
} from '../../../contracts/dossiers.ts';
import { Uuid } from '../../../contracts/common.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import { listCandidates } from './dossiers.candidates.ts';
import { getChecklist, receiveDossier } from './dossiers.receive.ts';
import { getControlSlip, getDossierByCode, getDossierDetail, getStats, listDossiers, queueCounts, reassign, type DossierDeps } from './dossiers.service.ts';
import { getSettings, updateSettings } from './dossiers.settings.ts';
import { trackDossierJson } from './dossiers.tracking.ts';
import * as t from './dossiers.transitions.ts';

const tags = ['dossiers'];
const Id = z.object({ id: Uuid });

/**
 * Per-client limit of the public tracking endpoint (it answers whether code + 4 digits match): 30 a minute, or
 * TRACKING_RATE_LIMIT_PER_MINUTE (read at start-up; the bench lifts it).
 */
export const trackingRateLimit = () => ({ max: Number(process.env.TRACKING_RATE_LIMIT_PER_MINUTE ?? 30) || 30, timeWindow: '1 minute' });

export async function dossiersRoutes(app: App, { database, queue }: Deps) {
  const deps: DossierDeps = { database, queue };

  app.post('/api/v1/dossiers', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'Receive a dossier at the counter (Idempotency-Key supported); incomplete → written guidance, no dossier', body: ReceiveDossierBody, response: { 201: ReceiptResult } },
  }, async (request, reply) =>
    idempotent(database, request, reply, 201, ({ claim }) => receiveDossier(deps, request.ctx, request.body, { idempotency: claim }), {
      // A receipt that committed before its answer was stored is answered from the dossier it made.
      replay: async (id) => ({ outcome: 'received' as const, dossier: await getDossierDetail(deps, request.ctx, id, { recordAccess: false }) }),
    }));

  app.post('/api/v1/dossiers/checklist', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'Receipt checklist of the procedure version in force, with the appointment if received now', body: ChecklistQuery, response: { 200: Checklist } },
  }, async (request) => getChecklist(deps, request.ctx, request.body));

  app.get('/api/v1/dossiers', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'Dossiers the caller may read, or one of their work queues', querystring: ListDossiersQuery, response: { 200: DossierPage } },
  }, async (request) => listDossiers(deps, request.ctx, request.query));

  app.get('/api/v1/dossiers/queue-counts', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'How many dossiers wait in each of the caller’s queues', response: { 200: QueueCounts } },
  }, async (request) => queueCounts(deps, request.ctx));

  app.get('/api/v1/dossiers/stats', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'Early / on time / late, on track / due soon / overdue, and the on-time rate (open overdue counted)', querystring: StatsQuery, response: { 200: DossierStats } },
  }, async (request) => getStats(deps, request.ctx, request.query));

  app.get('/api/v1/dossiers/by-code/:code', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'A dossier by its code (the opening is logged for the applicant)', params: z.object({ code: z.string().min(3).max(80) }), response: { 200: DossierDetail } },
  }, async (request) => getDossierByCode(deps, request.ctx, request.params.code));

  app.get('/api/v1/dossiers/:id', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'A dossier with steps, clock ledger, appointments, timeline and allowed actions (the opening is logged)', params: Id, response: { 200: DossierDetail } },
  }, async (request) => getDossierDetail(deps, request.ctx, request.params.id));

  app.get('/api/v1/dossiers/:id/control-slip', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'Control slip: one row per hand-off with its result', params: Id, response: { 200: ControlSlip } },
  }, async (request) => getControlSlip(deps, request.ctx, request.params.id));

  app.get('/api/v1/dossiers/:id/candidates', {
    config: { access: 'dossiers.read' },
    schema: { tags, summary: 'Officials who may take the next step (to designate on hand-off) or the current step (to reassign)', params: Id, querystring: CandidatesQuery, response: { 200: Candidates } },
  }, async (request) => listCandidates(deps, request.ctx, request.params.id, request.query.step));

  const action = <B extends z.ZodType>(path: string, summary: string, body: B, run: (id: string, b: z.infer<B>, ctx: Parameters<typeof t.acceptHandoff>[1]) => Promise<unknown>) =>
    app.post(`/api/v1/dossiers/:id/${path}`, {
      config: { access: 'dossiers.read' },
      schema: { tags, summary, params: Id, body, response: { 200: DossierDetail } },
    }, async (request) => run(request.params.id, request.body as z.infer<B>, request.ctx) as never);

  action('accept', 'Accept the hand-off of the current step', ActionBody, (id, b, ctx) => t.acceptHandoff(deps, ctx, id, b));
  action('complete', 'Complete the current step and hand off to the next (last processing step → result ready)', CompleteBody, (id, b, ctx) => t.completeStepAction(deps, ctx, id, b));
  action('result-ready', 'Complete the last processing step: the result is ready (status 9)', CompleteBody, (id, b, ctx) => t.completeStepAction(deps, ctx, id, b, {}, 'result-ready'));
  action('approve', 'A leader approves or signs the current step', CompleteBody, (id, b, ctx) => t.approve(deps, ctx, id, b));
  action('send-back', 'Send back to the previous processing step', SendBackBody, (id, b, ctx) => t.sendBack(deps, ctx, id, b));
  action('request-supplement', 'Ask the applicant for a supplement (clock paused)', SupplementRequestBody, (id, b, ctx) => t.requestSupplement(deps, ctx, id, b));
  action('supplement-received', 'The supplement was brought (clock resumes or restarts per policy)', SupplementReceivedBody, (id, b, ctx) => t.supplementReceived(deps, ctx, id, b));
  action('suspend', 'Pause for another agency', SuspendBody, (id, b, ctx) => t.suspend(deps, ctx, id, b));
  action('resume', 'Resume after a pause for another agency', ActionBody, (id, b, ctx) => t.resume(deps, ctx, id, b));
  action('extend', 'Extend the time limit with a legal basis', ExtendBody, (id, b, ctx) => t.extend(deps, ctx, id, b));
  action('apologize', 'Apology and new appointment (once, ≥ 1 working day before the due moment)', ApologyBody, (id, b, ctx) => t.apologize(deps, ctx, id, b));
  action('refuse', 'Refuse on the merits with reasons (the refusal is the result)', RefuseBody, (id, b, ctx) => t.refuse(deps, ctx, id, b));
  action('return-result', 'Return the result (counter, post, online)', ReturnResultBody, (id, b, ctx) => t.returnResult(deps, ctx, id, b));
  action('not-collected', 'Record that the result has not been collected yet', ActionBody, (id, b, ctx) => t.notCollected(deps, ctx, id, b));
  action('withdraw', 'The applicant withdraws the dossier', ReasonBody, (id, b, ctx) => t.withdraw(deps, ctx, id, b));
  action('cancel', 'Stop processing (dừng xử lý)', ReasonBody, (id, b, ctx) => t.cancel(deps, ctx, id, b));

  app.post('/api/v1/dossiers/reassign', {
    config: { access: 'dossiers.approve' },
    schema: { tags, summary: 'Reassign the current step of one or many dossiers to another official (preview: true writes nothing)', body: ReassignBody, response: { 200: ReassignResult } },
  }, async (request) => reassign(deps, request.ctx, request.body));

  app.get('/api/v1/dossier-settings', {
    config: { access: 'procedures.write' },
    schema: { tags, summary: 'Dossier code pattern, supplement policies, reminder lead time', response: { 200: DossierSettingsResponse } },
  }, async () => getSettings(database.db));

  app.put('/api/v1/dossier-settings', {
    config: { access: 'procedures.write' },
    schema: { tags, summary: 'Replace the dossier settings (global administrators; send the version read)', body: DossierSettingsBody, response: { 200: DossierSettingsResponse } },
  }, async (request) => {
    const { version, ...settings } = request.body;
    return updateSettings(database, request.ctx, settings, version);
  });

  app.post('/api/v1/tracking', {
    config: { access: 'public', rateLimit: trackingRateLimit() },
    schema: { tags: ['tracking'], summary: 'Public tracking: dossier code + last 4 digits of the applicant’s phone or ID number', body: TrackingQuery, response: { 200: Tracking } },
  }, async (request, reply) => {
    // Sent as the cached, contract-checked JSON text (Fastify does not re-serialise a string).
    reply.type('application/json; charset=utf-8');
    return trackDossierJson(database.db, request.body) as never;
  });
}
