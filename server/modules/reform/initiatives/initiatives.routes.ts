import { z } from 'zod';
import { Uuid } from '../../../../contracts/common.ts';
import { CreateInitiativeBody, EvaluateInitiativeBody, Initiative, ListInitiativesQuery, pageOf, UpdateInitiativeBody } from '../../../../contracts/reform.ts';
import { idempotent } from '../../../http/idempotency.ts';
import type { App, Deps } from '../../../http/types.ts';
import { createInitiative, evaluateInitiative, getInitiative, listInitiatives, updateInitiative } from './initiatives.service.ts';

const tags = ['initiatives'];
const id = z.object({ id: Uuid });

export async function initiativesRoutes(app: App, { database }: Deps) {
  const db = database.db;
  app.get('/api/v1/initiatives', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Models, initiatives and solutions of your units', querystring: ListInitiativesQuery, response: { 200: pageOf(Initiative) } },
  }, async (request) => listInitiatives(db, request.ctx, request.query));

  app.post('/api/v1/initiatives', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Register a model, initiative or working solution (Idempotency-Key supported)', body: CreateInitiativeBody, response: { 201: Initiative } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createInitiative(database, request.ctx, request.body)));

  app.get('/api/v1/initiatives/:id', {
    config: { access: 'reform.read' },
    schema: { tags, params: id, response: { 200: Initiative } },
  }, async (request) => getInitiative(db, request.ctx, request.params.id));

  app.patch('/api/v1/initiatives/:id', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Correct, or record that it is applied in practice (send the version you read)', params: id, body: UpdateInitiativeBody, response: { 200: Initiative } },
  }, async (request) => updateInitiative(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/initiatives/:id/evaluation', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Record the evaluation: recognised (with the decision) or not', params: id, body: EvaluateInitiativeBody, response: { 200: Initiative } },
  }, async (request) => evaluateInitiative(database, request.ctx, request.params.id, request.body));
}
