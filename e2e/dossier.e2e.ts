/**
 * A dossier's life at the one-stop shop, in a real Chromium against a real server with the demo data: the counter
 * officer is refused an incomplete dossier (guidance slip), then receives it complete with a scan and prints the
 * receipt slip (a PDF); the specialist accepts it — a click on a stale page is refused with an offer to reload —
 * and completes the step; the leader approves; the counter officer returns the result; the applicant follows it
 * all on the public tracking page with the code and the last 4 digits of the phone, on a phone.
 * Run: node --import tsx --test --test-reporter=spec e2e/dossier.e2e.ts
 */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, switchLanguage, useJourneys } from './helpers.ts';

const PHONE = { width: 390, height: 844 };
/** A name no demo dossier carries, so searches find only this journey's dossier. */
const APPLICANT = 'Hoàng Thị Kiểm Thử';
const APPLICANT_PHONE = '0987 654 321';
const DIGITS = '4321';
/** The smallest file the scan store accepts as a PDF (it checks the magic bytes). */
const SCAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const e2e = useJourneys();
const { journey, newPage, signedIn } = e2e;
/** The dossier of the journey, shared by the steps below (they run in order). */
const dossier = { id: '', code: '' };
let counter: Page;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
const status = (page: Page) => page.getByTestId('dossier-header').getByTestId('dossier-status');

/** Opens the workbench on a queue tab and the journey's dossier from it. */
async function openFromQueue(page: Page, queue: string) {
  await nav(page).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('heading', { name: 'Hồ sơ', level: 1 }).waitFor();
  await page.getByRole('tab', { name: new RegExp(`^${queue}`) }).click();
  const link = page.getByRole('link', { name: `Mở hồ sơ ${dossier.code}` });
  await link.waitFor();
  return link;
}

/** Clicks an action button (or the item under "Thao tác khác") and confirms its dialog. */
async function act(page: Page, label: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  const button = page.getByTestId('dossier-actions').getByRole('button', { name: label, exact: true });
  await button.click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  return dialog;
}

describe('a dossier from the counter to the applicant', () => {
  journey('the counter officer is refused an incomplete dossier with a guidance slip, then receives it complete with a scan (a double click makes one dossier)', async () => {
    counter = await signedIn('motcua');
    await nav(counter).getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await counter.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();

    // Accent-insensitive search of the procedure.
    const picker = counter.getByLabel('Thủ tục hành chính', { exact: true });
    await picker.click();
    await picker.fill('dang ky khai sinh');
    await counter.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ has: counter.getByText('Đăng ký khai sinh', { exact: true }) }).click();
    const rows = counter.getByTestId('checklist-row');
    await rows.nth(2).waitFor();
    assert.equal(await rows.count(), 3, 'three required documents in the version in force');
    assert.match(await counter.getByTestId('checklist-facts').innerText(), /Hẹn trả kết quả\s+\d{2}:\d{2}, .+ \d{2}\/\d{2}\/\d{4} \(nếu tiếp nhận ngay\)/);
    // The officer's grant is on the commune: the reception point is its service centre, the commune itself a choice.
    const receptionPoint = counter.getByLabel('Nơi tiếp nhận', { exact: true });
    await counter.getByTestId('checklist-facts').getByText('Trung tâm Phục vụ hành chính công xã Tiên Yên').waitFor();
    await receptionPoint.click();
    // The commune itself is offered too (the procedure picker's list may still be fading out: look in the last one).
    const points = counter.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await points.locator('.ant-select-item-option').filter({ has: counter.getByText('Xã Tiên Yên', { exact: true }) }).waitFor();
    await counter.keyboard.press('Escape');

    // Only the declaration is there: the applicant is refused with the written list of what is missing.
    await counter.getByRole('checkbox', { name: 'Tờ khai theo mẫu đăng ký khai sinh' }).check();
    await counter.getByLabel('Họ và tên', { exact: true }).fill(APPLICANT);
    await counter.getByLabel('Số CCCD / định danh', { exact: true }).fill('022190004455');
    await counter.getByLabel('Số điện thoại', { exact: true }).fill(APPLICANT_PHONE);
    await counter.getByLabel('Địa chỉ', { exact: true }).fill('Thôn Khe Tiên, xã Tiên Yên, tỉnh Quảng Ninh');
    await counter.getByTestId('missing-warning').filter({ hasText: 'Còn 2 thành phần chưa nhận' }).waitFor();
    await screenshot(counter, 'dossier-01-receipt-form');
    await counter.getByTestId('receive-submit').click();
    const guidance = counter.getByTestId('receipt-guidance');
    await guidance.getByRole('heading', { name: 'Hồ sơ chưa đầy đủ — chưa tiếp nhận' }).waitFor();
    const missing = await counter.getByTestId('missing-list').innerText();
    assert.match(missing, /Giấy chứng sinh hoặc văn bản của người làm chứng/);
    assert.match(missing, /Giấy tờ tùy thân có ảnh/);
    assert.doesNotMatch(missing, /Tờ khai/);
    assert.match(await counter.getByTestId('guidance-sheet').innerText(), /chưa đầy đủ[\s\S]*1\. Giấy chứng sinh/);
    const guidanceSlip = await counter.request.get(new URL((await counter.getByTestId('print-guidance').getAttribute('href'))!, e2e.server.url).href);
    assert.equal(guidanceSlip.status(), 200);
    assert.match(guidanceSlip.headers()['content-type'] ?? '', /^application\/pdf/);
    await screenshot(counter, 'dossier-02-guidance');

    // Back to the form, everything as it was; the rest is brought; a scan of the declaration; a double click.
    await counter.getByRole('button', { name: 'Quay lại bổ sung giấy tờ' }).click();
    assert.equal(await counter.getByLabel('Họ và tên', { exact: true }).inputValue(), APPLICANT);
    await counter.getByRole('button', { name: 'Đã nhận đủ tất cả' }).click();
    await counter.getByTestId('checklist-count').filter({ hasText: 'Đã nhận 3/3 thành phần hồ sơ' }).waitFor();
    await rows.nth(0).locator('input[type=file]').setInputFiles({ name: 'to-khai-khai-sinh.pdf', mimeType: 'application/pdf', buffer: SCAN_PDF });
    await rows.nth(0).getByText('to-khai-khai-sinh.pdf').waitFor();
    await counter.getByTestId('receive-submit').dblclick();

    const success = counter.getByTestId('receipt-success');
    await success.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    dossier.code = (await success.getByTestId('dossier-code').textContent())!.trim();
    assert.match(dossier.code, /^[A-Z0-9]+-\d{6}-\d{4,}$/, 'agency-yyMMdd-sequence');
    assert.match(await success.getByTestId('appointment').innerText(), /\d{2}:\d{2}, .+ \d{2}\/\d{2}\/\d{4}/);
    await success.getByText('Đã lưu 1 bản quét.').waitFor();

    // One dossier for this applicant, however many clicks.
    const list = await counter.request.get(`${e2e.server.url}/api/v1/dossiers?q=${encodeURIComponent('hoang thi kiem thu')}`);
    const body = (await list.json()) as { total: number; items: Array<{ id: string; code: string }> };
    assert.equal(body.total, 1, 'the double click made one dossier');
    assert.equal(body.items[0].code, dossier.code);
    dossier.id = body.items[0].id;
    await screenshot(counter, 'dossier-03-received');
  });

  journey('the counter officer opens the receipt slip: a PDF', async () => {
    assert.ok(dossier.id, 'the dossier was received');
    const href = await counter.getByTestId('print-receipt').getAttribute('href');
    assert.equal(href, `/api/v1/dossiers/${dossier.id}/slips/receipt`);
    assert.equal(await counter.getByTestId('print-receipt').getAttribute('target'), '_blank', 'the slip opens in a new tab, the form stays');
    const res = await counter.request.get(new URL(href!, e2e.server.url).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'] ?? '', /^application\/pdf/);
    assert.equal((await res.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  journey('the specialist accepts the dossier (a click on a stale page is refused with a reload) and completes the step', async () => {
    const page = await signedIn('chuyenvien');
    const link = await openFromQueue(page, 'Chờ nhận');
    await screenshot(page, 'dossier-04-specialist-queue');
    await link.click();
    await page.getByTestId('detail-code').filter({ hasText: dossier.code }).waitFor();
    assert.match(await status(page).innerText(), /Đã tiếp nhận[\s\S]*Trong hạn|Đã tiếp nhận[\s\S]*Sắp đến hạn/);
    assert.match(await page.getByTestId('dossier-documents').innerText(), /Đã số hóa/);

    // Someone accepts it meanwhile (the same official, in another tab): this page still shows version 1.
    const detail = (await (await page.request.get(`${e2e.server.url}/api/v1/dossiers/${dossier.id}`)).json()) as { version: number };
    const other = await page.request.post(`${e2e.server.url}/api/v1/dossiers/${dossier.id}/accept`, { data: { version: detail.version } });
    assert.equal(other.status(), 200);
    const dialog = await act(page, 'Nhận hồ sơ');
    await dialog.getByTestId('stale-version').filter({ hasText: 'Hồ sơ vừa được người khác cập nhật' }).waitFor();
    await screenshot(page, 'dossier-05-stale-version', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await status(page).filter({ hasText: 'Đang xử lý' }).waitFor();

    await act(page, 'Hoàn thành, chuyển bước tiếp theo', async (d) => {
      await d.getByText(/Bước tiếp theo: Ký kết quả/).waitFor();
      await d.getByLabel('Ghi chú (không bắt buộc)').fill('Hồ sơ hợp lệ, trình lãnh đạo ký');
    });
    await page.getByText('Đã chuyển hồ sơ sang bước tiếp theo').waitFor();
    await page.getByTestId('dossier-actions').getByRole('button', { name: 'Hoàn thành, chuyển bước tiếp theo' }).waitFor({ state: 'detached' });
    const timeline = await page.getByTestId('dossier-timeline').innerText();
    assert.match(timeline, /Nhận hồ sơ để xử lý[\s\S]*Hoàn thành bước xử lý[\s\S]*Chuyển hồ sơ/);
    await page.getByTestId('control-slip').getByText('Trước hạn').first().waitFor();
    await screenshot(page, 'dossier-06-specialist-handed-over');
    await page.context().close();
  });

  journey('the leader approves: the result is ready', async () => {
    const page = await signedIn('lanhdao');
    await (await openFromQueue(page, 'Chờ nhận')).click();
    await page.getByTestId('detail-code').filter({ hasText: dossier.code }).waitFor();
    await act(page, 'Phê duyệt');
    await page.getByText('Đã phê duyệt').first().waitFor();
    await status(page).filter({ hasText: 'Đã có kết quả, chờ trả' }).waitFor();
    assert.match(await page.getByTestId('dossier-timeline').innerText(), /Lãnh đạo phê duyệt[\s\S]*Đã có kết quả/);
    await screenshot(page, 'dossier-07-leader-approved');
    await page.context().close();
  });

  journey('the counter officer returns the result', async () => {
    await (await openFromQueue(counter, 'Chờ trả kết quả')).click();
    await counter.getByTestId('detail-code').filter({ hasText: dossier.code }).waitFor();
    await act(counter, 'Trả kết quả', async (d) => {
      assert.equal(await d.getByLabel('Người nhận kết quả').inputValue(), APPLICANT);
      assert.ok(await d.getByRole('radio', { name: 'Trả trực tiếp tại Bộ phận Một cửa' }).isChecked());
    });
    await status(counter).filter({ hasText: 'Đã trả kết quả' }).waitFor();
    assert.match(await counter.getByTestId('overview').innerText(), /Đã trả kết quả .* \(Trả trực tiếp tại Bộ phận Một cửa\)/);
    const steps = await counter.getByTestId('dossier-steps').innerText();
    assert.doesNotMatch(steps, /Đang xử lý|Chưa đến/, 'every step is done');
    assert.match(await counter.getByTestId('slip-links').innerText(), /Giấy tiếp nhận và hẹn trả kết quả[\s\S]*Phiếu kiểm soát quá trình giải quyết[\s\S]*Phiếu trả kết quả \(có mã QR đánh giá\)/);
    const control = await counter.request.get(`${e2e.server.url}/api/v1/dossiers/${dossier.id}/slips/control`);
    assert.match(control.headers()['content-type'] ?? '', /^application\/pdf/);
    const returnSlip = await counter.request.get(new URL((await counter.getByTestId('slip-links').getByRole('link', { name: /Phiếu trả kết quả/ }).getAttribute('href'))!, e2e.server.url).href);
    assert.equal(returnSlip.status(), 200);
    assert.match(returnSlip.headers()['content-type'] ?? '', /^application\/pdf/);
    await screenshot(counter, 'dossier-08-returned');
  });

  journey('the applicant sees the whole timeline on the public tracking page, by code and the last 4 phone digits, on a phone', async () => {
    const page = await newPage({ viewport: PHONE });
    // The QR code of the receipt slip carries the code.
    await page.goto(`${e2e.server.url}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`);
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Mã hồ sơ').inputValue(), dossier.code);
    // Wrong digits: the same answer as an unknown code.
    await page.getByLabel('4 chữ số cuối số điện thoại hoặc CCCD').fill('0000');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ' }).waitFor();

    await page.getByLabel('4 chữ số cuối số điện thoại hoặc CCCD').fill(DIGITS);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const result = page.getByTestId('tracking-result');
    await result.waitFor();
    assert.match(await page.getByTestId('tracking-status').innerText(), /Đã trả kết quả/);
    const timeline = await page.getByTestId('tracking-timeline').innerText();
    for (const step of ['Tiếp nhận hồ sơ', 'Hồ sơ được chuyển đến', 'đã nhận hồ sơ để xử lý', 'Lãnh đạo phê duyệt', 'Đã có kết quả', 'Đã trả kết quả']) {
      assert.ok(timeline.includes(step), `the timeline shows “${step}”`);
    }
    assert.doesNotMatch(timeline, /Trần Văn Bình|Lê Minh Đức/, 'no official named in the public timeline');
    const access = await page.getByTestId('tracking-access-log').innerText();
    assert.match(access, /Trần Văn Bình/);
    assert.match(access, /Lê Minh Đức/);
    assert.match(await page.getByTestId('tracking-explanation').innerText(), /Hạn giải quyết theo quy định|Ngày hẹn trả kết quả|giải quyết trong ngày/);
    assert.doesNotMatch(await result.innerText(), /022190004455|0987/, 'no personal data on the page');
    await screenshot(page, 'dossier-09-tracking-phone');
    // The applicant who lost the slip downloads it again from here: a real PDF with the code.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-slip').click()]);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(download.suggestedFilename(), new RegExp(`${dossier.code}\\.pdf$`));

    // The same answer in English, worded by the server.
    await switchLanguage(page, 'Ngôn ngữ', 'English');
    await page.getByTestId('tracking-status').filter({ hasText: 'Result returned' }).waitFor();
    await screenshot(page, 'dossier-10-tracking-phone-en');
    await page.context().close();
  });

  journey('on a phone, the workbench, the dossier and the receipt form fit the screen', async () => {
    const page = await signedIn('motcua', { viewport: PHONE });
    await page.goto(`${e2e.server.url}/ho-so?hang=all&q=${encodeURIComponent(dossier.code)}`);
    await page.getByRole('link', { name: `Mở hồ sơ ${dossier.code}` }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on the workbench (${overflow}px)`);
    await screenshot(page, 'dossier-11-phone-workbench');
    await page.getByRole('link', { name: `Mở hồ sơ ${dossier.code}` }).click();
    await page.getByTestId('detail-code').filter({ hasText: dossier.code }).waitFor();
    await page.getByTestId('dossier-timeline').waitFor();
    const overflow3 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow3 <= 1, `no sideways scrolling on the dossier (${overflow3}px)`);
    await screenshot(page, 'dossier-12-phone-detail');
    await page.goto(`${e2e.server.url}/ho-so/tiep-nhan`);
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow2 <= 1, `no sideways scrolling on the receipt form (${overflow2}px)`);
    await screenshot(page, 'dossier-13-phone-receipt');
    await page.context().close();
  });
});
