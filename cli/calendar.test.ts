import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../server/db/client.ts';
import { scheduleWorkbook } from '../server/modules/calendar/calendar.xlsx.ts';
import { freshDatabase } from '../server/test-support/server.ts';
import { calendarCommand } from './calendar.ts';

describe('calendar command line', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-cal-cli-'));
  const run = async (args: string[], lang: 'vi' | 'en' | 'fr' = 'vi') => {
    const lines: string[] = [];
    const code = await calendarCommand(args, { database, print: (l) => lines.push(l), lang });
    return { code, lines, text: lines.join('\n') };
  };

  before(async () => {
    ({ database, drop } = await freshDatabase());
    assert.equal((await run(['seed'])).text, 'national calendar seeded (version 1)');
  });
  after(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('calendar show 2026 prints the days off, the make-up days and the working-day count', async () => {
    const { code, lines, text } = await run(['show', '2026']);
    assert.equal(code, 0);
    assert.equal(lines[0], 'Lịch làm việc năm 2026 — Lịch chung toàn quốc (v1)');
    assert.match(text, /Nghỉ lễ, tết \(11\):/);
    assert.match(text, /2026-02-16 T2 {2}Tết Âm lịch — Thông báo 9441\/TB-BNV/);
    assert.match(text, /Nghỉ bù \(1\):\n {2}2026-04-27 T2 {2}Nghỉ bù Giỗ Tổ Hùng Vương/);
    assert.match(text, /2026-09-03 T5 {2}Quốc khánh \[\?\]/);
    assert.equal(lines.at(-2), 'Số ngày làm việc: 250 (ngày nghỉ lễ, bù, theo thông báo: 12; ngày làm bù: 0)');
  });

  test('calendar show 2025 in English lists the make-up Saturday', async () => {
    const { text } = await run(['show', '2025'], 'en');
    assert.match(text, /Make-up working day \(1\):\n {2}2025-04-26 Sat Make-up working day for Friday 02\/05\/2025/);
    assert.match(text, /Announced day off \(1\):\n {2}2025-05-02 Fri/);
  });

  test('calendar deadline explains a receipt after the cut-off on the eve of Tết', async () => {
    const { code, lines } = await run(['deadline', '2026-02-13T16:10:00+07:00', '3', 'working_day']);
    assert.equal(code, 0);
    assert.equal(lines[0], '- Tiếp nhận lúc 16:10 Thứ Sáu 13/02/2026, sau giờ chốt nhận hồ sơ 16:00 → tính từ 07:30 Thứ Hai 23/02/2026.');
    assert.equal(lines.at(-1), '2026-02-26 07:30 (v1)');
    assert.equal((await run(['deadline', '2026-02-13T16:10:00+07:00'])).code, 2);
  });

  test('calendar lunar converts both ways', async () => {
    assert.equal((await run(['lunar', '2026-02-17'])).text, '2026-02-17 T3 = mùng 1 tháng Giêng năm Bính Ngọ');
    assert.equal((await run(['lunar', '10/3/2025'])).text, '2025-04-07 T2 = mùng 10 tháng 3 năm Ất Tỵ');
  });

  test('calendar import takes JSON and Excel, all or nothing, and calendar versions lists the changes', async () => {
    const json = join(dir, '2027.json');
    writeFileSync(json, JSON.stringify({ daysOff: [{ date: '2027-02-12', reason: { vi: 'Nghỉ hoán đổi (giả định)' }, source: 'TB giả định' }], makeUpWorkingDays: [{ date: '2027-02-20', reason: { vi: 'Làm bù (giả định)' }, source: 'TB giả định' }] }));
    assert.equal((await run(['import', '2027', json])).text, 'imported 1 day(s) off, 1 make-up day(s), 0 rule override(s): calendar v2, 2 date(s) changed');
    const xlsx = join(dir, '2028.xlsx');
    writeFileSync(xlsx, await scheduleWorkbook([{ date: '2028-12-29', kind: 'day_off', reason: { vi: 'Nghỉ (giả định)', en: 'Off', fr: 'Repos' }, source: 'TB', confirmed: false, swapWith: null }]));
    assert.match((await run(['import', '2028', xlsx])).text, /calendar v3, 1 date\(s\) changed/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ daysOff: [{ date: '2026-01-02', reason: { vi: 'x' }, source: 'x' }] }));
    await assert.rejects(run(['import', '2027', bad]), (e: Error & { code?: string }) => e.code === 'VALIDATION_FAILED');
    const versions = (await run(['versions'])).lines;
    assert.equal(versions.length, 3);
    assert.match(versions[0], /^v3 .* import national by cli: CLI import .*2028\.xlsx \(1 date\(s\)\)$/);
  });

  test('refuses a year outside the calendar with DEADLINE_RULE, and prints the usage for an unknown sub-command', async () => {
    await assert.rejects(run(['show', '2100']), (e: Error & { code?: string }) => e.code === 'DEADLINE_RULE');
    const { code, text } = await run(['frobnicate']);
    assert.equal(code, 2);
    assert.match(text, /^calendar show YEAR/);
    assert.equal((await run(['seed'])).text, 'calendar already seeded: nothing done');
  });
});
