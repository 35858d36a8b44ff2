/**
 * `deadlineRuleError`: what other modules throw when the working-time engine refuses their input (dossier and
 * feedback deadlines) — a DEADLINE_RULE problem whose detail is the engine's reason in the caller's language.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemBody } from '../../http/problem.ts';
import { AppError } from '../../platform/errors.ts';
import { addWorkingTime, buildDefaultWorkCalendar, CalendarError, deadlineRuleError, isCalendarError } from './index.ts';

const cal = buildDefaultWorkCalendar(2020, 2035);

/** What a caller of the engine does with its error. */
function deadlineOf(value: number, start: Date): Date {
  try {
    return addWorkingTime(cal, start, { value, unit: 'working_day' });
  } catch (err) {
    if (isCalendarError(err)) throw deadlineRuleError(err);
    throw err;
  }
}

describe('deadlineRuleError', () => {
  it('turns an engine refusal into DEADLINE_RULE (422) whose detail says why in Vietnamese, English or French', () => {
    let caught: unknown;
    try {
      deadlineOf(-2, new Date('2025-03-12T02:00:00Z'));
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof AppError);
    assert.equal(caught.code, 'DEADLINE_RULE');
    assert.equal(caught.status, 422);
    assert.equal(caught.fields, undefined, 'no request field when the caller names none');
    assert.match(problemBody(caught, 'vi', 'r', '/x').detail, /^Thời hạn không hợp lệ \(-2\): phải là số không âm/);
    assert.match(problemBody(caught, 'en', 'r', '/x').detail, /^Invalid time limit \(-2\)/);
    assert.match(problemBody(caught, 'fr', 'r', '/x').detail, /^Délai invalide \(-2\)/);
    assert.match(caught.message, /^Invalid time limit \(-2\)/, 'the log keeps the English sentence');
  });

  it('names the request field when given one, with the same sentence beside it', () => {
    const err = deadlineRuleError(new CalendarError('OUT_OF_RANGE', 'Year 2060 is outside the calendar', { value: 2060, fromYear: 2013, toYear: 2050 }), 'start');
    const vi = problemBody(err, 'vi', 'r', '/x');
    assert.equal(vi.detail, 'Ngày nằm ngoài phạm vi của lịch làm việc (2013–2050).');
    assert.deepEqual(vi.errors, [{ field: 'start', code: 'out_of_range', message: vi.detail }]);
    assert.equal(problemBody(err, 'en', 'r', '/x').detail, 'The date is outside the working calendar (2013–2050).');
  });
});
