/**
 * What changed between two built calendars: the dates whose status (working or not, kind of entry, reason) differs,
 * and whether office hours differ. Used to explain a calendar change in its audit row and in the change event,
 * so that "which deadlines may move" is answered by dates, not by a diff of configuration rows.
 */
import { clockOfMs, isoFromDayNumber } from './civil-date.ts';
import type { CalendarEntryKind } from './holiday-rules.ts';
import type { WorkCalendar } from './working-time.ts';

/** Status of one date in one calendar. */
export interface DayStatus {
  working: boolean;
  kind: CalendarEntryKind | null;
  /** Vietnamese reason of the entry, when there is one. */
  reason: string | null;
}

/** One date whose status differs. */
export interface DayChange {
  date: string;
  before: DayStatus;
  after: DayStatus;
}

function statusOf(cal: WorkCalendar, dayNumber: number): DayStatus | null {
  const k = dayNumber - cal.firstDay;
  if (k < 0 || k >= cal.dayCount) return null;
  const e = cal.entries.get(dayNumber);
  return { working: cal.isWorking[k] === 1, kind: e?.kind ?? null, reason: e?.reason.vi ?? null };
}

/**
 * Dates of the common year range whose working status, entry kind or reason differs, in date order.
 * Dates covered by only one of the calendars are not compared.
 */
export function diffWorkCalendars(before: WorkCalendar, after: WorkCalendar): DayChange[] {
  const from = Math.max(before.firstDay, after.firstDay);
  const to = Math.min(before.firstDay + before.dayCount, after.firstDay + after.dayCount);
  const out: DayChange[] = [];
  for (let dn = from; dn < to; dn++) {
    const a = statusOf(before, dn)!;
    const b = statusOf(after, dn)!;
    if (a.working !== b.working || a.kind !== b.kind || a.reason !== b.reason) out.push({ date: isoFromDayNumber(dn), before: a, after: b });
  }
  return out;
}

/** Human-readable office hours of a calendar, one line per session set: "all-year 07:30–11:30, 13:30–17:00 (cut-off 16:00)". */
export function describeSessions(cal: WorkCalendar): string[] {
  return cal.profiles.map((p) => {
    const sessions: string[] = [];
    for (let s = 0; s < p.count; s++) sessions.push(`${clockOfMs(p.startMs[s])}–${clockOfMs(p.endMs[s])}`);
    const cut = Number.isFinite(p.cutoffMs) ? ` (cut-off ${clockOfMs(p.cutoffMs)})` : '';
    return `${p.name} ${sessions.join(', ')}${cut}`;
  });
}

/** True when the two calendars have different office hours, cut-offs, or assign different hours to a working day. */
export function sessionsDiffer(before: WorkCalendar, after: WorkCalendar): boolean {
  if (describeSessions(before).join('\n') !== describeSessions(after).join('\n')) return true;
  if (before.firstDay !== after.firstDay || before.workCount !== after.workCount) {
    // Different ranges or working days: compare lengths of the common working days by date.
    const lenOf = (cal: WorkCalendar) => {
      const m = new Map<number, number>();
      for (let i = 0; i < cal.workCount; i++) m.set(cal.workDay[i], cal.workLen[i]);
      return m;
    };
    const a = lenOf(before);
    for (const [dn, len] of lenOf(after)) if (a.has(dn) && a.get(dn) !== len) return true;
    return false;
  }
  for (let i = 0; i < before.workCount; i++) if (before.workProfile[i] !== after.workProfile[i]) return true;
  return false;
}
