import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDefaultWorkCalendar, DEFAULT_SESSIONS } from '../calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import { feedbackDeadlines } from './feedback.deadlines.ts';
import { redactPersonalData, REDACTED } from './feedback.redact.ts';

/** The national calendar with the announced schedules (Tết 2025: 25 January – 2 February off). */
const cal = buildDefaultWorkCalendar(2024, 2026, { sessionSets: [{ name: 'all-year', sessions: DEFAULT_SESSIONS }] });
const vn = (s: string) => new Date(`${s}:00+07:00`);

describe('feedback time limits on the working calendar', () => {
  test('766 values (2 to acknowledge, 15 to answer) across Tết 2025: the nine days off do not count', () => {
    const d = feedbackDeadlines(cal, vn('2025-01-24T09:00'), { ackDays: 2, answerDays: 15 });
    assert.equal(d.ackDueAt.toISOString(), vn('2025-02-04T09:00').toISOString());
    assert.equal(d.answerDueAt.toISOString(), vn('2025-02-21T09:00').toISOString());
  });

  test('a decree-style 10-day rule, as configurable data, counts 10 working days', () => {
    const d = feedbackDeadlines(cal, vn('2025-01-24T09:00'), { ackDays: 5, answerDays: 10 });
    assert.equal(d.ackDueAt.toISOString(), vn('2025-02-07T09:00').toISOString());
    assert.equal(d.answerDueAt.toISOString(), vn('2025-02-14T09:00').toISOString());
  });

  test('received on a Saturday: counting starts at Monday’s opening (due at the opening, N working days later)', () => {
    const d = feedbackDeadlines(cal, vn('2025-03-08T10:00'), { ackDays: 2, answerDays: 15 });
    assert.equal(d.ackDueAt.toISOString(), vn('2025-03-12T07:30').toISOString());
    assert.equal(d.answerDueAt.toISOString(), vn('2025-03-31T07:30').toISOString());
  });

  test('received in the evening before Reunification Day and Labour Day 2025 (30 April – 4 May off)', () => {
    const d = feedbackDeadlines(cal, vn('2025-04-29T20:00'), { ackDays: 2, answerDays: 15 });
    assert.equal(d.ackDueAt.toISOString(), vn('2025-05-07T07:30').toISOString());
  });

  test('a limit of 0 days is due at the next working moment', () => {
    const d = feedbackDeadlines(cal, vn('2025-03-08T10:00'), { ackDays: 0, answerDays: 1 });
    assert.equal(d.ackDueAt.toISOString(), vn('2025-03-10T07:30').toISOString());
  });

  test('a due moment beyond the working calendar is a DEADLINE_RULE saying so in the three languages', () => {
    assert.throws(
      () => feedbackDeadlines(cal, vn('2026-12-28T09:00'), { ackDays: 2, answerDays: 15 }),
      (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, 'DEADLINE_RULE');
        assert.equal(e.localizedDetail?.vi, 'Ngày nằm ngoài phạm vi của lịch làm việc (2024–2026).');
        assert.match(e.localizedDetail?.en ?? '', /outside the working calendar \(2024–2026\)/);
        assert.match(e.localizedDetail?.fr ?? '', /hors du calendrier de travail/);
        return true;
      },
    );
  });
});

describe('publication removes personal data', () => {
  test('name, address, phone, ID number, e-mail and dossier code are removed; dates and ordinary numbers stay', () => {
    const text = 'Tôi là Nguyễn Văn Thử, ở Thôn Yên Trung, SĐT 0912 345 678, CCCD 022090001234, email thu@example.vn, hồ sơ 000.00.06.H56-250701-0001 nộp ngày 2025-07-01 chờ 3 ngày.';
    const out = redactPersonalData(text, { name: 'Nguyễn Văn Thử', address: 'Thôn Yên Trung' });
    for (const secret of ['Nguyễn Văn Thử', 'Yên Trung', '0912', '345 678', '022090001234', 'thu@example.vn', 'H56-250701']) assert.ok(!out.includes(secret), `${secret} in ${out}`);
    assert.ok(out.includes('2025-07-01'));
    assert.ok(out.includes('3 ngày'));
    assert.ok(out.includes(REDACTED));
  });
});
