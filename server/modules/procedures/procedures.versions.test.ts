import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProcedureContentDto } from '../../../contracts/procedures.ts';
import { applyProposalChange, changedFields, checkProposalChange, durationInWorkingDays, inForceOn, planRebase, replayOp, scheduledAfter, type VersionLike } from './procedures.versions.ts';

const base: ProcedureContentDto = {
  nationalCode: null,
  nationalCodeUnconfirmed: false,
  name: 'Thủ tục A',
  nameEn: null,
  nameFr: null,
  field: 'other',
  authorityLevel: 'commune',
  implementingUnitIds: ['00000000-0000-4000-8000-000000000001'],
  legalBases: [],
  decisionRef: null,
  processingTime: { value: 10, unit: 'working_day' },
  processingTimeOnline: { value: 8, unit: 'working_day' },
  steps: [],
  documents: [
    { name: 'Đơn', form: 'original', count: 1, templateFile: null, note: null },
    { name: 'Bản sao CCCD', form: 'copy', count: 1, templateFile: null, note: null },
  ],
  fees: [{ name: 'Lệ phí', amount: 100_000, note: null }],
  onlineLevel: 'partial',
  resultType: 'Giấy xác nhận',
  resultDigitised: false,
  status: 'active',
};

const v = (versionNo: number, effectiveFrom: string, content: ProcedureContentDto, op: VersionLike['op'] = { kind: 'create' }): VersionLike => ({ versionNo, effectiveFrom, content, op });

describe('version in force', () => {
  const versions = [v(1, '2025-07-01', base), v(2, '2026-01-01', { ...base, name: 'B' }), v(3, '2025-09-01', { ...base, name: 'C' }), v(4, '2026-01-01', { ...base, name: 'D' })];

  test('is undefined before the first effective date', () => {
    assert.equal(inForceOn(versions, '2025-06-30'), undefined);
  });

  test('is the greatest (effective date, number) on or before the date', () => {
    assert.equal(inForceOn(versions, '2025-07-01')!.versionNo, 1);
    assert.equal(inForceOn(versions, '2025-08-31')!.versionNo, 1);
    assert.equal(inForceOn(versions, '2025-09-01')!.versionNo, 3, 'a later-recorded version with an earlier date applies from its date');
    assert.equal(inForceOn(versions, '2025-12-31')!.versionNo, 3);
    assert.equal(inForceOn(versions, '2026-01-01')!.versionNo, 4, 'on the same date the higher number wins');
  });

  test('lists what is scheduled after a date, one per date', () => {
    assert.deepEqual(scheduledAfter(versions, '2025-10-01').map((x) => x.versionNo), [4]);
    assert.deepEqual(scheduledAfter(versions, '2026-01-01'), []);
  });
});

describe('proposal changes', () => {
  test('cut_time sets the time and never leaves the online time longer', () => {
    const c = applyProposalChange(base, { kind: 'cut_time', processingTime: { value: 6, unit: 'working_day' } });
    assert.deepEqual(c.processingTime, { value: 6, unit: 'working_day' });
    assert.deepEqual(c.processingTimeOnline, { value: 6, unit: 'working_day' });
    assert.deepEqual(base.processingTime, { value: 10, unit: 'working_day' }, 'the input is not mutated');
  });

  test('every change is idempotent', () => {
    const changes = [
      { kind: 'cut_time', processingTime: { value: 6, unit: 'working_day' } },
      { kind: 'drop_document', documentName: 'Bản sao CCCD' },
      { kind: 'cut_fee', feeName: 'Lệ phí', amount: 50_000 },
      { kind: 'move_online', onlineLevel: 'full' },
      { kind: 'abolish' },
      { kind: 'merge', intoProcedureId: '00000000-0000-4000-8000-000000000009' },
    ] as const;
    for (const ch of changes) {
      const once = applyProposalChange(base, ch);
      assert.deepEqual(applyProposalChange(once, ch), once, ch.kind);
      assert.ok(changedFields(base, once).length > 0, `${ch.kind} changes something`);
    }
  });

  test('refuses a change that does not apply or does not simplify', () => {
    assert.throws(() => checkProposalChange(base, { kind: 'drop_document', documentName: 'Không có' }, 'p'), /no document/);
    assert.throws(() => checkProposalChange(base, { kind: 'cut_fee', feeName: 'Lệ phí', amount: 200_000 }, 'p'), /higher/);
    assert.throws(() => checkProposalChange(base, { kind: 'cut_time', processingTime: { value: 100, unit: 'working_hour' } }, 'p'), /longer/);
    assert.throws(() => checkProposalChange(base, { kind: 'move_online', onlineLevel: 'partial' }, 'p'), /already/);
    assert.throws(() => checkProposalChange(base, { kind: 'merge', intoProcedureId: 'p' }, 'p'), /itself/);
    assert.doesNotThrow(() => checkProposalChange(base, { kind: 'cut_time', processingTime: { value: 14, unit: 'day' } }, 'p'));
  });

  test('converts times to working days: 8 hours a day, 5 working days in 7', () => {
    assert.equal(durationInWorkingDays({ value: 16, unit: 'working_hour' }), 2);
    assert.equal(durationInWorkingDays({ value: 14, unit: 'day' }), 10);
    assert.equal(durationInWorkingDays({ value: 3, unit: 'working_day' }), 3);
  });
});

describe('rebase of scheduled versions', () => {
  test('an earlier-dated edit is carried into the version scheduled after it', () => {
    const cut = { kind: 'cut_time', processingTime: { value: 6, unit: 'working_day' } } as const;
    const v1 = v(1, '2025-07-01', base);
    const v2 = v(2, '2027-01-01', applyProposalChange(base, cut), { kind: 'proposal', proposalId: 'x', change: cut });
    // Today (2026-03-01) a typo is fixed: built on the version in force then (v1).
    const fix = { name: 'Thủ tục A (sửa)' };
    const v3 = v(3, '2026-03-01', { ...base, ...fix }, { kind: 'edit', fields: fix });
    const plan = planRebase([v1, v2, v3], '2026-03-01');
    assert.equal(plan.length, 1);
    assert.equal(plan[0].effectiveFrom, '2027-01-01');
    assert.deepEqual(plan[0].of, [2]);
    assert.equal(plan[0].content.name, 'Thủ tục A (sửa)', 'keeps the fix');
    assert.deepEqual(plan[0].content.processingTime, { value: 6, unit: 'working_day' }, 'keeps the cut');
    // After the rebase row (number 4) is added, each date shows the right content.
    const all = [v1, v2, v3, v(4, plan[0].effectiveFrom, plan[0].content, { kind: 'rebase', of: plan[0].of })];
    assert.equal(inForceOn(all, '2026-06-01')!.versionNo, 3);
    assert.equal(inForceOn(all, '2027-01-01')!.versionNo, 4);
    // A second earlier edit replays the original operations only (not the rebase copy), so nothing doubles.
    const fix2 = { resultType: 'Văn bản' };
    const v5 = v(5, '2026-06-01', { ...inForceOn(all, '2026-06-01')!.content, ...fix2 }, { kind: 'edit', fields: fix2 });
    const plan2 = planRebase([...all, v5], '2026-06-01');
    assert.equal(plan2.length, 1);
    assert.equal(plan2[0].content.resultType, 'Văn bản');
    assert.equal(plan2[0].content.name, 'Thủ tục A (sửa)');
    assert.deepEqual(plan2[0].content.processingTime, { value: 6, unit: 'working_day' });
  });

  test('nothing is appended when the scheduled content would not change', () => {
    const v1 = v(1, '2025-07-01', base);
    const v2 = v(2, '2027-01-01', { ...base, name: 'X' }, { kind: 'edit', fields: { name: 'X' } });
    const v3 = v(3, '2026-01-01', { ...base, name: 'Y' }, { kind: 'edit', fields: { name: 'Y' } });
    assert.deepEqual(planRebase([v1, v2, v3], '2026-01-01'), [], 'the later edit sets the name anyway');
    assert.equal(replayOp(base, { kind: 'rebase', of: [1] }), base);
  });
});
