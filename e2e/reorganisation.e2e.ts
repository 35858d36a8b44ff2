/**
 * The re-organisation guided flow, in a real Chromium against a real server with the demo data: an administrator
 * merges two villages of Xã Hải Lạng into a new one — chooses the units, sees the preview with its counts and the
 * new tree, confirms, sees the new tree on the units page — then rolls the plan back. A counter officer has no
 * menu entry. The demo's own 2025 plans are listed (the demo locality went through this module).
 * Run: WEB_DIST=.tmp/web-d E2E_REBUILD=1 CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/reorganisation.e2e.ts
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshot, useJourneys } from './helpers.ts';

const e2e = useJourneys();
const { journey } = e2e;
const signedIn = (username: string) => e2e.signedIn(username, { viewport: { width: 1366, height: 900 } });

/** Picks an option of the antd Select labelled `label`, typing `search` first; retries a click lost to the opening animation. */
async function pick(page: Page, label: string, option: string, search: string) {
  const item = page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).first();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    const input: Locator = item.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(search);
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    try {
      await item.getByText(option.split(' — ')[0]).first().waitFor({ timeout: 2000 });
      await page.keyboard.press('Escape');
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

describe('re-organisation of units', () => {
  journey('merge two villages: choose the units, preview, confirm, see the new tree; then roll back', async () => {
    const page = await signedIn('admin');
    await page.getByRole('menuitem', { name: /Sắp xếp đơn vị/ }).first().click();
    await page.getByRole('heading', { name: 'Sắp xếp đơn vị' }).waitFor();
    // The demo locality's 2025 reform went through this module.
    await page.getByText('Kết thúc hoạt động của Huyện Tiên Yên (demo)').waitFor();
    await page.getByText('Sắp xếp đơn vị hành chính cấp xã thuộc huyện Tiên Yên (demo)').waitFor();
    await screenshot(page, 'reorganisation-01-plans', { fullPage: false });

    await page.getByTestId('new-plan').click();
    await pick(page, 'Đơn vị được sắp xếp', 'Thôn Nam Hải — Xã Hải Lạng', 'nam hai');
    await pick(page, 'Đơn vị được sắp xếp', 'Thôn Hải Yến — Xã Hải Lạng', 'hai yen');
    await page.getByLabel('Tên đơn vị mới', { exact: true }).fill('Thôn Nam Hải Yến');
    // Kind and parent default to those of the first unit chosen.
    const parentItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('Trực thuộc', { exact: true }) });
    await parentItem.getByText('Xã Hải Lạng').first().waitFor();
    await page.getByLabel('Tên phương án', { exact: true }).fill('Sáp nhập thôn Nam Hải và thôn Hải Yến');
    await page.getByLabel('Quyết định, nghị quyết', { exact: true }).fill('NQ 15/2026/NQ-HĐND (thử)');
    await screenshot(page, 'reorganisation-02-choose', { fullPage: false });
    await page.getByTestId('to-preview').click();

    await page.getByRole('heading', { name: 'Sáp nhập thôn Nam Hải và thôn Hải Yến' }).waitFor();
    await page.getByTestId('count-units').getByText('3', { exact: true }).waitFor();
    await page.getByTestId('new-tree').getByText('Thôn Nam Hải Yến — Xã Hải Lạng (trên cơ sở Thôn Nam Hải, Thôn Hải Yến)').waitFor();
    await screenshot(page, 'reorganisation-03-preview');

    await page.getByTestId('execute').click();
    await page.getByTestId('confirm-execute').click();
    await page.getByTestId('plan-status').getByText('Đã thực hiện').waitFor();
    await screenshot(page, 'reorganisation-04-executed', { fullPage: false });

    await page.getByTestId('see-tree').click();
    await page.waitForURL(/\/don-vi\?ngay=/);
    const tree = page.getByRole('tree');
    const haiLang = tree.locator('.ant-tree-treenode').filter({ has: page.getByText('Xã Hải Lạng', { exact: true }) }).first();
    await haiLang.locator('.ant-tree-switcher').click();
    await tree.getByText('Thôn Nam Hải Yến', { exact: true }).waitFor();
    assert.equal(await tree.getByText('Thôn Hải Yến', { exact: true }).count(), 0, 'the merged village is no longer in the tree');
    await screenshot(page, 'reorganisation-05-new-tree', { fullPage: false });

    await page.goBack();
    await page.getByTestId('plan-status').getByText('Đã thực hiện').waitFor();
    await page.getByLabel('Lý do hoàn tác').fill('Nhập thử');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByTestId('plan-status').getByText('Đã hoàn tác').waitFor();
    await page.context().close();
  });

  journey("a dossier received at the district before 1 July 2025 shows its transfer to the commune on its timeline", async () => {
    const page = await signedIn('admin');
    // The demo seed received it at the district centre on 24 June 2025; the district plan carried it over.
    const res = await page.request.get(`${e2e.server.url}/api/v1/dossiers/by-code/HTY-250624-0001`);
    assert.equal(res.status(), 200);
    const { id } = (await res.json()) as { id: string };
    await page.goto(`${e2e.server.url}/ho-so/${id}`);
    const timeline = page.getByTestId('dossier-timeline');
    await timeline.getByText('Chuyển cơ quan kế thừa do sắp xếp đơn vị').waitFor();
    await screenshot(page, 'reorganisation-06-dossier-timeline');
    await page.context().close();
  });

  journey('a counter officer has no re-organisation menu entry', async () => {
    const page = await signedIn('motcua');
    await page.getByRole('menuitem', { name: /Hồ sơ/ }).first().waitFor();
    assert.equal(await page.getByRole('menuitem', { name: /Sắp xếp đơn vị/ }).count(), 0);
    await page.context().close();
  });
});
