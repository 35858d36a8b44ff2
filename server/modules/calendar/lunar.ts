/**
 * Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm
 * (astronomical new moons and solar terms, Meeus-based), computed for UTC+7.
 *
 * Why our own port: the Vietnamese calendar is the Chinese one computed at UTC+7 instead of UTC+8, and the two
 * occasionally disagree (Tết 1985, 2007, 2030 …), so a Chinese-calendar package is wrong; the one npm package
 * that solves solar→lunar by JS `Date` depends on the server's TZ. The time zone here is a parameter of the
 * arithmetic only, fixed to +7 in the public functions: the server's own time zone is never consulted.
 *
 * Valid range: lunar years 1800–2199 (the algorithm's published range).
 */
import { CalendarError } from './errors.ts';
import { dayNumberOf, isoFromDayNumber, parseIsoDate } from './civil-date.ts';

/** Vietnam's time zone for the astronomy: UTC+7. */
export const VIETNAM_TIME_ZONE_HOURS = 7;
/** First lunar year the functions accept. */
export const LUNAR_MIN_YEAR = 1800;
/** Last lunar year the functions accept. */
export const LUNAR_MAX_YEAR = 2199;

/** A date of the Vietnamese lunar calendar. `leap` marks the intercalary (nhuận) month. */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

const INT = Math.floor;
const PI = Math.PI;
/** Julian day number of 1970-01-01: converts between JDN and our day numbers. */
const JDN_UNIX_EPOCH = 2_440_588;

/** Time of the k-th new moon after 1900-01-01 13:52 UT, as a Julian date (Meeus, ch. 49, simplified). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltat =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltat;
}

/** Sun's apparent longitude (radians, 0–2π) at Julian date `jdn` (Meeus, low precision). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= PI * 2 * INT(L / (PI * 2));
  return L;
}

/** Sector (0–11, 30° each) of the sun's longitude at local midnight starting day `jdn` in time zone `tz`. */
function sunSector(jdn: number, tz: number): number {
  return INT((sunLongitude(jdn - 0.5 - tz / 24) / PI) * 6);
}

/** JDN of the local day containing the k-th new moon in time zone `tz`. */
function newMoonDay(k: number, tz: number): number {
  return INT(newMoon(k) + 0.5 + tz / 24);
}

/** JDN of the first day of the lunar month 11 (the month containing the winter solstice) of solar year `yy`. */
function lunarMonth11(yy: number, tz: number): number {
  const off = dayNumberOf(yy, 12, 31) + JDN_UNIX_EPOCH - 2415021;
  const k = INT(off / 29.530588853);
  let nm = newMoonDay(k, tz);
  // Sector 9 = sun longitude ≥ 270° (winter solstice): that new moon is already past month 11's start.
  if (sunSector(nm, tz) >= 9) nm = newMoonDay(k - 1, tz);
  return nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month of a 13-month year. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let last: number;
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  // The leap month is the first one in which the sun does not enter a new sector (no principal term).
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Lunar date of a Julian day number, for time zone `tz` (Hồ Ngọc Đức's convertSolar2Lunar). */
function lunarOfJdn(jdn: number, solarYear: number, tz: number): LunarDate {
  const k = INT((jdn - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > jdn) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(solarYear, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = solarYear;
    a11 = lunarMonth11(solarYear - 1, tz);
  } else {
    lunarYear = solarYear + 1;
    b11 = lunarMonth11(solarYear + 1, tz);
  }
  const day = jdn - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/**
 * Raw lunar→solar conversion (Hồ Ngọc Đức's convertLunar2Solar) returning a JDN, or null when the algorithm
 * itself sees that the requested leap month does not exist. It silently ignores `leap` in a year without any
 * leap month, and accepts day 30 of a 29-day month: callers validate by a round trip.
 */
function rawLunarToJdn(day: number, month: number, year: number, leap: boolean, tz: number): number | null {
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  }
  return newMoonDay(k + off, tz) + day - 1;
}

function checkLunarInput(day: number, month: number, year: number): void {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year) || day < 1 || day > 30 || month < 1 || month > 12) {
    throw new CalendarError('INVALID_LUNAR_DATE', `Not a lunar date: day ${day}, month ${month}, year ${year}`, { day, month, year });
  }
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `Lunar year ${year} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`, {
      year,
      min: LUNAR_MIN_YEAR,
      max: LUNAR_MAX_YEAR,
    });
  }
}

/**
 * Day number (days since 1970-01-01) of a lunar date computed in time zone `timeZoneHours`.
 * Exposed so that tests can show where the Vietnamese (7) and Chinese (8) calendars part; application code
 * uses `lunarToSolar`, which is fixed to Vietnam.
 * @throws CalendarError INVALID_LUNAR_DATE when the date does not exist; OUT_OF_RANGE outside 1800–2199.
 */
export function lunarToDayNumber(day: number, month: number, year: number, leap = false, timeZoneHours = VIETNAM_TIME_ZONE_HOURS): number {
  checkLunarInput(day, month, year);
  const jdn = rawLunarToJdn(day, month, year, leap, timeZoneHours);
  const dayNumber = jdn === null ? null : jdn - JDN_UNIX_EPOCH;
  // Round trip: the only reliable test that the lunar date exists (leap flag, 30th day of a short month).
  const back = dayNumber === null ? null : lunarOfJdn(jdn!, solarYearOfDayNumber(dayNumber), timeZoneHours);
  if (back === null || back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    if (leap && (back === null || !back.leap || back.month !== month)) {
      const actual = leapMonthOf(year, timeZoneHours);
      throw new CalendarError(
        'INVALID_LUNAR_DATE',
        `Lunar year ${year} has no leap month ${month} (its leap month: ${actual ?? 'none'})`,
        { day, month, year, leap, leapMonthOfYear: actual },
      );
    }
    throw new CalendarError('INVALID_LUNAR_DATE', `Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has no day ${day}`, {
      day,
      month,
      year,
      leap,
    });
  }
  return dayNumber!;
}

function solarYearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * 86_400_000).getUTCFullYear();
}

/** Leap month (1–12) of lunar year `year`, or null when the year has 12 months. */
function leapMonthOf(year: number, tz: number): number | null {
  for (let m = 1; m <= 12; m++) {
    const jdn = rawLunarToJdn(1, m, year, true, tz);
    if (jdn === null) continue;
    const back = lunarOfJdn(jdn, solarYearOfDayNumber(jdn - JDN_UNIX_EPOCH), tz);
    if (back.leap && back.month === m && back.year === year) return m;
  }
  return null;
}

/**
 * Converts a Vietnamese lunar date to the solar (Gregorian) date, computed for UTC+7.
 * @param leap true for the intercalary month (tháng nhuận) of that number.
 * @returns 'YYYY-MM-DD'.
 * @throws CalendarError INVALID_LUNAR_DATE when `leap` is requested for a month that has no leap twin, or the
 *   day does not exist in that month (30 in a 29-day month); OUT_OF_RANGE outside lunar years 1800–2199.
 * @example lunarToSolar(1, 1, 2026) === '2026-02-17' // Tết Bính Ngọ
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string {
  return isoFromDayNumber(lunarToDayNumber(day, month, year, leap));
}

/**
 * Converts a solar date 'YYYY-MM-DD' to the Vietnamese lunar date (UTC+7).
 * @throws CalendarError INVALID_DATE when malformed; OUT_OF_RANGE outside the supported years.
 * @example solarToLunar('2025-04-07') // { day: 10, month: 3, year: 2025, leap: false } — Giỗ Tổ Hùng Vương
 */
export function solarToLunar(isoDate: string): LunarDate {
  const dayNumber = parseIsoDate(isoDate);
  const solarYear = solarYearOfDayNumber(dayNumber);
  // The lunar year LUNAR_MIN_YEAR starts in solar LUNAR_MIN_YEAR, and LUNAR_MAX_YEAR ends in solar +1.
  if (solarYear < LUNAR_MIN_YEAR || solarYear > LUNAR_MAX_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `Solar year ${solarYear} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`, {
      value: isoDate,
    });
  }
  return lunarOfJdn(dayNumber + JDN_UNIX_EPOCH, solarYear, VIETNAM_TIME_ZONE_HOURS);
}

/**
 * Leap month of a lunar year in the Vietnamese calendar, or null when the year has 12 months.
 * @example leapMonthOfLunarYear(2025) === 6
 */
export function leapMonthOfLunarYear(year: number): number | null {
  checkLunarInput(1, 1, year);
  return leapMonthOf(year, VIETNAM_TIME_ZONE_HOURS);
}

/**
 * Solar date of Tết (mùng 1 tháng Giêng) of lunar year `year`, 'YYYY-MM-DD'.
 * @example lunarNewYear(2025) === '2025-01-29'
 */
export function lunarNewYear(year: number): string {
  return lunarToSolar(1, 1, year);
}
