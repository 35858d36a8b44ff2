/**
 * Helpers shared by the calendar tests: Vietnam-time literals and formatting that never go through the
 * process time zone, and an independent (slow, obviously correct) reference for working time.
 */
import { MS_PER_DAY, VN_OFFSET_MS, isoFromDayNumber, parseClock, weekdayOf } from './civil-date.ts';
import type { CalendarEntry } from './holiday-rules.ts';

/** Instant of a Vietnam wall-clock time 'YYYY-MM-DD HH:MM[:SS]'. */
export function vn(text: string): Date {
  const d = new Date(`${text.replace(' ', 'T')}${text.length === 16 ? ':00' : ''}+07:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test literal ${text}`);
  return d;
}

/** 'YYYY-MM-DD HH:MM' (seconds appended when not zero) of an instant, in Vietnam time. */
export function fmt(d: Date): string {
  const local = d.getTime() + VN_OFFSET_MS;
  const iso = new Date(local).toISOString();
  const secs = iso.slice(17, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${secs === '00.000' ? '' : `:${secs}`}`;
}

/**
 * A deliberately naive working-time reference: walks the sessions day by day, deciding working days from the
 * raw entries (ISO strings in Sets) and the weekday, never from the engine's tables. Returns the due instant (ms)
 * of `minutes` minutes of session time after `startMs`, with the same conventions as the engine (receipt after
 * the cut-off or after closing → next working day; the result is reported at the later of two equal positions).
 */
export function referenceAddMinutes(
  entries: readonly CalendarEntry[],
  sessions: readonly { start: string; end: string }[],
  startMs: number,
  minutes: number,
  cutoff?: string,
  weeklyDaysOff: readonly number[] = [6, 0],
): number {
  const off = new Set(entries.filter((e) => e.kind !== 'makeup_working_day').map((e) => e.date));
  const work = new Set(entries.filter((e) => e.kind === 'makeup_working_day').map((e) => e.date));
  const isWorking = (dn: number) => {
    const iso = isoFromDayNumber(dn);
    return work.has(iso) || (!weeklyDaysOff.includes(weekdayOf(dn)) && !off.has(iso));
  };
  const segs = sessions.map((s) => [parseClock(s.start, 's') * 60_000, parseClock(s.end, 'e') * 60_000] as const);
  let dn = Math.floor((startMs + VN_OFFSET_MS) / MS_PER_DAY);
  let cur = startMs + VN_OFFSET_MS - dn * MS_PER_DAY; // ms after local midnight
  if (cutoff !== undefined && isWorking(dn) && cur > parseClock(cutoff, 'c') * 60_000) {
    dn += 1;
    cur = 0;
  }
  let remaining = minutes * 60_000;
  for (let guard = 0; guard < 5000; guard++, dn++, cur = 0) {
    if (!isWorking(dn)) continue;
    for (const [a, b] of segs) {
      if (b <= cur) continue;
      const s = Math.max(a, cur);
      if (remaining < b - s) return dn * MS_PER_DAY - VN_OFFSET_MS + s + remaining;
      remaining -= b - s;
      cur = b;
    }
  }
  throw new Error('reference: no result within 5000 days');
}
