import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkTree, classify, computeAssessment, indexOf, rankEntries, type CriterionInput, type ScoreInput } from './par.compute.ts';

/**
 * The worked fixture (20 points):
 *   1   area            10
 *   1.1 criterion        4   self 3.50                    → 3.50
 *   1.2 criterion        6
 *   1.2.1 sub-criterion  3   self 3.00, appraised 2.25    → 2.25
 *   1.2.2 sub-criterion  3   self 2.75                    → 2.75
 *   2   area            10
 *   2.1 criterion       10   survey 8.60                  → 8.60
 * area 1 = 8.50 (self 9.25), area 2 = 8.60, final = 17.10, index = 17.10 ÷ 20 × 100 = 85.50 → "good" (80 ≤ 85.50 < 90).
 */
const tree: Array<CriterionInput & { code: string }> = [
  { id: 'a1', parentId: null, code: '1', maxPoints: 10, method: 'self' },
  { id: 'c11', parentId: 'a1', code: '1.1', maxPoints: 4, method: 'self' },
  { id: 'c12', parentId: 'a1', code: '1.2', maxPoints: 6, method: 'self' },
  { id: 's121', parentId: 'c12', code: '1.2.1', maxPoints: 3, method: 'self' },
  { id: 's122', parentId: 'c12', code: '1.2.2', maxPoints: 3, method: 'self' },
  { id: 'a2', parentId: null, code: '2', maxPoints: 10, method: 'self' },
  { id: 'c21', parentId: 'a2', code: '2.1', maxPoints: 10, method: 'survey' },
];
const score = (criterionId: string, s: Partial<ScoreInput>): ScoreInput => ({ criterionId, selfScore: null, appraisedScore: null, surveyScore: null, ...s });
const scores = [score('c11', { selfScore: 3.5 }), score('s121', { selfScore: 3, appraisedScore: 2.25 }), score('s122', { selfScore: 2.75 }), score('c21', { surveyScore: 8.6 })];
const bands = [
  { code: 'excellent', minIndex: 90, label: 'Xuất sắc' },
  { code: 'good', minIndex: 80, label: 'Tốt' },
  { code: 'fair', minIndex: 70, label: 'Khá' },
  { code: 'average', minIndex: 50, label: 'Trung bình' },
  { code: 'weak', minIndex: 0, label: 'Yếu' },
];

describe('PAR computation on the worked fixture', () => {
  const t = computeAssessment(tree, scores, 20);

  test('criterion scores add up to the criteria, then the areas (the appraisal replaces the self score where given)', () => {
    assert.deepEqual(t.nodes.get('c12'), { selfPoints: 5.75, finalPoints: 5 });
    assert.deepEqual(t.nodes.get('a1'), { selfPoints: 9.25, finalPoints: 8.5 });
    assert.deepEqual(t.nodes.get('a2'), { selfPoints: 0, finalPoints: 8.6 });
  });

  test('final points, index and the split into self / appraised / survey', () => {
    assert.equal(t.selfPoints, 9.25);
    assert.equal(t.appraisedPoints, 8.5);
    assert.equal(t.surveyPoints, 8.6);
    assert.equal(t.finalPoints, 17.1);
    assert.equal(t.index, 85.5);
    assert.equal(t.source, 'computed');
  });

  test('classification by the framework’s bands (data, not code)', () => {
    assert.equal(classify(t.index, bands)?.code, 'good');
    assert.equal(classify(90, bands)?.code, 'excellent', 'a threshold belongs to the band it starts');
    assert.equal(classify(89.99, bands)?.code, 'good');
    assert.equal(classify(49.99, bands)?.code, 'weak');
    assert.equal(classify(40, bands.slice(0, 4)), null, 'below every band: no class');
    assert.equal(classify(75, [...bands].reverse())?.code, 'fair', 'the order of the bands does not matter');
  });

  test('a published score wins over the recomputation', () => {
    const p = computeAssessment(tree, scores, 20, 18.31);
    assert.equal(p.finalPoints, 18.31);
    assert.equal(p.index, 91.55);
    assert.equal(p.source, 'published');
  });

  test('missing scores count 0; an empty tree gives 0 and no division by zero', () => {
    const none = computeAssessment(tree, [], 20);
    assert.equal(none.finalPoints, 0);
    assert.equal(computeAssessment([], [], 100).index, 0);
    assert.equal(indexOf(5, 0), 0);
  });

  test('two-decimal sums are exact and the index rounds half up', () => {
    const flat: CriterionInput[] = [
      { id: 'x', parentId: null, maxPoints: 1, method: 'self' },
      { id: 'y', parentId: null, maxPoints: 2, method: 'self' },
    ];
    assert.equal(computeAssessment(flat, [score('x', { selfScore: 0.1 }), score('y', { selfScore: 0.2 })], 3).finalPoints, 0.3);
    assert.equal(indexOf(1, 3), 33.33);
    assert.equal(indexOf(2, 3), 66.67);
    assert.equal(indexOf(0.01, 0.08), 12.5);
    assert.equal(indexOf(0.01, 0.16), 6.25);
    assert.equal(indexOf(0.01, 0.32), 3.13, '3.125 rounds half up');
  });
});

describe('ranking with ties', () => {
  const entries = [
    { id: 'X', index: 85.5 },
    { id: 'Y', index: 91 },
    { id: 'Z', index: 85.5 },
    { id: 'W', index: 70.25 },
    { id: 'V', index: 91.0 },
  ];

  test('competition rule (1-2-2-4): equal indices share a rank, the next rank is skipped', () => {
    const r = rankEntries(entries, 'competition');
    assert.deepEqual(Object.fromEntries([...r].map(([k, v]) => [k, v.rank])), { X: 3, Y: 1, Z: 3, W: 5, V: 1 });
    assert.equal(r.get('X')!.tied, true);
    assert.equal(r.get('W')!.tied, false);
  });

  test('dense rule (1-2-2-3): equal indices share a rank, the next rank follows', () => {
    const r = rankEntries(entries, 'dense');
    assert.deepEqual(Object.fromEntries([...r].map(([k, v]) => [k, v.rank])), { X: 2, Y: 1, Z: 2, W: 3, V: 1 });
  });

  test('indices are compared at the hundredth (85.504 and 85.5 tie, as published)', () => {
    const r = rankEntries([{ id: 'a', index: 85.504 }, { id: 'b', index: 85.5 }, { id: 'c', index: 85.51 }]);
    assert.deepEqual([r.get('c')!.rank, r.get('a')!.rank, r.get('b')!.rank], [1, 2, 2]);
  });

  test('properties: a rank is 1 + the number strictly above (competition); dense ranks have no gaps', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 30 }), (centis) => {
        const es = centis.map((c, i) => ({ id: String(i), index: c / 100 }));
        const comp = rankEntries(es, 'competition');
        const dense = rankEntries(es, 'dense');
        for (const e of es) {
          assert.equal(comp.get(e.id)!.rank, 1 + es.filter((o) => o.index > e.index).length);
          assert.equal(dense.get(e.id)!.rank, 1 + new Set(es.filter((o) => o.index > e.index).map((o) => o.index)).size);
        }
        const denseRanks = new Set([...dense.values()].map((v) => v.rank));
        assert.deepEqual([...denseRanks].sort((a, b) => a - b), Array.from({ length: denseRanks.size }, (_, i) => i + 1));
      }),
    );
  });

  test('property: final points = Σ area totals = Σ leaf finals, whatever the scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 4, maxLength: 4 }), fc.array(fc.option(fc.integer({ min: 0, max: 300 })), { minLength: 4, maxLength: 4 }), (self, appraised) => {
        const leaves = ['c11', 's121', 's122', 'c21'];
        const ss = leaves.map((id, i) => (id === 'c21' ? score(id, { surveyScore: self[i] / 100 }) : score(id, { selfScore: self[i] / 100, appraisedScore: appraised[i] === null ? null : appraised[i]! / 100 })));
        const t = computeAssessment(tree, ss, 20);
        const leafSum = leaves.reduce((a, id) => a + Math.round(t.nodes.get(id)!.finalPoints * 100), 0);
        assert.equal(Math.round(t.finalPoints * 100), leafSum);
        assert.equal(Math.round(t.finalPoints * 100), Math.round(t.nodes.get('a1')!.finalPoints * 100) + Math.round(t.nodes.get('a2')!.finalPoints * 100));
      }),
    );
  });
});

describe('tree consistency', () => {
  test('the fixture is consistent; a wrong child sum and a wrong area total are reported', () => {
    assert.deepEqual(checkTree(tree, 20), []);
    const bad = tree.map((c) => (c.id === 's122' ? { ...c, maxPoints: 2.5 } : c));
    assert.deepEqual(checkTree(bad, 20).map((p) => [p.code, p.problem, p.expected, p.actual]), [['1.2', 'children_sum', 6, 5.5]]);
    assert.deepEqual(checkTree(tree, 25).map((p) => [p.problem, p.expected, p.actual]), [['areas_sum', 25, 20]]);
    assert.deepEqual(checkTree([], 100), [], 'a results-only year has no tree');
  });
});
