import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProcedureContentDto } from '../../../contracts/procedures.ts';
import { burdenOf, computeSimplification } from './simplification.ts';

const doc = (name: string) => ({ name, form: 'original' as const, count: 1, templateFile: null, note: null });
const content = (over: Partial<ProcedureContentDto>): ProcedureContentDto => ({
  nationalCode: null,
  nationalCodeUnconfirmed: false,
  name: 'x',
  nameEn: null,
  nameFr: null,
  field: 'other',
  authorityLevel: 'commune',
  implementingUnitIds: ['00000000-0000-4000-8000-000000000001'],
  legalBases: [],
  decisionRef: null,
  processingTime: { value: 1, unit: 'working_day' },
  processingTimeOnline: null,
  steps: [],
  documents: [],
  fees: [],
  onlineLevel: 'none',
  resultType: 'r',
  resultDigitised: false,
  status: 'active',
  ...over,
});

/**
 * Hand-computed fixture (V = 100 000 đ per working day):
 *   A: 10 working days, 4 documents, fees 100 000 → cut to 6 days and one document dropped
 *   B: 16 working hours = 2 working days, 2 documents, no fee → reviewed, kept
 *   C: 14 calendar days = 10 working days, 3 documents, fees 50 000 → abolished
 *   time  before 10 + 2 + 10 = 22, after 6 + 2 + 0 = 8     → 14 / 22 = 63.64 %
 *   docs  before 4 + 2 + 3 = 9,   after 3 + 2 + 0 = 5      → 4 / 9 = 44.44 %
 *   fees  before 150 000,          after 100 000            → 33.33 %
 *   cost  before 150 000 + 22 × 100 000 = 2 350 000, after 100 000 + 8 × 100 000 = 900 000 → 61.70 %
 */
const FIXTURE = {
  A: content({ name: 'A', processingTime: { value: 10, unit: 'working_day' }, documents: [doc('a1'), doc('a2'), doc('a3'), doc('a4')], fees: [{ name: 'Lệ phí', amount: 100_000, note: null }] }),
  B: content({ name: 'B', processingTime: { value: 16, unit: 'working_hour' }, documents: [doc('b1'), doc('b2')] }),
  C: content({ name: 'C', processingTime: { value: 14, unit: 'day' }, documents: [doc('c1'), doc('c2'), doc('c3')], fees: [{ name: 'Phí', amount: 50_000, note: null }] }),
};

describe('simplification report formulas', () => {
  test('computes the hand-computed fixture', () => {
    const r = computeSimplification(
      [
        { procedureId: 'a', code: 'A', name: 'A', baseVersionNo: 1, base: FIXTURE.A, approved: [{ kind: 'cut_time', processingTime: { value: 6, unit: 'working_day' } }, { kind: 'drop_document', documentName: 'a4' }] },
        { procedureId: 'b', code: 'B', name: 'B', baseVersionNo: 1, base: FIXTURE.B, approved: [] },
        { procedureId: 'c', code: 'C', name: 'C', baseVersionNo: 1, base: FIXTURE.C, approved: [{ kind: 'abolish' }] },
      ],
      100_000,
    );
    assert.deepEqual(r.time, { before: 22, after: 8, reduction: 14, percent: 63.64 });
    assert.deepEqual(r.documents, { before: 9, after: 5, reduction: 4, percent: 44.44 });
    assert.deepEqual(r.fees, { before: 150_000, after: 100_000, reduction: 50_000, percent: 33.33 });
    assert.deepEqual(r.complianceCost, { before: 2_350_000, after: 900_000, reduction: 1_450_000, percent: 61.7 });
    assert.equal(r.reviewedCount, 3);
    assert.equal(r.simplifiedCount, 2);
    assert.equal(r.abolishedCount, 1);
    assert.deepEqual(r.target, { minPercent: 30, maxPercent: 50, timeMet: true, complianceCostMet: true });
    assert.deepEqual(r.rows.map((x) => [x.code, x.timeBefore, x.timeAfter, x.documentsAfter, x.abolished]), [
      ['A', 10, 6, 3, false],
      ['B', 2, 2, 2, false],
      ['C', 10, 0, 0, true],
    ]);
  });

  test('gives null percentages when there is nothing to reduce', () => {
    const r = computeSimplification([]);
    assert.equal(r.time.percent, null);
    assert.equal(r.complianceCost.percent, null);
    assert.equal(r.target.timeMet, false);
  });

  test('an abolished procedure weighs nothing', () => {
    assert.deepEqual(burdenOf({ ...FIXTURE.A, status: 'abolished' }, 100_000), { time: 0, documents: 0, fees: 0, cost: 0 });
  });
});
