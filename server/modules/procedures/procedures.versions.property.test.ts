import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { ProcedureContentDto } from '../../../contracts/procedures.ts';
import type { VersionOp } from './procedures.schema.ts';
import { applyPatch, byEffective, inForceOn, planRebase, replayOp, sameContent, type VersionLike } from './procedures.versions.ts';

const base: ProcedureContentDto = {
  nationalCode: null,
  nationalCodeUnconfirmed: false,
  name: 'v1',
  nameEn: null,
  nameFr: null,
  field: 'other',
  authorityLevel: 'commune',
  implementingUnitIds: ['00000000-0000-4000-8000-000000000001'],
  legalBases: [],
  decisionRef: null,
  processingTime: { value: 10, unit: 'working_day' },
  processingTimeOnline: null,
  steps: [],
  documents: [{ name: 'Đơn', form: 'original', count: 1, templateFile: null, note: null }],
  fees: [{ name: 'Lệ phí', amount: 100_000, note: null }],
  onlineLevel: 'none',
  resultType: 'r',
  resultDigitised: false,
  status: 'active',
};

const DATES = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];

/** One recorded change: a date and an operation (an edit patch or a proposal). */
const change = fc.record({
  date: fc.constantFrom(...DATES.slice(1)),
  op: fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), fields: fc.oneof(fc.record({ name: fc.constantFrom('a', 'b', 'c') }), fc.record({ resultType: fc.constantFrom('x', 'y') }), fc.record({ name: fc.constantFrom('d', 'e'), onlineLevel: fc.constant('partial' as const) })) }),
    fc.record({ kind: fc.constant('proposal' as const), proposalId: fc.constant('p'), change: fc.oneof(fc.record({ kind: fc.constant('cut_time' as const), processingTime: fc.record({ value: fc.integer({ min: 1, max: 9 }), unit: fc.constant('working_day' as const) }) }), fc.record({ kind: fc.constant('cut_fee' as const), feeName: fc.constant('Lệ phí'), amount: fc.integer({ min: 0, max: 9 }).map((n) => n * 10_000) }), fc.constant({ kind: 'drop_document' as const, documentName: 'Đơn' })) }),
  ) as fc.Arbitrary<VersionOp>,
});

test('whatever order dated changes are recorded in, each date shows every change dated on or before it, in date order', () => {
  fc.assert(
    fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), (changes) => {
      // Record the changes one after the other, as appendVersion does: base = in force on the date, then rebase.
      const versions: VersionLike[] = [{ versionNo: 1, effectiveFrom: DATES[0], op: { kind: 'create' }, content: base }];
      for (const c of changes) {
        const before = inForceOn(versions, c.date)!;
        const no = Math.max(...versions.map((v) => v.versionNo)) + 1;
        versions.push({ versionNo: no, effectiveFrom: c.date, op: c.op, content: replayOp(before.content, c.op) });
        planRebase(versions, c.date).forEach((r, i) => versions.push({ versionNo: no + 1 + i, effectiveFrom: r.effectiveFrom, op: { kind: 'rebase', of: r.of }, content: r.content }));
      }
      // Expected: fold of the recorded operations dated ≤ D, ordered by (date, recording order).
      const recorded = versions.filter((v) => v.op.kind !== 'rebase' && v.op.kind !== 'create').sort(byEffective);
      for (const d of DATES) {
        const expected = recorded.filter((v) => v.effectiveFrom <= d).reduce((c, v) => replayOp(c, v.op), base);
        assert.ok(sameContent(inForceOn(versions, d)!.content, expected), `on ${d}`);
      }
      // Numbers stay unique and increasing.
      assert.deepEqual(versions.map((v) => v.versionNo), versions.map((_, i) => i + 1));
    }),
    { numRuns: 300 },
  );
});

test('a patch changes only the fields it names', () => {
  fc.assert(
    fc.property(fc.constantFrom('a', 'b'), (name) => {
      const c = applyPatch(base, { name });
      assert.equal(c.name, name);
      assert.deepEqual({ ...c, name: base.name }, base);
    }),
  );
});
