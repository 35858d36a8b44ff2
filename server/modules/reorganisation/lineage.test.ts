import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../db/client.ts';
import { freshDatabase } from '../../test-support/server.ts';
import { unitLineage, units } from '../units/units.schema.ts';
import { mapUnitsToday } from './index.ts';
import { reorganisationPlans, reorganisationRoutes } from './reorganisation.schema.ts';

describe('mapUnitsToday (lineage mapping for units=today)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const id: Record<string, string> = {};

  const unit = async (key: string, name: string, kind: string, parent: string | null, validFrom: string, validTo: string | null = null) => {
    const [r] = await database.db.insert(units).values({ name, kind, parentId: parent ? id[parent] : null, validFrom, validTo }).returning({ id: units.id });
    id[key] = r.id;
  };
  const link = (p: string, s: string, kind: string, effectiveDate: string) => database.db.insert(unitLineage).values({ predecessorId: id[p], successorId: id[s], kind, effectiveDate });

  before(async () => {
    ({ database, drop } = await freshDatabase());
    await unit('prov', 'Tỉnh A', 'province', null, '2015-01-01');
    await unit('dist', 'Huyện B', 'district', 'prov', '2015-01-01', '2025-06-30');
    await unit('office', 'Phòng Tư pháp', 'specialised_office', 'dist', '2015-01-01', '2025-06-30');
    await unit('centre', 'Trung tâm HCC huyện B', 'service_center', 'dist', '2015-01-01', '2025-06-30');
    await unit('c1', 'Xã Một', 'commune', 'dist', '2015-01-01', '2025-06-30');
    await unit('c2', 'Xã Hai', 'commune', 'dist', '2015-01-01', '2025-06-30');
    await unit('c3', 'Xã Ba', 'commune', 'dist', '2015-01-01', '2020-12-31');
    await unit('c3b', 'Xã Ba Mới', 'commune', 'dist', '2021-01-01', '2025-06-30');
    await unit('n1', 'Xã Tân Một', 'commune', 'prov', '2025-07-01');
    await unit('n2', 'Xã Tân Hai', 'commune', 'prov', '2025-07-01');
    await unit('n1c', 'Trung tâm PVHCC xã Tân Một', 'service_center', 'n1', '2025-07-01');
    await unit('alive', 'Xã Còn', 'commune', 'prov', '2015-01-01');
    await unit('split', 'Xã Tách', 'commune', 'prov', '2015-01-01', '2024-12-31');
    await unit('s1', 'Xã Tách Bắc', 'commune', 'prov', '2025-01-01');
    await unit('s2', 'Xã Tách Nam', 'commune', 'prov', '2025-01-01');
    await unit('x', 'Xã Vòng X', 'commune', 'prov', '2015-01-01');
    await unit('y', 'Xã Vòng Y', 'commune', 'prov', '2015-01-01');
    await link('c3', 'c3b', 'rename', '2021-01-01');
    await link('c1', 'n1', 'merge', '2025-07-01');
    await link('c3b', 'n1', 'merge', '2025-07-01');
    await link('c2', 'n2', 'merge', '2025-07-01');
    await link('dist', 'n1', 'abolish', '2025-07-01');
    await link('dist', 'n2', 'abolish', '2025-07-01');
    await link('split', 's2', 'split', '2025-01-01');
    await link('split', 's1', 'split', '2025-01-01');
    await link('x', 'y', 'merge', '2025-01-01');
    await link('y', 'x', 'merge', '2025-01-01');
  });
  after(() => drop());

  test('follows renames and merges transitively; a valid unit maps to itself', async () => {
    const m = await mapUnitsToday(database.db, [id.c3, id.c1, id.c2, id.alive, id.n1], '2026-01-01');
    assert.equal(m.get(id.c3), id.n1, 'Xã Ba → renamed Xã Ba Mới → merged into Xã Tân Một');
    assert.equal(m.get(id.c1), id.n1);
    assert.equal(m.get(id.c2), id.n2);
    assert.equal(m.get(id.alive), id.alive);
    assert.equal(m.get(id.n1), id.n1);
  });

  test('ignores links that are not yet effective on asOf', async () => {
    const m = await mapUnitsToday(database.db, [id.c3, id.c1, id.dist], '2025-06-30');
    assert.equal(m.get(id.c3), id.c3b);
    assert.equal(m.get(id.c1), id.c1);
    assert.equal(m.get(id.dist), id.dist);
  });

  test('several successors without a route: the first by Vietnamese name', async () => {
    const m = await mapUnitsToday(database.db, [id.split, id.dist], '2026-01-01');
    assert.equal(m.get(id.split), id.s1, 'Xã Tách Bắc sorts before Xã Tách Nam');
    assert.equal(m.get(id.dist), id.n2, 'Xã Tân Hai sorts before Xã Tân Một');
  });

  test("a plan's routes decide between several successors and carry sub-units ended with their parent", async () => {
    const [plan] = await database.db.insert(reorganisationPlans).values({ title: 't', decisionRef: 'NQ 1/2025', effectiveDate: '2025-07-01', operations: [] }).returning();
    await database.db.insert(reorganisationRoutes).values([
      { planId: plan.id, fromUnitId: id.dist, toUnitId: id.n1, effectiveDate: '2025-07-01' },
      { planId: plan.id, fromUnitId: id.centre, toUnitId: id.n1c, effectiveDate: '2025-07-01' },
    ]);
    const m = await mapUnitsToday(database.db, [id.dist, id.centre, id.office], '2026-01-01');
    assert.equal(m.get(id.dist), id.n1);
    assert.equal(m.get(id.centre), id.n1c);
    assert.equal(m.get(id.office), id.n1, 'an office ended with the district and without a successor follows the district');
    const before = await mapUnitsToday(database.db, [id.centre], '2025-06-30');
    assert.equal(before.get(id.centre), id.centre, 'routes are dated too');
  });

  test('unknown ids map to themselves; a lineage cycle stops instead of looping', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const m = await mapUnitsToday(database.db, [unknown, id.x], '2026-01-01');
    assert.equal(m.get(unknown), unknown);
    assert.ok([id.x, id.y].includes(m.get(id.x)!));
  });
});
