/**
 * The citizen portal in a real Chromium against a real server with the demo data and the local OpenID Connect
 * provider it starts (no OIDC_ISSUER in demo mode): the citizen signs in with the electronic identity on a phone,
 * files a procedure with a fee online with two uploaded documents, sees the VietQR code and the application in
 * "my dossiers"; the counter officer receives it from the online inbox; the citizen sees the new status, in
 * Vietnamese and in English; the "my dossiers" link of the messages, opened signed out, lands there after the sign-in.
 * axe-core checks every portal page for serious or critical accessibility violations.
 * Run: node --import tsx --test --test-reporter=spec e2e/portal.e2e.ts
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { checkAccessibility, DEMO_PASSWORD, screenshot, switchLanguage, useJourneys } from './helpers.ts';

// The demo server starts the local provider on any free port (4400 may be taken by a developer's `npm run dev:idp`).
process.env.OIDC_DEV_IDP_PORT = '0';

const PHONE = { width: 390, height: 844 };
const PROCEDURE = 'Cấp Giấy xác nhận tình trạng hôn nhân';
const PDF_A = Buffer.from('%PDF-1.4\n% To khai\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PDF_B = Buffer.from('%PDF-1.4\n% Ban an\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const e2e = useJourneys();
const { journey, newPage, signedIn } = e2e;
let citizen: Page;

describe('citizen portal', () => {
  journey('the citizen signs in at the local identity provider on a phone', async () => {
    citizen = await newPage({ viewport: PHONE, timeout: 20_000 });
    await citizen.goto(`${e2e.server.url}/cong-dan`);
    await citizen.getByRole('heading', { name: 'Dịch vụ công trực tuyến', level: 1 }).waitFor();
    await checkAccessibility(citizen, 'portal, signed out');
    await citizen.getByRole('link', { name: 'Đăng nhập bằng định danh điện tử' }).click();
    // oidc-provider's development sign-in page (the stand-in for VNeID).
    await citizen.locator('input[name="login"]').fill('congdan');
    await citizen.locator('input[name="password"]').fill('any-password');
    await citizen.locator('button[type="submit"]').click();
    await citizen.getByText('Xin chào, Nguyễn Văn Hùng').waitFor();
    assert.ok(citizen.url().startsWith(`${e2e.server.url}/cong-dan`));
    await citizen.getByText('022090000000').waitFor();
  });

  journey('files a procedure online with two uploaded documents and sees the VietQR code', async () => {
    await citizen.getByLabel('Tìm thủ tục (gõ không dấu cũng được)').fill('tinh trang hon nhan');
    await citizen.getByRole('button', { name: PROCEDURE }).click();
    await citizen.getByRole('heading', { name: PROCEDURE }).waitFor();
    assert.equal(await citizen.getByLabel('Họ và tên', { exact: true }).inputValue(), 'Nguyễn Văn Hùng', 'pre-filled from the identity');
    await checkAccessibility(citizen, 'portal, applicant form');
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen.getByRole('heading', { name: 'Thành phần hồ sơ' }).waitFor();
    const inputs = citizen.locator('input[type="file"]');
    assert.equal(await inputs.count(), 2, 'two documents to upload (the ID card is shown in person)');
    await inputs.nth(0).setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF_A });
    await citizen.getByText('Đã tải lên: to-khai.pdf').waitFor();
    await inputs.nth(1).setInputFiles({ name: 'ban-an.pdf', mimeType: 'application/pdf', buffer: PDF_B });
    await citizen.getByText('Đã tải lên: ban-an.pdf').waitFor();
    const qr = citizen.getByRole('img', { name: /Mã VietQR chuyển khoản 10\.000 đ/ });
    await qr.waitFor();
    await checkAccessibility(citizen, 'portal, documents and payment');
    await screenshot(citizen, 'portal-documents-phone');
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.getByText('Đã nộp hồ sơ.', { exact: false }).waitFor();
    await citizen.getByRole('tab', { name: 'Hồ sơ của tôi' }).click();
    const card = citizen.getByTestId('my-dossier').filter({ hasText: PROCEDURE }).first();
    await card.getByTestId('my-dossier-status').filter({ hasText: 'Chờ Bộ phận Một cửa kiểm tra' }).waitFor();
    await checkAccessibility(citizen, 'portal, my dossiers');
  });

  journey('the counter officer receives it from the online inbox', async () => {
    const counter = await signedIn('motcua', { timeout: 20_000 });
    await counter.goto(`${e2e.server.url}/ho-so-truc-tuyen`);
    const app = counter.getByTestId('online-application').filter({ hasText: 'Nguyễn Văn Hùng' }).filter({ hasText: PROCEDURE }).first();
    await app.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await counter.getByText(/Đã tiếp nhận: hồ sơ /).waitFor();
    await screenshot(counter, 'portal-counter-inbox');
    // The dossier page shows it was filed online, and its fee; the fee is recorded as received there.
    const inbox = (await (await counter.request.get(`${e2e.server.url}/api/v1/portal/inbox`)).json()) as Array<{ dossierId: string | null; applicantName: string; procedureName: string }>;
    const dossierId = inbox.find((x) => x.dossierId && x.applicantName === 'Nguyễn Văn Hùng' && x.procedureName === PROCEDURE)?.dossierId;
    assert.ok(dossierId, 'the accepted application is still listed while its fee is due');
    await counter.goto(`${e2e.server.url}/ho-so/${dossierId}`);
    const fee = counter.getByTestId('online-fee');
    await fee.getByText('Chờ nộp phí, lệ phí').waitFor();
    await fee.getByRole('button', { name: 'Xác nhận đã thu phí' }).click();
    await fee.getByText(/Đã thu phí, lệ phí lúc/).waitFor();
    await counter.context().close();
  });

  journey('the citizen sees the new status and the timeline, in Vietnamese and English', async () => {
    await citizen.reload();
    await citizen.getByRole('tab', { name: 'Hồ sơ của tôi' }).click();
    const card = citizen.getByTestId('my-dossier').filter({ hasText: PROCEDURE }).first();
    await card.getByTestId('my-dossier-status').filter({ hasText: 'Đã tiếp nhận' }).waitFor();
    await card.getByRole('button', { name: `Xem: ${PROCEDURE}` }).click();
    await citizen.getByRole('heading', { name: 'Quá trình xử lý' }).waitFor();
    await citizen.getByRole('link', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)' }).waitFor();
    await citizen.getByText('Đã nộp phí, lệ phí').waitFor();
    await checkAccessibility(citizen, 'portal, dossier detail');
    await screenshot(citizen, 'portal-dossier-phone');
    await switchLanguage(citizen, 'Ngôn ngữ', 'English');
    await citizen.getByRole('heading', { name: 'Online public services', level: 1 }).waitFor();
    await citizen.getByRole('heading', { name: 'Progress' }).waitFor();
    await citizen.getByRole('tab', { name: 'My dossiers' }).waitFor();
    await checkAccessibility(citizen, 'portal in English');
  });

  journey('once the result is returned, the citizen rates the service in the portal (once)', async () => {
    // The officials process the dossier through the API (their pages are covered by e2e/dossier.e2e.ts).
    const cookieOf = async (username: string) => {
      const r = await fetch(`${e2e.server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      assert.equal(r.status, 200, `login ${username}`);
      return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    };
    const code = (await citizen.getByText(/^XTY-\d{6}-\d{4}$/).first().innerText()).trim();
    const [counter, specialist, leader] = await Promise.all([cookieOf('motcua'), cookieOf('chuyenvien'), cookieOf('lanhdao')]);
    const call = async (cookie: string, path: string, body?: object) => {
      const r = await fetch(`${e2e.server.url}/api/v1/dossiers/${path}`, body ? { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) } : { headers: { cookie } });
      const text = await r.text();
      assert.equal(r.status, 200, `${path}: ${text}`);
      return JSON.parse(text) as { id: string; version: number };
    };
    let d = await call(counter, `by-code/${code}`);
    d = await call(specialist, `${d.id}/accept`, { version: d.version });
    d = await call(specialist, `${d.id}/complete`, { version: d.version });
    d = await call(leader, `${d.id}/approve`, { version: d.version });
    await call(counter, `${d.id}/return-result`, { version: d.version, method: 'online' });

    await switchLanguage(citizen, 'Language', 'Tiếng Việt');
    await citizen.reload();
    await citizen.getByRole('tab', { name: 'Hồ sơ của tôi' }).click();
    const card = citizen.getByTestId('my-dossier').filter({ hasText: PROCEDURE }).first();
    await card.getByTestId('my-dossier-status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    await card.getByRole('button', { name: `Xem: ${PROCEDURE}` }).click();
    const form = citizen.getByTestId('portal-rating');
    await form.waitFor();
    await checkAccessibility(citizen, 'portal, rating');
    const send = form.getByRole('button', { name: 'Gửi đánh giá' });
    assert.equal(await send.isDisabled(), true, 'nothing is sent before every criterion is chosen');
    for (const criterion of ['Tiếp cận dịch vụ', 'Thủ tục hành chính', 'Công chức trực tiếp giải quyết', 'Kết quả giải quyết', 'Tiếp nhận, xử lý phản ánh, kiến nghị']) {
      await form.getByRole('group', { name: criterion }).getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    }
    await form.getByRole('group', { name: 'Mức độ hài lòng chung' }).getByRole('radio', { name: 'Rất hài lòng' }).check();
    await form.getByLabel('Góp ý thêm (không bắt buộc)').fill('Nộp trực tuyến rất tiện.');
    await send.click();
    await citizen.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã đánh giá.' }).waitFor();
    await screenshot(citizen, 'portal-rated-phone');
    // The rating is stored once, bound to the dossier: a second attempt is refused by the server.
    const again = await citizen.evaluate(async (c) => {
      const r = await fetch('/api/v1/ratings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dossierCode: c, scores: { access: 1, procedures: 1, conduct: 1, results: 1, feedbackHandling: 1, overall: 1 } }) });
      return r.status;
    }, code);
    assert.equal(again, 409);
  });

  journey('the commune’s administrator changes the fee account shown as VietQR', async () => {
    const admin = await signedIn('quantri.tienyen', { timeout: 20_000 });
    await admin.goto(`${e2e.server.url}/ho-so-truc-tuyen`);
    const section = admin.getByTestId('payment-accounts');
    await section.getByRole('button', { name: 'Sửa: Xã Tiên Yên' }).click();
    await section.getByLabel('Số tài khoản', { exact: true }).fill('0011001234567');
    await section.getByRole('button', { name: 'Lưu' }).click();
    await section.getByText('Đã lưu tài khoản nhận phí.').waitFor();
    await section.getByRole('cell', { name: '0011001234567' }).waitFor();
    await screenshot(admin, 'portal-payment-accounts');
    await admin.context().close();
  });

  journey('the "my dossiers" link of a message, opened signed out, lands on "my dossiers" after the sign-in', async () => {
    const page = await newPage({ viewport: PHONE, timeout: 20_000 });
    await page.goto(`${e2e.server.url}/cong-dan?muc=ho-so-cua-toi`);
    await page.getByRole('heading', { name: 'Dịch vụ công trực tuyến', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Đăng nhập bằng định danh điện tử' }).click();
    await page.locator('input[name="login"]').fill('congdan');
    await page.locator('input[name="password"]').fill('any-password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Xin chào, Nguyễn Văn Hùng').waitFor();
    assert.equal(new URL(page.url()).search, '?muc=ho-so-cua-toi');
    const mine = page.getByRole('tab', { name: 'Hồ sơ của tôi' });
    assert.equal(await mine.getAttribute('aria-selected'), 'true', '"my dossiers" is the active tab');
    assert.equal(await page.getByRole('tab', { name: 'Nộp hồ sơ trực tuyến' }).getAttribute('aria-selected'), 'false');
    await page.getByTestId('my-dossier').filter({ hasText: PROCEDURE }).first().waitFor();
    await page.context().close();
  });

  journey('the portal works with the keyboard alone (French)', async () => {
    const page = await newPage({ viewport: PHONE, timeout: 20_000 });
    await page.goto(`${e2e.server.url}/cong-dan`);
    await switchLanguage(page, 'Ngôn ngữ', 'Français');
    await page.getByRole('heading', { name: 'Services publics en ligne', level: 1 }).waitFor();
    // Tab until the sign-in link has the focus, then Enter: it leaves for the identity provider.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name.includes('Se connecter avec l’identité électronique')) break;
    }
    await page.keyboard.press('Enter');
    await page.locator('input[name="login"]').waitFor();
    await page.context().close();
  });
});
