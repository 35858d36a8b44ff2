/**
 * The PAR index in a real Chromium against a real server: a commune reform officer self-assesses two criteria
 * with evidence and submits; the province appraiser adjusts one; the ranking page follows.
 * The year's framework, the peers' published results and the criteria already scored are set up through the API
 * (as the province and the commune would have done before), so the journey does not depend on the demo seed.
 * Run: node --import tsx --test --test-reporter=spec e2e/reform.e2e.ts  (E2E_REBUILD=1 to rebuild the web app)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, screenshot, useJourneys } from './helpers.ts';

const YEAR = 2026;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const e2e = useJourneys(setUp);

/** A small API client with a session cookie, for the set-up. */
async function apiAs(username: string) {
  const login = await fetch(`${e2e.server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  assert.equal(login.status, 200, `login ${username}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const call = async <T>(method: string, path: string, body?: unknown, type = 'application/json'): Promise<T> => {
    const res = await fetch(`${e2e.server.url}${path}`, { method, headers: { cookie, ...(body !== undefined ? { 'content-type': type } : {}) }, body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : new Uint8Array(body as Buffer) });
    const json = (await res.json().catch(() => undefined)) as T;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return call;
}

/** The year's criteria (20 points), as the province would import them. */
async function criteriaWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('TieuChi');
  for (const row of [
    ['Mã', 'Nội dung', 'Điểm tối đa', 'Phương pháp', 'Số liệu tự động', 'Hướng dẫn chấm điểm'],
    ['1', 'Công tác chỉ đạo, điều hành CCHC', 8, '', '', ''],
    ['1.1', 'Kế hoạch cải cách hành chính năm', 4, '', '', ''],
    ['1.2', 'Kiểm tra công tác cải cách hành chính', 4, '', '', ''],
    ['2', 'Cải cách thủ tục hành chính', 6, '', '', ''],
    ['2.1', 'Công khai thủ tục hành chính', 3, '', '', 'Công khai đầy đủ tại Bộ phận Một cửa và trên Cổng: 3 điểm'],
    ['2.2', 'Hồ sơ giải quyết đúng hạn', 3, '', 'dossiers.on_time_rate', ''],
    ['3', 'Đội ngũ cán bộ, công chức', 2, '', '', ''],
    ['3.1', 'Đào tạo, bồi dưỡng cán bộ', 2, '', 'training.trainees', 'Thực hiện đủ kế hoạch bồi dưỡng: 2 điểm'],
    ['4', 'Tác động của CCHC (điều tra xã hội học)', 4, '', '', ''],
    ['4.1', 'Mức độ hài lòng của người dân', 4, 'Điều tra xã hội học', '', ''],
  ])
    ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The year's framework, the peers' published results and the criteria already scored, through the API once the server is up. */
async function setUp() {
  const province = await apiAs('thanhtra');
  const commune = await apiAs('cchc');
  const units = await province<Array<{ id: string; name: string; kind: string }>>('GET', '/api/v1/units');
  const provinceId = units.find((u) => u.kind === 'province')!.id;
  const tienYen = units.find((u) => u.name === 'Xã Tiên Yên' && u.kind === 'commune')!.id;
  const imported = await province<{ frameworkId: string }>('POST', `/api/v1/par/frameworks/import?provinceUnitId=${provinceId}&year=${YEAR}&targetLevel=commune&name=${encodeURIComponent(`Bộ chỉ số CCHC cấp xã năm ${YEAR} (thử)`)}&maxPoints=20`, await criteriaWorkbook(), XLSX);
  const fw = await province<{ id: string; version: number; criteria: Array<{ id: string; code: string }> }>('GET', `/api/v1/par/frameworks/${imported.frameworkId}`);
  await province('PATCH', `/api/v1/par/frameworks/${fw.id}`, { version: fw.version, status: 'published' });
  const c = Object.fromEntries(fw.criteria.map((x) => [x.code, x.id]));
  await province('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, { localityName: 'Địa phương minh hoạ A', publishedScore: 18, illustrative: true });
  await province('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, { localityName: 'Địa phương minh hoạ B', publishedScore: 17.5, illustrative: true });
  const a = await commune<{ id: string }>('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, { unitId: tienYen });
  for (const [code, score] of [['1.1', 4], ['1.2', 3.5], ['2.2', 2.5]] as const) await commune('PUT', `/api/v1/par/assessments/${a.id}/scores/${c[code]}`, { version: 0, score });
  await province('PUT', `/api/v1/par/assessments/${a.id}/survey`, { version: 1, results: [{ criterionId: c['4.1'], score: 3.5 }] });
  await commune('POST', '/api/v1/training/classes', { unitId: tienYen, title: 'Bồi dưỡng nghiệp vụ một cửa', organiser: 'UBND xã Tiên Yên', level: 'commune', startOn: `${YEAR}-03-10`, endOn: `${YEAR}-03-11`, reportedParticipants: 24 });
}

const signedIn = (username: string) => e2e.signedIn(username, { viewport: { width: 1440, height: 900 } });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
const rankingRow = (page: Page, name: string) => page.getByTestId('par-ranking').getByRole('row').filter({ hasText: name });

async function openParPage(page: Page) {
  await nav(page).getByRole('link', { name: 'Chỉ số CCHC' }).click();
  await page.getByRole('heading', { name: 'Chỉ số cải cách hành chính', level: 1 }).waitFor();
}

async function openTienYenAssessment(page: Page) {
  await page.getByRole('tab', { name: 'Tự đánh giá, thẩm định' }).click();
  await page.getByRole('button', { name: 'Mở Xã Tiên Yên' }).click();
  await page.getByTestId('assessment-totals').waitFor();
}

describe('PAR index: self-assessment, appraisal, ranking', () => {
  test('the commune reform officer self-assesses two criteria with evidence and submits; the ranking follows', async () => {
    const page = await signedIn('cchc');
    await openParPage(page);
    await rankingRow(page, 'Xã Tiên Yên').filter({ hasText: '13,5' }).waitFor();
    assert.match(await rankingRow(page, 'Xã Tiên Yên').innerText(), /^3\b/);
    await screenshot(page, 'reform-01-ranking-before');

    await openTienYenAssessment(page);
    // Criterion 2.1 with a link to the published list of procedures.
    await page.getByTestId('criterion-2.1').getByRole('button', { name: 'Chấm điểm' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Điểm tự đánh giá').fill('3');
    await dialog.getByLabel('Giải trình').fill('Đã niêm yết 100% thủ tục tại Bộ phận Một cửa và trên Cổng thông tin của xã');
    await dialog.getByLabel('Đường dẫn tài liệu').fill('https://tienyen.quangninh.gov.vn/thu-tuc-hanh-chinh');
    await dialog.getByLabel('Tên tài liệu').fill('Danh mục TTHC công khai trên Cổng thông tin xã');
    await dialog.getByRole('button', { name: 'Thêm minh chứng' }).click();
    await dialog.getByTestId('evidence-list').getByText('Danh mục TTHC công khai trên Cổng thông tin xã').waitFor();
    await screenshot(page, 'reform-02-self-assessment-evidence');
    await dialog.getByRole('button', { name: 'Lưu điểm' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Criterion 3.1 with the training figure motcua computes (24 trainees this year).
    await page.getByTestId('criterion-3.1').getByRole('button', { name: 'Chấm điểm' }).click();
    await dialog.getByLabel('Điểm tự đánh giá').fill('1.75');
    await dialog.getByText('Số liệu đính kèm', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Thêm minh chứng' }).click();
    await dialog.getByTestId('evidence-list').getByText(/24/).waitFor();
    await dialog.getByRole('button', { name: 'Lưu điểm' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The dossier figure beside criterion 2.2 is computed from the dossiers (the dashboard's rollups): a rate in %.
    assert.match(await page.getByTestId('criterion-2.2').innerText(), /\b\d{1,3}(,\d+)? %/);
    await page.getByTestId('assessment-totals').getByText('18,25 / 20').waitFor();
    assert.match(await page.getByTestId('criterion-2.1').innerText(), /\b1\b/, 'one piece of evidence');

    await page.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByTestId('assessment-totals').getByText('Đã gửi thẩm định').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Chấm điểm' }).count(), 0, 'submitted: no more self-assessment');
    await screenshot(page, 'reform-03-submitted');

    await page.getByRole('tab', { name: 'Xếp hạng' }).click();
    await rankingRow(page, 'Xã Tiên Yên').filter({ hasText: '18,25' }).waitFor();
    assert.match(await rankingRow(page, 'Xã Tiên Yên').innerText(), /^1\b/);
    await screenshot(page, 'reform-04-ranking-after-self-assessment');
    await page.context().close();
  });

  test('the province appraiser adjusts one criterion; the ranking shows the tie', async () => {
    const page = await signedIn('thanhtra');
    await openParPage(page);
    await openTienYenAssessment(page);
    await page.getByTestId('criterion-3.1').getByRole('button', { name: 'Thẩm định' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('evidence-list').getByText(/24/).waitFor();
    await dialog.getByLabel('Điểm thẩm định').fill('1.5');
    await dialog.getByLabel('Nhận xét thẩm định').fill('Chưa bồi dưỡng đủ người hoạt động không chuyên trách ở thôn');
    await screenshot(page, 'reform-05-appraisal');
    await dialog.getByRole('button', { name: 'Lưu thẩm định' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('assessment-totals').getByText('18 / 20').waitFor();

    await page.getByRole('tab', { name: 'Xếp hạng' }).click();
    await rankingRow(page, 'Xã Tiên Yên').filter({ hasText: '90' }).waitFor();
    const ty = await rankingRow(page, 'Xã Tiên Yên').innerText();
    const a = await rankingRow(page, 'Địa phương minh hoạ A').innerText();
    assert.match(ty, /^1\s*đồng hạng/);
    assert.match(a, /^1\s*đồng hạng/);
    assert.match(await rankingRow(page, 'Địa phương minh hoạ B').innerText(), /^3\b/, 'competition rule: the next rank is 3');
    await screenshot(page, 'reform-06-ranking-after-appraisal');
    await page.context().close();
  });
});
