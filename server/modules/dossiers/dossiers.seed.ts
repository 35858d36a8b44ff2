/**
 * Demo dossiers: about thirty dossiers of the demo locality across 2025–2026, in every state — finished early,
 * on time and late (one with an apology and a new appointment), withdrawn, refused on the merits, with a supplement,
 * extended, open on track, due soon, overdue, paused, result waiting — including district dossiers received
 * under Decree 61/2018 before 1 July 2025 and still open across that date. They go through the same use cases as
 * the API (receipt, transitions), back-dated, so the timeline, clock ledger, audit and statistics are consistent.
 * Marked `is_demo`. Needs the demo units and accounts (installation seed) and the demo procedures
 * (seedDemoProcedures); does nothing when demo dossiers exist already.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { makeContext, type Context } from '../accounts/context.ts';
import { permissionsOf, type Grant } from '../accounts/permissions.ts';
import { calendarFor } from './calendar-adapter.ts';
import { addWorkingMinutes, workingMinutes } from './clock.ts';
import { getChecklist, receiveDossier } from './dossiers.receive.ts';
import { dossiers } from './dossiers.schema.ts';
import type { DossierDeps } from './dossiers.service.ts';
import * as t from './dossiers.transitions.ts';

type Plan =
  | 'early'
  | 'on_time'
  | 'late'
  | 'late_apology'
  | 'withdrawn'
  | 'refused'
  | 'supplement'
  | 'extended'
  | 'open_on_track'
  | 'open_due_soon'
  | 'open_overdue'
  | 'awaiting_supplement'
  | 'suspended'
  | 'result_ready';

interface Scenario {
  at: Date;
  procedureCode: string;
  plan: Plan;
  district?: boolean;
  channel?: 'counter' | 'online' | 'post';
}

const vn = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);

const NAMES = [
  'Nguyễn Văn Hùng', 'Trần Thị Mai', 'Lê Văn Nam', 'Phạm Thị Hương', 'Hoàng Văn Tuấn', 'Vũ Thị Lan', 'Đặng Văn Long', 'Bùi Thị Hạnh',
  'Đỗ Văn Minh', 'Hồ Thị Thu', 'Ngô Văn Phúc', 'Dương Thị Ngọc', 'Lý Văn Sơn', 'Đinh Thị Yến', 'Trịnh Văn Khánh', 'Mai Thị Hoa',
  'Tạ Văn Đức', 'Lương Thị Nhung', 'Chu Văn Quang', 'Phùng Thị Thảo', 'Hà Văn Tiến', 'Triệu Thị Liên', 'Nông Văn Bảo', 'La Thị Vân',
  'Sầm Văn Lợi', 'Lục Thị Hằng', 'Vi Văn Thắng', 'Hứa Thị Diệu', 'Tô Văn Hải', 'Quan Thị Hiền',
];

function scenarios(now: Date, ago: (workingDays: number) => Date, dueSoon: Date): Scenario[] {
  const s: Scenario[] = [
    // Decree 61/2018 rule set, received by the district centre (procedures of the district level, until 30 June 2025).
    { at: vn('2025-02-10'), procedureCode: 'TYH-HKD-01', plan: 'on_time', district: true },
    { at: vn('2025-03-03', '14:00'), procedureCode: 'TYH-HKD-01', plan: 'early', district: true },
    { at: vn('2025-03-17'), procedureCode: 'TYH-HKD-01', plan: 'late', district: true },
    { at: vn('2025-04-07'), procedureCode: 'TYH-HT-01', plan: 'on_time', district: true },
    { at: vn('2025-05-12', '10:30'), procedureCode: 'TYH-HKD-01', plan: 'withdrawn', district: true },
    // Open across 1 July 2025.
    { at: vn('2025-06-20'), procedureCode: 'TYH-HT-01', plan: 'on_time', district: true },
    { at: vn('2025-06-23', '08:00'), procedureCode: 'TYH-HKD-01', plan: 'late_apology', district: true },
    { at: vn('2025-06-27', '15:30'), procedureCode: 'TYH-HT-01', plan: 'supplement', district: true },
    // Decree 118/2025 rule set, received by the commune centre.
    { at: vn('2025-07-08'), procedureCode: 'TY-HT-04', plan: 'early' },
    { at: vn('2025-08-05', '10:00'), procedureCode: 'TY-HT-13', plan: 'on_time', channel: 'online' },
    { at: vn('2025-08-26'), procedureCode: 'TY-HT-06', plan: 'late' },
    { at: vn('2025-09-10', '16:30'), procedureCode: 'TY-CT-03', plan: 'on_time' },
    { at: vn('2025-10-14'), procedureCode: 'TY-HT-04', plan: 'refused' },
    { at: vn('2025-11-04'), procedureCode: 'TY-HT-06', plan: 'supplement', channel: 'post' },
    { at: vn('2025-12-16'), procedureCode: 'TY-HT-13', plan: 'extended' },
    { at: vn('2026-01-20'), procedureCode: 'TY-HT-04', plan: 'early', channel: 'online' },
    { at: vn('2026-02-11', '10:00'), procedureCode: 'TY-HT-06', plan: 'on_time' },
    { at: vn('2026-03-09'), procedureCode: 'TY-CT-03', plan: 'late' },
    { at: vn('2026-04-14'), procedureCode: 'TY-HT-13', plan: 'withdrawn' },
    { at: vn('2026-05-19'), procedureCode: 'TY-HT-04', plan: 'on_time' },
    { at: vn('2026-06-23'), procedureCode: 'TY-HT-06', plan: 'early' },
    { at: vn('2026-08-11'), procedureCode: 'TY-HT-04', plan: 'late_apology' },
    { at: vn('2026-09-15'), procedureCode: 'TY-HT-13', plan: 'on_time', channel: 'online' },
    // Open now (relative to the seed's `now`).
    { at: ago(20), procedureCode: 'TY-HT-04', plan: 'result_ready' },
    { at: ago(12), procedureCode: 'TY-HT-06', plan: 'open_overdue' },
    { at: ago(8), procedureCode: 'TY-HT-04', plan: 'open_overdue' },
    { at: ago(5), procedureCode: 'TY-HT-13', plan: 'awaiting_supplement' },
    { at: ago(3), procedureCode: 'TY-HT-06', plan: 'suspended' },
    { at: dueSoon, procedureCode: 'TY-HT-04', plan: 'open_due_soon' },
    { at: ago(1), procedureCode: 'TY-HT-13', plan: 'open_on_track' },
  ];
  return s.filter((x) => x.at.getTime() < now.getTime() - 3_600_000);
}

/** A context acting as the demo user `userId` with installation-wide rights (the seed is not an HTTP request). */
function seedContext(database: Database, user: { id: string; username: string; fullName: string }): Context {
  const grants: Grant[] = [{ id: 'seed', role: 'admin', unitId: null }];
  return makeContext(database.db, { userId: user.id, label: user.username, requestId: 'seed-demo-dossiers' }, { userId: user.id, username: user.username, fullName: user.fullName, grants, permissions: permissionsOf(grants), mustChangePassword: false }, 'vi');
}

/**
 * Creates the demo dossiers (about 30) and returns how many. `now` (default the current time) anchors the
 * dossiers that must be open today. Jobs are not queued (pass a queue in `deps` to queue notifications).
 */
export async function seedDemoDossiers(database: Database, opts: { now?: Date; queue?: DossierDeps['queue'] } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const db = database.db;
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(eq(dossiers.isDemo, true));
  if (Number(existing.n) > 0) return 0;
  const q = async <T>(text: string, values: unknown[]) => (await database.query(text, values)).rows as T[];
  const unitByName = async (name: string) => (await q<{ id: string }>('SELECT id FROM units WHERE name = $1 ORDER BY valid_from DESC LIMIT 1', [name]))[0]?.id;
  const communeCentre = await unitByName('Trung tâm Phục vụ hành chính công xã Tiên Yên');
  const districtCentre = await unitByName('Trung tâm Hành chính công huyện Tiên Yên');
  const users = await q<{ id: string; username: string; fullName: string }>(`SELECT id, username, full_name AS "fullName" FROM users WHERE username IN ('motcua', 'chuyenvien', 'lanhdao')`, []);
  const procs = await q<{ id: string; code: string }>(`SELECT id, code FROM procedures WHERE is_demo`, []);
  const procId = new Map(procs.map((p) => [p.code, p.id]));
  const byName = new Map(users.map((u) => [u.username, u]));
  if (!communeCentre || !byName.get('motcua') || !byName.get('chuyenvien') || !byName.get('lanhdao') || !procId.get('TY-HT-04')) {
    throw new Error('seedDemoDossiers needs the demo locality, its accounts and the demo procedures (seedDemoProcedures) first');
  }
  const counter = seedContext(database, byName.get('motcua')!);
  const specialist = seedContext(database, byName.get('chuyenvien')!);
  const leader = seedContext(database, byName.get('lanhdao')!);
  const deps: DossierDeps = { database, queue: opts.queue ?? null };
  const cal = (await calendarFor(db, communeCentre, now)).work;
  /** `n` working hours after `at` (negative: before). */
  const wh = (at: Date, hours: number) => addWorkingMinutes(cal, at, hours * 60, false);

  /** `days` working days before now (for the dossiers that must be open today). */
  const ago = (days: number) => addWorkingMinutes(cal, now, -Math.round(days * 7.5 * 60), false);

  /** Received 3 working days before the next working hour: a 3-day procedure is then due within hours. */
  let dueSoon = addWorkingMinutes(cal, addWorkingMinutes(cal, now, 60, false), -3 * 450, false);
  // Not after the 16:00 receipt cut-off, which would push the due moment to the next day.
  if (new Date(dueSoon.getTime() + 7 * 3_600_000).toISOString().slice(11, 16) > '16:00') dueSoon = addWorkingMinutes(cal, dueSoon, -90, false);

  let made = 0;
  for (const [i, sc] of scenarios(now, ago, dueSoon).entries()) {
    const procedureId = procId.get(sc.procedureCode);
    if (!procedureId) continue;
    if (sc.district && !districtCentre) continue;
    const name = NAMES[i % NAMES.length];
    const phone = `09${String(12345670 + i * 7919).slice(-8)}`;
    const list = await getChecklist(deps, counter, { procedureId, channel: sc.channel ?? 'counter', receptionUnitId: sc.district ? districtCentre : communeCentre }, sc.at);
    const r = await receiveDossier(
      deps,
      counter,
      {
        procedureId,
        applicant: { kind: 'individual', name, idNumber: `0220${String(90000000 + i * 104729).slice(-8)}`, phone, email: i % 3 === 0 ? `congdan${i}@example.vn` : null, address: 'Xã Tiên Yên, tỉnh Quảng Ninh', representative: null },
        channel: sc.channel ?? 'counter',
        documents: list.documents.map((d) => ({ index: d.index, received: true })),
        receptionUnitId: sc.district ? districtCentre : communeCentre,
        summary: null,
        note: 'Dữ liệu demo',
      },
      { now: sc.at, isDemo: true },
    );
    if (r.outcome !== 'received') continue;
    made++;
    let d = r.dossier;
    const id = d.id;
    const due = new Date(d.dueAt!);
    // When the result should be ready, by plan.
    const end =
      sc.plan === 'early' ? wh(due, -9) :
      sc.plan === 'on_time' || sc.plan === 'supplement' || sc.plan === 'extended' || sc.plan === 'result_ready' ? wh(due, -1) :
      sc.plan === 'late' || sc.plan === 'late_apology' ? wh(due, 12) :
      null;
    let clock = new Date(sc.at.getTime() + 20 * 60_000);
    const v = () => d.version;
    // Accept the first processing step.
    d = await t.acceptHandoff(deps, specialist, id, { version: v() }, { now: clock });
    if (sc.plan === 'withdrawn') {
      await t.withdraw(deps, counter, id, { version: v(), reason: 'Công dân có đơn xin rút hồ sơ' }, { now: wh(clock, 4) });
      continue;
    }
    if (sc.plan === 'refused') {
      await t.refuse(deps, specialist, id, { version: v(), reasons: ['Chứng cứ chứng minh quan hệ cha, mẹ, con không hợp lệ theo quy định'] }, { now: wh(clock, 6) });
      continue;
    }
    if (sc.plan === 'late_apology') {
      const when = wh(due, -10);
      d = await t.apologize(deps, leader, id, { version: v(), reason: 'Chờ kết quả xác minh của cơ quan liên quan', newAppointmentAt: wh(due, 16).toISOString() }, { now: when });
      clock = when;
    }
    if (sc.plan === 'supplement' || sc.plan === 'awaiting_supplement') {
      const asked = wh(clock, 2);
      d = await t.requestSupplement(deps, specialist, id, { version: v(), reason: 'Thành phần hồ sơ chưa hợp lệ', items: ['Bản sao giấy tờ chứng minh nơi cư trú có chứng thực'] }, { now: asked });
      clock = asked;
      if (sc.plan === 'awaiting_supplement') continue;
      const back = wh(asked, 20);
      d = await t.supplementReceived(deps, counter, id, { version: v() }, { now: back });
      clock = back;
    }
    if (sc.plan === 'extended') {
      const when = wh(clock, 3);
      d = await t.extend(deps, leader, id, { version: v(), workingDays: 2, legalBasis: 'Khoản 3 Điều 17 Nghị định 118/2025/NĐ-CP (xác minh)', reason: 'Cần xác minh tại nơi cư trú trước đây' }, { now: when });
      clock = when;
    }
    if (sc.plan === 'suspended') {
      d = await t.suspend(deps, specialist, id, { version: v(), reason: 'Chờ ý kiến của Công an xã', agency: 'Công an xã Tiên Yên' }, { now: wh(clock, 2) });
      continue;
    }
    if (sc.plan === 'open_on_track' || sc.plan === 'open_due_soon' || sc.plan === 'open_overdue') continue;
    // Run the remaining steps up to the result, spread until `end` (after the extension or supplement, re-read due).
    const target = sc.plan === 'supplement' || sc.plan === 'extended' ? wh(new Date(d.dueAt!), -1) : end!;
    let guard = 0;
    while (d.status === 'in_process' && guard++ < 10) {
      const cur = d.steps.find((x) => x.seq === d.currentStep?.seq);
      if (!cur) break;
      // Actions left until the result: accept + complete per processing step, one approval for approve/sign steps;
      // spread evenly in working time so that the result is ready exactly at `target`.
      const left = d.steps
        .filter((x) => x.seq >= cur.seq && x.kind !== 'return' && x.state !== 'skipped' && x.state !== 'done')
        .reduce((n, x) => n + (x.kind === 'approve' || x.kind === 'sign' ? 1 : x.state === 'active' ? 1 : 2), 0);
      const span = Math.max(0, workingMinutes(cal, clock, target, false));
      const at = left <= 1 || span === 0 ? (target > clock ? target : new Date(clock.getTime() + 60_000)) : addWorkingMinutes(cal, clock, span / left, false);
      clock = at;
      if (cur.kind === 'approve' || cur.kind === 'sign') d = await t.approve(deps, leader, id, { version: v() }, { now: at });
      else if (cur.state === 'handed') d = await t.acceptHandoff(deps, specialist, id, { version: v() }, { now: at });
      else d = await t.completeStepAction(deps, specialist, id, { version: v() }, { now: at });
    }
    if (sc.plan === 'result_ready') {
      await t.notCollected(deps, counter, id, { version: v() }, { now: wh(clock, 8) });
      continue;
    }
    if (d.status === 'result_ready') await t.returnResult(deps, counter, id, { version: v(), method: i % 4 === 1 ? 'post' : 'counter', receivedBy: name }, { now: wh(clock, 3) });
  }
  return made;
}
