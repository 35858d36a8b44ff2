/**
 * Adapter to the calendar module (`getWorkCalendarFor` from calendar.service). When the calendar tables were never
 * seeded (an installation seeded before `seedCalendar` is wired into the installation seed) we fall back to the
 * built-in national calendar (statutory rules + announced yearly schedules, default office hours and the national
 * default 16:00 receipt cut-off), reported as calendar version 0, so that receipt never fails for that reason.
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { buildDefaultWorkCalendar, deadlineRuleError, DEFAULT_SESSIONS, isCalendarError, type WorkCalendar } from '../calendar/index.ts';
import { getWorkCalendarFor } from '../calendar/calendar.service.ts';
import { TtlCache } from './ttl-cache.ts';

export interface DossierCalendar {
  work: WorkCalendar;
  /** Calendar version number; 0 = the built-in default. */
  version: number;
}

let fallback: WorkCalendar | null = null;
/** "The calendar tables are empty": remembered 10 s, so that receipts do not pay for the failed lookup each time. */
const unseeded = new TtlCache<true>(10_000, 1);
/** A unit's calendar at a stored version: versions are immutable, kept 10 minutes. */
const byVersion = new TtlCache<DossierCalendar>(600_000, 2000);
/** A unit's calendar in force now: a committed calendar change is seen within 5 s. */
const inForceNow = new TtlCache<DossierCalendar>(5_000, 2000);

/** The built-in national calendar 2013–2050 (built once). */
export function defaultCalendar(): WorkCalendar {
  fallback ??= buildDefaultWorkCalendar(2013, 2050, { sessionSets: [{ name: 'all-year', sessions: DEFAULT_SESSIONS }], cutoff: '16:00' });
  return fallback;
}

/**
 * The working calendar of `unitId` in force at `at`, or at a given version number (what a dossier stored).
 * @throws AppError NOT_FOUND for an unknown unit.
 */
export async function calendarFor(db: Db, unitId: string | null, at: Date | { version: number }): Promise<DossierCalendar> {
  if (!(at instanceof Date) && at.version === 0) return { work: defaultCalendar(), version: 0 };
  if (unseeded.get('x')) return { work: defaultCalendar(), version: 0 };
  const isNow = at instanceof Date && Math.abs(at.getTime() - Date.now()) < 5_000;
  const key = `${unitId ?? 'national'}|${at instanceof Date ? 'now' : at.version}`;
  const cache = at instanceof Date ? inForceNow : byVersion;
  if (isNow || !(at instanceof Date)) {
    const hit = cache.get(key);
    if (hit) return hit;
  }
  try {
    const resolved = await getWorkCalendarFor(db, unitId, at);
    const value = { work: resolved.work, version: resolved.version.number };
    if (isNow || !(at instanceof Date)) cache.set(key, value);
    return value;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND' && /not seeded/.test(err.message)) {
      unseeded.set('x', true);
      return { work: defaultCalendar(), version: 0 };
    }
    throw err;
  }
}

/** Forgets cached calendars (after a calendar change in this process, and in tests). */
export function clearCalendarCache(): void {
  unseeded.clear();
  byVersion.clear();
  inForceNow.clear();
}

/** Turns a calendar engine error (out of range, invalid duration) into the platform's DEADLINE_RULE. */
export function asDeadlineError(err: unknown): unknown {
  if (isCalendarError(err)) return deadlineRuleError(err);
  return err;
}
