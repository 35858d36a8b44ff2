import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDossierServer, type DossierTestServer } from '../test-helpers.ts';
import { findReusableDocuments } from './scans.service.ts';

const LIMIT = 64 * 1024;
// Read by the routes at start-up (UPLOAD_MAX_BYTES): a small limit keeps the "too big" case cheap.
process.env.UPLOAD_MAX_BYTES = String(LIMIT);

const PDF = Buffer.from('%PDF-1.7\n% Bản sao giấy khai sinh — scan\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), randomBytes(64), Buffer.from([0xff, 0xd9])]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

/** A multipart/form-data body with one file part. */
function multipart(bytes: Buffer, fileName = 'scan.pdf', type = 'application/pdf', field = 'file') {
  const boundary = `----motcua${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Every file under a folder (the content-addressed store). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

describe('scans and digitisation API', () => {
  let s: DossierTestServer;
  let c: Record<string, string>;
  let dataDir: string;
  let procId: string;
  let docCount: number;
  const applicant = { kind: 'individual', name: 'Lý Văn Số', idNumber: '022085009876', phone: '0912000111', email: null, address: 'Thôn Đồng Mạ, xã Tiên Yên' };
  type Doc = { id: string; index: number; scanRequired: boolean };
  type Detail = { id: string; code: string; version: number; documents: Doc[] };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-scans-'));
    s = await startDossierServer({ DATA_DIR: dataDir });
    c = s.cookies;
    procId = await s.procedure('TY-HT-06');
    const cl = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/checklist', headers: { cookie: c.motcua }, payload: { procedureId: procId } });
    docCount = cl.json().documents.length;
  });
  after(async () => {
    await s.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const store = () => join(dataDir, 'files');
  const receive = async (who = applicant): Promise<Detail> => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: { procedureId: procId, applicant: who, documents: Array.from({ length: docCount }, (_, index) => ({ index, received: true })) } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().dossier;
  };
  const upload = (d: Detail, docIndex: number, body: ReturnType<typeof multipart>, cookie = c.motcua, query = '', lang = 'vi') =>
    s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/documents/${d.documents[docIndex].id}/files${query}`, headers: { ...body.headers, cookie, 'accept-language': lang }, payload: body.payload });
  const act = async (id: string, action: string, cookie: string, body: Record<string, unknown>): Promise<Detail & { status: string }> => {
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/${action}`, headers: { cookie }, payload: body });
    assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    return r.json();
  };
  const fileRows = async (dossierId: string) => (await s.database.query('SELECT * FROM dossier_files WHERE dossier_id = $1 ORDER BY uploaded_at', [dossierId])).rows;
  const docRow = async (documentId: string) => (await s.database.query('SELECT digitised, file_sha256, mime_type, size_bytes, file_name FROM dossier_documents WHERE id = $1', [documentId])).rows[0];

  test('uploads a PDF scan of a received document: stored under its SHA-256, a row, the document marked digitised, two audit rows', async () => {
    const d = await receive();
    const res = await upload(d, 0, multipart(PDF, 'Tờ khai đăng ký lại khai sinh.pdf'));
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    const sha = createHash('sha256').update(PDF).digest('hex');
    assert.equal(body.created, true);
    assert.equal(body.file.sha256, sha);
    assert.equal(body.file.mediaType, 'application/pdf');
    assert.equal(body.file.sizeBytes, PDF.length);
    assert.equal(body.file.fileName, 'Tờ khai đăng ký lại khai sinh.pdf');
    assert.equal(body.file.digitised, true);
    assert.ok(existsSync(join(store(), sha.slice(0, 2), sha.slice(2, 4), sha)));
    assert.equal((await fileRows(d.id)).length, 1);
    assert.deepEqual(await docRow(d.documents[0].id), { digitised: true, file_sha256: sha, mime_type: 'application/pdf', size_bytes: PDF.length, file_name: 'Tờ khai đăng ký lại khai sinh.pdf' });
    const actions = (await s.auditFor(d.id)).map((a) => a.action);
    assert.deepEqual(actions.slice(0, 2).sort(), ['dossier.document.digitise', 'dossier.file.upload']);
    const audit = (await s.auditFor(d.id)).find((a) => a.action === 'dossier.file.upload')!;
    assert.equal((audit.after as { sha256: string }).sha256, sha);
    assert.equal(audit.actor_id, await s.userId('motcua'));

    // The same bytes again: nothing written, the existing row answered.
    const again = await upload(d, 0, multipart(PDF));
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().created, false);
    assert.equal((await fileRows(d.id)).length, 1);

    // Listed with the checklist, and downloadable (same bytes, sniffed type) by a reader of the dossier.
    const list = await s.app.inject({ url: `/api/v1/dossiers/${d.id}/files`, headers: { cookie: c.lanhdao } });
    assert.equal(list.statusCode, 200, list.body);
    const l = list.json();
    assert.equal(l.documents[0].digitised, true);
    assert.equal(l.documents[0].files[0].id, body.file.id);
    assert.equal(l.digitised, false); // the copy of the birth certificate is not scanned yet
    const dl = await s.app.inject({ url: `/api/v1/dossiers/${d.id}/files/${body.file.id}`, headers: { cookie: c.chuyenvien } });
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.deepEqual(dl.rawPayload, PDF);
  });

  test('the dossier is digitised when every received document needing a scan is; the presented ID needs none', async () => {
    const d = await receive();
    const toScan = d.documents.filter((x) => x.scanRequired);
    assert.ok(toScan.length < d.documents.length, 'the demo procedure has a document only shown for inspection');
    for (const [i, x] of d.documents.entries()) if (x.scanRequired) assert.equal((await upload(d, i, multipart(i % 2 ? JPEG : PNG, `p${i}`, 'image/*'))).statusCode, 201);
    const list = (await s.app.inject({ url: `/api/v1/dossiers/${d.id}/files`, headers: { cookie: c.motcua } })).json();
    assert.equal(list.digitised, true);
    const detail = (await s.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: { cookie: c.motcua } })).json();
    assert.equal(detail.digitised, true);
  });

  test('refuses a file that is not PDF, JPEG or PNG (by its bytes, whatever its name) with a localised 415: no file, no row, no audit', async () => {
    const d = await receive();
    const before = filesUnder(store()).length;
    const res = await upload(d, 0, multipart(GIF, 'scan.pdf', 'application/pdf'));
    assert.equal(res.statusCode, 415);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const p = res.json();
    assert.equal(p.code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(p.title, 'Định dạng không được hỗ trợ');
    assert.equal(p.errors[0].message, 'Chỉ nhận tệp PDF, JPEG hoặc PNG');
    const en = await upload(d, 0, multipart(Buffer.from('<html>not a scan</html>'), 'x.png', 'image/png'), c.motcua, '', 'en');
    assert.equal(en.statusCode, 415);
    assert.equal(en.json().errors[0].message, 'Only PDF, JPEG or PNG files are accepted');
    assert.equal(filesUnder(store()).length, before);
    assert.equal((await fileRows(d.id)).length, 0);
    assert.equal((await docRow(d.documents[0].id)).digitised, false);
    assert.deepEqual((await s.auditFor(d.id)).map((a) => a.action), ['dossier.receive']);
  });

  test('refuses a file over the size limit with 413 naming the limit: no file, no row', async () => {
    const d = await receive();
    const before = filesUnder(store()).length;
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(LIMIT)]);
    const res = await upload(d, 0, multipart(big));
    assert.equal(res.statusCode, 413);
    const p = res.json();
    assert.equal(p.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(p.title, `Dữ liệu gửi lên quá lớn (tối đa ${LIMIT} byte)`);
    assert.equal(p.errors[0].field, 'file');
    assert.equal(filesUnder(store()).length, before);
    assert.equal((await fileRows(d.id)).length, 0);
    const sha = createHash('sha256').update(big).digest('hex');
    assert.ok(!existsSync(join(store(), sha.slice(0, 2), sha.slice(2, 4), sha)));
  });

  test('refuses: 401 without a session, 403 to a citizen, to a leader (reads but does not digitise) and to another commune’s counter; nothing stored', async () => {
    const d = await receive();
    const before = filesUnder(store()).length;
    const body = multipart(Buffer.concat([PDF, randomBytes(16)]));
    assert.equal((await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/documents/${d.documents[0].id}/files`, headers: body.headers, payload: body.payload })).statusCode, 401);
    assert.equal((await upload(d, 0, body, c.congdan)).statusCode, 403);
    assert.equal((await upload(d, 0, body, c.lanhdao)).statusCode, 403);
    const other = await upload(d, 0, body, c['motcua.hailang']);
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().code, 'FORBIDDEN');
    assert.equal(filesUnder(store()).length, before);
    assert.equal((await fileRows(d.id)).length, 0);
    // Reading is scoped like the dossier: another commune does not see it at all.
    assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${d.id}/files`, headers: { cookie: c['motcua.hailang'] } })).statusCode, 404);
  });

  test('the specialist of the competent authority may digitise too', async () => {
    const d = await receive();
    assert.equal((await upload(d, 1, multipart(Buffer.concat([PDF, Buffer.from('specialist')])), c.chuyenvien)).statusCode, 201);
  });

  test('400 without a file field, 415 for a JSON body, 404 for a document of another dossier', async () => {
    const d = await receive();
    const other = await receive();
    assert.equal((await upload(d, 0, multipart(PDF, 'a.pdf', 'application/pdf', 'scan'))).statusCode, 400);
    const json = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/documents/${d.documents[0].id}/files`, headers: { cookie: c.motcua }, payload: { file: 'JVBERi0=' } });
    assert.equal(json.statusCode, 415);
    const body = multipart(PDF);
    const wrong = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/documents/${other.documents[0].id}/files`, headers: { ...body.headers, cookie: c.motcua }, payload: body.payload });
    assert.equal(wrong.statusCode, 404);
  });

  test('400, not 500, for a damaged multipart body (its boundary is not the announced one, or it is cut short); nothing stored', async () => {
    const d = await receive();
    const good = multipart(PDF);
    const mismatched = { ...good, headers: { 'content-type': 'multipart/form-data; boundary=----not-the-boundary-of-the-body' } };
    const cut = { ...good, payload: good.payload.subarray(0, good.payload.length - 30) };
    for (const body of [mismatched, cut]) {
      const res = await upload(d, 0, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().errors[0].field, 'file');
      assert.match(res.json().errors[0].message, /Không đọc được tệp gửi lên/);
    }
    assert.equal((await fileRows(d.id)).length, 0);
  });

  test('page by page: pages uploaded with ?digitised=false leave the document undigitised until confirmed', async () => {
    const d = await receive();
    const p1 = await upload(d, 1, multipart(PNG, 'trang-1.png', 'image/png'), c.motcua, '?digitised=false');
    assert.equal(p1.statusCode, 201, p1.body);
    assert.equal(p1.json().file.digitised, false);
    const p2 = await upload(d, 1, multipart(JPEG, 'trang-2.jpg', 'image/jpeg'), c.motcua, '?digitised=false');
    assert.equal(p2.json().file.mediaType, 'image/jpeg');
    assert.equal((await docRow(d.documents[1].id)).digitised, false);
    const empty = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/documents/${d.documents[0].id}/digitised`, headers: { cookie: c.motcua } });
    assert.equal(empty.statusCode, 422);
    const ok = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/documents/${d.documents[1].id}/digitised`, headers: { cookie: c.motcua } });
    assert.equal(ok.statusCode, 200, ok.body);
    const doc = ok.json().documents[1];
    assert.equal(doc.digitised, true);
    assert.deepEqual(doc.files.map((f: { digitised: boolean }) => f.digitised), [true, true]);
    assert.equal((await s.auditFor(d.id))[0].action, 'dossier.document.digitise');
  });

  test('no scan is taken for a withdrawn dossier (422)', async () => {
    const d = await receive();
    await act(d.id, 'withdraw', c.motcua, { version: d.version, reason: 'Công dân xin rút hồ sơ' });
    assert.equal((await upload(d, 0, multipart(PDF))).statusCode, 422);
  });

  test('a digitised result and the earlier scans are reused by the same applicant’s next dossier without re-upload', async () => {
    const who = { ...applicant, name: 'Hoàng Thị Tái', idNumber: '022195001122', phone: '0977000222' };
    // First dossier: scans at receipt, processed, result returned, result digitised.
    const d0 = await receive(who);
    const scan = Buffer.concat([PDF, Buffer.from('CCCD of Hoàng Thị Tái')]);
    assert.equal((await upload(d0, 1, multipart(scan, 'ban-sao-khai-sinh.pdf'))).statusCode, 201);
    const d1 = await act(d0.id, 'accept', c.chuyenvien, { version: d0.version });
    const d2 = await act(d1.id, 'complete', c.chuyenvien, { version: d1.version });
    const d3 = await act(d2.id, 'approve', c.lanhdao, { version: d2.version });
    await act(d3.id, 'return-result', c.motcua, { version: d3.version, method: 'counter' });
    const result = Buffer.concat([PDF, Buffer.from('Giấy khai sinh (bản chính) — kết quả')]);
    const r = multipart(result, 'giay-khai-sinh.pdf');
    const up = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d0.id}/result-files`, headers: { ...r.headers, cookie: c.motcua }, payload: r.payload });
    assert.equal(up.statusCode, 201, up.body);
    const resultFile = up.json().file;
    assert.equal(resultFile.isResult, true);
    const { rows } = await s.database.query('SELECT result_file_sha256 FROM dossiers WHERE id = $1', [d0.id]);
    assert.equal(rows[0].result_file_sha256, createHash('sha256').update(result).digest('hex'));
    assert.ok((await s.auditFor(d0.id)).some((a) => a.action === 'dossier.result.digitise'));

    // The reusable list of the applicant, newest first, one per content.
    const reusable = await findReusableDocuments(s.database.db, who.idNumber);
    assert.deepEqual(reusable.map((x) => [x.isResult, x.documentName, x.dossierCode]), [[true, null, d0.code], [false, await docName(d0.documents[1].id), d0.code]]);
    assert.deepEqual(await findReusableDocuments(s.database.db, '000000000000'), []);

    // Second dossier of the same applicant: the official sees what may be reused and attaches it.
    const n = await receive(who);
    const list = await s.app.inject({ url: `/api/v1/dossiers/${n.id}/reusable-files`, headers: { cookie: c.motcua } });
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(list.json().map((x: { fileId: string; attached: boolean }) => [x.fileId, x.attached]), [[resultFile.id, false], [reusable[1].fileId, false]]);
    const before = filesUnder(store()).length;
    const reuse = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${n.id}/documents/${n.documents[1].id}/reuse`, headers: { cookie: c.motcua }, payload: { fileId: resultFile.id } });
    assert.equal(reuse.statusCode, 201, reuse.body);
    const attached = reuse.json().file;
    assert.equal(attached.reusedFromId, resultFile.id);
    assert.equal(attached.sha256, resultFile.sha256);
    assert.equal(filesUnder(store()).length, before, 'reuse stores no new file');
    assert.equal((await docRow(n.documents[1].id)).digitised, true);
    const audit = (await s.auditFor(n.id)).find((a) => a.action === 'dossier.file.reuse')!;
    assert.equal((audit.after as { reusedFrom: { code: string } }).reusedFrom.code, d0.code);
    const dl = await s.app.inject({ url: `/api/v1/dossiers/${n.id}/files/${attached.id}`, headers: { cookie: c.motcua } });
    assert.deepEqual(dl.rawPayload, result);
    const again = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${n.id}/documents/${n.documents[1].id}/reuse`, headers: { cookie: c.motcua }, payload: { fileId: resultFile.id } });
    assert.equal(again.statusCode, 200);
    assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${n.id}/reusable-files`, headers: { cookie: c.motcua } })).json()[0].attached, true);

    // Another applicant cannot take it, and another commune cannot list it.
    const stranger = await receive({ ...applicant, name: 'Người Khác', idNumber: '022199000000', phone: '0966000333' });
    const steal = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${stranger.id}/documents/${stranger.documents[1].id}/reuse`, headers: { cookie: c.motcua }, payload: { fileId: resultFile.id } });
    assert.equal(steal.statusCode, 404);
    assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${n.id}/reusable-files`, headers: { cookie: c['motcua.hailang'] } })).statusCode, 403);
  });

  const docName = async (id: string) => (await s.database.query('SELECT name FROM dossier_documents WHERE id = $1', [id])).rows[0].name as string;

  test('a result file before processing started is refused (422)', async () => {
    const d = await receive();
    const r = multipart(Buffer.concat([PDF, Buffer.from('early')]));
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/result-files`, headers: { ...r.headers, cookie: c.motcua }, payload: r.payload });
    assert.equal(res.statusCode, 422);
  });

  test('digitisation rates over HTTP: scoped to the caller, formulas in the answer, 400 on a reversed period', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const res = await s.app.inject({ url: `/api/v1/dossiers/digitisation-rates?from=${today}&to=${today}`, headers: { cookie: c.lanhdao } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.ok(body.totals.received > 0);
    assert.ok(body.totals.digitised >= 1);
    assert.match(body.formula.dossiers, /÷/);
    const other = (await s.app.inject({ url: `/api/v1/dossiers/digitisation-rates?from=${today}&to=${today}`, headers: { cookie: c['motcua.hailang'] } })).json();
    assert.equal(other.totals.received, 0);
    assert.equal(other.totals.rate, null);
    const tienYen = await s.unitId('Xã Tiên Yên');
    assert.equal((await s.app.inject({ url: `/api/v1/dossiers/digitisation-rates?from=${today}&to=${today}&unitId=${tienYen}`, headers: { cookie: c['motcua.hailang'] } })).statusCode, 403);
    assert.equal((await s.app.inject({ url: `/api/v1/dossiers/digitisation-rates?from=${today}&to=2020-01-01`, headers: { cookie: c.lanhdao } })).statusCode, 400);
  });
});
