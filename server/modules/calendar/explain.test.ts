import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { explainDeadline } from './explain.ts';
import { addWorkingTime } from './working-time.ts';
import { buildDefaultWorkCalendar } from './default-calendar.ts';
import { fmt, vn } from './test-helpers.ts';

const cal = buildDefaultWorkCalendar(2024, 2027, { cutoff: '16:00' });
const three = { value: 3, unit: 'working_day' as const };

describe('explainDeadline', () => {
  // Fri 13/2/2026 16:10 is after the 16:00 cut-off; Mon 16 – Fri 20/2 are Tết (Thông báo 9441/TB-BNV), so the
  // count starts Mon 23/2 07:30: Mon 23 (1), Tue 24 (2), Wed 25 (3) → reported Thu 26/2 07:30 = end of Wed 25/2.
  const start = vn('2026-02-13 16:10');

  it('Vietnamese: cut-off, Tết skipped, weekends, due moment', () => {
    const { due, steps } = explainDeadline(cal, start, three, 'vi');
    assert.equal(fmt(due), '2026-02-26 07:30');
    assert.deepEqual(steps, [
      'Tiếp nhận lúc 16:10 Thứ Sáu 13/02/2026, sau giờ chốt nhận hồ sơ 16:00 → tính từ 07:30 Thứ Hai 23/02/2026.',
      'Thời hạn giải quyết: 3 ngày làm việc.',
      'Ngày nghỉ không tính — Tết Âm lịch: 16/02–20/02/2026.',
      'Không tính 4 ngày nghỉ hằng tuần.',
      'Hạn trả kết quả: 07:30 Thứ Năm 26/02/2026 (tương đương hết giờ làm việc 17:00 Thứ Tư 25/02/2026).',
    ]);
  });

  it('English and French say the same', () => {
    assert.deepEqual(explainDeadline(cal, start, three, 'en').steps, [
      'Received Friday 13/02/2026 16:10, after the 16:00 cut-off → counted from Monday 23/02/2026 07:30.',
      'Time limit: 3 working days.',
      'Days off not counted — Lunar New Year (Tết): 16/02–20/02/2026.',
      '4 weekly rest days skipped.',
      'Due: Thursday 26/02/2026 07:30 (equivalent to closing time, 17:00, on Wednesday 25/02/2026).',
    ]);
    assert.deepEqual(explainDeadline(cal, start, three, 'fr').steps, [
      'Reçu le vendredi 13/02/2026 à 16 h 10, après l’heure limite de 16 h 00 → décompté à partir du lundi 23/02/2026 à 07 h 30.',
      'Délai : 3 jours ouvrés.',
      'Jours non ouvrés exclus — Nouvel An lunaire (Tết) : 16/02–20/02/2026.',
      '4 jours de repos hebdomadaire exclus.',
      'Échéance : jeudi 26/02/2026 à 07 h 30 (équivaut à la fermeture, 17 h 00, le mercredi 25/02/2026).',
    ]);
  });

  it('is NFC and agrees with addWorkingTime', () => {
    for (const lang of ['vi', 'en', 'fr'] as const) {
      const { due, steps } = explainDeadline(cal, start, three, lang);
      assert.equal(due.getTime(), addWorkingTime(cal, start, three).getTime());
      for (const s of steps) assert.equal(s, s.normalize('NFC'));
    }
  });

  it('counts a make-up Saturday and lists a swapped day off (30/4 2025)', () => {
    // Fri 25/4 10:00 + 5: Sat 26/4 (1, make-up), Mon 28 (2), Tue 29 (3), [30/4, 1/5, 2/5, 3–4/5 off], Mon 5/5 (4), Tue 6/5 (5).
    const { due, steps } = explainDeadline(cal, vn('2025-04-25 10:00'), { value: 5, unit: 'working_day' }, 'vi');
    assert.equal(fmt(due), '2025-05-06 10:00');
    assert.equal(steps[0], 'Tiếp nhận lúc 10:00 Thứ Sáu 25/04/2025, trong giờ làm việc: bắt đầu tính ngay.');
    assert.ok(steps.includes('Ngày nghỉ không tính — Ngày Chiến thắng: 30/04/2025.'));
    assert.ok(steps.includes('Ngày nghỉ không tính — Nghỉ hoán đổi dịp 30/4–1/5 (làm bù Thứ Bảy 26/04/2025): 02/05/2025.'));
    assert.ok(steps.includes('Có tính ngày làm bù Thứ Bảy 26/04/2025 — Làm bù cho ngày nghỉ Thứ Sáu 02/05/2025.'));
    assert.ok(steps.includes('Không tính 3 ngày nghỉ hằng tuần.')); // Sun 27/4, Sat 3/5, Sun 4/5
    assert.equal(steps.at(-1), 'Hạn trả kết quả: 10:00 Thứ Ba 06/05/2025.');
  });

  it('explains lunch-time, before-opening and day-off receipts, and marks unconfirmed data', () => {
    assert.match(explainDeadline(cal, vn('2026-09-01 12:00'), { value: 1.5, unit: 'working_day' }, 'vi').steps[0], /trong giờ nghỉ giữa hai buổi làm việc → tính từ 13:30 Thứ Ba 01\/09\/2026/);
    const nd = explainDeadline(cal, vn('2026-09-01 12:00'), { value: 1.5, unit: 'working_day' }, 'en').steps;
    assert.ok(nd.includes('Days off not counted — National Day (unconfirmed): 02/09–03/09/2026.'));
    assert.equal(nd[1], 'Time limit: 1.5 working days.');
    assert.match(explainDeadline(cal, vn('2025-03-12 06:45'), { value: 4, unit: 'working_hour' }, 'fr').steps[0], /avant l’ouverture → décompté à partir du mercredi 12\/03\/2025 à 07 h 30/);
    assert.equal(explainDeadline(cal, vn('2025-03-12 06:45'), { value: 4, unit: 'working_hour' }, 'fr').steps[1], 'Délai : 4 heures ouvrées.');
    assert.match(explainDeadline(cal, vn('2025-01-29 09:00'), three, 'vi').steps[0], /vào ngày nghỉ \(Tết Âm lịch\) → tính từ 07:30 Thứ Hai 03\/02\/2025/);
    assert.match(explainDeadline(cal, vn('2025-03-15 09:00'), three, 'en').steps[0], /on a day off \(weekly rest day\)/);
  });
});
