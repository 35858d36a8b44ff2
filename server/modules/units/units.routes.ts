import { z } from 'zod';
import { AddLineageBody, CreateUnitBody, ListUnitsQuery, Unit, UnitDetail, UpdateUnitBody } from '../../../contracts/units.ts';
import { IsoDate, Uuid } from '../../../contracts/common.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import { UNIT_KINDS } from './units.kinds.ts';
import { addLineage, createUnit, getUnit, listUnits, updateUnit } from './units.service.ts';

const tags = ['units'];

export async function unitsRoutes(app: App, { database }: Deps) {
  app.get('/api/v1/unit-kinds', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Kinds of unit with their labels' },
  }, async () => Object.entries(UNIT_KINDS).map(([kind, v]) => ({ kind, ...v })));

  app.get('/api/v1/units', {
    config: { access: 'units.read' },
    schema: { tags, summary: 'Units valid on a date (the tree as of that date), or all', querystring: ListUnitsQuery, response: { 200: z.array(Unit) } },
  }, async (request) => listUnits(database.db, request.query));

  app.get('/api/v1/units/:id', {
    config: { access: 'units.read' },
    schema: { tags, summary: 'A unit with parent, children, predecessors and successors', params: z.object({ id: Uuid }), querystring: z.strictObject({ asOf: IsoDate.optional() }), response: { 200: UnitDetail } },
  }, async (request) => getUnit(database.db, request.params.id, request.query.asOf));

  app.post('/api/v1/units', {
    config: { access: 'units.write' },
    schema: { tags, summary: 'Create a unit (Idempotency-Key supported)', body: CreateUnitBody, response: { 201: Unit } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createUnit(database, request.ctx, request.body)));

  app.patch('/api/v1/units/:id', {
    config: { access: 'units.write' },
    schema: { tags, summary: 'Correct a unit (send the version you read)', params: z.object({ id: Uuid }), body: UpdateUnitBody, response: { 200: Unit } },
  }, async (request) => updateUnit(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/units/:id/predecessors', {
    config: { access: 'units.write' },
    schema: { tags, summary: 'Record that this unit succeeds another (merge, split, rename…)', params: z.object({ id: Uuid }), body: AddLineageBody },
  }, async (request, reply) => {
    reply.code(201);
    return addLineage(database, request.ctx, request.params.id, request.body);
  });
}
