import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_HOLIDAY_RULES, generateYearCalendar, type CalendarEntry, type HolidayRule, type YearlySchedule } from './holiday-rules.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import { CalendarError } from './errors.ts';

/** Compact view 'date kind ruleId' for readable golden comparisons. */
const compact = (entries: CalendarEntry[]) => entries.map((e) => `${e.date} ${e.kind}${e.ruleId ? ` ${e.ruleId}` : ''}`);
const code = (c: string) => (e: unknown) => e instanceof CalendarError && e.code === c;

describe('generateYearCalendar 2025', () => {
  it('with the civil-service schedule (CV 8726/VPCP-KGVX and the 30/4 swap)', () => {
    assert.deepEqual(compact(generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2025, OFFICIAL_SCHEDULES[2025])), [
      '2025-01-01 holiday new-year', // Wednesday
      // Tết Ất Tỵ: off Sat 25/1 – Sun 2/2; the five statutory days are the weekdays Mon 27 – Fri 31/1.
      '2025-01-27 holiday lunar-new-year',
      '2025-01-28 holiday lunar-new-year',
      '2025-01-29 holiday lunar-new-year', // mùng 1
      '2025-01-30 holiday lunar-new-year',
      '2025-01-31 holiday lunar-new-year',
      '2025-04-07 holiday hung-kings', // Monday, 10/3 Ất Tỵ
      '2025-04-26 makeup_working_day', // Saturday worked ...
      '2025-04-30 holiday victory-day', // Wednesday
      '2025-05-01 holiday labour-day', // Thursday
      '2025-05-02 announced_day_off', // ... in exchange for Friday 2/5
      '2025-09-01 holiday national-day', // Monday, the adjacent day chosen for 2025
      '2025-09-02 holiday national-day', // Tuesday
    ]);
  });

  it('with the rules only: Tết block = last day of the year + mùng 1–4, Saturday 1/2 compensated on Monday 3/2', () => {
    assert.deepEqual(compact(generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2025)), [
      '2025-01-01 holiday new-year',
      '2025-01-28 holiday lunar-new-year', // 29 tháng Chạp, the last day of Giáp Thìn (no 30th that year)
      '2025-01-29 holiday lunar-new-year',
      '2025-01-30 holiday lunar-new-year',
      '2025-01-31 holiday lunar-new-year',
      '2025-02-01 holiday lunar-new-year', // Saturday → Art. 111(3)
      '2025-02-03 compensatory lunar-new-year',
      '2025-04-07 holiday hung-kings',
      '2025-04-30 holiday victory-day',
      '2025-05-01 holiday labour-day',
      '2025-09-02 holiday national-day',
      '2025-09-03 holiday national-day', // default side 'after'
    ]);
  });

  it('entries carry reasons in three languages, a legal source and the confirmed flag', () => {
    const cal = generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2025, OFFICIAL_SCHEDULES[2025]);
    const tet = cal.find((e) => e.date === '2025-01-29')!;
    assert.deepEqual(tet.reason, { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)', fr: 'Nouvel An lunaire (Tết)' });
    assert.match(tet.source, /8726\/VPCP-KGVX/);
    assert.match(tet.source, /Điều 112/);
    assert.equal(tet.confirmed, true);
    const swap = cal.find((e) => e.date === '2025-05-02')!;
    assert.match(swap.reason.vi, /làm bù Thứ Bảy 26\/04\/2025/);
    for (const e of cal) for (const t of Object.values(e.reason)) assert.equal(t, t.normalize('NFC'));
  });
});

describe('generateYearCalendar 2026', () => {
  it('with the civil-service schedule (Thông báo 9441/TB-BNV)', () => {
    const entries = generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2026, OFFICIAL_SCHEDULES[2026]);
    assert.deepEqual(compact(entries), [
      '2026-01-01 holiday new-year', // Thursday
      '2026-02-16 holiday lunar-new-year', // Mon, 29 tháng Chạp Ất Tỵ (last day of the year)
      '2026-02-17 holiday lunar-new-year', // mùng 1 Bính Ngọ
      '2026-02-18 holiday lunar-new-year',
      '2026-02-19 holiday lunar-new-year',
      '2026-02-20 holiday lunar-new-year', // Fri, mùng 4
      '2026-04-26 holiday hung-kings', // SUNDAY: a real case of Art. 111(3) ...
      '2026-04-27 compensatory hung-kings', // ... compensatory Monday
      '2026-04-30 holiday victory-day', // Thursday
      '2026-05-01 holiday labour-day', // Friday
      '2026-09-02 holiday national-day', // Wednesday
      '2026-09-03 holiday national-day', // adjacent day NOT verified: flagged below
    ]);
    const nd = entries.filter((e) => e.ruleId === 'national-day');
    assert.ok(nd.every((e) => e.confirmed === false), 'National Day 2026 must be flagged as unconfirmed');
    assert.ok(entries.filter((e) => e.ruleId === 'lunar-new-year').every((e) => e.confirmed));
  });
});

describe('compensatory days (Art. 111(3)) on real future years, rules only', () => {
  it('2028: New Year on Saturday, 30/4 on Sunday chained past 1/5, National Day on Sat+Sun', () => {
    const c = compact(generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2028));
    assert.ok(c.includes('2028-01-01 holiday new-year'));
    assert.ok(c.includes('2028-01-03 compensatory new-year')); // Sat 1/1 → Mon 3/1
    // Sun 30/4 → Monday 1/5 is itself a holiday → Tuesday 2/5.
    assert.ok(c.includes('2028-04-30 holiday victory-day'));
    assert.ok(c.includes('2028-05-01 holiday labour-day'));
    assert.ok(c.includes('2028-05-02 compensatory victory-day'));
    // Sat 2/9 and Sun 3/9 (adjacent 'after') → Mon 4/9 and Tue 5/9.
    assert.ok(c.includes('2028-09-04 compensatory national-day'));
    assert.ok(c.includes('2028-09-05 compensatory national-day'));
    // Tết Mậu Thân 2028 = Wed 26/1: block Tue 25 – Sat 29/1 → Monday 31/1 compensatory.
    assert.ok(c.includes('2028-01-29 holiday lunar-new-year'));
    assert.ok(c.includes('2028-01-31 compensatory lunar-new-year'));
    assert.equal(c.length, 16);
  });

  it('2024 rules: two Tết days on the weekend give two compensatory days (Wed 14, Thu 15/2)', () => {
    const c = compact(generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2024));
    assert.ok(c.includes('2024-02-14 compensatory lunar-new-year'));
    assert.ok(c.includes('2024-02-15 compensatory lunar-new-year'));
  });

  it('the compensatory reason names the holiday and its date', () => {
    const comp = generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2026, OFFICIAL_SCHEDULES[2026]).find((e) => e.kind === 'compensatory')!;
    assert.equal(comp.reason.vi, 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 trùng ngày nghỉ hằng tuần)');
    assert.match(comp.source, /Điều 111 khoản 3/);
  });

  it('a rule with compensateOnWeeklyRest=false gives no compensatory day', () => {
    const rules = DEFAULT_HOLIDAY_RULES.map((r) => ({ ...r, compensateOnWeeklyRest: false }));
    assert.equal(generateYearCalendar(rules, 2028).filter((e) => e.kind === 'compensatory').length, 0);
  });
});

describe('schedule overrides', () => {
  const base: YearlySchedule = { year: 2027, audience: 'civil_servants', sources: ['test'], daysOff: [], makeUpWorkingDays: [] };
  const reason = { vi: 'Thử', en: 'Test', fr: 'Test' };

  it('a make-up Saturday becomes a working-day entry; a swapped weekday becomes a day off', () => {
    const c = compact(
      generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2027, {
        ...base,
        daysOff: [
          { date: '2027-04-29', reason, source: 'x', confirmed: true, swapWith: '2027-04-24' }, // Thursday
          { date: '2027-04-30', reason, source: 'x', confirmed: true }, // already a holiday: the holiday wins
        ],
        makeUpWorkingDays: [{ date: '2027-04-24', reason, source: 'x', confirmed: true, swapWith: '2027-04-29' }], // Saturday
      }),
    );
    assert.ok(c.includes('2027-04-24 makeup_working_day'));
    assert.ok(c.includes('2027-04-29 announced_day_off'));
    assert.ok(c.includes('2027-04-30 holiday victory-day'));
    assert.ok(!c.includes('2027-04-30 announced_day_off'));
  });

  it('a make-up day wins over a rule holiday on the same date', () => {
    const c = compact(
      generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2027, { ...base, makeUpWorkingDays: [{ date: '2027-01-01', reason, source: 'x', confirmed: true }] }),
    );
    assert.ok(c.includes('2027-01-01 makeup_working_day'));
    assert.ok(!c.includes('2027-01-01 holiday new-year'));
  });

  it('National Day side and Tết offset are set per year; explicit dates replace the placement', () => {
    const before = compact(generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2027, { ...base, ruleOverrides: { 'national-day': { extraDays: 'before', source: 'x', confirmed: true } } }));
    assert.ok(before.includes('2027-09-01 holiday national-day') && before.includes('2027-09-02 holiday national-day'));
    assert.ok(!before.includes('2027-09-03 holiday national-day'));
    // Tết Đinh Mùi 2027 = Sat 6/2. Offset -3 → Wed 3/2 – Sun 7/2: Sat and Sun compensated Mon 8, Tue 9/2.
    const tet = compact(generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2027, { ...base, ruleOverrides: { 'lunar-new-year': { startOffsetDays: -3, source: 'x', confirmed: true } } }));
    assert.deepEqual(tet.filter((s) => s.includes('lunar-new-year')), [
      '2027-02-03 holiday lunar-new-year',
      '2027-02-04 holiday lunar-new-year',
      '2027-02-05 holiday lunar-new-year',
      '2027-02-06 holiday lunar-new-year',
      '2027-02-07 holiday lunar-new-year',
      '2027-02-08 compensatory lunar-new-year',
      '2027-02-09 compensatory lunar-new-year',
    ]);
    const explicit = compact(
      generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2027, {
        ...base,
        ruleOverrides: { 'lunar-new-year': { dates: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'], source: 'x', confirmed: true } },
      }),
    );
    assert.deepEqual(explicit.filter((s) => s.includes('lunar-new-year')), [
      '2027-02-04 holiday lunar-new-year',
      '2027-02-05 holiday lunar-new-year',
      '2027-02-08 holiday lunar-new-year',
      '2027-02-09 holiday lunar-new-year',
      '2027-02-10 holiday lunar-new-year',
    ]);
  });

  it('refuses malformed rules and schedules', () => {
    assert.throws(() => generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2026, OFFICIAL_SCHEDULES[2025]), code('INVALID_RULE'));
    assert.throws(() => generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2027, { ...base, ruleOverrides: { nope: { source: 'x', confirmed: true } } }), code('INVALID_RULE'));
    const bad: HolidayRule = { id: 'x', names: reason, kind: 'solar', dayCount: 1, compensateOnWeeklyRest: true, source: 'x', confirmed: true };
    assert.throws(() => generateYearCalendar([bad], 2027), code('INVALID_RULE'));
    assert.throws(() => generateYearCalendar([{ ...bad, month: 2, day: 30 }], 2027), code('INVALID_DATE'));
    assert.throws(() => generateYearCalendar([{ ...bad, month: 1, day: 1, dayCount: 0 }], 2027), code('INVALID_RULE'));
    assert.throws(() => generateYearCalendar([DEFAULT_HOLIDAY_RULES[0], DEFAULT_HOLIDAY_RULES[0]], 2027), code('INVALID_RULE'));
    assert.throws(() => generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2027, { ...base, daysOff: [{ date: '2027-13-01', reason, source: 'x', confirmed: true }] }), code('INVALID_DATE'));
  });

  it('the default rules are Labour Code 2019 Art. 112: 11 days a year since 2021', () => {
    for (const y of [2021, 2025, 2030]) {
      const total = DEFAULT_HOLIDAY_RULES.filter((r) => (r.validFromYear ?? 0) <= y && (r.validToYear ?? 9999) >= y).reduce((n, r) => n + r.dayCount, 0);
      assert.equal(total, 11, `year ${y}`);
    }
    // 2013–2020 (Labour Code 2012): 10 days, National Day a single day.
    assert.deepEqual(compact(generateYearCalendar(DEFAULT_HOLIDAY_RULES, 2020)).filter((s) => s.includes('national')), ['2020-09-02 holiday national-day-lc2012']);
  });
});
