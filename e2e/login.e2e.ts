/**
 * Signing in and finding one's way, in a real Chromium against a real server with the demo data.
 * Run: node --import tsx --test --test-reporter=spec e2e/login.e2e.ts
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signIn, switchLanguage, useJourneys } from './helpers.ts';

const e2e = useJourneys();
const { journey, newPage } = e2e;

const nav = (page: Page, name = 'Điều hướng chính') => page.getByRole('navigation', { name });

/** Types a date into the "as of" picker of the units page, as an official would. */
async function pickAsOf(page: Page, ddmmyyyy: string) {
  const input = page.getByLabel('Tại ngày', { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

describe('signing in', () => {
  journey('the counter officer sees the home page in Vietnamese, with her role, and no accounts menu', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/`);
    await page.waitForURL('**/dang-nhap');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await screenshot(page, '01-login');

    await signIn(page, 'motcua');
    await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();
    await page.getByText('Xin chào, Nguyễn Thị Hoa').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.match(await page.getByTestId('user-info').innerText(), /Nguyễn Thị Hoa[\s\S]*Cán bộ một cửa/);
    assert.match(await page.getByTestId('my-grants').innerText(), /Cán bộ một cửa[\s\S]*Xã Tiên Yên/);

    const menu = await nav(page).innerText();
    assert.match(menu, /Trang chủ/);
    assert.match(menu, /Đơn vị hành chính/);
    assert.doesNotMatch(menu, /Tài khoản/);
    assert.doesNotMatch(menu, /Nhật ký/);
    await screenshot(page, '02-home-counter-officer');

    // A typed address to a page her role does not open shows "not found", not the page.
    await page.goto(`${e2e.server.url}/tai-khoan`);
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    await page.context().close();
  });

  journey('a wrong password gets the server’s message in Vietnamese', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/dang-nhap`);
    await signIn(page, 'chuyenvien', 'sai-mat-khau-1');
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
    await screenshot(page, '03-login-wrong-password');
    await page.context().close();
  });

  journey('the administrator browses units on 30/06/2025 and 01/07/2025, then accounts, then switches to English', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/dang-nhap`);
    await signIn(page, 'admin');
    await page.getByText('Xin chào, Quản trị hệ thống').waitFor();
    const menu = await nav(page).innerText();
    assert.match(menu, /Tài khoản/);
    assert.match(menu, /Nhật ký hệ thống/);
    await screenshot(page, '04-home-admin');

    // Units before the 2025 reform: the district with its communes.
    await nav(page).getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.getByRole('heading', { name: 'Đơn vị hành chính', level: 1 }).waitFor();
    await pickAsOf(page, '30/06/2025');
    await page.getByTestId('units-count').filter({ hasText: '30/06/2025' }).waitFor();
    const tree = page.getByRole('tree');
    await tree.getByText('Huyện Tiên Yên', { exact: true }).waitFor();
    await tree.getByText('Xã Đông Ngũ', { exact: true }).waitFor();
    await tree.getByText('Thị trấn Tiên Yên', { exact: true }).waitFor();
    const indentOf = (name: string) => tree.getByRole('treeitem').filter({ hasText: new RegExp(`^${name}`) }).first().locator('.ant-tree-indent-unit').count();
    assert.equal(await indentOf('Huyện Tiên Yên'), 1, 'the district sits under the province');
    assert.equal(await indentOf('Xã Đông Ngũ'), 2, 'the commune sits under the district');
    assert.equal(new URL(page.url()).searchParams.get('ngay'), '2025-06-30');
    await screenshot(page, '05-units-2025-06-30');

    // The detail drawer shows the lineage: the district ended, its duties went to the new communes.
    await tree.getByText('Huyện Tiên Yên', { exact: true }).click();
    const detail = page.getByTestId('unit-detail');
    await detail.waitFor();
    assert.match(await detail.innerText(), /Đơn vị kế thừa[\s\S]*Xã Tiên Yên/);
    await screenshot(page, '06-unit-detail', { fullPage: false });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // After the reform: no district, the new communes directly under the province.
    await pickAsOf(page, '01/07/2025');
    await page.getByTestId('units-count').filter({ hasText: '01/07/2025' }).waitFor();
    assert.equal(await tree.getByText('Huyện Tiên Yên', { exact: true }).count(), 0);
    assert.equal(await indentOf('Xã Đông Ngũ'), 1, 'the new commune sits directly under the province');
    assert.equal(await indentOf('Xã Tiên Yên'), 1);
    await screenshot(page, '07-units-2025-07-01');

    // Accent-insensitive search.
    await page.getByLabel('Tìm đơn vị', { exact: true }).fill('dong ngu');
    await page.getByLabel('Tìm đơn vị', { exact: true }).press('Enter');
    await page.getByTestId('units-count').filter({ hasText: 'dong ngu' }).waitFor();
    await tree.locator('mark').filter({ hasText: /^Xã Đông Ngũ$/ }).waitFor();

    // Accounts.
    await nav(page).getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByRole('heading', { name: 'Tài khoản người dùng', level: 1 }).waitFor();
    await page.getByRole('table').getByText('motcua', { exact: true }).waitFor();
    await screenshot(page, '08-accounts');

    // English.
    await switchLanguage(page, 'Ngôn ngữ', 'English');
    await nav(page, 'Main navigation').getByRole('link', { name: 'Home' }).waitFor();
    await page.getByRole('heading', { name: 'User accounts', level: 1 }).waitFor();
    await nav(page, 'Main navigation').getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await page.getByText('Hello, Quản trị hệ thống').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await screenshot(page, '09-home-english');

    // The choice is remembered on this device.
    await page.reload();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await page.context().close();
  });

  journey('on a phone the menu folds into a drawer', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${e2e.server.url}/dang-nhap`);
    await signIn(page, 'motcua');
    await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();
    assert.equal(await nav(page).count(), 0, 'no side menu on a phone until opened');
    await screenshot(page, '10-phone-home');
    await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
    await nav(page).getByRole('link', { name: 'Đơn vị hành chính' }).waitFor();
    await screenshot(page, '11-phone-menu', { fullPage: false });
    await nav(page).getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.getByRole('heading', { name: 'Đơn vị hành chính', level: 1 }).waitFor();
    await screenshot(page, '12-phone-units');
    await page.context().close();
  });
});
