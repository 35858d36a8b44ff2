/**
 * The OCR assist through the real app: a CCCD-like page rendered to PDF (pdfkit + the app's font) read by the real
 * tesseract — skipped, with the reason, when tesseract-ocr / tesseract-ocr-vie / poppler-utils are not installed —,
 * the refusals, the 503 when tesseract is missing, and the duplicate warning at receipt.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDossierServer, type DossierTestServer } from '../dossiers/test-helpers.ts';
import { makeDossier } from '../satisfaction/test-helpers.ts';
import { SCAN_APPLICANT, renderCccdPdf } from './test-scan.ts';

const LIMIT = 512 * 1024;
// Read by the routes at start-up (UPLOAD_MAX_BYTES, as for the scans): a small limit keeps "too big" cheap.
process.env.UPLOAD_MAX_BYTES = String(LIMIT);

const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;
const noOcr = langs.error || langs.status !== 0
  ? 'tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie): reading a real scan needs it'
  : !`${langs.stdout}`.split('\n').includes('vie')
    ? 'the Vietnamese tesseract data is not installed (apt-get install tesseract-ocr-vie)'
    : !hasPdftoppm
      ? 'pdftoppm is not installed (apt-get install poppler-utils)'
      : false;

const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

/** A multipart/form-data body with one file part. */
function multipart(bytes: Buffer, fileName = 'cccd.pdf', type = 'application/pdf') {
  const boundary = `----motcua${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('OCR assist API', () => {
  let s: DossierTestServer;
  let pdf: Buffer;
  before(async () => {
    [s, pdf] = await Promise.all([startDossierServer(), renderCccdPdf()]);
  });
  after(() => s?.close());

  const extract = (body: ReturnType<typeof multipart>, cookie = s.cookies.motcua, lang = 'vi') =>
    s.app.inject({ method: 'POST', url: '/api/v1/ocr/extract', headers: { ...body.headers, cookie, 'accept-language': lang }, payload: body.payload });
  const ocrAudit = async () => (await s.database.query(`SELECT actor_id, subject_id, unit_id, after FROM audit_log WHERE action = 'ocr.extract' ORDER BY seq`)).rows;

  test('reads the name (with its accents), ID number and date of birth from a PDF scan; audits the file hash and the field names only', { skip: noOcr }, async () => {
    const before = (await ocrAudit()).length;
    const res = await extract(multipart(pdf));
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.fields.name.value, SCAN_APPLICANT.name.normalize('NFC'));
    assert.equal(body.fields.idNumber.value, SCAN_APPLICANT.idNumber);
    assert.equal(body.fields.idNumber.kind, 'cccd');
    assert.equal(body.fields.dateOfBirth.value, SCAN_APPLICANT.dateOfBirth);
    assert.equal(body.fields.sex.value, 'female');
    assert.equal(body.fields.address.value, SCAN_APPLICANT.address);
    assert.equal(body.fields.phone.value, SCAN_APPLICANT.phone);
    // Every field carries the lowest confidence of its words; the name and ID were read clearly.
    assert.ok(body.fields.name.confidence >= body.reviewBelow, JSON.stringify(body.fields.name));
    assert.equal(body.fields.idNumber.review, false);
    assert.equal(body.pages.length, 1);
    assert.equal(body.pages[0].read, true);
    assert.equal(body.mediaType, 'application/pdf');
    assert.match(body.text, /CĂN CƯỚC|CCCD|CÔNG DÂN|CONG DÂN/);

    const rows = await ocrAudit();
    assert.equal(rows.length, before + 1);
    const row = rows[rows.length - 1] as { subject_id: string; actor_id: string; unit_id: string; after: { fields: string[]; sha256: string } };
    assert.equal(row.subject_id, body.sha256);
    assert.equal(row.actor_id, await s.userId('motcua'));
    assert.equal(row.unit_id, await s.unitId('Xã Tiên Yên'));
    assert.deepEqual(row.after.fields, ['idNumber', 'name', 'dateOfBirth', 'sex', 'address', 'phone', 'email']);
    assert.equal(row.after.sha256, body.sha256);
    // Nothing of the values is kept.
    const stored = JSON.stringify(row.after);
    for (const v of [SCAN_APPLICANT.idNumber, 'Nhung', 'NHUNG', SCAN_APPLICANT.phone, '1990']) assert.ok(!stored.includes(v), `${v} in the audit row`);
    // No dossier, no file stored: the answer is a proposal.
    assert.equal((await s.database.query(`SELECT count(*)::int AS n FROM dossiers WHERE applicant_id_number = $1`, [SCAN_APPLICANT.idNumber])).rows[0].n, 0);
  });

  test('reads a 300 dpi JPEG of the page the same way; on a 200 dpi PNG a misread name is flagged for review', { skip: noOcr }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-ocr-test-'));
    try {
      writeFileSync(join(dir, 'p.pdf'), pdf);
      for (const args of [['-r', '300', '-jpeg'], ['-r', '200', '-png']]) assert.equal(spawnSync('pdftoppm', [...args, '-singlefile', join(dir, 'p.pdf'), join(dir, `p${args[1]}`)]).status, 0);
      const jpeg = await extract(multipart(readFileSync(join(dir, 'p300.jpg')), 'cccd.jpg', 'image/jpeg'));
      assert.equal(jpeg.statusCode, 200, jpeg.body);
      assert.equal(jpeg.json().mediaType, 'image/jpeg');
      assert.equal(jpeg.json().fields.name.value, SCAN_APPLICANT.name.normalize('NFC'));
      assert.equal(jpeg.json().fields.idNumber.value, SCAN_APPLICANT.idNumber);
      // At 200 dpi tesseract 5.3 reads "NGUYÊN" for "NGUYỄN" with confidence 0: what matters is that it says so.
      const png = await extract(multipart(readFileSync(join(dir, 'p200.png')), 'cccd.png', 'image/png'));
      assert.equal(png.statusCode, 200, png.body);
      const name = png.json().fields.name;
      assert.ok(name.value === SCAN_APPLICANT.name.normalize('NFC') || (name.review && name.reasons.includes('low_confidence')), JSON.stringify(name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('status says whether OCR is available here', async () => {
    const res = await s.app.inject({ url: '/api/v1/ocr/status', headers: { cookie: s.cookies.motcua } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().available, !noOcr || noOcr.includes('pdftoppm'));
    assert.ok(res.json().workers >= 1);
    assert.equal(typeof res.json().reviewBelow, 'number');
  });

  test('refuses a file that is not PDF, JPEG or PNG by its bytes (415, whatever its name says), and stores nothing', async () => {
    const before = (await ocrAudit()).length;
    const res = await extract(multipart(GIF, 'cccd.pdf', 'application/pdf'), s.cookies.motcua, 'en');
    assert.equal(res.statusCode, 415, res.body);
    assert.equal(res.json().code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(res.json().errors[0].message, 'Only PDF, JPEG or PNG files are accepted');
    const json = await s.app.inject({ method: 'POST', url: '/api/v1/ocr/extract', headers: { cookie: s.cookies.motcua }, payload: { file: 'x' } });
    assert.equal(json.statusCode, 415, json.body);
    assert.equal((await ocrAudit()).length, before);
  });

  test('refuses a file over the scans’ size limit with 413', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(LIMIT + 10)]);
    const res = await extract(multipart(big), s.cookies.motcua, 'fr');
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().code, 'PAYLOAD_TOO_LARGE');
    assert.match(res.json().errors[0].message, /dépasse/);
  });

  test('refuses an image of more than 50 megapixels with 413 before any OCR (a small PNG can claim a huge size)', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    const res = await extract(multipart(png, 'huge.png', 'image/png'), s.cookies.motcua, 'en');
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().errors[0].code, 'too_many_pixels');
    assert.match(res.json().errors[0].message, /20000 × 20000 pixels/);
  });

  test('refuses a specialist (no dossiers.receive) with 403 and an anonymous caller with 401, before reading the file', async () => {
    const res = await extract(multipart(pdf), s.cookies.chuyenvien);
    assert.equal(res.statusCode, 403, res.body);
    const anon = await s.app.inject({ method: 'POST', url: '/api/v1/ocr/extract', ...multipart(pdf) });
    assert.equal(anon.statusCode, 401, anon.body);
    const status = await s.app.inject({ url: '/api/v1/ocr/status', headers: { cookie: s.cookies.chuyenvien } });
    assert.equal(status.statusCode, 403);
  });

  test('a damaged PDF is answered 422 OCR_UNREADABLE, saying why in Vietnamese by default and in English when asked', { skip: noOcr }, async () => {
    const damaged = () => multipart(Buffer.from('%PDF-1.7\nnot really a pdf\n%%EOF\n'));
    const res = await extract(damaged(), s.cookies.motcua, 'en');
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().code, 'OCR_UNREADABLE');
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.json().detail, 'no page could be rendered from the PDF (damaged or password-protected); scan it again or save it anew');
    const body = damaged();
    const vi = await s.app.inject({ method: 'POST', url: '/api/v1/ocr/extract', headers: { ...body.headers, cookie: s.cookies.motcua }, payload: body.payload });
    assert.equal(vi.statusCode, 422, vi.body);
    assert.equal(vi.json().title, 'Không đọc được tệp này (tệp hỏng hoặc không có trang nào)');
    assert.equal(vi.json().detail, 'Không lấy được trang nào từ tệp PDF (tệp hỏng hoặc có mật khẩu); hãy quét lại hoặc lưu lại tệp');
  });

  describe('duplicate warning at receipt: GET /api/v1/assist/open-dossiers', () => {
    const open = (procedureId: string, idNumber: string, cookie = s.cookies.motcua) =>
      s.app.inject({ url: `/api/v1/assist/open-dossiers?procedureId=${procedureId}&idNumber=${encodeURIComponent(idNumber)}`, headers: { cookie } });

    test('lists the applicant’s open dossiers of the same procedure (code, receipt date, status), not finished ones, other procedures or other communes’', async () => {
      const idNumber = '022090007777';
      const procedureId = await s.procedure('TY-HT-06');
      const other = await s.procedure('TY-HT-04');
      assert.deepEqual((await open(procedureId, idNumber)).json(), { items: [] });
      const first = await makeDossier(s, { applicant: { idNumber }, stopAt: 'received' });
      const finished = await makeDossier(s, { applicant: { idNumber }, stopAt: 'result_ready' });
      const res = await open(procedureId, idNumber);
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items as Array<{ id: string; code: string; status: string; receivedAt: string; applicantName: string }>;
      assert.deepEqual(items.map((i) => i.code), [first.code]);
      assert.equal(items[0].status, 'received');
      assert.ok(!Number.isNaN(Date.parse(items[0].receivedAt)));
      assert.ok(!items.some((i) => i.id === finished.id));
      assert.deepEqual((await open(other, idNumber)).json().items, []);
      assert.deepEqual((await open(procedureId, '022090007778')).json().items, []);
      // A counter officer of another commune does not see the Tiên Yên dossier.
      const elsewhere = await open(procedureId, idNumber, s.cookies['motcua.hailang']);
      assert.equal(elsewhere.statusCode, 200, elsewhere.body);
      assert.deepEqual(elsewhere.json().items, []);
    });

    test('needs dossiers.receive (403 for a specialist) and a well-formed query (400)', async () => {
      const procedureId = await s.procedure('TY-HT-06');
      assert.equal((await open(procedureId, '022090007777', s.cookies.chuyenvien)).statusCode, 403);
      const bad = await open(procedureId, '12');
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().errors[0].field, 'idNumber');
      assert.equal((await open('not-a-uuid', '022090007777')).statusCode, 400);
    });
  });
});

describe('OCR assist without tesseract', () => {
  let s: DossierTestServer;
  before(async () => {
    // Read by the routes at start-up: this server's engine looks for a tesseract that does not exist.
    process.env.OCR_TESSERACT = join(tmpdir(), 'motcua-no-such-tesseract');
    try {
      s = await startDossierServer();
    } finally {
      delete process.env.OCR_TESSERACT;
    }
  });
  after(() => s?.close());

  test('status says unavailable with the reason, and /extract answers 503 OCR_UNAVAILABLE in the caller’s language', async () => {
    const status = await s.app.inject({ url: '/api/v1/ocr/status', headers: { cookie: s.cookies.motcua } });
    assert.equal(status.statusCode, 200, status.body);
    assert.equal(status.json().available, false);
    assert.match(status.json().reason, /install tesseract-ocr/);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    for (const [lang, word] of [['vi', 'chưa sẵn sàng'], ['en', 'not available'], ['fr', 'pas disponible']]) {
      const body = multipart(png, 'a.png', 'image/png');
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/ocr/extract', headers: { ...body.headers, cookie: s.cookies.motcua, 'accept-language': lang }, payload: body.payload });
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.json().code, 'OCR_UNAVAILABLE');
      assert.ok(res.json().title.includes(word), res.json().title);
    }
  });
});

describe('OCR assist without poppler-utils', { skip: noOcr }, () => {
  let s: DossierTestServer;
  let pdf: Buffer;
  const missing = join(tmpdir(), 'motcua-no-such-pdftoppm');
  before(async () => {
    // Read by the routes at start-up: tesseract is there, pdftoppm is not.
    process.env.OCR_PDFTOPPM = missing;
    try {
      [s, pdf] = await Promise.all([startDossierServer(), renderCccdPdf()]);
    } finally {
      delete process.env.OCR_PDFTOPPM;
    }
  });
  after(() => s?.close());

  test('a PDF scan is answered 503 OCR_UNAVAILABLE naming the missing program, not tesseract, in the caller’s language', async () => {
    const send = (lang?: string) => {
      const body = multipart(pdf);
      return s.app.inject({ method: 'POST', url: '/api/v1/ocr/extract', headers: { ...body.headers, cookie: s.cookies.motcua, ...(lang ? { 'accept-language': lang } : {}) }, payload: body.payload });
    };
    const vi = await send();
    assert.equal(vi.statusCode, 503, vi.body);
    assert.equal(vi.json().code, 'OCR_UNAVAILABLE');
    assert.equal(vi.json().detail, `Máy chủ không chạy được ${missing} (gói poppler-utils) nên chưa đọc được bản quét PDF; hãy dùng ảnh JPEG, PNG hoặc nhập tay`);
    const en = await send('en');
    assert.equal(en.json().detail, `${missing} could not be run: install poppler-utils to read PDF scans, or send a JPEG or PNG image`);
  });
});

describe('OCR assist with every worker busy', { skip: noOcr }, () => {
  let s: DossierTestServer;
  let pdf: Buffer;
  before(async () => {
    // Read by the routes at start-up: one worker and no queue, so a second scan at the same time is refused.
    Object.assign(process.env, { OCR_WORKERS: '1', OCR_QUEUE_LIMIT: '0' });
    try {
      [s, pdf] = await Promise.all([startDossierServer(), renderCccdPdf()]);
    } finally {
      delete process.env.OCR_WORKERS;
      delete process.env.OCR_QUEUE_LIMIT;
    }
  });
  after(() => s?.close());

  test('scans sent together beyond the queue bound get 503 OCR_BUSY with Retry-After at once; the admitted one is read', async () => {
    const send = () => {
      const body = multipart(pdf);
      return s.app.inject({ method: 'POST', url: '/api/v1/ocr/extract', headers: { ...body.headers, cookie: s.cookies.motcua, 'accept-language': 'en' }, payload: body.payload });
    };
    const answers = await Promise.all([send(), send(), send()]);
    const ok = answers.filter((r) => r.statusCode === 200);
    const busy = answers.filter((r) => r.statusCode === 503);
    assert.ok(ok.length >= 1, answers.map((r) => r.statusCode).join());
    assert.ok(busy.length >= 1, answers.map((r) => r.statusCode).join());
    assert.equal(ok.length + busy.length, 3);
    assert.equal(busy[0].json().code, 'OCR_BUSY');
    assert.equal(busy[0].headers['retry-after'], '5');
    assert.match(busy[0].json().title, /many scans/);
    assert.equal(ok[0].json().fields.idNumber.value, SCAN_APPLICANT.idNumber);
    // The pool is free again afterwards.
    assert.equal((await send()).statusCode, 200);
  });
});
