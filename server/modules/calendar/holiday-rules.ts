/**
 * Public holidays as DATA (Labour Code 2019, Art. 112) and the generator that turns rules plus a yearly
 * government schedule into the dated list of non-working days and make-up working days of one solar year.
 *
 * Why data and not code: the holiday list changes by law (an extra day has been proposed), the Tết block and
 * the National Day adjacent day are fixed every year by the Prime Minister (Art. 112(3)), and the yearly notice
 * may swap working days. An administrator edits the rules and enters the notice; nothing here needs a release.
 */
import { CalendarError } from './errors.ts';
import { civilFromDayNumber, dayNumberOf, isoFromDayNumber, parseIsoDate, weekdayOf } from './civil-date.ts';
import { lunarToDayNumber } from './lunar.ts';

/** Text in the three interface languages; Vietnamese is the reference. */
export interface LocalizedText {
  vi: string;
  en: string;
  fr: string;
}

/**
 * How a rule places its days:
 * - 'solar': `month`/`day` of the Gregorian calendar;
 * - 'lunar': `month`/`day` of the Vietnamese lunar calendar of the same year;
 * - 'lunar_new_year_block': `dayCount` consecutive days starting `startOffsetDays` from mùng 1 Tết.
 */
export type HolidayRuleKind = 'solar' | 'lunar' | 'lunar_new_year_block';

/** One statutory holiday rule. */
export interface HolidayRule {
  /** Stable identifier, referenced by yearly schedules and by generated entries. */
  id: string;
  names: LocalizedText;
  kind: HolidayRuleKind;
  /** Month (1–12) of the anchor day; solar or lunar per `kind`. Unused by the Tết block. */
  month?: number;
  /** Day of month of the anchor day. Unused by the Tết block. */
  day?: number;
  /** Number of holiday days the rule grants (National Day: 2, Tết: 5). */
  dayCount: number;
  /**
   * For 'solar'/'lunar' rules with `dayCount` > 1: whether the days beyond the anchor are taken after it
   * (default) or before it. Art. 112(1)(đ) grants 2/9 "and one adjacent day before or after"; the actual side is
   * decided each year, so the yearly schedule overrides this.
   */
  extraDays?: 'before' | 'after';
  /**
   * For the Tết block: offset in days of the block's first day from mùng 1 Tết. Default -1: the last day of the
   * old lunar year (29 or 30 tháng Chạp) plus mùng 1–4, the usual shape of the yearly decision.
   */
  startOffsetDays?: number;
  /**
   * Art. 111(3): a holiday falling on a weekly rest day gives a compensatory day off on the next working day.
   * A flag so that an administrator can model an audience to which it does not apply.
   */
  compensateOnWeeklyRest: boolean;
  /** First solar year the rule applies to (inclusive); absent = no lower bound. */
  validFromYear?: number;
  /** Last solar year the rule applies to (inclusive); absent = no upper bound. */
  validToYear?: number;
  /** Legal source, human readable. */
  source: string;
  /** False when the rule's content has not been checked against the legal text. */
  confirmed: boolean;
}

const LC2019_ART112 = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1';
const LC2019_ART111_3 = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 111 khoản 3';

/**
 * The statutory holidays for employees, hence for civil servants, in force since 2021 (Labour Code 2019
 * Art. 112(1), 11 days), with National Day's single day under the Labour Code 2012 (Art. 115(1)) for 2013–2020.
 * Years before 2013 are not modelled (the 1994 code, as amended in 2007, gave 4 Tết days).
 * Frozen: copy and edit to derive a local variant.
 */
export const DEFAULT_HOLIDAY_RULES: readonly HolidayRule[] = Object.freeze([
  {
    id: 'new-year',
    names: { vi: 'Tết Dương lịch', en: "New Year's Day", fr: 'Jour de l’An' },
    kind: 'solar',
    month: 1,
    day: 1,
    dayCount: 1,
    compensateOnWeeklyRest: true,
    validFromYear: 2013,
    source: `${LC2019_ART112} điểm a`,
    confirmed: true,
  },
  {
    id: 'lunar-new-year',
    names: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)', fr: 'Nouvel An lunaire (Tết)' },
    kind: 'lunar_new_year_block',
    dayCount: 5,
    startOffsetDays: -1,
    compensateOnWeeklyRest: true,
    validFromYear: 2013,
    source: `${LC2019_ART112} điểm b; ngày cụ thể do Thủ tướng quyết định hằng năm (khoản 3)`,
    confirmed: true,
  },
  {
    id: 'hung-kings',
    names: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day", fr: 'Commémoration des rois Hùng' },
    kind: 'lunar',
    month: 3,
    day: 10,
    dayCount: 1,
    compensateOnWeeklyRest: true,
    validFromYear: 2013,
    source: `${LC2019_ART112} điểm e`,
    confirmed: true,
  },
  {
    id: 'victory-day',
    names: { vi: 'Ngày Chiến thắng', en: 'Reunification Day', fr: 'Jour de la Réunification' },
    kind: 'solar',
    month: 4,
    day: 30,
    dayCount: 1,
    compensateOnWeeklyRest: true,
    validFromYear: 2013,
    source: `${LC2019_ART112} điểm c`,
    confirmed: true,
  },
  {
    id: 'labour-day',
    names: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day', fr: 'Fête internationale du Travail' },
    kind: 'solar',
    month: 5,
    day: 1,
    dayCount: 1,
    compensateOnWeeklyRest: true,
    validFromYear: 2013,
    source: `${LC2019_ART112} điểm d`,
    confirmed: true,
  },
  {
    id: 'national-day',
    names: { vi: 'Quốc khánh', en: 'National Day', fr: 'Fête nationale' },
    kind: 'solar',
    month: 9,
    day: 2,
    dayCount: 2,
    // Default 'after' (3/9) is a placeholder, not a legal rule: the side is decided each year (Art. 112(3)) and
    // entered in the yearly schedule. 2025 used 1/9 (before).
    extraDays: 'after',
    compensateOnWeeklyRest: true,
    validFromYear: 2021,
    source: `${LC2019_ART112} điểm đ (ngày 2/9 và 01 ngày liền kề trước hoặc sau)`,
    confirmed: true,
  },
  {
    id: 'national-day-lc2012',
    names: { vi: 'Quốc khánh', en: 'National Day', fr: 'Fête nationale' },
    kind: 'solar',
    month: 9,
    day: 2,
    dayCount: 1,
    compensateOnWeeklyRest: true,
    validFromYear: 2013,
    validToYear: 2020,
    source: 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115 khoản 1',
    confirmed: true,
  },
] satisfies HolidayRule[]);

/** Kind of a dated calendar entry. The first three are days off; the last is a working day. */
export type CalendarEntryKind = 'holiday' | 'compensatory' | 'announced_day_off' | 'makeup_working_day';

/** One dated day of a generated year calendar. */
export interface CalendarEntry {
  /** 'YYYY-MM-DD' (Vietnam civil date). */
  date: string;
  kind: CalendarEntryKind;
  /** The rule that produced the day (holiday, compensatory), if any. */
  ruleId?: string;
  reason: LocalizedText;
  /** Legal source of the day. */
  source: string;
  /** False when the date comes from unverified data (see `official-schedules.ts`). */
  confirmed: boolean;
}

/** One day of a yearly schedule (a weekday given off, or a Saturday worked). */
export interface ScheduleDay {
  date: string;
  reason: LocalizedText;
  /** Legal document announcing the day. */
  source: string;
  confirmed: boolean;
  /** For a swap, the other date of the pair (documentation only). */
  swapWith?: string;
}

/** Per-year override of a rule's placement, as decided by the yearly notice. */
export interface RuleOverride {
  /** Side of the extra day(s) of a 'solar'/'lunar' rule this year. */
  extraDays?: 'before' | 'after';
  /** Tết block start this year, days from mùng 1. */
  startOffsetDays?: number;
  /** Explicit dates of the rule's days this year; replaces the computed placement entirely. */
  dates?: readonly string[];
  source: string;
  confirmed: boolean;
  note?: string;
}

/**
 * The government's yearly holiday schedule for one audience (here: civil servants and public employees).
 * It overrides the rules: placement of the Tết block and National Day's adjacent day, extra weekdays off, and
 * make-up working Saturdays (làm bù).
 */
export interface YearlySchedule {
  year: number;
  /** Who the schedule is for, e.g. 'civil_servants'. */
  audience: string;
  /** Documents the schedule is taken from. */
  sources: readonly string[];
  ruleOverrides?: Readonly<Record<string, RuleOverride>>;
  daysOff: readonly ScheduleDay[];
  makeUpWorkingDays: readonly ScheduleDay[];
}

/** Options of `generateYearCalendar`. */
export interface GenerateOptions {
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday (public agencies, 40-hour week). */
  weeklyRestDays?: readonly number[];
}

const DEFAULT_WEEKLY_REST: readonly number[] = [6, 0];

const COMPENSATORY_REASON = (name: LocalizedText, isoDate: string): LocalizedText => {
  const [y, m, d] = isoDate.split('-');
  const dm = `${d}/${m}/${y}`;
  return {
    vi: `Nghỉ bù ${name.vi} (${dm} trùng ngày nghỉ hằng tuần)`,
    en: `Compensatory day off for ${name.en} (${dm} fell on a weekly rest day)`,
    fr: `Repos compensateur pour ${name.fr} (le ${dm} tombait un jour de repos hebdomadaire)`,
  };
};

interface Occurrence {
  dayNumber: number;
  rule: HolidayRule;
  source: string;
  confirmed: boolean;
}

function ruleError(rule: HolidayRule, what: string): CalendarError {
  return new CalendarError('INVALID_RULE', `Holiday rule '${rule.id}': ${what}`, { ruleId: rule.id });
}

function validateRule(rule: HolidayRule): void {
  if (!rule || typeof rule.id !== 'string' || rule.id === '') throw new CalendarError('INVALID_RULE', 'Holiday rule without id', {});
  if (!Number.isInteger(rule.dayCount) || rule.dayCount < 1 || rule.dayCount > 31) throw ruleError(rule, `bad dayCount ${rule.dayCount}`);
  if (rule.kind === 'solar' || rule.kind === 'lunar') {
    if (!Number.isInteger(rule.month) || !Number.isInteger(rule.day)) throw ruleError(rule, 'month and day are required');
    if (rule.kind === 'solar') {
      // Validate against a leap year so that 29/2 is accepted as a rule (it then exists only in leap years).
      parseIsoDate(`2024-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`);
    } else if (rule.month! < 1 || rule.month! > 12 || rule.day! < 1 || rule.day! > 30) {
      throw ruleError(rule, `no lunar date ${rule.day}/${rule.month}`);
    }
  } else if (rule.kind !== 'lunar_new_year_block') {
    throw ruleError(rule, `unknown kind ${String(rule.kind)}`);
  }
}

/** Day numbers of a rule's days in solar/lunar year `year`, honouring the year's override. */
function placeRule(rule: HolidayRule, year: number, override: RuleOverride | undefined): number[] {
  if (override?.dates) return override.dates.map(parseIsoDate);
  let first: number;
  let anchorIndex = 0;
  if (rule.kind === 'lunar_new_year_block') {
    first = lunarToDayNumber(1, 1, year) + (override?.startOffsetDays ?? rule.startOffsetDays ?? -1);
  } else {
    let anchor: number;
    if (rule.kind === 'solar') {
      anchor = dayNumberOf(year, rule.month!, rule.day!);
      // 29/2 in a common year: no holiday that year rather than a silent roll-over to 1/3.
      if (civilFromDayNumber(anchor).month !== rule.month) return [];
    } else {
      // Lunar day 30 may not exist in a given year; the holiday then falls on the month's last day (29).
      try {
        anchor = lunarToDayNumber(rule.day!, rule.month!, year);
      } catch (e) {
        if (e instanceof CalendarError && e.code === 'INVALID_LUNAR_DATE' && rule.day === 30) anchor = lunarToDayNumber(29, rule.month!, year);
        else throw e;
      }
    }
    const side = override?.extraDays ?? rule.extraDays ?? 'after';
    anchorIndex = side === 'before' ? rule.dayCount - 1 : 0;
    first = anchor - anchorIndex;
  }
  const days: number[] = [];
  for (let i = 0; i < rule.dayCount; i++) days.push(first + i);
  return days;
}

function appliesTo(rule: HolidayRule, year: number): boolean {
  return (rule.validFromYear === undefined || year >= rule.validFromYear) && (rule.validToYear === undefined || year <= rule.validToYear);
}

/**
 * Generates the dated calendar of solar year `year`: holidays, compensatory days (Art. 111(3)), the schedule's
 * announced days off and make-up working days. One entry per date, sorted by date.
 *
 * Order of precedence: a make-up working day of the schedule wins over anything (the schedule overrides the
 * rules); a holiday wins over an announced day off on the same date (its reason is the more precise).
 * Compensatory days are placed on the next day that is neither a weekly rest day, a holiday, an announced day
 * off, an already chosen compensatory day, nor a make-up Saturday (a compensatory "day off" on a Saturday the
 * notice makes people work would be meaningless).
 *
 * Rules are evaluated for the neighbouring years too, so that a compensatory day crossing New Year lands in the
 * right year; the schedule is applied to `year` only.
 *
 * @param schedule the yearly notice for `year`; must have `schedule.year === year`.
 * @throws CalendarError INVALID_RULE for a malformed rule or schedule, INVALID_DATE for malformed dates.
 */
export function generateYearCalendar(
  rules: readonly HolidayRule[],
  year: number,
  schedule?: YearlySchedule,
  options: GenerateOptions = {},
): CalendarEntry[] {
  if (!Number.isInteger(year)) throw new CalendarError('INVALID_DATE', `Not a year: ${year}`, { year });
  if (schedule && schedule.year !== year) {
    throw new CalendarError('INVALID_RULE', `Schedule for ${schedule.year} given for year ${year}`, { year, scheduleYear: schedule.year });
  }
  const rest = new Set(options.weeklyRestDays ?? DEFAULT_WEEKLY_REST);
  const ids = new Set<string>();
  for (const rule of rules) {
    validateRule(rule);
    if (ids.has(rule.id)) throw ruleError(rule, 'duplicate id');
    ids.add(rule.id);
  }
  for (const id of Object.keys(schedule?.ruleOverrides ?? {})) {
    if (!ids.has(id)) throw new CalendarError('INVALID_RULE', `Schedule ${year} overrides unknown rule '${id}'`, { year, ruleId: id });
  }

  const makeUp = new Map<number, ScheduleDay>();
  for (const d of schedule?.makeUpWorkingDays ?? []) makeUp.set(parseIsoDate(d.date), d);
  const announced = new Map<number, ScheduleDay>();
  for (const d of schedule?.daysOff ?? []) announced.set(parseIsoDate(d.date), d);

  // 1. Holidays of the rules, for year-1 … year+1 (lunar and solar years are numbered alike: Tết of lunar year Y
  //    always falls in solar year Y).
  const holidays = new Map<number, Occurrence>();
  for (let y = year - 1; y <= year + 1; y++) {
    for (const rule of rules) {
      if (!appliesTo(rule, y)) continue;
      const override = y === year ? schedule?.ruleOverrides?.[rule.id] : undefined;
      for (const dn of placeRule(rule, y, override)) {
        if (makeUp.has(dn)) continue; // the schedule makes people work that day
        if (!holidays.has(dn)) {
          holidays.set(dn, {
            dayNumber: dn,
            rule,
            source: override ? `${override.source} (${rule.source})` : rule.source,
            confirmed: rule.confirmed && (override?.confirmed ?? true),
          });
        }
      }
    }
  }

  // 2. Compensatory days, chronologically so that chains (30/4 Sunday → 1/5 Monday is a holiday → Tuesday) work.
  const compensatory = new Map<number, Occurrence & { forDayNumber: number }>();
  const sorted = [...holidays.values()].sort((a, b) => a.dayNumber - b.dayNumber);
  for (const h of sorted) {
    if (!h.rule.compensateOnWeeklyRest || !rest.has(weekdayOf(h.dayNumber))) continue;
    let c = h.dayNumber + 1;
    // Bounded: with every weekday a rest day there is no "next working day" (the calendar is then refused with
    // NO_WORKING_DAY when built); searching for one must not loop for ever.
    const limit = h.dayNumber + 400;
    while (c <= limit && (rest.has(weekdayOf(c)) || holidays.has(c) || announced.has(c) || compensatory.has(c) || makeUp.has(c))) c++;
    if (c > limit) continue;
    compensatory.set(c, { ...h, dayNumber: c, forDayNumber: h.dayNumber, source: LC2019_ART111_3, confirmed: h.confirmed });
  }

  // 3. Assemble the entries of `year`.
  const first = dayNumberOf(year, 1, 1);
  const last = dayNumberOf(year, 12, 31);
  const entries = new Map<number, CalendarEntry>();
  for (const h of sorted) {
    if (h.dayNumber < first || h.dayNumber > last) continue;
    entries.set(h.dayNumber, {
      date: isoFromDayNumber(h.dayNumber),
      kind: 'holiday',
      ruleId: h.rule.id,
      reason: { ...h.rule.names },
      source: h.source,
      confirmed: h.confirmed,
    });
  }
  for (const [dn, c] of compensatory) {
    if (dn < first || dn > last || entries.has(dn)) continue;
    const holidayIso = isoFromDayNumber(c.forDayNumber);
    entries.set(dn, {
      date: isoFromDayNumber(dn),
      kind: 'compensatory',
      ruleId: c.rule.id,
      reason: COMPENSATORY_REASON(c.rule.names, holidayIso),
      source: c.source,
      confirmed: c.confirmed,
    });
  }
  for (const [dn, d] of announced) {
    if (dn < first || dn > last || entries.has(dn) || makeUp.has(dn)) continue;
    entries.set(dn, { date: isoFromDayNumber(dn), kind: 'announced_day_off', reason: { ...d.reason }, source: d.source, confirmed: d.confirmed });
  }
  for (const [dn, d] of makeUp) {
    if (dn < first || dn > last) continue;
    entries.set(dn, { date: isoFromDayNumber(dn), kind: 'makeup_working_day', reason: { ...d.reason }, source: d.source, confirmed: d.confirmed });
  }
  return [...entries.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
}
