/**
 * The refusal notice of an online application end to end: the counter's refusal queues a pg-boss job in its
 * transaction; the job handler sends the e-mail through the platform's SMTP mailer to a local smtp-server that this
 * test starts and reads (and the SMS through an SMS provider that records what it is given); a retried job sends once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { smtpMailer } from '../../platform/mail.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import type { MessagingDeps } from '../satisfaction/satisfaction.jobs.ts';
import { handleRefusalNotice, REFUSAL_NOTICE_JOB, type RefusalNoticeData } from './portal.jobs.ts';
import { multipart, signInCitizen } from './test-helpers.ts';
import { startSmtpCapture, type CapturedMail } from '../../test-support/mail.ts';

const PDF = Buffer.from('%PDF-1.7\n% Tờ khai\n1 0 obj << >> endobj\n%%EOF\n');


/** A port nothing listens on: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('refusal notice of an online application', () => {
  let s: TestServer;
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let deps: MessagingDeps;
  let an: string;
  let counter: string;
  let tienYen: string;
  let procedureId: string;
  let uploadDocs: number[];
  let mails: CapturedMail[] = [];
  const sms: string[] = [];

  before(async () => {
    smtp = await startSmtpCapture();
    mails = smtp.mails;
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-portal-notify-'));
    s = await startTestServer({ DATA_DIR: dataDir, OIDC_DEV_IDP_PORT: '0' });
    deps = {
      database: s.database,
      mailer: smtpMailer({ url: smtp.url, from: 'Một cửa Tiên Yên <motcua@tienyen.example.vn>' }),
      sms: { name: 'test', send: async (phone, text) => (sms.push(`${phone}: ${text}`), { id: `sms-${sms.length}` }) },
      publicUrl: 'https://dichvucong.example.vn',
    };
    [an, counter] = [await signInCitizen(s, 'congdan'), await s.login('motcua')];
    tienYen = await s.unitId('Xã Tiên Yên');
    const list = await s.app.inject({ url: '/api/v1/portal/procedures?q=xac nhan tinh trang hon nhan', headers: { cookie: an } });
    const p = list.json().find((x: { name: string }) => x.name === 'Cấp Giấy xác nhận tình trạng hôn nhân');
    procedureId = p.id;
    uploadDocs = p.documents.filter((d: { uploadRequired: boolean }) => d.uploadRequired).map((d: { index: number }) => d.index);
  });
  after(async () => {
    await s.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (cookie: string, url: string, payload: unknown) => s.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as never });
  const submitted = async (applicant: Record<string, unknown>) => {
    const d = await post(an, '/api/v1/portal/applications', { procedureId, receptionUnitId: tienYen, applicant });
    assert.equal(d.statusCode, 201, d.body);
    const id = d.json().id as string;
    for (const index of uploadDocs) {
      const m = multipart(PDF);
      const up = await s.app.inject({ method: 'POST', url: `/api/v1/portal/applications/${id}/files?index=${index}`, headers: { cookie: an, ...m.headers }, payload: m.payload });
      assert.equal(up.statusCode, 200, up.body);
    }
    const sub = await post(an, `/api/v1/portal/applications/${id}/submit`, { version: d.json().version });
    assert.equal(sub.statusCode, 200, sub.body);
    return sub.json() as { id: string; version: number };
  };
  /** Jobs of the refusal queue not yet taken (taking them here leaves nothing for another test). */
  const takeJobs = async () => ((await s.queue!.boss.fetch<RefusalNoticeData>(REFUSAL_NOTICE_JOB, { batchSize: 50 })) ?? []).map((j) => j.data);

  test('the refusal queues one notice; the e-mail names the procedure, the reason and the link to my applications; SMS too; a retried job sends once', async () => {
    const a = await submitted({ name: 'Nguyễn Văn Hùng', phone: '0912345670', email: 'hung.nguyen@example.vn' });
    assert.equal((await post(counter, `/api/v1/portal/inbox/${a.id}/refuse`, { version: a.version + 3, reason: 'x' })).statusCode, 409);
    const r = await post(counter, `/api/v1/portal/inbox/${a.id}/refuse`, { version: a.version, reason: 'Tờ khai chưa có chữ ký của người yêu cầu' });
    assert.equal(r.statusCode, 200, r.body);
    const jobs = (await takeJobs()).filter((j) => j.submissionId === a.id);
    assert.deepEqual(jobs, [{ submissionId: a.id, key: `refused:${a.id}:${a.version + 1}` }], 'one job, queued with the refusal');

    assert.equal(await handleRefusalNotice(deps, jobs[0]), 2);
    const mail = mails.find((m) => m.to.includes('hung.nguyen@example.vn'));
    assert.ok(mail, 'the e-mail reached the SMTP server');
    assert.equal(mail.subject, 'Hồ sơ trực tuyến không được tiếp nhận – Cấp Giấy xác nhận tình trạng hôn nhân');
    for (const expected of ['Kính gửi ông/bà Nguyễn Văn Hùng,', '"Cấp Giấy xác nhận tình trạng hôn nhân"', 'tại Xã Tiên Yên không được tiếp nhận', 'Lý do: Tờ khai chưa có chữ ký của người yêu cầu', 'https://dichvucong.example.vn/cong-dan?muc=ho-so-cua-toi']) {
      assert.ok(mail.body.includes(expected), `missing «${expected}» in: ${mail.body}`);
    }
    assert.equal(sms.filter((x) => x.startsWith('0912345670: ') && x.includes('Tờ khai chưa có chữ ký')).length, 1);

    const before = { mails: mails.length, sms: sms.length };
    assert.equal(await handleRefusalNotice(deps, jobs[0]), 0, 'a retried job sends nothing twice');
    assert.deepEqual({ mails: mails.length, sms: sms.length }, before);
    const { rows } = await s.database.query('SELECT channel, recipient, status, kind FROM portal_notifications WHERE submission_id = $1 ORDER BY channel', [a.id]);
    assert.deepEqual(rows, [
      { channel: 'email', recipient: 'hung.nguyen@example.vn', status: 'sent', kind: 'refused' },
      { channel: 'sms', recipient: '0912345670', status: 'sent', kind: 'refused' },
    ]);
    assert.equal((await s.auditFor(a.id))[0].action, 'portal.application.refuse');
  });

  test('a failed delivery throws (pg-boss retries) and is recorded; the retry sends it once; without a phone on the application the identity’s is used; an accepted application gets no refusal notice', async () => {
    const a = await submitted({ name: 'Nguyễn Văn Hùng', phone: null, email: 'hung.lan2@example.vn' });
    assert.equal((await post(counter, `/api/v1/portal/inbox/${a.id}/refuse`, { version: a.version, reason: 'Sai thủ tục' })).statusCode, 200);
    const [job] = (await takeJobs()).filter((j) => j.submissionId === a.id);
    assert.ok(job);
    const down = { ...deps, mailer: smtpMailer({ url: `smtp://127.0.0.1:${await closedPort()}`, from: 'motcua <motcua@example.vn>' }) };
    await assert.rejects(handleRefusalNotice(down, job));
    const failed = await s.database.query('SELECT status, error FROM portal_notifications WHERE job_key = $1', [job.key]);
    assert.equal(failed.rows[0].status, 'failed');
    assert.ok(String(failed.rows[0].error).length > 0);
    // No phone on the application: the SMS goes to the phone of the electronic identity.
    const identityPhone = (await s.database.query(`SELECT phone FROM portal_identities WHERE subject = 'congdan'`)).rows[0].phone as string;
    assert.ok(identityPhone);
    assert.equal(await handleRefusalNotice(deps, job), 2);
    assert.equal(await handleRefusalNotice(deps, job), 0);
    assert.equal(mails.filter((m) => m.to.includes('hung.lan2@example.vn')).length, 1);
    assert.equal(sms.filter((x) => x.startsWith(`${identityPhone}: `) && x.includes('Sai thủ tục')).length, 1);
    const rows = (await s.database.query('SELECT channel, status FROM portal_notifications WHERE job_key = $1 ORDER BY channel', [job.key])).rows;
    assert.deepEqual(rows, [{ channel: 'email', status: 'sent' }, { channel: 'sms', status: 'sent' }]);

    const accepted = await submitted({ name: 'Nguyễn Văn Hùng', phone: '0912345670', email: 'hung.nhan@example.vn' });
    assert.equal((await post(counter, `/api/v1/portal/inbox/${accepted.id}/accept`, { version: accepted.version })).statusCode, 200);
    assert.deepEqual((await takeJobs()).filter((j) => j.submissionId === accepted.id), []);
    assert.equal(await handleRefusalNotice(deps, { submissionId: accepted.id, key: `refused:${accepted.id}:9` }), 0);
  });
});
