/**
 * The leaders' dashboard in a real Chromium against a real server with the demo data: the province inspector opens
 * the dashboard, changes the period and the unit, drills into the open overdue dossiers, exports that list and the
 * summary to Excel, and the files read back match the numbers on screen. The public 766 scoreboard opens without
 * signing in.
 * Run: WEB_DIST=.tmp/web-c E2E_REBUILD=1 CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/dashboard.e2e.ts
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { screenshot, useJourneys } from './helpers.ts';

const e2e = useJourneys();
const signedIn = (username: string) => e2e.signedIn(username, { viewport: { width: 1440, height: 900 }, timeout: 20_000, acceptDownloads: true });

/** Vietnamese number on screen (1.234) → number. */
const parseVi = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

async function workbook(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  return { wb, name: download.suggestedFilename() };
}

describe('leaders’ dashboard', () => {
  test('period and unit change, drill into overdue dossiers, Excel exports match the screen', async () => {
    const page = await signedIn('thanhtra');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bảng điều hành' }).click();
    await page.getByRole('heading', { name: 'Bảng điều hành', level: 1 }).waitFor();
    const heading = page.getByTestId('dashboard-heading');
    await heading.filter({ hasText: 'Tỉnh Quảng Ninh' }).waitFor();

    // Period: this quarter.
    await page.getByText('Quý', { exact: true }).click();
    await page.waitForURL(/period=quarter/);
    await heading.filter({ hasText: /01\/(01|04|07|10)\/\d{4} – \d{2}\/(03|06|09|12)\/\d{4}/ }).waitFor();

    // Unit: Xã Tiên Yên (typed, accent-insensitive search in the tree).
    await page.getByTestId('dashboard-unit').click();
    await page.keyboard.type('xa tien yen');
    await page.locator('.ant-select-tree-title', { hasText: /^Xã Tiên Yên$/ }).first().click();
    await heading.filter({ hasText: 'Xã Tiên Yên' }).waitFor();
    await screenshot(page, 'dashboard-01-commune-quarter');

    const overdueText = await page.getByTestId('fig-openOverdue').innerText();
    const overdue = parseVi(overdueText);
    assert.ok(overdue >= 1, `the demo data has overdue dossiers at Xã Tiên Yên (got ${overdueText})`);
    const received = parseVi(await page.getByTestId('fig-received').innerText());

    // Drill into "overdue": the drawer lists exactly that many dossiers.
    await page.getByTestId('fig-openOverdue').click();
    const drawer = page.getByRole('dialog');
    await page.getByTestId('drill-total').filter({ hasText: overdueText }).waitFor();
    const rows = drawer.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), Math.min(overdue, 20));
    const codesOnScreen = (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim()).sort();
    await screenshot(page, 'dashboard-02-overdue-drill');

    // Export that list: the file has the same dossiers.
    const list = await workbook(page, () => drawer.getByTestId('drill-export').click());
    assert.match(list.name, /open_overdue\.xlsx$/);
    const sheet = list.wb.worksheets[0];
    assert.equal(sheet.name, 'Đang xử lý quá hạn');
    const codesInFile: string[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1) codesInFile.push(String(row.getCell(2).value));
    });
    assert.equal(codesInFile.length, overdue);
    for (const c of codesOnScreen) assert.ok(codesInFile.includes(c), `${c} in the export`);
    await page.keyboard.press('Escape');

    // Export the summary: the numbers match the cards on screen.
    const summary = await workbook(page, () => page.getByTestId('export-figures').click());
    const values = new Map<string, unknown>();
    summary.wb.worksheets[0].eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    assert.equal(values.get('Hồ sơ tiếp nhận'), received);
    assert.equal(values.get('Đang xử lý: quá hạn'), overdue);
    assert.equal(values.get('Hồ sơ đã giải quyết'), parseVi(await page.getByTestId('fig-finished').innerText()));

    // Units "today" for the same quarter keeps the same figures for a commune formed before it.
    await page.getByText('Quy về đơn vị hiện nay', { exact: true }).click();
    await heading.filter({ hasText: 'Quy về đơn vị hiện nay' }).waitFor();
    assert.equal(parseVi(await page.getByTestId('fig-openOverdue').innerText()), overdue);
    await page.context().close();
  });

  test('the public Decision 766 scoreboard needs no sign-in', async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 900 }, timeout: 20_000 });
    await page.goto(`${e2e.server.url}/chi-so-phuc-vu`);
    await page.getByRole('heading', { name: /Bộ chỉ số 766 — Tỉnh Quảng Ninh/, level: 1 }).waitFor();
    const board = page.getByTestId('scoreboard');
    await board.getByRole('row').filter({ hasText: 'Xã Tiên Yên' }).waitFor();
    await screenshot(page, 'dashboard-03-public-scoreboard');
    await page.context().close();
  });
});
