/**
 * The clock ledger through the use cases and the database, back-dated around Tết 2026 (Saturday 14 – Sunday
 * 22 February off), with every deadline computed by hand. Office hours 07:30–11:30, 13:30–17:00 (450 min a day).
 * Procedure TY-HT-06: 5 working days; steps receive 10 %, appraise 60 %, sign 20 %, return 10 %.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Context } from '../accounts/context.ts';
import { getChecklist, receiveDossier } from './dossiers.receive.ts';
import { getStats } from './dossiers.service.ts';
import * as t from './dossiers.transitions.ts';
import { allDocuments, startDossierServer, vn, type DossierTestServer } from './test-helpers.ts';

const at = (local: string) => vn(local).toISOString();

describe('clock ledger through the use cases (hand-computed, across Tết 2026)', () => {
  let s: DossierTestServer;
  let counter: Context;
  let specialist: Context;
  let leader: Context;
  let procedureId: string;
  let docs: number;

  before(async () => {
    s = await startDossierServer();
    [counter, specialist, leader] = await Promise.all([s.ctxOf('motcua'), s.ctxOf('chuyenvien'), s.ctxOf('lanhdao')]);
    procedureId = await s.procedure('TY-HT-06');
    docs = (await getChecklist(s.deps, counter, { procedureId, channel: 'counter' }, vn('2026-02-10T09:00'))).documents.length;
  });
  after(() => s.close());

  const receiveAt = async (local: string, name = 'Lò Văn Thời') => {
    const r = await receiveDossier(s.deps, counter, { procedureId, applicant: { kind: 'individual', name, idNumber: '022090009999', phone: '0987654321', email: null, address: null, representative: null }, channel: 'counter', documents: allDocuments(docs), summary: null, note: null }, { now: vn(local) });
    assert.equal(r.outcome, 'received');
    return r.dossier;
  };

  test('receipt Tue 10 Feb 09:00: appointment Tue 24 Feb 09:00; appraisal step due Fri 13 Feb 14:45; rule set 118/2025', async () => {
    const d = await receiveAt('2026-02-10T09:00');
    assert.equal(d.appointmentAt, at('2026-02-24T09:00'));
    assert.equal(d.dueAt, at('2026-02-24T09:00'));
    assert.equal(d.budgetMinutes, 2250);
    assert.equal(d.steps[1].dueAt, at('2026-02-13T14:45'));
    assert.equal(d.ruleSet, 'nd118_2025');
  });

  test('pause for a supplement, resume (shift), pause for another agency, resume, extend: each deadline by hand; on time', async () => {
    let d = await receiveAt('2026-02-10T09:00');
    d = await t.acceptHandoff(s.deps, specialist, d.id, { version: d.version }, { now: vn('2026-02-10T10:00') });
    // Consumed Tue 09:00 → Thu 10:00 = 960 min; 1290 left.
    d = await t.requestSupplement(s.deps, specialist, d.id, { version: d.version, reason: 'Bản sao chưa chứng thực', items: ['Bản sao giấy khai sinh có chứng thực'] }, { now: vn('2026-02-12T10:00') });
    assert.equal(d.dueAt, null);
    assert.equal(d.remainingMinutes, 1290);
    // Back Mon 23 Feb 14:00: 180 + 450 + 450 + 210 → Thu 26 Feb 11:00.
    d = await t.supplementReceived(s.deps, counter, d.id, { version: d.version }, { now: vn('2026-02-23T14:00') });
    assert.equal(d.dueAt, at('2026-02-26T11:00'));
    assert.equal(d.appointmentAt, at('2026-02-26T11:00'));
    assert.deepEqual(d.appointments.map((a) => a.reason), ['initial', 'supplement_returned']);
    // Appraisal step: 1575 − 960 = 615 after Mon 14:00: 180 → Tue 07:30 + 435 → Tue 24 Feb 16:45.
    assert.equal(d.steps[1].dueAt, at('2026-02-24T16:45'));
    // Tue 24 10:00: consumed 1290 + 330; 960 left. Resume Thu 26 10:00: 300 + 450 + 210 → Mon 2 March 11:00.
    d = await t.suspend(s.deps, specialist, d.id, { version: d.version, reason: 'Chờ xác minh', agency: 'Công an xã' }, { now: vn('2026-02-24T10:00') });
    assert.equal(d.remainingMinutes, 960);
    d = await t.resume(s.deps, specialist, d.id, { version: d.version }, { now: vn('2026-02-26T10:00') });
    assert.equal(d.dueAt, at('2026-03-02T11:00'));
    // One more working day with legal basis → Tue 3 March 11:00.
    d = await t.extend(s.deps, leader, d.id, { version: d.version, workingDays: 1, legalBasis: 'Điều 17 Nghị định 118/2025/NĐ-CP', reason: 'Xác minh bổ sung' }, { now: vn('2026-02-26T11:00') });
    assert.equal(d.dueAt, at('2026-03-03T11:00'));
    assert.deepEqual(d.appointments.map((a) => a.reason), ['initial', 'supplement_returned', 'resumed', 'extension']);
    d = await t.completeStepAction(s.deps, specialist, d.id, { version: d.version }, { now: vn('2026-02-27T09:00') });
    d = await t.approve(s.deps, leader, d.id, { version: d.version }, { now: vn('2026-03-03T10:00') });
    assert.equal(d.status, 'result_ready');
    assert.equal(d.classification.outcome, 'on_time');
    assert.deepEqual(d.clock.map((c) => c.kind), ['running', 'paused_supplement', 'running', 'paused_other_agency', 'running', 'extended', 'stopped']);
    d = await t.returnResult(s.deps, counter, d.id, { version: d.version, method: 'counter' }, { now: vn('2026-03-04T08:00') });
    assert.equal(d.status, 'returned');
    assert.equal(d.classification.outcome, 'on_time');
  });

  test('the apology must come at least one working day before the due moment (Mon 23 Feb 09:00 for a Tue 24 09:00 due)', async () => {
    const d = await receiveAt('2026-02-10T09:00');
    const late = t.apologize(s.deps, leader, d.id, { version: d.version, reason: 'Chậm', newAppointmentAt: at('2026-02-27T09:00') }, { now: vn('2026-02-23T09:30') });
    await assert.rejects(late, (e: Error & { code?: string }) => e.code === 'RULE_VIOLATED' && /23\/02\/2026/.test(e.message));
    const a = await t.apologize(s.deps, leader, d.id, { version: d.version, reason: 'Chậm do chờ xác minh', newAppointmentAt: at('2026-02-27T09:00') }, { now: vn('2026-02-23T08:30') });
    assert.equal(a.appointmentAt, at('2026-02-27T09:00'));
    assert.equal(a.dueAt, at('2026-02-24T09:00'));
    // Finished on Thu 26 Feb, before the new appointment, but after the statutory due date: still late.
    let d2 = await t.acceptHandoff(s.deps, specialist, d.id, { version: a.version }, { now: vn('2026-02-23T09:00') });
    d2 = await t.completeStepAction(s.deps, specialist, d.id, { version: d2.version }, { now: vn('2026-02-25T09:00') });
    d2 = await t.approve(s.deps, leader, d.id, { version: d2.version }, { now: vn('2026-02-26T09:00') });
    assert.equal(d2.classification.outcome, 'late');
    // Public tracking of the finished late dossier keeps the statutory due moment, not the finishing moment.
    const tracked = await s.app.inject({ method: 'POST', url: '/api/v1/tracking', payload: { code: d2.code, digits: '4321' } });
    assert.equal(tracked.statusCode, 200);
    assert.equal(tracked.json().legalDueAt, at('2026-02-24T09:00'));
    assert.ok(tracked.json().explanation.some((l: string) => l.includes('Hạn giải quyết theo quy định: 09:00 24/02/2026')), tracked.json().explanation.join('\n'));
  });

  test('a second supplement request makes the dossier late even when finished early (national portal rule)', async () => {
    let d = await receiveAt('2026-03-02T09:00');
    d = await t.acceptHandoff(s.deps, specialist, d.id, { version: d.version }, { now: vn('2026-03-02T10:00') });
    for (const day of ['03', '04']) {
      d = await t.requestSupplement(s.deps, specialist, d.id, { version: d.version, reason: 'Thiếu', items: ['Giấy tờ'] }, { now: vn(`2026-03-${day}T09:00`) });
      d = await t.supplementReceived(s.deps, counter, d.id, { version: d.version }, { now: vn(`2026-03-${day}T10:00`) });
    }
    d = await t.completeStepAction(s.deps, specialist, d.id, { version: d.version }, { now: vn('2026-03-04T11:00') });
    d = await t.approve(s.deps, leader, d.id, { version: d.version }, { now: vn('2026-03-04T14:00') });
    assert.equal(d.supplementCount, 2);
    assert.equal(d.classification.outcome, 'late');
  });

  test('statistics of March 2026 count the open overdue dossier against the unit', async () => {
    // In March 2026 (period end 31 March): the dossier of the first test finished on time on 3 March, the
    // apology one finished late in February (outside), the two-supplement one late on 4 March;
    // plus one early, one late, one still open and overdue, one withdrawn.
    const early = await receiveAt('2026-03-09T09:00', 'Sớm');
    let e = await t.acceptHandoff(s.deps, specialist, early.id, { version: early.version }, { now: vn('2026-03-09T10:00') });
    e = await t.completeStepAction(s.deps, specialist, e.id, { version: e.version }, { now: vn('2026-03-10T09:00') });
    await t.approve(s.deps, leader, e.id, { version: e.version }, { now: vn('2026-03-11T09:00') });
    const late = await receiveAt('2026-03-09T09:00', 'Muộn');
    let l = await t.acceptHandoff(s.deps, specialist, late.id, { version: late.version }, { now: vn('2026-03-09T10:00') });
    l = await t.completeStepAction(s.deps, specialist, l.id, { version: l.version }, { now: vn('2026-03-18T09:00') });
    await t.approve(s.deps, leader, l.id, { version: l.version }, { now: vn('2026-03-19T09:00') });
    const open = await receiveAt('2026-03-09T09:00', 'Treo');
    await t.acceptHandoff(s.deps, specialist, open.id, { version: open.version }, { now: vn('2026-03-09T10:00') });
    const gone = await receiveAt('2026-03-10T09:00', 'Rút');
    await t.withdraw(s.deps, counter, gone.id, { version: gone.version, reason: 'Xin rút' }, { now: vn('2026-03-11T09:00') });

    const st = await getStats(s.deps, leader, { from: '2026-03-01', to: '2026-03-31' });
    // Open overdue at 31 March: "Treo", and the dossier of the first test, received on 10 February and never taken up.
    assert.equal(st.counts.finishedEarly, 1);
    assert.equal(st.counts.finishedOnTime, 1);
    assert.equal(st.counts.finishedLate, 2);
    assert.equal(st.counts.withdrawnOrCancelled, 1);
    assert.equal(st.counts.openOverdue, 2);
    assert.equal(st.onTimeRate, 2 / (4 + 2));
    assert.equal(st.onTimeRateFinishedOnly, 2 / 4);
  });
});
