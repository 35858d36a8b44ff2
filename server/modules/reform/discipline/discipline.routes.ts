import { z } from 'zod';
import { Uuid } from '../../../../contracts/common.ts';
import { CreateDisciplineBody, DisciplineRecord, ListDisciplineQuery, pageOf, UpdateDisciplineBody } from '../../../../contracts/reform.ts';
import { idempotent } from '../../../http/idempotency.ts';
import type { App, Deps } from '../../../http/types.ts';
import { createDiscipline, getDiscipline, listDiscipline, updateDiscipline } from './discipline.service.ts';

const tags = ['discipline (confidential)'];
const id = z.object({ id: Uuid });

/** Confidential: discipline.read only, every read audited. */
export async function disciplineRoutes(app: App, { database }: Deps) {
  app.get('/api/v1/discipline-records', {
    config: { access: 'discipline.read' },
    schema: { tags, summary: 'Discipline records in your scope (the read is audited)', querystring: ListDisciplineQuery, response: { 200: pageOf(DisciplineRecord) } },
  }, async (request) => listDiscipline(database, request.ctx, request.query));

  app.post('/api/v1/discipline-records', {
    config: { access: 'discipline.write' },
    schema: { tags, summary: 'Record a sanction (Idempotency-Key supported)', body: CreateDisciplineBody, response: { 201: DisciplineRecord } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createDiscipline(database, request.ctx, request.body)));

  app.get('/api/v1/discipline-records/:id', {
    config: { access: 'discipline.read' },
    schema: { tags, summary: 'One record (the read is audited)', params: id, response: { 200: DisciplineRecord } },
  }, async (request) => getDiscipline(database, request.ctx, request.params.id));

  app.patch('/api/v1/discipline-records/:id', {
    config: { access: 'discipline.write' },
    schema: { tags, summary: 'Correct a record (send the version you read)', params: id, body: UpdateDisciplineBody, response: { 200: DisciplineRecord } },
  }, async (request) => updateDiscipline(database, request.ctx, request.params.id, request.body));
}
