/**
 * The satisfaction kiosk at the counter, in a real Chromium against a real server with the demo data: a dossier is
 * carried to the returned result through the API (counter officer, specialist, leader); the applicant at the kiosk
 * types the dossier code as scanned from the receipt slip's QR code (the tracking URL) and the last 4 digits,
 * rates the five criteria and the overall level with the large buttons, comments, and sends; a second attempt is
 * told the dossier was already rated. The leader then sees the rating and the formula on the satisfaction page.
 * The public feedback page shows a published answer as text, markup-looking characters escaped.
 * Run: WEB_DIST=.tmp/web-b E2E_REBUILD=1 CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/feedback.e2e.ts
 */
import assert from 'node:assert/strict';
import { screenshot, useJourneys } from './helpers.ts';

const KIOSK = { width: 1080, height: 1600 };

const e2e = useJourneys(setUp);
const { journey, apiAs } = e2e;
const dossier = { id: '', code: '' };
/** A second returned dossier, rated through the QR code the counter officer shows at the return of the result. */
const second = { id: '', code: '' };

/** Two dossiers returned to their applicants, through the API once the server is up. */
async function setUp() {
  const counter = await apiAs('motcua');
  const specialist = await apiAs('chuyenvien');
  const leader = await apiAs('lanhdao');
  const found = await (await fetch(`${e2e.server.url}/api/v1/procedures?q=TY-HT-06`)).json();
  const procedureId = found.items.find((p: { code: string }) => p.code === 'TY-HT-06').id;
  const checklist = await counter('POST', '/api/v1/dossiers/checklist', { procedureId });
  const documents = checklist.documents.map((_: unknown, index: number) => ({ index, received: true }));
  const returned = async (name: string) => {
    const receipt = await counter('POST', '/api/v1/dossiers', { procedureId, documents, applicant: { kind: 'individual', name, phone: '0912000789', idNumber: '022190005555' } });
    let d = receipt.dossier;
    d = await specialist('POST', `/api/v1/dossiers/${d.id}/accept`, { version: d.version });
    d = await specialist('POST', `/api/v1/dossiers/${d.id}/complete`, { version: d.version });
    d = await leader('POST', `/api/v1/dossiers/${d.id}/approve`, { version: d.version });
    d = await counter('POST', `/api/v1/dossiers/${d.id}/return-result`, { version: d.version, method: 'counter', receivedBy: name });
    return { id: d.id as string, code: d.code as string };
  };
  Object.assign(dossier, await returned('Đỗ Thị Kiosk'));
  Object.assign(second, await returned('Đỗ Văn Mã QR'));
}

const newPage = (viewport = KIOSK) => e2e.newPage({ viewport, hasTouch: true });
const signedIn = (username: string) => e2e.signedIn(username, { viewport: { width: 1366, height: 900 }, hasTouch: true });

journey('kiosk: scanned slip code + 4 digits → large buttons for each criterion → thanks; a second rating is refused', async () => {
  const page = await newPage();
  await page.goto(`${e2e.server.url}/danh-gia`);
  await page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng', level: 1 }).waitFor();
  // The QR scanner types what the receipt slip's QR code holds: the tracking URL with the code.
  await page.getByLabel('Mã hồ sơ').fill(`${e2e.server.url}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`);
  await page.getByLabel('4 chữ số cuối điện thoại hoặc CCCD').fill('0789');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByText(`Hồ sơ ${dossier.code}`).waitFor();

  // Sending before choosing every level is refused on the page.
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByRole('alert').filter({ hasText: 'Hãy chọn một mức cho mỗi nội dung' }).waitFor();

  const choice: Record<string, number> = { 'Tiếp cận dịch vụ': 5, 'Thủ tục hành chính': 4, 'Công chức trực tiếp giải quyết': 5, 'Kết quả giải quyết': 5, 'Tiếp nhận, xử lý phản ánh, kiến nghị': 4, 'Mức độ hài lòng chung': 5 };
  for (const [criterion, n] of Object.entries(choice)) {
    const button = page.getByRole('button', { name: new RegExp(`^${criterion}: ${n} — `) });
    const box = await button.boundingBox();
    assert.ok(box && box.height >= 56 && box.width >= 56, `${criterion}: touch target ${JSON.stringify(box)}`);
    await button.tap();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
  }
  await page.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ nhiệt tình, hướng dẫn rõ ràng.');
  await screenshot(page, 'kiosk-rating');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByTestId('kiosk-thanks').waitFor();
  await screenshot(page, 'kiosk-thanks');

  await page.getByRole('button', { name: 'Đánh giá hồ sơ khác' }).click();
  await page.getByLabel('Mã hồ sơ').fill(dossier.code);
  await page.getByLabel('4 chữ số cuối điện thoại hoặc CCCD').fill('5555');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByText('Hồ sơ này đã được đánh giá').waitFor();
  await page.context().close();
});

journey('kiosk: wrong digits are told "not found", nothing is shown about the dossier', async () => {
  const page = await newPage();
  await page.goto(`${e2e.server.url}/danh-gia?ma=${encodeURIComponent(dossier.code)}`);
  await page.getByLabel('4 chữ số cuối điện thoại hoặc CCCD').fill('1111');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ' }).waitFor();
  assert.equal(await page.getByText('TY-HT-06').count(), 0);
  await page.context().close();
});

journey('the leader sees the rating, the comment and the formula on the satisfaction page', async () => {
  const page = await signedIn('lanhdao');
  await page.goto(`${e2e.server.url}/hai-long`);
  await page.getByTestId('satisfaction-formula').waitFor();
  assert.match(await page.getByTestId('satisfaction-formula').innerText(), /Tỷ lệ hài lòng = /);
  await page.getByText('Cán bộ nhiệt tình, hướng dẫn rõ ràng.').waitFor();
  await screenshot(page, 'satisfaction-summary');
  await page.context().close();
});

journey('a published answer shows on the public page as text: markup-looking input is escaped, personal data removed', async () => {
  const units = await (await fetch(`${e2e.server.url}/api/v1/feedback/options`)).json();
  const unitId = units.units.find((u: { name: string }) => u.name === 'Xã Tiên Yên').id;
  const sent = await fetch(`${e2e.server.url}/api/v1/feedback/public`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'recommendation', field: 'facilities', unitId, body: 'Ghế chờ < 10 chiếc & "quá ít" — gọi Lưu Văn Khách 0912345670', sender: { name: 'Lưu Văn Khách', phone: '0912345670' }, consentPublish: true }) });
  assert.equal(sent.status, 201, await sent.clone().text());
  const item = await sent.json();
  const counter = await apiAs('motcua');
  const d = await counter('POST', `/api/v1/feedback/${item.id}/answer`, { version: 1, answer: 'Đã bổ sung 20 ghế mới & quạt <loại có tựa>.' });
  await counter('POST', `/api/v1/feedback/${item.id}/publish`, { version: d.version });
  const page = await newPage({ width: 1280, height: 900 });
  await page.goto(`${e2e.server.url}/phan-anh-kien-nghi`);
  const published = page.getByTestId('published-item').filter({ hasText: item.code });
  await published.waitFor();
  const text = await published.innerText();
  assert.ok(text.includes('Ghế chờ < 10 chiếc & "quá ít"'), text);
  assert.ok(!text.includes('Lưu Văn Khách') && !text.includes('0912345670'), text);
  assert.ok(text.includes('20 ghế mới & quạt <loại có tựa>.'), text);
  assert.equal(await published.locator('loại').count(), 0);
  await page.context().close();
});

journey('at the return of the result the counter officer shows a QR code; the applicant scans it on a phone and rates', async () => {
  const page = await signedIn('motcua');
  await page.goto(`${e2e.server.url}/ho-so/${second.id}`);
  await page.getByRole('button', { name: 'Mời đánh giá (mã QR)' }).click();
  const qr = page.getByRole('dialog').locator('img');
  await qr.waitFor();
  const url = await qr.getAttribute('alt');
  assert.match(url ?? '', /\/danh-gia\?t=[A-Za-z0-9_-]{20,}$/);
  await screenshot(page, 'rating-invite-qr');
  await page.context().close();

  const phone = await newPage({ width: 390, height: 844 });
  await phone.goto(url!);
  await phone.getByText(`Hồ sơ ${second.code}`).waitFor();
  for (const criterion of ['Tiếp cận dịch vụ', 'Thủ tục hành chính', 'Công chức trực tiếp giải quyết', 'Kết quả giải quyết', 'Tiếp nhận, xử lý phản ánh, kiến nghị', 'Mức độ hài lòng chung']) {
    await phone.getByRole('button', { name: new RegExp(`^${criterion}: 4 — `) }).tap();
  }
  await phone.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await phone.getByTestId('kiosk-thanks').waitFor();
  await phone.context().close();
});

journey('the inbox lists every channel’s items; an administrator sees the time-limit rules marked unverified', async () => {
  const page = await signedIn('admin');
  await page.goto(`${e2e.server.url}/phan-anh`);
  // The demo seed put items of six channels in the commune's inbox.
  for (const channel of ['Sổ góp ý', 'Hòm thư góp ý', 'Đường dây nóng', 'Thư điện tử', 'Open311']) await page.getByRole('cell', { name: channel, exact: true }).first().waitFor();
  await page.getByRole('cell', { name: 'Đường dây nóng', exact: true }).first().click();
  await page.getByText('Quá trình xử lý').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Cấu hình' }).click();
  await page.getByText('Thời hạn xử lý theo loại (ngày làm việc)').waitFor();
  assert.equal(await page.getByText('chưa xác minh').count(), 4);
  await screenshot(page, 'feedback-settings');
  await page.context().close();
});
