import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Figures } from '../../../contracts/dashboard.ts';
import { computeIndex, INDEX766_VERSIONS, periodDates, versionFor, type IndexVersion } from './index766.ts';

/** A unit's month, as the dashboard would give it. */
const figures: Figures = {
  received: 50, receivedCounter: 30, receivedOnline: 20, receivedPost: 0,
  finished: 40, early: 10, onTime: 24, late: 6, apart: 1,
  openOnTrack: 5, openDueSoon: 1, openOverdue: 2,
  onTimeRate: 34 / 42, onTimeRateFinishedOnly: 34 / 40, onlineRate: 0.4, avgUsedMinutes: 900, avgBudgetMinutes: 1440,
  digitisation: { received: 50, nothingToScan: 0, digitised: 30, reused: 45, returned: 20, resultsDigitised: 15, rate: 0.6, rateAll: 0.6, resultRate: 0.75, reuseRate: 0.9 },
};
const satisfaction = { ratings: 10, satisfied: 8, rate: 0.8 };
const feedback = { received: 12, answered: 8, answeredOnTime: 6, openOverdue: 2, unsatisfied: 1, onTimeRate: 0.6 };

describe('Decision 766 index', () => {
  test('matches the worked example computed by hand', () => {
    // Worked example (version 766-dvcqg-2022):
    //   2.1 on time      (10 + 24) ÷ (40 + 2) = 0.8095…  linear × 20            = 16.19
    //   4.1 e-results    15 ÷ 20 = 0.75                linear × 6             =  4.50
    //   4.2 digitised    30 ÷ 50 = 0.60                4 × min(1, 0.6 ÷ 0.8)  =  3.00
    //   4.3 re-use       45 ÷ 50 = 0.90                2 × min(1, 0.9 ÷ 0.8)  =  2.00
    //   5.2 feedback     6 ÷ (8 + 2) = 0.60            linear × 6             =  3.60
    //   5.3 feedback satisfaction (12 − 1 disliked − 2 overdue) ÷ 12 = 0.75  linear × 6 = 4.50
    //   5.4 satisfaction (40 − 6 late − 2 unsatisfied) ÷ 40 = 0.80; 6 × 0.8 ÷ 0.9 = 5.33
    //   total 39.1238… of the 50 points that have data → 39.12; score 39.1238 ÷ 50 × 100 = 78.25
    //   groups: 2 → 16.19 / 20; 4 → 9.50 / 12; 5 → 13.43 / 18; 1, 3, 3b → no data (0 / 0)
    const idx = computeIndex(versionFor('2025-06-30'), { figures, satisfaction, feedback });
    assert.equal(idx.points, 39.12);
    assert.equal(idx.availableMax, 50);
    assert.equal(idx.score, 78.25);
    const g = Object.fromEntries(idx.groups.map((x) => [x.code, [x.points, x.availableMax]]));
    assert.deepEqual(g, { '1': [0, 0], '2': [16.19, 20], '3': [0, 0], '3b': [0, 0], '4': [9.5, 12], '5': [13.43, 18] });
    const ind = Object.fromEntries(idx.groups.flatMap((x) => x.indicators).map((i) => [i.code, i.points]));
    assert.deepEqual(ind, { '1.1': null, '1.2': null, '1.3': null, '1.4': null, '2.1': 16.19, '2.2': null, '3.x': null, '3.3': null, '3.5': null, '3.6': null, '4.1': 4.5, '4.2': 3, '4.x': null, '4.3': 2, '4.4': null, '4.5a': null, '4.5b': null, '5.2': 3.6, '5.3': 4.5, '5.4': 5.33 });
    // Monitoring indicators show their rate without points.
    const online = idx.groups.flatMap((x) => x.indicators).find((i) => i.code === '3.3')!;
    assert.deepEqual([online.status, online.rate, online.points], ['available', 0.4, null]);
  });

  test('an indicator without data is "not available", never invented; a zero denominator is N/A', () => {
    const idx = computeIndex(versionFor('2025-06-30'), { figures: { ...figures, finished: 0, early: 0, onTime: 0, late: 0, openOverdue: 0 }, satisfaction: null, feedback: null });
    const by = Object.fromEntries(idx.groups.flatMap((x) => x.indicators).map((i) => [i.code, i]));
    assert.equal(by['2.1'].status, 'not_available');
    assert.equal(by['2.1'].reason, 'mẫu số bằng 0 (N/A)');
    assert.equal(by['5.2'].status, 'not_available');
    assert.equal(by['1.1'].status, 'not_available');
    assert.match(by['1.1'].reason!, /ngày hiệu lực/);
    assert.equal(idx.availableMax, 12);
  });

  test('a change of regulation is a data change: a new version with other weights applies from its date', () => {
    const base = INDEX766_VERSIONS[0];
    const stricter: IndexVersion = {
      ...base,
      code: '766-test-2026',
      effectiveFrom: '2026-01-01',
      groups: base.groups.map((g) => (g.code !== '2' ? g : { ...g, indicators: g.indicators.map((i) => (i.code === '2.1' ? { ...i, scoring: { kind: 'threshold' as const, threshold: 0.98 } } : i)) })),
    };
    const versions = [{ ...base, effectiveTo: '2025-12-31' }, stricter];
    assert.equal(versionFor('2025-12-31', versions).code, base.code);
    assert.equal(versionFor('2026-03-31', versions).code, '766-test-2026');
    const idx = computeIndex(versionFor('2026-03-31', versions), { figures, satisfaction, feedback });
    // 20 × (0.8095 ÷ 0.98) = 16.52
    assert.equal(idx.groups.find((g) => g.code === '2')!.points, 16.52);
    assert.throws(() => versionFor('2021-12-31'), /no Decision 766 index version/);
  });

  test('public periods: year, quarter, month, never beyond today', () => {
    assert.deepEqual(periodDates('2025', '2026-11-27'), { from: '2025-01-01', to: '2025-12-31' });
    assert.deepEqual(periodDates('2025-Q4', '2026-11-27'), { from: '2025-10-01', to: '2025-12-31' });
    assert.deepEqual(periodDates('2024-02', '2026-11-27'), { from: '2024-02-01', to: '2024-02-29' });
    assert.deepEqual(periodDates(undefined, '2026-11-27'), { from: '2026-01-01', to: '2026-11-27' });
  });
});
