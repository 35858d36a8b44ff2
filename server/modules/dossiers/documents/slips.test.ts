import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { getDossierForSlip } from '../dossiers.documents.ts';
import { startDossierServer, type DossierTestServer } from '../test-helpers.ts';
import { publicBaseUrl } from './slips.routes.ts';
import { issuerOf, printReceiptSlipForApplicant } from './slips.service.ts';
import { officialDate, officialMoment, renderApologySlip, renderControlSlip, renderReceiptSlip } from './slips.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const hasZbar = spawnSync('zbarimg', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;
const NO_PDFTOTEXT = !hasPdftotext && 'pdftotext (poppler-utils) is not installed: PDFs cannot be read back';
const NO_ZBAR = (!hasPdftotext || !hasZbar) && 'pdftoppm or zbarimg (zbar-tools) is not installed: the QR code cannot be decoded';

const PUBLIC_URL = 'https://motcua.example.gov.vn';

/** The PDF's text as pdftotext reads it, NFC, with runs of white space (line breaks included) made one space. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-slip-'));
  try {
    writeFileSync(join(dir, 's.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 's.pdf'), '-']).toString('utf8').normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every QR code on the first page, decoded. */
function qrCodes(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-qr-'));
  try {
    writeFileSync(join(dir, 's.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 's.pdf'), join(dir, 'page')]);
    return execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'page.png')], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim().split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('printed slips (PDF)', () => {
  let s: DossierTestServer;
  let c: Record<string, string>;
  let procId: string;
  let docCount: number;
  const applicant = { kind: 'individual', name: 'Nguyễn Thị Ánh Tuyết', idNumber: '022190004567', phone: '0987654321', email: 'tuyet@example.vn', address: 'Thôn Khe Tiên, xã Tiên Yên, tỉnh Quảng Ninh' };

  before(async () => {
    s = await startDossierServer({ PUBLIC_URL });
    c = s.cookies;
    procId = await s.procedure('TY-HT-06');
    const cl = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/checklist', headers: { cookie: c.motcua }, payload: { procedureId: procId } });
    docCount = cl.json().documents.length;
  });
  after(() => s.close());

  type Detail = { id: string; code: string; version: number; dueAt: string; appointmentAt: string };
  const receive = async (): Promise<Detail> => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: { procedureId: procId, applicant, documents: Array.from({ length: docCount }, (_, index) => ({ index, received: true })) } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().dossier;
  };
  const act = async (id: string, action: string, cookie: string, body: Record<string, unknown>): Promise<Detail> => {
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/${action}`, headers: { cookie }, payload: body });
    assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    return r.json();
  };
  const slip = (id: string, kind: string, cookie = c.motcua, query = '') => s.app.inject({ url: `/api/v1/dossiers/${id}/slips/${kind}${query}`, headers: { cookie } });

  test('officialDate follows Decree 30/2020: a leading zero for days 1–9 and for months 1 and 2', () => {
    assert.equal(officialDate(new Date('2026-03-02T02:00:00Z')), 'ngày 02 tháng 3 năm 2026');
    assert.equal(officialDate(new Date('2026-02-15T02:00:00Z')), 'ngày 15 tháng 02 năm 2026');
    assert.equal(officialDate(new Date('2026-12-31T20:00:00Z')), 'ngày 01 tháng 01 năm 2027'); // 03:00 on 1 January in Vietnam
    assert.equal(officialMoment(new Date('2026-11-20T08:05:00Z')), '15 giờ 05 phút, ngày 20 tháng 11 năm 2026');
  });

  test('the tracking link uses PUBLIC_URL, else the origin the request came to', () => {
    const req = { protocol: 'http', host: 'localhost:3000' } as FastifyRequest;
    assert.equal(publicBaseUrl(undefined, req), 'http://localhost:3000');
    assert.equal(publicBaseUrl('https://motcua.example.gov.vn', req), 'https://motcua.example.gov.vn');
  });

  test('receipt and appointment slip: Vietnamese text, code, documents, appointment, official; QR decodes to the tracking URL; print audited', { skip: NO_PDFTOTEXT }, async () => {
    const d = await receive();
    const res = await slip(d.id, 'receipt');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/pdf/);
    assert.match(String(res.headers['content-disposition']), new RegExp(`giay-tiep-nhan-${d.code}\\.pdf`));
    const pdf = res.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN XÃ TIÊN YÊN',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TIÊN YÊN',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${d.code}`,
      'Mẫu số 01 – Ban hành kèm theo Thông tư số 03/2025/TT-VPCP',
      'Nguyễn Thị Ánh Tuyết',
      'Thôn Khe Tiên, xã Tiên Yên, tỉnh Quảng Ninh',
      'Đăng ký lại khai sinh',
      'Thành phần hồ sơ nộp gồm',
      'Bản sao giấy khai sinh hoặc giấy tờ có nội dung khai sinh',
      'Xuất trình bản chính, không lưu',
      '5 ngày làm việc',
      `Thời gian trả kết quả giải quyết hồ sơ: ${officialMoment(new Date(d.appointmentAt))}`,
      'Lệ phí đăng ký lại khai sinh: 5.000 đồng',
      'Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công xã Tiên Yên',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Nguyễn Thị Hoa',
      `${PUBLIC_URL}/tra-cuu?ma=${d.code}`,
    ]) assert.ok(text.includes(expected), `missing «${expected}» in: ${text}`);
    if (!NO_ZBAR) assert.deepEqual(qrCodes(pdf), [`${PUBLIC_URL}/tra-cuu?ma=${d.code}`]);
    const audit = (await s.auditFor(d.id))[0];
    assert.equal(audit.action, 'dossier.slip.print');
    const after = audit.after as { slip: string; form: string; sha256: string; code: string };
    assert.equal(after.slip, 'receipt');
    assert.equal(after.code, d.code);
    assert.equal(after.form, 'Mẫu số 01 – Thông tư số 03/2025/TT-VPCP');
    assert.equal(after.sha256, createHash('sha256').update(pdf).digest('hex'));
    assert.equal(audit.actor_id, await s.userId('motcua'));
  });

  test('the QR code decodes to the tracking URL of the request origin when PUBLIC_URL is not set', { skip: NO_ZBAR }, async () => {
    const d = await receive();
    const { printDossierSlip } = await import('./slips.service.ts');
    const r = await printDossierSlip(s.deps, await s.ctxOf('motcua'), d.id, 'receipt', { baseUrl: 'http://192.168.1.20:3000' });
    assert.deepEqual(qrCodes(r.pdf), [`http://192.168.1.20:3000/tra-cuu?ma=${d.code}`]);
  });

  test('returns 401 without a session, 403 to a citizen, 404 to another commune and for an unknown dossier; nothing audited', async () => {
    const d = await receive();
    assert.equal((await s.app.inject({ url: `/api/v1/dossiers/${d.id}/slips/receipt` })).statusCode, 401);
    assert.equal((await slip(d.id, 'receipt', c.congdan)).statusCode, 403);
    const other = await slip(d.id, 'receipt', c['motcua.hailang']);
    assert.equal(other.statusCode, 404);
    assert.match(String(other.headers['content-type']), /application\/problem\+json/);
    assert.equal((await slip('00000000-0000-4000-8000-000000000000', 'receipt')).statusCode, 404);
    assert.equal((await slip(d.id, 'invoice')).statusCode, 400);
    assert.deepEqual((await s.auditFor(d.id)).map((a) => a.action), ['dossier.receive']);
  });

  test('control slip: one row per hand-off with officials, units, due moment and result; readable by the specialist', { skip: NO_PDFTOTEXT }, async () => {
    const d0 = await receive();
    const d1 = await act(d0.id, 'accept', c.chuyenvien, { version: d0.version });
    await act(d1.id, 'complete', c.chuyenvien, { version: d1.version });
    const res = await slip(d0.id, 'control', c.chuyenvien);
    assert.equal(res.statusCode, 200, res.body);
    const text = pdfText(res.rawPayload);
    for (const expected of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${d0.code}`, 'Mẫu số 06', 'Người nộp hồ sơ', 'Nguyễn Thị Hoa', 'Trần Văn Bình', 'Trước hạn', 'Đã xử lý', 'Hạn xử lý của bên giao', 'Nguyễn Thị Ánh Tuyết']) {
      assert.ok(text.includes(expected), `missing «${expected}» in: ${text}`);
    }
    assert.equal((await s.auditFor(d0.id))[0].action, 'dossier.slip.print');
  });

  test('supplement request: the items and the reason; 404 while none was requested', { skip: NO_PDFTOTEXT }, async () => {
    const d0 = await receive();
    assert.equal((await slip(d0.id, 'supplement')).statusCode, 404);
    const d1 = await act(d0.id, 'accept', c.chuyenvien, { version: d0.version });
    await act(d1.id, 'request-supplement', c.chuyenvien, { version: d1.version, reason: 'Thông tin nơi sinh trên tờ khai chưa khớp với giấy tờ gốc', items: ['Bản sao giấy chứng sinh', 'Văn bản xác nhận của Công an xã về nơi cư trú'] });
    const res = await slip(d0.id, 'supplement');
    assert.equal(res.statusCode, 200, res.body);
    const text = pdfText(res.rawPayload);
    for (const expected of ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', `Mã hồ sơ: ${d0.code}`, 'Mẫu số 02', '1. Bản sao giấy chứng sinh', '2. Văn bản xác nhận của Công an xã về nơi cư trú', 'Thông tin nơi sinh trên tờ khai chưa khớp với giấy tờ gốc', 'không tính vào thời hạn giải quyết', 'NGƯỜI HƯỚNG DẪN']) {
      assert.ok(text.includes(expected), `missing «${expected}» in: ${text}`);
    }
    assert.equal((await slip(d0.id, 'supplement', c.motcua, '?supplementSeq=9')).statusCode, 404);
  });

  test('refusal: the reasons as entered (a reason may contain "; "); 404 for a dossier not refused', { skip: NO_PDFTOTEXT }, async () => {
    const d0 = await receive();
    assert.equal((await slip(d0.id, 'refusal')).statusCode, 404);
    const d1 = await act(d0.id, 'accept', c.chuyenvien, { version: d0.version });
    await act(d1.id, 'refuse', c.chuyenvien, { version: d1.version, reasons: ['Việc khai sinh chưa từng được đăng ký; không thuộc trường hợp đăng ký lại', 'Giấy tờ nộp kèm không hợp lệ'] });
    const res = await slip(d0.id, 'refusal');
    assert.equal(res.statusCode, 200, res.body);
    const text = pdfText(res.rawPayload);
    for (const expected of ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${d0.code}`, '1. Việc khai sinh chưa từng được đăng ký; không thuộc trường hợp đăng ký lại', '2. Giấy tờ nộp kèm không hợp lệ', 'từ chối giải quyết hồ sơ']) {
      assert.ok(text.includes(expected), `missing «${expected}» in: ${text}`);
    }
  });

  test('apology and new appointment: reason, missed and new appointment; 404 before an apology', { skip: NO_PDFTOTEXT }, async () => {
    const d0 = await receive();
    assert.equal((await slip(d0.id, 'apology')).statusCode, 404);
    const d1 = await act(d0.id, 'accept', c.chuyenvien, { version: d0.version });
    const newAt = new Date(new Date(d1.dueAt).getTime() + 3 * 86_400_000).toISOString();
    await act(d1.id, 'apologize', c.lanhdao, { version: d1.version, reason: 'Chờ kết quả xác minh của Sở Tư pháp', newAppointmentAt: newAt });
    const res = await slip(d0.id, 'apology', c.lanhdao);
    assert.equal(res.statusCode, 200, res.body);
    const text = pdfText(res.rawPayload);
    for (const expected of ['VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', `Mã hồ sơ: ${d0.code}`, 'Mẫu số 04', 'Chờ kết quả xác minh của Sở Tư pháp', 'xin lỗi ông/bà', `hẹn lại thời gian trả kết quả là: ${officialMoment(new Date(newAt))}`, officialMoment(new Date(d0.appointmentAt)), 'THỦ TRƯỞNG CƠ QUAN']) {
      assert.ok(text.includes(expected), `missing «${expected}» in: ${text}`);
    }
  });

  test('guidance slip of an incomplete dossier refused at the counter: what is missing; 404 to another commune', { skip: NO_PDFTOTEXT }, async () => {
    const res0 = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: { procedureId: procId, applicant, documents: [{ index: 0, received: true }] } });
    assert.equal(res0.statusCode, 201, res0.body);
    const g = res0.json().guidance as { id: string; missing: Array<{ name: string }> };
    const res = await s.app.inject({ url: `/api/v1/dossier-guidance/${g.id}/slip`, headers: { cookie: c.motcua } });
    assert.equal(res.statusCode, 200, res.body);
    const text = pdfText(res.rawPayload);
    for (const expected of ['PHIẾU HƯỚNG DẪN HOÀN THIỆN HỒ SƠ', `Số phiếu: HD-${g.id.slice(0, 8).toUpperCase()}`, 'Nguyễn Thị Ánh Tuyết', 'Đăng ký lại khai sinh', 'chưa được tiếp nhận', ...g.missing.map((m) => m.name), 'Nguyễn Thị Hoa']) {
      assert.ok(text.includes(expected), `missing «${expected}» in: ${text}`);
    }
    assert.equal((await s.auditFor(g.id))[0].action, 'dossier.slip.print');
    assert.equal((await s.app.inject({ url: `/api/v1/dossier-guidance/${g.id}/slip`, headers: { cookie: c['motcua.hailang'] } })).statusCode, 404);
  });

  test('a dossier of the 2018 rule set prints the TT 01/2018 wording where it differs', { skip: NO_PDFTOTEXT }, async () => {
    const d0 = await receive();
    const d1 = await act(d0.id, 'accept', c.chuyenvien, { version: d0.version });
    const newAt = new Date(new Date(d1.dueAt).getTime() + 2 * 86_400_000).toISOString();
    await act(d1.id, 'apologize', c.lanhdao, { version: d1.version, reason: 'Chờ xác minh', newAppointmentAt: newAt });
    const real = await getDossierForSlip(s.deps, await s.ctxOf('motcua'), d0.id);
    const slip2018 = { ...real, ruleSet: 'nd61_2018' as const };
    const issuer = await issuerOf(s.database.db, real.receptionUnit.id, 'nd61_2018', real.receivedAt);
    const receipt = pdfText(await renderReceiptSlip({ slip: slip2018, issuer, trackingUrl: `${PUBLIC_URL}/tra-cuu?ma=${real.code}` }));
    for (const expected of ['Mẫu số 01 – Ban hành kèm theo Thông tư số 01/2018/TT-VPCP', 'Bộ phận Tiếp nhận và Trả kết quả', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${real.code}`]) {
      assert.ok(receipt.includes(expected), `missing «${expected}» in: ${receipt}`);
    }
    const apology = pdfText(await renderApologySlip({ slip: slip2018, issuer, receptionName: issuer.name, apology: real.apology!, lateStep: null }));
    assert.ok(apology.includes('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'), apology);
    assert.ok(apology.includes('Mẫu số 04 – Ban hành kèm theo Thông tư số 01/2018/TT-VPCP'), apology);
    const control = pdfText(await renderControlSlip({ slip: slip2018, issuer, authorityName: 'Ủy ban nhân dân xã Tiên Yên', rows: [], printedAt: new Date() }));
    assert.ok(control.includes('Mẫu số 05 – Ban hành kèm theo Thông tư số 01/2018/TT-VPCP'), control);
  });

  test('return slip: the result handed over, with the rating QR code and its invitation; the code decodes to a working rating link', { skip: NO_PDFTOTEXT }, async () => {
    const d0 = await receive();
    assert.equal((await slip(d0.id, 'return')).statusCode, 404, 'not returned yet');
    let d = await act(d0.id, 'accept', c.chuyenvien, { version: d0.version });
    d = await act(d.id, 'complete', c.chuyenvien, { version: d.version });
    d = await act(d.id, 'approve', c.lanhdao, { version: d.version });
    assert.equal((await slip(d0.id, 'return')).statusCode, 404, 'result ready, not returned yet');
    await act(d.id, 'return-result', c.motcua, { version: d.version, method: 'counter', receivedBy: 'Trần Văn Nhận' });
    const res = await slip(d0.id, 'return');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), new RegExp(`phieu-tra-ket-qua-${d0.code}\\.pdf`));
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
      `Mã hồ sơ: ${d0.code}`,
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TIÊN YÊN',
      'Nguyễn Thị Ánh Tuyết',
      'Đăng ký lại khai sinh',
      `Thời gian hẹn trả kết quả: ${officialMoment(new Date(d0.appointmentAt))}`,
      'Hình thức trả kết quả: Trả trực tiếp tại Bộ phận Một cửa',
      'Người nhận kết quả: Trần Văn Nhận',
      'Quét mã để đánh giá mức độ hài lòng',
      'NGƯỜI TRẢ KẾT QUẢ',
      'Nguyễn Thị Hoa',
    ]) assert.ok(text.includes(expected), `missing «${expected}» in: ${text}`);
    assert.ok(!text.includes('Mẫu số') && !text.includes('Thông tư'), 'no national form is claimed');
    const url = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/danh-gia\\?t=[A-Za-z0-9_-]+`).exec(text)?.[0];
    assert.ok(url, `the rating link is printed: ${text}`);
    if (!NO_ZBAR) assert.deepEqual(qrCodes(res.rawPayload), [url]);
    // It is the dossier's invitation: the kiosk opens this dossier with it.
    const token = new URL(url).searchParams.get('t')!;
    const lookup = await s.app.inject({ method: 'POST', url: '/api/v1/ratings/lookup', payload: { token } });
    assert.equal(lookup.statusCode, 200, lookup.body);
    assert.equal(lookup.json().dossierCode, d0.code);
    assert.equal(lookup.json().ratable, true);
    const actions = (await s.auditFor(d0.id)).slice(0, 2);
    assert.deepEqual(actions.map((a) => a.action), ['dossier.slip.print', 'satisfaction.invite']);
    assert.equal((actions[0].after as { slip: string; form: string }).slip, 'return');
    assert.equal((actions[0].after as { slip: string; form: string }).form, 'phiếu trả kết quả giải quyết hồ sơ');
    // A specialist reads the dossier but does not issue invitations at the counter.
    assert.equal((await slip(d0.id, 'return', c.chuyenvien)).statusCode, 403);
    // Rated through the printed code: a reprint thanks instead of inviting.
    const scores = { access: 5, procedures: 4, conduct: 5, results: 5, feedbackHandling: 4, overall: 5 };
    const rated = await s.app.inject({ method: 'POST', url: '/api/v1/ratings/kiosk', payload: { token, scores } });
    assert.equal(rated.statusCode, 201, rated.body);
    const again = await slip(d0.id, 'return');
    assert.equal(again.statusCode, 200, again.body);
    const text2 = pdfText(again.rawPayload);
    assert.ok(!text2.includes('Quét mã để đánh giá mức độ hài lòng') && text2.includes('Hồ sơ đã được đánh giá mức độ hài lòng'), text2);
  });

  test('the applicant downloads the receipt slip again with code and last 4 digits; wrong digits → 404; audited as the applicant', { skip: NO_PDFTOTEXT }, async () => {
    const d = await receive();
    const r = await printReceiptSlipForApplicant(s.deps, { code: d.code, digits: '4321' }, { baseUrl: PUBLIC_URL });
    assert.ok(pdfText(r.pdf).includes(`Mã hồ sơ: ${d.code}`));
    const byId = await printReceiptSlipForApplicant(s.deps, { code: d.code, digits: '4567' }, { baseUrl: PUBLIC_URL });
    assert.equal(byId.kind, 'receipt');
    await assert.rejects(printReceiptSlipForApplicant(s.deps, { code: d.code, digits: '0000' }, { baseUrl: PUBLIC_URL }), { code: 'NOT_FOUND' });
    await assert.rejects(printReceiptSlipForApplicant(s.deps, { code: 'XTY-000000-9999', digits: '4321' }, { baseUrl: PUBLIC_URL }), { code: 'NOT_FOUND' });
    const { rows } = await s.database.query(`SELECT actor_label, actor_id FROM audit_log WHERE subject_id = $1 AND action = 'dossier.slip.print'`, [d.id]);
    assert.deepEqual(rows, [{ actor_label: 'applicant', actor_id: null }, { actor_label: 'applicant', actor_id: null }]);
    // The public route of the tracking page: a PDF for the right digits, the same 404 for wrong ones, 400 for junk.
    const ok = await s.app.inject({ method: 'POST', url: '/api/v1/tracking/receipt-slip', payload: { code: d.code, digits: '4321' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.headers['content-type'], 'application/pdf');
    assert.equal(ok.headers['cache-control'], 'private, no-store');
    assert.ok(pdfText(ok.rawPayload).includes(`Mã hồ sơ: ${d.code}`));
    const wrong = await s.app.inject({ method: 'POST', url: '/api/v1/tracking/receipt-slip', payload: { code: d.code, digits: '0000' } });
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/tracking/receipt-slip', payload: { code: d.code, digits: 'abcd' } })).statusCode, 400);
  });
});
