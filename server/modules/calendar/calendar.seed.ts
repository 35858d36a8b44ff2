/**
 * First content of the calendar: the national layer with the statutory holiday rules (Labour Code 2019 Art. 112),
 * the yearly schedules known at release (`OFFICIAL_SCHEDULES`), and the default office settings. Version 1.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit, systemActor, type Actor } from '../audit/audit.service.ts';
import { DEFAULT_HOLIDAY_RULES, type HolidayRule } from './holiday-rules.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import { DEFAULT_SESSIONS } from './working-time.ts';
import { buildCalendarAt, type EffectiveSettings } from './calendar.builder.ts';
import { findNationalCalendar, insertCalendar, insertOverrides, insertRules, insertScheduleDays, insertSettings, insertVersion } from './calendar.repository.ts';
import { calendars } from './calendar.schema.ts';

/**
 * National default office settings: 07:30–11:30 and 13:30–17:00, Saturday and Sunday off (40-hour week,
 * QĐ 188/1999/QĐ-TTg), receipt cut-off 16:00. The cut-off is CONFIGURABLE per unit: it is a local decision; the
 * research found 15:00 for same-day procedures and for the paper hand-off (Hà Nội plans 1811/QĐ-TTPVHCC and
 * 663/QĐ-TTPVHCC; 61/2018 Art. 18), see docs/calendar.md. Open dossiers' deadlines are kept on a change.
 */
export const DEFAULT_CALENDAR_SETTINGS: Readonly<EffectiveSettings> = Object.freeze({
  sessionSets: [{ name: 'all-year', sessions: DEFAULT_SESSIONS.map((s) => ({ ...s })) }],
  weeklyDaysOff: [6, 0],
  cutoff: '16:00',
  recomputeOpenDeadlines: false,
});

/** Rows of a holiday rule for a layer, in force from version `n`. */
export function ruleValues(calendarId: string, rule: HolidayRule, n: number) {
  return {
    calendarId,
    ruleId: rule.id,
    names: { ...rule.names },
    kind: rule.kind,
    month: rule.month ?? null,
    day: rule.day ?? null,
    dayCount: rule.dayCount,
    extraDays: rule.extraDays ?? null,
    startOffsetDays: rule.startOffsetDays ?? null,
    compensateOnWeeklyRest: rule.compensateOnWeeklyRest,
    validFromYear: rule.validFromYear ?? null,
    validToYear: rule.validToYear ?? null,
    source: rule.source,
    confirmed: rule.confirmed,
    fromVersion: n,
  };
}

/**
 * Stores the default national calendar, once: a second call (any later start) does nothing and returns false.
 * Runs inside the caller's transaction and writes its audit row there.
 * Call it from the installation seed, for every kind of installation (demo or none), before the early return of
 * an already seeded installation, so that existing installations get it too:
 *   `await database.transaction((tx) => seedCalendar(tx));`
 */
export async function seedCalendar(tx: Tx, actor: Actor = systemActor('seed')): Promise<boolean> {
  if (await findNationalCalendar(tx.db)) return false;
  const n = 1;
  const cal = await insertCalendar(tx.db, null, n);
  await tx.db.update(calendars).set({ version: 1 }).where(eq(calendars.id, cal.id));
  await insertSettings(tx.db, { calendarId: cal.id, ...DEFAULT_CALENDAR_SETTINGS, fromVersion: n });
  await insertRules(tx.db, DEFAULT_HOLIDAY_RULES.map((r) => ruleValues(cal.id, r, n)));
  let days = 0;
  for (const schedule of Object.values(OFFICIAL_SCHEDULES)) {
    await insertOverrides(
      tx.db,
      Object.entries(schedule.ruleOverrides ?? {}).map(([ruleId, o]) => ({
        calendarId: cal.id,
        year: schedule.year,
        ruleId,
        extraDays: o.extraDays ?? null,
        startOffsetDays: o.startOffsetDays ?? null,
        dates: o.dates ? [...o.dates] : null,
        source: o.source,
        confirmed: o.confirmed,
        note: o.note ?? null,
        fromVersion: n,
      })),
    );
    const rows = [
      ...schedule.daysOff.map((d) => ({ d, kind: 'day_off' })),
      ...schedule.makeUpWorkingDays.map((d) => ({ d, kind: 'makeup_working_day' })),
    ].map(({ d, kind }) => ({
      calendarId: cal.id,
      year: schedule.year,
      date: d.date,
      kind,
      reason: { ...d.reason },
      source: d.source,
      confirmed: d.confirmed,
      swapWith: d.swapWith ?? null,
      fromVersion: n,
    }));
    days += (await insertScheduleDays(tx.db, rows)).length;
  }
  // The defaults must build (they are data: a bad edit of the defaults fails here, at the first start).
  await buildCalendarAt(tx.db, null, n);
  const reason = 'Lịch mặc định: Bộ luật Lao động 2019 Điều 112; lịch nghỉ đã công bố 2025–2026';
  await insertVersion(tx.db, {
    number: n,
    reason,
    action: 'seed',
    actorId: actor.userId,
    actorLabel: actor.label,
    requestId: actor.requestId,
    calendarId: cal.id,
    unitId: null,
    changes: { changedDateCount: 0, changedDates: [], sessionsChanged: false, initial: true },
    recomputeOpenDeadlines: DEFAULT_CALENDAR_SETTINGS.recomputeOpenDeadlines,
  });
  await recordAudit(tx, actor, {
    action: 'calendar.seed',
    subjectType: 'calendar',
    subjectId: cal.id,
    unitId: null,
    after: { version: n, reason, rules: DEFAULT_HOLIDAY_RULES.length, scheduleYears: Object.keys(OFFICIAL_SCHEDULES).map(Number), scheduleDays: days, settings: DEFAULT_CALENDAR_SETTINGS },
  });
  return true;
}
