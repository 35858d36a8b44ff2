import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { leapMonthOfLunarYear, lunarNewYear, lunarToDayNumber, lunarToSolar, solarToLunar } from './lunar.ts';
import { isoFromDayNumber, parseIsoDate } from './civil-date.ts';
import { TET_DATES, TET_FIRST_YEAR, TET_LAST_YEAR } from './tet-dates.ts';
import { CalendarError } from './errors.ts';

const code = (c: string) => (e: unknown) => e instanceof CalendarError && e.code === c;

describe('lunarToSolar: published test vectors (UTC+7)', () => {
  // Vectors from the research note (section 7), cross-checked there against amlich@0.0.2.
  for (const [year, iso] of [
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ] as const) {
    it(`Tết ${year} is ${iso}`, () => assert.equal(lunarToSolar(1, 1, year), iso));
  }

  it("Hùng Kings' Day (10/3 lunar) 2024–2030", () => {
    const got = [2024, 2025, 2026, 2027, 2028, 2029, 2030].map((y) => lunarToSolar(10, 3, y));
    assert.deepEqual(got, ['2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16', '2028-04-04', '2029-04-23', '2030-04-12']);
  });

  it('differs from the Chinese calendar (UTC+8) where it should: 1985, 2007, 2030', () => {
    assert.equal(lunarToSolar(1, 1, 1985), '1985-01-21');
    assert.equal(lunarToSolar(1, 1, 2007), '2007-02-17');
    assert.equal(lunarToSolar(1, 1, 2030), '2030-02-02');
    // Same algorithm at UTC+8 gives the Chinese dates: the difference is the time zone, not a bug.
    assert.equal(isoFromDayNumber(lunarToDayNumber(1, 1, 1985, false, 8)), '1985-02-20');
    assert.equal(isoFromDayNumber(lunarToDayNumber(1, 1, 2007, false, 8)), '2007-02-18');
    assert.equal(isoFromDayNumber(lunarToDayNumber(1, 1, 2030, false, 8)), '2030-02-03');
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      assert.equal(lunarToSolar(1, 1, 2024), '2024-02-10');
      assert.deepEqual(solarToLunar('2024-02-10'), { day: 1, month: 1, year: 2024, leap: false });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('leap months', () => {
  it('2023 has leap month 2, starting 2023-03-22', () => {
    assert.equal(leapMonthOfLunarYear(2023), 2);
    assert.equal(lunarToSolar(1, 2, 2023, true), '2023-03-22');
    assert.equal(lunarToSolar(1, 2, 2023, false), '2023-02-20');
    assert.deepEqual(solarToLunar('2023-03-22'), { day: 1, month: 2, year: 2023, leap: true });
  });

  it('2025 has leap month 6, starting 2025-07-25', () => {
    assert.equal(leapMonthOfLunarYear(2025), 6);
    assert.equal(lunarToSolar(1, 6, 2025, true), '2025-07-25');
    assert.deepEqual(solarToLunar('2025-07-25'), { day: 1, month: 6, year: 2025, leap: true });
    assert.deepEqual(solarToLunar('2025-08-23'), { day: 1, month: 7, year: 2025, leap: false });
  });

  it('2024 and 2026 have no leap month', () => {
    assert.equal(leapMonthOfLunarYear(2024), null);
    assert.equal(leapMonthOfLunarYear(2026), null);
  });

  it('refuses a leap month that does not exist (the original algorithm silently ignored it)', () => {
    assert.throws(() => lunarToSolar(1, 3, 2025, true), code('INVALID_LUNAR_DATE'));
    assert.throws(() => lunarToSolar(1, 1, 2024, true), code('INVALID_LUNAR_DATE')); // a year without any leap month
    try {
      lunarToSolar(1, 3, 2025, true);
    } catch (e) {
      assert.equal((e as CalendarError).details.leapMonthOfYear, 6);
    }
  });

  it('refuses day 30 of a 29-day month: neither 2024 nor 2025 has a "30 Tết"', () => {
    assert.throws(() => lunarToSolar(30, 12, 2024), code('INVALID_LUNAR_DATE'));
    assert.throws(() => lunarToSolar(30, 12, 2025), code('INVALID_LUNAR_DATE'));
    assert.equal(lunarToSolar(29, 12, 2024), '2025-01-28');
    assert.equal(lunarToSolar(29, 12, 2025), '2026-02-16');
  });

  it('refuses malformed lunar dates and years outside 1800–2199', () => {
    assert.throws(() => lunarToSolar(0, 1, 2025), code('INVALID_LUNAR_DATE'));
    assert.throws(() => lunarToSolar(1, 13, 2025), code('INVALID_LUNAR_DATE'));
    assert.throws(() => lunarToSolar(1.5, 1, 2025), code('INVALID_LUNAR_DATE'));
    assert.throws(() => lunarToSolar(1, 1, 1799), code('OUT_OF_RANGE'));
    assert.throws(() => lunarToSolar(1, 1, 2200), code('OUT_OF_RANGE'));
  });
});

describe('solarToLunar', () => {
  it('converts known dates', () => {
    assert.deepEqual(solarToLunar('2025-04-07'), { day: 10, month: 3, year: 2025, leap: false });
    assert.deepEqual(solarToLunar('2025-01-28'), { day: 29, month: 12, year: 2024, leap: false });
    assert.deepEqual(solarToLunar('2026-02-17'), { day: 1, month: 1, year: 2026, leap: false });
    assert.deepEqual(solarToLunar('2024-12-31'), { day: 1, month: 12, year: 2024, leap: false });
  });

  it('rejects malformed dates', () => {
    assert.throws(() => solarToLunar('2025-02-29'), code('INVALID_DATE'));
    assert.throws(() => solarToLunar('29/01/2025'), code('INVALID_DATE'));
    assert.throws(() => solarToLunar(''), code('INVALID_DATE'));
  });

  it('round-trips every day of 2023–2026 (lunar → solar → lunar)', () => {
    for (let dn = parseIsoDate('2023-01-01'); dn <= parseIsoDate('2026-12-31'); dn++) {
      const iso = isoFromDayNumber(dn);
      const l = solarToLunar(iso);
      assert.equal(lunarToSolar(l.day, l.month, l.year, l.leap), iso);
    }
  });
});

describe('derived table of Tết dates 1900–2100 (tet-dates.ts)', () => {
  const years = Object.keys(TET_DATES).map(Number);

  it('covers every year once', () => {
    assert.equal(years.length, TET_LAST_YEAR - TET_FIRST_YEAR + 1);
    assert.equal(Math.min(...years), 1900);
    assert.equal(Math.max(...years), 2100);
  });

  it('matches the algorithm (regenerate with tools/generate-tet-dates.ts if the algorithm changes on purpose)', () => {
    for (const y of years) assert.equal(lunarNewYear(y), TET_DATES[y], `Tết ${y}`);
  });

  it('round-trips to mùng 1 tháng Giêng', () => {
    for (const y of years) assert.deepEqual(solarToLunar(TET_DATES[y]), { day: 1, month: 1, year: y, leap: false }, `Tết ${y}`);
  });

  it('falls between 21 January and 20 February', () => {
    for (const y of years) {
      const md = TET_DATES[y].slice(5);
      assert.ok(md >= '01-21' && md <= '02-20', `Tết ${y} on ${TET_DATES[y]}`);
    }
  });

  it('successive Tết are 353–385 days apart (12 or 13 lunar months)', () => {
    for (let y = TET_FIRST_YEAR + 1; y <= TET_LAST_YEAR; y++) {
      const gap = parseIsoDate(TET_DATES[y]) - parseIsoDate(TET_DATES[y - 1]);
      assert.ok(gap >= 353 && gap <= 385, `${y - 1}→${y}: ${gap} days`);
      // A 13-month year is exactly one with a leap month.
      assert.equal(gap > 365, leapMonthOfLunarYear(y - 1) !== null, `${y - 1} leap month vs gap ${gap}`);
    }
  });

  it('includes the UTC+7 dates that differ from the Chinese calendar', () => {
    assert.equal(TET_DATES[1968], '1968-01-29'); // North Vietnam's Tết Mậu Thân, a day before the South's
    assert.equal(TET_DATES[1985], '1985-01-21');
    assert.equal(TET_DATES[2053], '2053-02-18');
  });
});
