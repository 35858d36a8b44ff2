/**
 * Notifications end to end: the receipt queues a pg-boss job in its transaction; the job handler sends the e-mail
 * through the platform's SMTP mailer to a local smtp-server that this test starts and reads; reminders and
 * escalations mark steps and queue messages to officials.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { smtpMailer } from '../../platform/mail.ts';
import { startSmtpCapture, type CapturedMail } from '../../test-support/mail.ts';
import { handleNotify, runEscalations, runStepReminders, type NotifyDeps } from './dossiers.jobs.ts';
import { NOTIFY_JOB, type NotifyJobData } from './jobs.names.ts';
import { startDossierServer, type DossierTestServer } from './test-helpers.ts';


describe('dossier notifications', () => {
  let s: DossierTestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let notify: NotifyDeps;
  let mails: CapturedMail[] = [];
  const sms: string[] = [];

  before(async () => {
    smtp = await startSmtpCapture();
    mails = smtp.mails;
    s = await startDossierServer();
    notify = {
      database: s.database,
      mailer: smtpMailer({ url: smtp.url, from: 'Một cửa Tiên Yên <motcua@tienyen.example.vn>' }),
      sms: { name: 'test', send: async (phone, text) => { sms.push(`${phone}: ${text}`); return { id: `sms-${sms.length}` }; } },
      publicUrl: 'https://motcua.example.vn',
    };
  });
  after(async () => {
    await s.close();
    await smtp.close();
  });

  const fetchJobs = async () => ((await s.queue!.boss.fetch<NotifyJobData>(NOTIFY_JOB, { batchSize: 50 })) ?? []).map((j) => j.data);

  test('the receipt e-mail reaches the applicant through SMTP, with the code, the appointment and the tracking link; SMS too', async () => {
    const procedureId = await s.procedure('TY-HT-04');
    const cl = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/checklist', headers: { cookie: s.cookies.motcua }, payload: { procedureId } });
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: s.cookies.motcua },
      payload: { procedureId, applicant: { name: 'Trần Thị Thư', phone: '0901234567', email: 'thu.tran@example.vn', idNumber: '022190004321' }, documents: cl.json().documents.map((d: { index: number }) => ({ index: d.index, received: true })) },
    });
    assert.equal(res.statusCode, 201, res.body);
    const code = res.json().dossier.code as string;
    const jobs = await fetchJobs();
    const job = jobs.find((j) => j.kind === 'received' && j.dossierId === res.json().dossier.id);
    assert.ok(job, 'the receipt queued a notification job');
    await handleNotify(notify, job);
    assert.equal(mails.length, 1);
    assert.deepEqual(mails[0].to, ['thu.tran@example.vn']);
    const { subject, body } = mails[0];
    assert.equal(subject, `Đã tiếp nhận hồ sơ ${code}`);
    assert.match(body, /Kính gửi ông\/bà Trần Thị Thư/);
    assert.match(body, /Ngày hẹn trả kết quả: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    assert.ok(body.includes(`https://motcua.example.vn/tra-cuu?ma=${code}`));
    assert.equal(sms.length, 1);
    assert.match(sms[0], /^0901234567: Ho so .* da duoc tiep nhan/);
    // A retried job does not send again.
    await handleNotify(notify, job);
    assert.equal(mails.length, 1);
    const { rows } = await s.database.query(`SELECT channel, status FROM dossier_notifications WHERE job_key = $1 ORDER BY channel`, [job.key]);
    assert.deepEqual(rows, [{ channel: 'email', status: 'sent' }, { channel: 'sms', status: 'sent' }]);
  });

  test('a supplement request e-mails the list of what to add', async () => {
    const [d] = (await s.database.query(`SELECT id, version FROM dossiers ORDER BY created_at DESC LIMIT 1`)).rows as Array<{ id: string; version: number }>;
    const a = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/accept`, headers: { cookie: s.cookies.chuyenvien }, payload: { version: d.version } });
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/request-supplement`, headers: { cookie: s.cookies.chuyenvien }, payload: { version: a.json().version, reason: 'Chứng cứ chưa hợp lệ', items: ['Kết quả giám định ADN'] } });
    assert.equal(r.statusCode, 200, r.body);
    const job = (await fetchJobs()).find((j) => j.kind === 'supplement_requested');
    assert.ok(job);
    await handleNotify(notify, job);
    const { subject, body } = mails.at(-1)!;
    assert.match(subject, /^Yêu cầu bổ sung hồ sơ/);
    assert.match(body, /1\. Kết quả giám định ADN/);
  });

  test('steps near their due moment are reminded once; overdue steps are escalated to the unit leader by e-mail', async () => {
    await s.database.query(`UPDATE users SET email = 'lanhdao@tienyen.example.vn' WHERE username = 'lanhdao'`);
    await s.database.query(`UPDATE users SET email = 'chuyenvien@tienyen.example.vn' WHERE username = 'chuyenvien'`);
    const procedureId = await s.procedure('TY-HT-04');
    const cl = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/checklist', headers: { cookie: s.cookies.motcua }, payload: { procedureId } });
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: s.cookies.motcua }, payload: { procedureId, applicant: { name: 'Vi Văn Nhắc' }, documents: cl.json().documents.map((x: { index: number }) => ({ index: x.index, received: true })) } });
    const d = res.json().dossier;
    const stepDue = new Date(d.steps[1].dueAt);
    // Reminders run an hour before the step is due: the appraisal step is handed and unassigned → the specialists.
    const reminded = await runStepReminders(s.database, s.queue!, new Date(stepDue.getTime() - 3_600_000));
    assert.ok(reminded >= 1);
    assert.equal(await runStepReminders(s.database, s.queue!, new Date(stepDue.getTime() - 1_800_000)), 0);
    const remindJob = (await fetchJobs()).find((j) => j.kind === 'step_reminder' && j.dossierId === d.id);
    assert.ok(remindJob);
    await handleNotify(notify, remindJob);
    assert.deepEqual(mails.at(-1)!.to, ['chuyenvien@tienyen.example.vn']);
    // An hour after the step is due: escalation (timeline row, audit row, e-mail to the leader).
    const escalated = await runEscalations(s.database, s.queue!, new Date(stepDue.getTime() + 3_600_000));
    assert.ok(escalated >= 1);
    const detail = await s.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: { cookie: s.cookies.lanhdao } });
    assert.equal(detail.json().timeline.at(-1).kind, 'escalated');
    assert.equal((await s.auditFor(d.id))[0].action, 'dossier.step.escalate');
    const job = (await fetchJobs()).find((j) => j.kind === 'step_escalation' && j.dossierId === d.id);
    assert.ok(job);
    await handleNotify(notify, job);
    assert.deepEqual(mails.at(-1)!.to, ['lanhdao@tienyen.example.vn']);
    assert.match(mails.at(-1)!.subject, /^Quá hạn bước xử lý hồ sơ/);
    // The version did not change: officials working on the dossier are not disturbed.
    assert.equal(detail.json().version, d.version);
  });
});
