import { z } from 'zod';
import { Uuid, Version } from '../../../contracts/common.ts';
import { ExecuteBody, Plan, PlanBody, RollbackBody, UpdatePlanBody } from '../../../contracts/reorganisation.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import { createPlan, executePlan, getPlan, listPlans, previewPlan, rollbackPlan, unschedulePlan, updatePlan } from './reorganisation.service.ts';

const tags = ['reorganisation'];
const id = z.object({ id: Uuid });
const access = 'units.reorganise' as const;

export async function reorganisationRoutes(app: App, { database, queue }: Deps) {
  app.get('/api/v1/reorganisation-plans', {
    config: { access },
    schema: { tags, summary: 'Re-organisation plans (merge, split, rename, move, abolish units)', response: { 200: z.array(Plan) } },
  }, async (request) => listPlans(database.db, request.ctx));

  app.post('/api/v1/reorganisation-plans', {
    config: { access },
    schema: { tags, summary: 'Enter a plan as a draft (Idempotency-Key supported)', body: PlanBody, response: { 201: Plan } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createPlan(database, request.ctx, request.body)));

  app.get('/api/v1/reorganisation-plans/:id', {
    config: { access },
    schema: { tags, summary: 'A plan with its last preview, its result and, once executed, what forbids a rollback', params: id, response: { 200: Plan } },
  }, async (request) => getPlan(database.db, request.ctx, request.params.id));

  app.put('/api/v1/reorganisation-plans/:id', {
    config: { access },
    schema: { tags, summary: 'Edit a draft plan (send the version you read)', params: id, body: UpdatePlanBody, response: { 200: Plan } },
  }, async (request) => updatePlan(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/reorganisation-plans/:id/preview', {
    config: { access },
    schema: { tags, summary: 'Compute what the plan moves where: counts, items and conflicts per domain', params: id, response: { 200: Plan } },
  }, async (request) => previewPlan(database, request.ctx, request.params.id));

  app.post('/api/v1/reorganisation-plans/:id/execute', {
    config: { access },
    schema: { tags, summary: 'Execute now, or schedule at the effective date (when=effective_date)', params: id, body: ExecuteBody, response: { 200: Plan } },
  }, async (request) => executePlan(database, queue, request.ctx, request.params.id, request.body));

  app.post('/api/v1/reorganisation-plans/:id/unschedule', {
    config: { access },
    schema: { tags, summary: 'Put a scheduled plan back to draft', params: id, body: z.strictObject({ version: Version }), response: { 200: Plan } },
  }, async (request) => unschedulePlan(database, request.ctx, request.params.id, request.body.version));

  app.post('/api/v1/reorganisation-plans/:id/rollback', {
    config: { access },
    schema: { tags, summary: 'Undo an executed plan while nothing new was written on the successors', params: id, body: RollbackBody, response: { 200: Plan } },
  }, async (request) => rollbackPlan(database, request.ctx, request.params.id, request.body));
}
