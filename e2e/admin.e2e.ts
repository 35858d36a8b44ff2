/**
 * An administrator's day, in a real Chromium against a real server with the demo data: create an account (the
 * server's field message lands under the right input), the new official's forced password change, a new village
 * under a commune, and the audit log with its hash-chain check.
 * Run: node --import tsx --test --test-reporter=spec e2e/admin.e2e.ts
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshot, signIn, useJourneys } from './helpers.ts';

const e2e = useJourneys();
const { journey, newPage, signedIn } = e2e;

/**
 * Opens an antd Select (or TreeSelect) by its label, optionally types to search, and clicks the option; checks
 * the choice shows in the select, and tries again if a click landed while the dropdown was still opening.
 */
async function choose(scope: Locator, page: Page, label: string | RegExp, option: string, search?: string) {
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label) }).first();
  const exact = new RegExp(`^${option}$`);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    const input = item.getByLabel(label);
    if ((await input.getAttribute('aria-expanded')) !== 'true') {
      await input.click();
      if (search) await input.fill(search);
    }
    await dropdown.locator('.ant-select-item-option, .ant-select-tree-title').filter({ hasText: exact }).first().click();
    try {
      await item.locator('.ant-select-content-has-value').filter({ hasText: exact }).waitFor({ timeout: 2000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

describe('administration', () => {
  journey('creating an account: a taken username is reported under the field, then the account is created and must change its password', async () => {
    const page = await signedIn('admin');
    await page.getByText('Xin chào, Quản trị hệ thống').waitFor();
    await page.goto(`${e2e.server.url}/tai-khoan`);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản mới' });
    await dialog.waitFor();

    await dialog.getByLabel('Tên đăng nhập', { exact: true }).fill('motcua');
    await dialog.getByLabel('Họ và tên', { exact: true }).fill('Đỗ Thị Mai');
    await dialog.getByLabel('Mật khẩu ban đầu', { exact: true }).fill('batdau2026x');
    await choose(dialog, page, 'Vai trò', 'Chuyên viên');
    await choose(dialog, page, 'Đơn vị', 'Xã Tiên Yên', 'tien yen');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();

    // 409 with errors[{field: 'username'}]: the message sits under the username input.
    const usernameItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('Tên đăng nhập', { exact: true }) });
    await usernameItem.getByText('Tên đăng nhập đã được dùng').waitFor();
    await screenshot(page, 'admin-01-account-username-taken', { fullPage: false });

    await dialog.getByLabel('Tên đăng nhập', { exact: true }).fill('mai.do');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    await dialog.waitFor({ state: 'detached' });
    const drawer = page.getByRole('dialog', { name: 'Đỗ Thị Mai' });
    await drawer.getByText('Chuyên viên — Xã Tiên Yên').waitFor();
    await drawer.getByText('Chờ đổi mật khẩu').waitFor();
    await screenshot(page, 'admin-02-account-drawer', { fullPage: false });

    // The list is searched and paged by the server: typed without accents, the new official is the one match.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByLabel('Tìm tài khoản', { exact: true }).fill('do thi mai');
    await page.getByLabel('Tìm tài khoản', { exact: true }).press('Enter');
    await page.getByText('1 tài khoản', { exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    assert.equal(await rows.count(), 1);
    await rows.first().getByText('mai.do', { exact: true }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('q'), 'do thi mai');
    await page.context().close();

    // The new official signs in and is sent to change the password first.
    const mai = await newPage();
    await mai.goto(`${e2e.server.url}/dang-nhap`);
    await signIn(mai, 'mai.do', 'batdau2026x');
    await mai.waitForURL('**/doi-mat-khau');
    await mai.getByText('Bạn cần đổi mật khẩu trước khi tiếp tục làm việc.').waitFor();
    await mai.getByLabel('Mật khẩu hiện tại', { exact: true }).fill('batdau2026x');
    await mai.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await mai.locator('#main').getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await mai.getByText('Mật khẩu cần ít nhất 10 ký tự').waitFor();
    await screenshot(mai, 'admin-03-change-password');
    await mai.getByLabel('Mật khẩu mới', { exact: true }).fill('matkhaumoi2027');
    await mai.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill('matkhaumoi2027');
    await mai.locator('#main').getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await mai.getByText('Xin chào, Đỗ Thị Mai').waitFor();
    assert.equal(new URL(mai.url()).pathname, '/');
    await mai.context().close();
  });

  journey('many officials: the accounts list comes a page of 20 at a time from the server, the page in the address', async () => {
    const api = await e2e.apiAs('admin');
    for (let i = 1; i <= 15; i++) {
      const n = String(i).padStart(2, '0');
      await api('POST', '/api/v1/accounts', { username: `canbo.hl${n}`, fullName: `Cán bộ Hải Lạng ${n}`, password: 'matkhau-2026', grants: [] });
    }
    const { total } = await api('GET', '/api/v1/accounts?limit=1');
    const { items: second } = await api('GET', '/api/v1/accounts?limit=20&offset=20');
    assert.ok(total > 20);

    const page = await signedIn('admin');
    await page.goto(`${e2e.server.url}/tai-khoan`);
    await page.getByText(`${total} tài khoản`, { exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    assert.equal(await rows.count(), 20);
    await page.locator('.ant-pagination-item-2').click();
    await rows.first().getByText(second[0].username, { exact: true }).waitFor();
    assert.equal(await rows.count(), total - 20);
    assert.equal(new URL(page.url()).searchParams.get('trang'), '2');
    await screenshot(page, 'admin-03b-accounts-page-2');

    // A search starts again from the first page.
    await page.getByLabel('Tìm tài khoản', { exact: true }).fill('can bo hai lang');
    await page.getByLabel('Tìm tài khoản', { exact: true }).press('Enter');
    await page.getByText('15 tài khoản', { exact: true }).waitFor();
    assert.equal(await rows.count(), 15);
    assert.equal(new URL(page.url()).searchParams.get('trang'), null);
    await page.context().close();
  });

  journey('adding a village under a commune: a bad administrative code is refused by the server, a date before the commune existed is refused with the rule in words, then the village appears in the tree', async () => {
    const page = await signedIn('admin');
    await page.getByText('Xin chào, Quản trị hệ thống').waitFor();
    await page.goto(`${e2e.server.url}/don-vi`);
    const tree = page.getByRole('tree');
    await tree.getByText('Xã Tiên Yên', { exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Xã Tiên Yên' });
    await drawer.getByTestId('unit-detail').waitFor();
    await drawer.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();

    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị trực thuộc Xã Tiên Yên' });
    await dialog.waitFor();
    await choose(dialog, page, 'Loại đơn vị', 'Thôn, bản');
    await dialog.getByLabel('Tên đơn vị', { exact: true }).fill('Thôn Khe Lặn');
    await dialog.getByLabel(/^Mã đơn vị hành chính/).fill('7');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    const adminCodeItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel(/^Mã đơn vị hành chính/) });
    await adminCodeItem.locator('.ant-form-item-explain-error').waitFor();
    await screenshot(page, 'admin-04-unit-field-error', { fullPage: false });

    await dialog.getByLabel(/^Mã đơn vị hành chính/).fill('');
    // A village dated before its commune existed (1 July 2025): the server's rule is said in Vietnamese, under its title.
    const from = dialog.getByLabel('Có hiệu lực từ ngày', { exact: true });
    const typed = await from.inputValue();
    await from.click();
    await from.fill('01/01/2020');
    await from.press('Enter');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Thao tác trái quy định' });
    await refusal.getByText('Thời gian hiệu lực của đơn vị phải nằm trong thời gian hiệu lực của đơn vị cấp trên (Xã Tiên Yên)').waitFor();
    // The earlier message under the administrative code went with the submission that fixed it.
    await adminCodeItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached', timeout: 5000 });
    await screenshot(page, 'admin-04b-unit-rule-detail', { fullPage: false });
    await from.click();
    await from.fill(typed);
    await from.press('Enter');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    await dialog.waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: 'Thôn Khe Lặn' }).waitFor();
    await page.keyboard.press('Escape');
    await tree.getByText('Thôn Khe Lặn', { exact: true }).waitFor();
    await page.context().close();
  });

  journey('the audit log lists the day’s changes newest first and its hash chain checks out', async () => {
    const page = await signedIn('admin');
    await page.getByText('Xin chào, Quản trị hệ thống').waitFor();
    await page.goto(`${e2e.server.url}/nhat-ky`);
    await page.getByRole('heading', { name: 'Nhật ký hệ thống', level: 1 }).waitFor();
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await firstRow.getByText('Đăng nhập', { exact: true }).waitFor();
    const seqs = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    const numbers = seqs.map(Number);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a), 'newest first');

    await page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).click();
    await page.getByTestId('verify-result').filter({ hasText: 'Chuỗi băm toàn vẹn' }).waitFor();

    await choose(page.locator('form'), page, 'Hành động', 'Tạo tài khoản');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByText('user.create').waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
    await page.getByText('Sau khi thay đổi').waitFor();
    await screenshot(page, 'admin-05-audit');
    await page.context().close();
  });
});
