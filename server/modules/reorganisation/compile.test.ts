import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PlanBodyDto } from '../../../contracts/reorganisation.ts';
import type { UnitRow } from '../units/units.repository.ts';
import { compilePlan } from './compile.ts';

let n = 0;
const unit = (name: string, kind: string, parentId: string | null, validTo: string | null = null): UnitRow => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  code: null,
  adminCode: null,
  name,
  kind,
  parentId,
  validFrom: '2015-01-01',
  validTo,
  isDemo: false,
  unconfirmed: false,
  notes: null,
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});
const P = unit('Tỉnh', 'province', null);
const D = unit('Huyện', 'district', P.id);
const A = unit('Xã A', 'commune', D.id);
const B = unit('Xã B', 'commune', D.id);
const T = unit('Thị trấn', 'township', D.id);
const V = unit('Thôn A1', 'village', A.id);
const O = unit('Phòng Nội vụ', 'specialised_office', D.id);
const OLD = unit('Xã Cũ', 'commune', D.id, '2020-12-31');
const ALL = [P, D, A, B, T, V, O, OLD];
const plan = (p: Partial<PlanBodyDto>): PlanBodyDto => ({ title: 't', decisionRef: 'd', decisionDate: null, effectiveDate: '2026-01-01', newUnits: [], operations: [], resolutions: {}, ...p });
const en = (c: ReturnType<typeof compilePlan>) => c.errors.map((e) => e.en);

describe('compilePlan (structure of a plan)', () => {
  test('a merge ends the sources the day before, carries their villages and routes their work to the target', () => {
    const c = compilePlan(plan({ newUnits: [{ ref: '#m', name: 'Xã M', kind: 'commune', parent: P.id }], operations: [{ kind: 'merge', sources: [A.id, B.id], target: '#m' }] }), ALL);
    assert.deepEqual(c.errors, []);
    assert.equal(c.endDate, '2025-12-31');
    assert.deepEqual([...c.ended.keys()].sort(), [A.id, B.id, V.id].sort());
    const village = c.newUnits.find((u) => u.copyOf === V.id)!;
    assert.equal(village.parent, '#m');
    assert.equal(c.routes.get(V.id), village.ref);
    assert.equal(c.routes.get(A.id), '#m');
    assert.ok(c.newUnits.indexOf(c.newUnits.find((u) => u.ref === '#m')!) < c.newUnits.indexOf(village), 'parents are created first');
  });

  test('refuses a unit in two operations, a unit already ended, and a successor that does not exist', () => {
    const c = compilePlan(plan({ operations: [{ kind: 'abolish', source: A.id, successor: B.id }, { kind: 'rename', source: A.id, name: 'x' }, { kind: 'abolish', source: OLD.id, successor: '#none' }] }), ALL);
    const e = en(c);
    assert.ok(e.some((m) => /more than one operation/.test(m)), e.join('\n'));
    assert.ok(e.some((m) => /Xã Cũ .* is not in operation/.test(m)), e.join('\n'));
    assert.ok(e.some((m) => /no new unit #none/.test(m)), e.join('\n'));
  });

  test('ending a level: a township cannot sit under a province, the office ends with the level and follows its route', () => {
    const c = compilePlan(plan({ operations: [{ kind: 'abolish_level', source: D.id }] }), ALL);
    assert.ok(en(c).some((m) => /Thị trấn \(township\) cannot sit under Tỉnh \(province\)/.test(m)), en(c).join('\n'));
    assert.equal(c.routes.get(O.id), P.id, 'the office follows the district to the level above');
    assert.ok(!c.newUnits.some((u) => u.copyOf === O.id), 'an office is not carried');
    assert.ok(c.lineage.some((l) => l.from === D.id && l.to === P.id && l.kind === 'abolish'));
  });

  test('a new unit under a parent that ends with the plan is refused; chains resolve to the last unit', () => {
    const bad = compilePlan(plan({ newUnits: [{ ref: '#x', name: 'X', kind: 'village', parent: A.id }], operations: [{ kind: 'abolish', source: A.id, successor: B.id }] }), ALL);
    assert.ok(en(bad).some((m) => /its parent Xã A ends with this plan/.test(m)));
    const chain = compilePlan(plan({ operations: [{ kind: 'abolish', source: A.id, successor: B.id }, { kind: 'rename', source: B.id, name: 'Xã B Mới' }] }), ALL);
    assert.deepEqual(chain.errors, []);
    const renamed = chain.newUnits.find((u) => u.copyOf === B.id && u.name === 'Xã B Mới')!;
    assert.equal(chain.routes.get(A.id), renamed.ref, 'A → B → renamed B');
  });
});
