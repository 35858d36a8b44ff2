/**
 * The working-time engine: which moments are working time, and what instant is N working days or hours after
 * a given one. Pure and synchronous; a `WorkCalendar` is built once and then queried millions of times.
 *
 * Definitions (the contract every function below follows):
 * - Time zone: instants are JS `Date`s / epoch milliseconds (UTC), read in Vietnam time, a fixed UTC+7 (no DST).
 *   Arithmetic is on integers (day numbers, milliseconds); no local-time getter is ever used.
 * - Working day: a date that is a make-up working day, or else not a weekly day off and not a listed day off.
 * - Sessions: the office hours of a working day (default 07:30–11:30 and 13:30–17:00), possibly seasonal.
 *   A working moment is an instant inside a session: start inclusive, end exclusive.
 * - Position: a working moment is (working-day index i, offset o), o = milliseconds of session time elapsed that
 *   day, 0 ≤ o < L(i), L(i) = that day's total session time. End of a session is the same position as the
 *   start of the next one, so results are always reported at the later instant (13:30 rather than 11:30, the
 *   next working day's opening rather than 17:00).
 * - Working hours: plain session time. Adding h hours moves the position forward by h·60 minutes of sessions.
 * - Working days: the day coordinate is D = i + o / L(i); every working day is one unit long whatever its
 *   sessions. Adding N days (N a multiple of ½) gives D + N: "the same position within the day's sessions, N
 *   working days later", and half a day is half that day's session time. When the two days have different
 *   session lengths (season change) the offset is scaled, rounded down to the millisecond.
 * - Receipt: the start of a duration is normalised (`normalizeStart`): before opening → opening; between sessions
 *   → next session; after closing, after the optional receipt cut-off, or on a non-working day → opening of the
 *   next working day.
 *
 * Performance: building precomputes, per calendar, a dense array of working days (day numbers), each day's
 * session length and profile, prefix sums of session time, and for every calendar date the index of the next
 * working day. A query is then O(1) for working days and a binary search for working hours, without allocation
 * apart from the returned `Date` (the number-based `addWorkingTimeMs` allocates nothing).
 */
import { CalendarError } from './errors.ts';
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  VN_OFFSET_MS,
  civilFromDayNumber,
  dayNumberOf,
  isoFromDayNumber,
  parseClock,
  parseIsoDate,
  weekdayOf,
} from './civil-date.ts';
import type { CalendarEntry, CalendarEntryKind } from './holiday-rules.ts';

/** One office session, 'HH:MM' local (Vietnam) times, end exclusive. */
export interface SessionSpec {
  start: string;
  end: string;
}

/**
 * A set of sessions valid for part of the year (e.g. summer and winter hours). `from`/`to` are 'MM-DD',
 * inclusive, and may wrap over New Year ('10-15' to '04-14'); a set without them applies all year. The first set
 * matching a date wins.
 */
export interface SessionSet {
  name: string;
  from?: string;
  to?: string;
  sessions: readonly SessionSpec[];
  /** Receipt cut-off of this season, 'HH:MM'; overrides the calendar's `cutoff`; null = none. */
  cutoff?: string | null;
}

/** Default office hours: morning 07:30–11:30, afternoon 13:30–17:00 (7 h 30 of session time). */
export const DEFAULT_SESSIONS: readonly SessionSpec[] = Object.freeze([
  Object.freeze({ start: '07:30', end: '11:30' }),
  Object.freeze({ start: '13:30', end: '17:00' }),
]);

/** Options of `buildWorkCalendar`. */
export interface WorkCalendarOptions {
  /** First solar year covered (from 1 January). */
  fromYear: number;
  /** Last solar year covered (to 31 December). */
  toYear: number;
  /** Dated days off and make-up working days, e.g. the concatenated `generateYearCalendar` outputs. */
  entries: readonly CalendarEntry[];
  /** Weekly days off, 0 = Sunday … 6 = Saturday. Default [6, 0]. */
  weeklyDaysOff?: readonly number[];
  /** Office hours; default one all-year set with `DEFAULT_SESSIONS`. */
  sessionSets?: readonly SessionSet[];
  /** Receipt cut-off 'HH:MM': a receipt strictly after it counts from the next working day. Default none. */
  cutoff?: string;
}

/** Unit of a working-time duration. */
export type DurationUnit = 'working_day' | 'working_hour';

/**
 * A working-time duration. `working_day` values are multiples of ½; `working_hour` values are whole minutes
 * (1.5 = 90 minutes). Zero is allowed and yields the normalised start.
 */
export interface WorkDuration {
  value: number;
  unit: DurationUnit;
}

/** Result of `workingTimeBetween`. */
export interface WorkingTimeSpan {
  /** Session minutes between the two positions (may be fractional when a half day of an odd-minute day is involved). */
  minutes: number;
  /** Working days between them in the day coordinate (see module doc), rounded to 1e-6 day. */
  workingDays: number;
}

/** Options of the functions that take a receipt moment. */
export interface StartOptions {
  /**
   * Apply the receipt cut-off to the start (default true: the start is a receipt). Pass false when chaining
   * step budgets from an intermediate moment, which is not a receipt.
   */
  applyCutoff?: boolean;
}

/** Session profile of a day, in milliseconds after local midnight. */
interface Profile {
  readonly name: string;
  readonly count: number;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  /** Session time elapsed before each session starts. */
  readonly cumMs: Float64Array;
  readonly totalMs: number;
  /** Receipt cut-off in ms after midnight; +Infinity when none. */
  readonly cutoffMs: number;
}

/**
 * An immutable working calendar over a range of solar years. Build it with `buildWorkCalendar`; its fields are
 * the precomputed tables and are not part of the stable API except `fromYear`, `toYear`, `weeklyDaysOff`.
 */
export class WorkCalendar {
  /** @internal */
  constructor(
    readonly fromYear: number,
    readonly toYear: number,
    readonly weeklyDaysOff: readonly number[],
    /** @internal day number of 1 January `fromYear`. */
    readonly firstDay: number,
    /** @internal number of calendar dates covered. */
    readonly dayCount: number,
    /** @internal 1 when the date (index from `firstDay`) is a working day. */
    readonly isWorking: Uint8Array,
    /** @internal index of the first working day on or after the date; `workCount` when none. */
    readonly nextWork: Int32Array,
    /** @internal number of working days. */
    readonly workCount: number,
    /** @internal day number of each working day. */
    readonly workDay: Int32Array,
    /** @internal session time of each working day (ms). */
    readonly workLen: Float64Array,
    /** @internal session time before each working day (ms); length workCount + 1. */
    readonly prefix: Float64Array,
    /** @internal profile index of each working day. */
    readonly workProfile: Uint8Array,
    /** @internal session profiles. */
    readonly profiles: readonly Profile[],
    /** @internal dated entries by day number (for explanations). */
    readonly entries: ReadonlyMap<number, CalendarEntry>,
  ) {
    Object.freeze(this);
  }
}

const OFF_KINDS: ReadonlySet<CalendarEntryKind> = new Set(['holiday', 'compensatory', 'announced_day_off']);
const ALL_KINDS: ReadonlySet<string> = new Set(['holiday', 'compensatory', 'announced_day_off', 'makeup_working_day']);

function configError(message: string, details: Record<string, unknown> = {}): CalendarError {
  return new CalendarError('INVALID_CONFIG', message, details);
}

function parseMonthDay(md: string, what: string): number {
  const m = typeof md === 'string' ? /^(\d{2})-(\d{2})$/.exec(md) : null;
  if (!m) throw configError(`${what}: not an MM-DD date: ${String(md)}`, { value: md });
  // Validate against a leap year so that 02-29 is a legal season bound.
  parseIsoDate(`2024-${md}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

function buildProfile(set: SessionSet, calendarCutoff: string | undefined): Profile {
  if (!set || !Array.isArray(set.sessions) || set.sessions.length === 0) {
    throw configError(`Session set '${set?.name}' has no session`, { set: set?.name });
  }
  if (set.sessions.length > 8) throw configError(`Session set '${set.name}' has more than 8 sessions`, { set: set.name });
  const count = set.sessions.length;
  const startMs = new Float64Array(count);
  const endMs = new Float64Array(count);
  const cumMs = new Float64Array(count);
  let total = 0;
  for (let s = 0; s < count; s++) {
    const spec = set.sessions[s];
    const a = parseClock(spec.start, `session ${s + 1} of '${set.name}'`);
    const b = parseClock(spec.end, `session ${s + 1} of '${set.name}'`);
    if (a >= b) throw configError(`Session ${spec.start}–${spec.end} of '${set.name}' is empty or reversed`, { set: set.name });
    if (s > 0 && a * MS_PER_MINUTE < endMs[s - 1]) {
      throw configError(`Sessions of '${set.name}' overlap or are not in order at ${spec.start}`, { set: set.name });
    }
    startMs[s] = a * MS_PER_MINUTE;
    endMs[s] = b * MS_PER_MINUTE;
    cumMs[s] = total;
    total += endMs[s] - startMs[s];
  }
  const cutoffText = set.cutoff === undefined ? calendarCutoff : (set.cutoff ?? undefined);
  const cutoffMs = cutoffText === undefined ? Number.POSITIVE_INFINITY : parseClock(cutoffText, `cut-off of '${set.name}'`) * MS_PER_MINUTE;
  return Object.freeze({ name: set.name, count, startMs, endMs, cumMs, totalMs: total, cutoffMs });
}

/**
 * Builds a working calendar for solar years `fromYear`–`toYear`.
 *
 * @throws CalendarError
 *   - INVALID_CONFIG: bad year range (needs 1900 ≤ fromYear ≤ toYear ≤ 2199, at most 200 years), bad weekly days,
 *     bad or overlapping sessions, a date matched by no session set, an entry both off and make-up, unknown kind;
 *   - INVALID_DATE: a malformed entry date;
 *   - NO_WORKING_DAY: a year of the range would have no working day (every deadline in it would be undefined).
 * Entries outside the year range are ignored, so that a caller may pass a superset.
 */
export function buildWorkCalendar(options: WorkCalendarOptions): WorkCalendar {
  const { fromYear, toYear } = options;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || fromYear < 1900 || toYear > 2199 || toYear - fromYear >= 200) {
    throw configError(`Bad year range ${fromYear}–${toYear}`, { fromYear, toYear });
  }
  const weeklyDaysOff = [...(options.weeklyDaysOff ?? [6, 0])];
  for (const w of weeklyDaysOff) {
    if (!Number.isInteger(w) || w < 0 || w > 6) throw configError(`Weekly day off must be 0 (Sunday) … 6 (Saturday): ${w}`, { value: w });
  }
  const rest = new Uint8Array(7);
  for (const w of weeklyDaysOff) rest[w] = 1;

  const sets = options.sessionSets ?? [{ name: 'all-year', sessions: DEFAULT_SESSIONS }];
  if (sets.length === 0 || sets.length > 255) throw configError('Need 1–255 session sets', { count: sets.length });
  if (options.cutoff !== undefined) parseClock(options.cutoff, 'cut-off');
  const profiles = sets.map((s) => buildProfile(s, options.cutoff));
  const ranges = sets.map((s) => {
    if ((s.from === undefined) !== (s.to === undefined)) throw configError(`Session set '${s.name}' needs both from and to, or neither`, { set: s.name });
    return s.from === undefined ? null : { from: parseMonthDay(s.from, `from of '${s.name}'`), to: parseMonthDay(s.to!, `to of '${s.name}'`) };
  });

  const firstDay = dayNumberOf(fromYear, 1, 1);
  const lastDay = dayNumberOf(toYear, 12, 31);
  const dayCount = lastDay - firstDay + 1;

  const off = new Map<number, CalendarEntry>();
  const makeUp = new Map<number, CalendarEntry>();
  const entries = new Map<number, CalendarEntry>();
  for (const e of options.entries) {
    if (!e || !ALL_KINDS.has(e.kind)) throw configError(`Unknown calendar entry kind: ${String(e?.kind)}`, { entry: e });
    const dn = parseIsoDate(e.date);
    if (dn < firstDay || dn > lastDay) continue;
    if (OFF_KINDS.has(e.kind)) {
      if (makeUp.has(dn)) throw configError(`${e.date} is both a day off and a make-up working day`, { date: e.date });
      if (!off.has(dn)) off.set(dn, e);
    } else {
      if (off.has(dn)) throw configError(`${e.date} is both a day off and a make-up working day`, { date: e.date });
      makeUp.set(dn, e);
    }
    if (!entries.has(dn)) entries.set(dn, e);
  }

  const isWorking = new Uint8Array(dayCount);
  const dayProfile = new Uint8Array(dayCount);
  let workCount = 0;
  let yearOfRun = fromYear;
  let workingInYear = 0;
  for (let d = 0; d < dayCount; d++) {
    const dn = firstDay + d;
    const civil = civilFromDayNumber(dn);
    if (civil.year !== yearOfRun) {
      if (workingInYear === 0) throw noWorkingDay(yearOfRun);
      yearOfRun = civil.year;
      workingInYear = 0;
    }
    const md = civil.month * 100 + civil.day;
    let p = -1;
    for (let k = 0; k < ranges.length; k++) {
      const r = ranges[k];
      if (r === null || (r.from <= r.to ? md >= r.from && md <= r.to : md >= r.from || md <= r.to)) {
        p = k;
        break;
      }
    }
    if (p < 0) throw configError(`No session set covers ${isoFromDayNumber(dn)}`, { date: isoFromDayNumber(dn) });
    dayProfile[d] = p;
    const working = makeUp.has(dn) || (rest[weekdayOf(dn)] === 0 && !off.has(dn));
    if (working) {
      isWorking[d] = 1;
      workCount++;
      workingInYear++;
    }
  }
  if (workingInYear === 0) throw noWorkingDay(yearOfRun);

  const nextWork = new Int32Array(dayCount + 1);
  const workDay = new Int32Array(workCount);
  const workLen = new Float64Array(workCount);
  const workProfile = new Uint8Array(workCount);
  const prefix = new Float64Array(workCount + 1);
  let i = 0;
  for (let d = 0; d < dayCount; d++) {
    nextWork[d] = i;
    if (isWorking[d] === 1) {
      workDay[i] = firstDay + d;
      workProfile[i] = dayProfile[d];
      workLen[i] = profiles[dayProfile[d]].totalMs;
      prefix[i + 1] = prefix[i] + workLen[i];
      i++;
    }
  }
  nextWork[dayCount] = workCount;

  return new WorkCalendar(
    fromYear,
    toYear,
    Object.freeze(weeklyDaysOff),
    firstDay,
    dayCount,
    isWorking,
    nextWork,
    workCount,
    workDay,
    workLen,
    prefix,
    workProfile,
    Object.freeze(profiles),
    entries,
  );
}

function noWorkingDay(year: number): CalendarError {
  return new CalendarError('NO_WORKING_DAY', `Year ${year} of the calendar has no working day`, { year });
}

function outOfRange(cal: WorkCalendar, what: string, value: unknown): CalendarError {
  return new CalendarError('OUT_OF_RANGE', `${what} is outside the calendar (${cal.fromYear}-01-01 – ${cal.toYear}-12-31)`, {
    value,
    fromYear: cal.fromYear,
    toYear: cal.toYear,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Hot path. `locate` writes its result into these module variables instead of returning an object, so that a
// query allocates nothing (JavaScript is single-threaded; no query re-enters another).
let posIdx = 0;
let posOff = 0;

/** How `locate` moved an instant to a working position; used by explanations. */
export const LocateStatus = Object.freeze({
  Inside: 0,
  BeforeOpen: 1,
  BetweenSessions: 2,
  AfterClose: 3,
  AfterCutoff: 4,
  NonWorkingDay: 5,
} as const);
/** One of the `LocateStatus` values. */
export type LocateStatus = (typeof LocateStatus)[keyof typeof LocateStatus];

/**
 * Moves instant `ms` to the earliest working position at or after it; with `applyCutoff`, a time of day strictly
 * after the cut-off jumps to the next working day. When `allowEnd` is true the position just past the last
 * working day (index workCount, offset 0) is accepted, which `workingTimeBetween` needs for its end point.
 */
function locate(cal: WorkCalendar, ms: number, applyCutoff: boolean, allowEnd: boolean): LocateStatus {
  const local = ms + VN_OFFSET_MS;
  const dn = Math.floor(local / MS_PER_DAY);
  const d = dn - cal.firstDay;
  if (d < 0 || d >= cal.dayCount) throw outOfRange(cal, 'Instant', new Date(ms).toISOString());
  const tod = local - dn * MS_PER_DAY;
  const i = cal.nextWork[d];
  if (cal.isWorking[d] === 0) {
    toDayStart(cal, i, allowEnd, ms);
    return LocateStatus.NonWorkingDay;
  }
  const p = cal.profiles[cal.workProfile[i]];
  if (applyCutoff && tod > p.cutoffMs) {
    toDayStart(cal, i + 1, allowEnd, ms);
    return LocateStatus.AfterCutoff;
  }
  const st = p.startMs;
  const en = p.endMs;
  for (let s = 0; s < p.count; s++) {
    if (tod < st[s]) {
      posIdx = i;
      posOff = p.cumMs[s];
      return s === 0 ? LocateStatus.BeforeOpen : LocateStatus.BetweenSessions;
    }
    if (tod < en[s]) {
      posIdx = i;
      posOff = p.cumMs[s] + (tod - st[s]);
      return LocateStatus.Inside;
    }
  }
  toDayStart(cal, i + 1, allowEnd, ms);
  return LocateStatus.AfterClose;
}

function toDayStart(cal: WorkCalendar, i: number, allowEnd: boolean, ms: number): void {
  if (i >= cal.workCount && !(allowEnd && i === cal.workCount)) {
    throw outOfRange(cal, 'The next working day after', new Date(ms).toISOString());
  }
  posIdx = i;
  posOff = 0;
}

/** UTC instant (ms) of position (i, off); off must be in [0, workLen[i]). */
function instantOf(cal: WorkCalendar, i: number, off: number): number {
  const p = cal.profiles[cal.workProfile[i]];
  const cum = p.cumMs;
  let s = 0;
  while (s < p.count - 1 && off >= cum[s + 1]) s++;
  return cal.workDay[i] * MS_PER_DAY - VN_OFFSET_MS + p.startMs[s] + (off - cum[s]);
}

/** Adds `value` working days to the position in posIdx/posOff and returns the instant. */
function addDaysFromPosition(cal: WorkCalendar, value: number): number {
  const i = posIdx;
  const off = posOff;
  const whole = Math.floor(value);
  let j = i + whole;
  let rel = off;
  const li = cal.workLen[i];
  if (value !== whole) {
    // Half a day = half of the start day's session time, measured in the start day's scale.
    const half = li / 2;
    if (off < half) rel = off + half;
    else {
      j++;
      rel = off - half;
    }
  }
  if (j >= cal.workCount) throw outOfRange(cal, 'The result', `${value} working day(s) after ${new Date(instantOf(cal, i, off)).toISOString()}`);
  const lj = cal.workLen[j];
  // Same length (the usual case): exact. Otherwise scale the fraction; rel·lj < 2^53 so the product is exact and
  // floor keeps the offset inside the day.
  const o = lj === li ? rel : Math.floor((rel * lj) / li);
  return instantOf(cal, j, o);
}

/** Adds `ms` of session time to the position in posIdx/posOff and returns the instant. */
function addMsFromPosition(cal: WorkCalendar, ms: number): number {
  const prefix = cal.prefix;
  const target = prefix[posIdx] + posOff + ms;
  const n = cal.workCount;
  if (target >= prefix[n]) throw outOfRange(cal, 'The result', `${ms / MS_PER_MINUTE} working minute(s) later`);
  // Largest j with prefix[j] ≤ target, searched from the start day (the answer is never earlier).
  let lo = posIdx;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (prefix[mid] <= target) lo = mid;
    else hi = mid - 1;
  }
  return instantOf(cal, lo, target - prefix[lo]);
}

function invalidDuration(message: string, value: unknown, unit: unknown): CalendarError {
  return new CalendarError('INVALID_DURATION', message, { value, unit });
}

/**
 * Number-based core of `addWorkingTime`: no `Date`, no allocation on success.
 * @param startMs epoch milliseconds of the start (a receipt moment unless `applyCutoff` is false).
 * @param value duration value: multiple of ½ for 'working_day', whole minutes for 'working_hour'; ≥ 0.
 * @returns epoch milliseconds of the due moment, always a working moment.
 * @throws CalendarError INVALID_DATE (start not finite), INVALID_DURATION, OUT_OF_RANGE.
 */
export function addWorkingTimeMs(cal: WorkCalendar, startMs: number, value: number, unit: DurationUnit, applyCutoff = true): number {
  if (typeof startMs !== 'number' || !Number.isFinite(startMs)) throw new CalendarError('INVALID_DATE', 'Start is not a valid instant', { value: startMs });
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalidDuration(`Duration must be a finite number ≥ 0: ${String(value)}`, value, unit);
  }
  if (unit === 'working_day') {
    if (!Number.isInteger(value * 2)) throw invalidDuration(`Working days must be a multiple of 0.5: ${value}`, value, unit);
    locate(cal, startMs, applyCutoff, false);
    return addDaysFromPosition(cal, value);
  }
  if (unit === 'working_hour') {
    const minutes = Math.round(value * 60);
    if (Math.abs(value * 60 - minutes) > 1e-9) throw invalidDuration(`Working hours must be whole minutes: ${value}`, value, unit);
    locate(cal, startMs, applyCutoff, false);
    return addMsFromPosition(cal, minutes * MS_PER_MINUTE);
  }
  throw invalidDuration(`Unknown duration unit: ${String(unit)}`, value, unit);
}

function msOfDate(d: Date, what: string): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new CalendarError('INVALID_DATE', `${what} is not a valid Date`, { value: String(d) });
  return ms;
}

/**
 * Due moment of `duration` of working time counted from `start` (a receipt, normalised first).
 * Adding N working days lands at the same position within the sessions N working days later; see module doc.
 * @throws CalendarError INVALID_DATE, INVALID_DURATION, OUT_OF_RANGE (start or result outside the calendar).
 * @example addWorkingTime(cal, new Date('2025-01-24T09:00:00+07:00'), { value: 3, unit: 'working_day' })
 *          // → 2025-02-05T09:00+07:00 with the announced 2025 schedule
 */
export function addWorkingTime(cal: WorkCalendar, start: Date, duration: WorkDuration, options?: StartOptions): Date {
  const ms = msOfDate(start, 'Start');
  if (duration === null || typeof duration !== 'object') throw invalidDuration('Duration must be { value, unit }', duration, undefined);
  return new Date(addWorkingTimeMs(cal, ms, duration.value, duration.unit, options?.applyCutoff ?? true));
}

/**
 * Working time from `a` (a receipt, normalised with the cut-off unless disabled) to `b` (counted as elapsed
 * session time: no cut-off; after closing counts the whole day). Inverse of `addWorkingTime`:
 * `workingTimeBetween(cal, s, addWorkingTime(cal, s, d))` gives back `d`. Negative when `b` is before `a`.
 * @throws CalendarError INVALID_DATE, OUT_OF_RANGE.
 */
export function workingTimeBetween(cal: WorkCalendar, a: Date, b: Date, options?: StartOptions): WorkingTimeSpan {
  const aMs = msOfDate(a, 'a');
  const bMs = msOfDate(b, 'b');
  locate(cal, aMs, options?.applyCutoff ?? true, false);
  const i = posIdx;
  const oa = posOff;
  locate(cal, bMs, false, true);
  const j = posIdx;
  const ob = posOff;
  const ms = cal.prefix[j] + ob - (cal.prefix[i] + oa);
  const li = cal.workLen[i];
  let days: number;
  if (ob === 0) days = j - i - oa / li;
  else {
    const lj = cal.workLen[j];
    days = lj === li ? j - i + (ob - oa) / li : j - i + ob / lj - oa / li;
  }
  return { minutes: ms / MS_PER_MINUTE, workingDays: Math.round(days * 1e6) / 1e6 };
}

/**
 * Start of the count for a receipt at `instant`: before opening → opening; between sessions → next session;
 * after closing, after the cut-off, or on a non-working day → opening of the next working day.
 * @throws CalendarError INVALID_DATE, OUT_OF_RANGE.
 */
export function normalizeStart(cal: WorkCalendar, instant: Date, options?: StartOptions): Date {
  const ms = msOfDate(instant, 'Instant');
  locate(cal, ms, options?.applyCutoff ?? true, false);
  return new Date(instantOf(cal, posIdx, posOff));
}

/**
 * Earliest working moment at or after `instant` (no cut-off: this is about office hours, not receipts).
 * Returns `instant` itself when it is a working moment.
 * @throws CalendarError INVALID_DATE, OUT_OF_RANGE.
 */
export function nextWorkingMoment(cal: WorkCalendar, instant: Date): Date {
  const ms = msOfDate(instant, 'Instant');
  locate(cal, ms, false, false);
  return new Date(instantOf(cal, posIdx, posOff));
}

/**
 * True when `instant` is inside a session of a working day.
 * @throws CalendarError INVALID_DATE, OUT_OF_RANGE.
 */
export function isWorkingMoment(cal: WorkCalendar, instant: Date): boolean {
  const ms = msOfDate(instant, 'Instant');
  const local = ms + VN_OFFSET_MS;
  const d = Math.floor(local / MS_PER_DAY) - cal.firstDay;
  if (d < 0 || d >= cal.dayCount) throw outOfRange(cal, 'Instant', instant.toISOString());
  if (cal.isWorking[d] === 0) return false;
  return locate(cal, ms, false, true) === LocateStatus.Inside;
}

/**
 * True when the Vietnam civil date 'YYYY-MM-DD' is a working day of the calendar.
 * @throws CalendarError INVALID_DATE (malformed), OUT_OF_RANGE (outside the calendar's years).
 */
export function isWorkingDay(cal: WorkCalendar, isoDate: string): boolean {
  const d = parseIsoDate(isoDate) - cal.firstDay;
  if (d < 0 || d >= cal.dayCount) throw outOfRange(cal, `Date ${isoDate}`, isoDate);
  return cal.isWorking[d] === 1;
}

/**
 * Where a receipt at `instant` starts counting, and why: for explanations and audit. Not for hot loops.
 * @internal exported for `explain.ts`.
 */
export function locateForExplanation(
  cal: WorkCalendar,
  instant: Date,
  applyCutoff: boolean,
): { status: LocateStatus; start: Date; cutoffMs: number } {
  const ms = msOfDate(instant, 'Instant');
  const d = Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY) - cal.firstDay;
  const status = locate(cal, ms, applyCutoff, false);
  const start = new Date(instantOf(cal, posIdx, posOff));
  let cutoffMs = Number.POSITIVE_INFINITY;
  if (d >= 0 && d < cal.dayCount && cal.isWorking[d] === 1) cutoffMs = cal.profiles[cal.workProfile[cal.nextWork[d]]].cutoffMs;
  return { status, start, cutoffMs };
}

/**
 * True when the instant is the opening of a working day's first session (position offset 0). A due moment there
 * is equivalent to the end of the previous working day.
 * @internal exported for `explain.ts`.
 */
export function isDayOpening(cal: WorkCalendar, instant: Date): boolean {
  const ms = instant.getTime();
  locate(cal, ms, false, true);
  return posOff === 0 && posIdx < cal.workCount && instantOf(cal, posIdx, 0) === ms;
}

/**
 * Working day just before the one containing `instant` (as a day number), or null at the calendar's start.
 * @internal exported for `explain.ts`.
 */
export function previousWorkingDayNumber(cal: WorkCalendar, instant: Date): number | null {
  locate(cal, instant.getTime(), false, true);
  return posIdx > 0 ? cal.workDay[posIdx - 1] : null;
}

/**
 * Closing time (ms after midnight) of the last session of a working day given by day number.
 * @internal exported for `explain.ts`.
 */
export function closingMsOf(cal: WorkCalendar, dayNumber: number): number {
  const d = dayNumber - cal.firstDay;
  const p = cal.profiles[cal.workProfile[cal.nextWork[d]]];
  return p.endMs[p.count - 1];
}

/**
 * Number-based core of `subtractWorkingTime`: the instant `value` of working time before `endMs`.
 * `endMs` is an end point (a due moment), so no cut-off applies to it; when it is not a working moment it is first
 * moved to the next working position (a due "Saturday" is the same position as Monday's opening).
 * @returns epoch milliseconds, always a working moment, reported at the later of two equal positions (an
 *   opening rather than the previous closing), like `addWorkingTimeMs`.
 * @throws CalendarError INVALID_DATE, INVALID_DURATION, OUT_OF_RANGE (end or result outside the calendar).
 */
export function subtractWorkingTimeMs(cal: WorkCalendar, endMs: number, value: number, unit: DurationUnit): number {
  if (typeof endMs !== 'number' || !Number.isFinite(endMs)) throw new CalendarError('INVALID_DATE', 'End is not a valid instant', { value: endMs });
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalidDuration(`Duration must be a finite number ≥ 0: ${String(value)}`, value, unit);
  }
  if (unit === 'working_day') {
    if (!Number.isInteger(value * 2)) throw invalidDuration(`Working days must be a multiple of 0.5: ${value}`, value, unit);
    locate(cal, endMs, false, false);
    const i = posIdx;
    const off = posOff;
    const whole = Math.floor(value);
    let j = i - whole;
    let rel = off;
    const li = cal.workLen[i];
    if (value !== whole) {
      // Mirror of addDaysFromPosition: half a day is half of the end day's session time, in the end day's scale.
      const half = li / 2;
      if (off >= half) rel = off - half;
      else {
        j--;
        rel = off + half;
      }
    }
    if (j < 0) throw outOfRange(cal, 'The result', `${value} working day(s) before ${new Date(endMs).toISOString()}`);
    const lj = cal.workLen[j];
    return instantOf(cal, j, lj === li ? rel : Math.floor((rel * lj) / li));
  }
  if (unit === 'working_hour') {
    const minutes = Math.round(value * 60);
    if (Math.abs(value * 60 - minutes) > 1e-9) throw invalidDuration(`Working hours must be whole minutes: ${value}`, value, unit);
    locate(cal, endMs, false, false);
    const prefix = cal.prefix;
    const target = prefix[posIdx] + posOff - minutes * MS_PER_MINUTE;
    if (target < 0) throw outOfRange(cal, 'The result', `${minutes} working minute(s) before ${new Date(endMs).toISOString()}`);
    // Largest j ≤ posIdx with prefix[j] ≤ target.
    let lo = 0;
    let hi = posIdx;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (prefix[mid] <= target) lo = mid;
      else hi = mid - 1;
    }
    return instantOf(cal, lo, target - prefix[lo]);
  }
  throw invalidDuration(`Unknown duration unit: ${String(unit)}`, value, unit);
}

/**
 * The moment `duration` of working time before `end`: e.g. the latest moment to send the apology letter, "no
 * later than 1 working day before the due date" (61/2018 Art. 19; QĐ 88/2025/QĐ-UBND Lai Châu).
 * Inverse of `addWorkingTime` on working moments: `addWorkingTime(cal, subtractWorkingTime(cal, x, d), d,
 * { applyCutoff: false })` gives back `x` when the sessions are the same every day.
 * @throws CalendarError INVALID_DATE, INVALID_DURATION, OUT_OF_RANGE.
 * @example subtractWorkingTime(cal, new Date('2025-02-05T09:00:00+07:00'), { value: 1, unit: 'working_day' })
 *          // → 2025-02-04T09:00+07:00
 */
export function subtractWorkingTime(cal: WorkCalendar, end: Date, duration: WorkDuration): Date {
  const ms = msOfDate(end, 'End');
  if (duration === null || typeof duration !== 'object') throw invalidDuration('Duration must be { value, unit }', duration, undefined);
  return new Date(subtractWorkingTimeMs(cal, ms, duration.value, duration.unit));
}
