/**
 * Time limits of a feedback item, counted in working days on the handling unit's working calendar (the same
 * calendar as dossiers: holidays, make-up days, office hours). No receipt cut-off: an item sent at 22:00 counts
 * from the next working moment, like one sent at 16:30.
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { addWorkingTime, buildDefaultWorkCalendar, deadlineRuleError, DEFAULT_SESSIONS, isCalendarError, type WorkCalendar } from '../calendar/index.ts';
import { getWorkCalendarFor } from '../calendar/calendar.service.ts';

export interface DeadlineRule {
  ackDays: number;
  answerDays: number;
}

export interface FeedbackDeadlines {
  ackDueAt: Date;
  answerDueAt: Date;
}

/** The due moments to acknowledge and to answer an item received at `receivedAt`. Pure. */
export function feedbackDeadlines(cal: WorkCalendar, receivedAt: Date, rule: DeadlineRule): FeedbackDeadlines {
  try {
    return {
      ackDueAt: addWorkingTime(cal, receivedAt, { value: rule.ackDays, unit: 'working_day' }, { applyCutoff: false }),
      answerDueAt: addWorkingTime(cal, receivedAt, { value: rule.answerDays, unit: 'working_day' }, { applyCutoff: false }),
    };
  } catch (err) {
    if (isCalendarError(err)) throw deadlineRuleError(err);
    throw err;
  }
}

let fallback: WorkCalendar | null = null;
function defaultCalendar(): WorkCalendar {
  fallback ??= buildDefaultWorkCalendar(2013, 2050, { sessionSets: [{ name: 'all-year', sessions: DEFAULT_SESSIONS }] });
  return fallback;
}

/**
 * The unit's working calendar in force at `at` (calendar module), or the built-in national calendar (version 0)
 * when the calendar tables were never seeded, so receiving feedback never fails for that reason.
 */
export async function calendarForUnit(db: Db, unitId: string, at: Date): Promise<{ work: WorkCalendar; version: number }> {
  try {
    const r = await getWorkCalendarFor(db, unitId, at);
    return { work: r.work, version: r.version.number };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND' && /not seeded/.test(err.message)) return { work: defaultCalendar(), version: 0 };
    throw err;
  }
}
