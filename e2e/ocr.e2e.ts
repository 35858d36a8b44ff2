/**
 * Reading the applicant's details from a scan at the counter, in a real Chromium against a real server with the
 * demo data and the real tesseract: the counter officer chooses "Đăng ký khai sinh", types the phone, then picks the
 * scan of a CCCD-like page with "Đọc thông tin từ bản quét"; the EMPTY applicant fields fill in (the typed phone is
 * kept), fields flagged by the server show "Kiểm tra lại", and the warning lists the applicant's dossier of the same
 * procedure still open; the officer receives the dossier as usual and it carries the details read.
 * Skipped, with the reason, when tesseract-ocr / tesseract-ocr-vie are not installed.
 * Run: WEB_DIST=.tmp/web-ocr E2E_REBUILD=1 CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/ocr.e2e.ts
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe } from 'node:test';
import { renderCccdPdf, SCAN_APPLICANT } from '../server/modules/ocr/test-scan.ts';
import { screenshot, useJourneys } from './helpers.ts';

const DESKTOP = { width: 1366, height: 900 };
const TYPED_PHONE = '0987000111';

const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
const skip = langs.status === 0 && `${langs.stdout}`.split('\n').includes('vie') ? false : 'tesseract with Vietnamese data is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)';

describe('OCR at the counter', { skip }, () => {
  let dir = '';
  let scanPath = '';
  const earlier = { id: '', code: '' };
  let procedureId = '';

  const e2e = useJourneys(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-ocr-e2e-'));
    scanPath = join(dir, 'cccd-nguyen-thi-hong-nhung.pdf');
    writeFileSync(scanPath, await renderCccdPdf());
    // The same applicant already has a birth registration in progress: the receipt page must warn of it.
    const counter = await e2e.apiAs('motcua');
    const found = await (await fetch(`${e2e.server.url}/api/v1/procedures?q=TY-HT-01`)).json();
    procedureId = found.items.find((p: { code: string }) => p.code === 'TY-HT-01').id;
    const checklist = (await counter('POST', '/api/v1/dossiers/checklist', { procedureId })) as { documents: unknown[] };
    const documents = checklist.documents.map((_: unknown, index: number) => ({ index, received: true }));
    const r = (await counter('POST', '/api/v1/dossiers', { procedureId, documents, applicant: { kind: 'individual', name: SCAN_APPLICANT.name, idNumber: SCAN_APPLICANT.idNumber, phone: SCAN_APPLICANT.phone } })) as { dossier: { id: string; code: string } };
    Object.assign(earlier, { id: r.dossier.id, code: r.dossier.code });
  });
  const { journey } = e2e;
  const signedIn = (username: string) => e2e.signedIn(username, { viewport: DESKTOP, timeout: 30_000 });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  journey('the counter officer reads the applicant from a scan: empty fields fill in, flagged ones say "Kiểm tra lại", an open dossier is warned of, the dossier is received', async () => {
    const page = await signedIn('motcua');
    await page.goto(`${e2e.server.url}/ho-so/tiep-nhan`);
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
    const picker = page.getByLabel('Thủ tục hành chính', { exact: true });
    await picker.click();
    await picker.fill('dang ky khai sinh');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ has: page.getByText('Đăng ký khai sinh', { exact: true }) }).click();
    await page.getByTestId('checklist-row').first().waitFor();
    await page.getByRole('button', { name: 'Đã nhận đủ tất cả' }).click();
    // The phone was typed before the scan: the proposal must not overwrite it.
    await page.getByLabel('Số điện thoại', { exact: true }).fill(TYPED_PHONE);

    const button = page.getByRole('button', { name: 'Đọc thông tin từ bản quét' });
    await button.waitFor();
    assert.equal(await button.isDisabled(), false, 'OCR is available on this server');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/ocr/extract') && r.request().method() === 'POST', { timeout: 60_000 });
    await page.getByTestId('ocr-assist').locator('input[type=file]').setInputFiles(scanPath);
    const res = await answer;
    assert.equal(res.status(), 200, await res.text());
    const fields = (await res.json()).fields as Record<string, { value: string; review: boolean }>;
    await page.getByTestId('ocr-outcome').waitFor();

    assert.equal(await page.getByLabel('Họ và tên', { exact: true }).inputValue(), SCAN_APPLICANT.name.normalize('NFC'));
    assert.equal(await page.getByLabel('Số CCCD / định danh', { exact: true }).inputValue(), SCAN_APPLICANT.idNumber);
    assert.equal(await page.getByLabel('Địa chỉ', { exact: true }).inputValue(), SCAN_APPLICANT.address);
    assert.equal(await page.getByLabel('Số điện thoại', { exact: true }).inputValue(), TYPED_PHONE);
    const outcome = await page.getByTestId('ocr-outcome').innerText();
    assert.match(outcome, /Giữ nguyên nội dung đã nhập: Số điện thoại/);
    assert.match(outcome, /ngày sinh 15\/03\/1990 · nữ/);
    // Exactly the filled fields the server flagged carry the note (the phone was not filled).
    const flagged = ['name', 'idNumber', 'email', 'address'].filter((k) => fields[k]?.review).length;
    assert.equal(await page.locator('.ant-form-item-explain-warning', { hasText: 'Kiểm tra lại' }).count(), flagged);
    // …and the outcome says why, field by field.
    const names: Record<string, string> = { name: 'Họ và tên', idNumber: 'Số CCCD/CMND', email: 'Thư điện tử', address: 'Địa chỉ' };
    for (const k of Object.keys(names).filter((key) => fields[key]?.review)) assert.match(await page.getByTestId('ocr-review-reasons').innerText(), new RegExp(`${names[k]} \\(`));

    // The applicant's birth registration still in progress is listed, with a link to it.
    const warning = page.getByTestId('open-dossiers-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /Người nộp đang có 1 hồ sơ chưa giải quyết xong cho thủ tục này/);
    assert.equal(await warning.getByRole('link', { name: earlier.code }).count(), 1);
    await screenshot(page, 'ocr-01-receipt-filled-from-scan');

    // The official fixes what needs fixing (the e-mail, if flagged, is re-typed) and receives as usual.
    if (fields.email?.review) await page.getByLabel('Thư điện tử', { exact: true }).fill(SCAN_APPLICANT.email);
    await page.getByTestId('receive-submit').click();
    const code = await page.getByTestId('dossier-code').innerText();
    assert.notEqual(code.trim(), earlier.code);
    const counter = await e2e.apiAs('motcua');
    const list = (await counter('GET', `/api/v1/assist/open-dossiers?procedureId=${procedureId}&idNumber=${SCAN_APPLICANT.idNumber}`)) as { items: Array<{ code: string; applicantName: string }> };
    const received = list.items.find((i: { code: string }) => i.code === code.trim());
    assert.ok(received, `the new dossier ${code} is open under the applicant's ID number`);
    assert.equal(received.applicantName, SCAN_APPLICANT.name.normalize('NFC'));
    await screenshot(page, 'ocr-02-received');
    await page.context().close();
  });
});
