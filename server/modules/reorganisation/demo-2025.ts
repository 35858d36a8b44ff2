/**
 * The 2025 reform of the demo locality, run through this module (not a separate seed path): two plans effective on
 * 1 July 2025, as the law ordered them —
 * 1. the commune merger (NQ 1679/NQ-UBTVQH15 for Quảng Ninh; mapping unconfirmed, see demo-locality.ts): the 11
 *    former communes of Huyện Tiên Yên become 4 communes under the province, with their centres and offices; the
 *    villages are carried under the new communes; officials' grants are re-issued there;
 * 2. the end of the district level (NQ 203/2025/QH15, Luật 72/2025/QH15): the district and its offices end, its
 *    duties pass to the 4 communes (Xã Tiên Yên first), its centre's open dossiers to Xã Tiên Yên's centre.
 * The installation seed runs plan 1 before the demo catalogue (which needs the new communes) and plan 2 after the
 * demo activity, so that dossiers received at the district before 1 July and still open are carried over.
 */
import type { PlanBodyDto } from '../../../contracts/reorganisation.ts';
import type { Tx } from '../../db/client.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import { COMMUNE_START, MERGERS, demoNewUnits } from '../system/demo-locality.ts';
import { units } from '../units/units.schema.ts';
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { makeContext, type Context } from '../accounts/context.ts';
import { permissionsOf, type Grant } from '../accounts/permissions.ts';
import { getChecklist, getDossierDetail, receiveDossier, transitions as t, type DossierDeps } from '../dossiers/index.ts';
import type { UnitKind } from '../units/units.kinds.ts';
import { reorganisationPlans } from './reorganisation.schema.ts';
import { runPlan } from './reorganisation.service.ts';

export const DEMO_COMMUNE_DECISION = 'NQ 1679/NQ-UBTVQH15 (chưa xác minh)';
export const DEMO_DISTRICT_DECISION = 'NQ 203/2025/QH15; Luật 72/2025/QH15';

/** Plan 1: the commune merger. `ids` maps the demo keys of demo-locality.ts to unit ids. */
export function demoCommunePlan(ids: Map<string, string>): PlanBodyDto {
  const id = (k: string) => ids.get(k) ?? (() => { throw new Error(`demo unit ${k} missing`); })();
  return {
    title: 'Sắp xếp đơn vị hành chính cấp xã thuộc huyện Tiên Yên (demo)',
    decisionRef: DEMO_COMMUNE_DECISION,
    decisionDate: '2025-06-16',
    effectiveDate: COMMUNE_START,
    newUnits: demoNewUnits().map((u) => ({ ref: `#${u.key}`, name: u.name, kind: u.kind as UnitKind, parent: u.parent === 'p_qn' ? id('p_qn') : `#${u.parent}`, notes: u.notes ?? null, unconfirmed: u.unconfirmed ?? false })),
    operations: Object.entries(MERGERS).map(([target, sources]) => ({ kind: 'merge' as const, sources: sources.map(id), target: `#${target}` })),
    resolutions: {},
  };
}

/** Plan 2: the end of the district level; `ids` must hold the new communes too (after plan 1). */
export function demoDistrictPlan(ids: Map<string, string>): PlanBodyDto {
  const id = (k: string) => ids.get(k) ?? (() => { throw new Error(`demo unit ${k} missing`); })();
  return {
    title: 'Kết thúc hoạt động của Huyện Tiên Yên (demo)',
    decisionRef: DEMO_DISTRICT_DECISION,
    decisionDate: '2025-06-16',
    effectiveDate: COMMUNE_START,
    newUnits: [],
    operations: [{ kind: 'abolish_level', source: id('d_tien_yen'), successors: Object.keys(MERGERS).map(id), primary: id('n_tien_yen'), routes: [{ from: id('d_tien_yen_hcc'), to: id('n_tien_yen_ttpvhcc') }] }],
    resolutions: {},
  };
}

/** Enters and executes a demo plan in `tx` as the seed; returns the new units' ids by demo key. */
export async function runDemoPlan(tx: Tx, body: PlanBodyDto): Promise<Map<string, string>> {
  const actor = systemActor('seed');
  const [row] = await tx.db
    .insert(reorganisationPlans)
    .values({ title: body.title, decisionRef: body.decisionRef, decisionDate: body.decisionDate ?? null, effectiveDate: body.effectiveDate, operations: { newUnits: body.newUnits, operations: body.operations }, resolutions: body.resolutions })
    .returning();
  await recordAudit(tx, actor, { action: 'reorganisation.plan.create', subjectType: 'reorganisation_plan', subjectId: row.id, after: { title: row.title, decisionRef: row.decisionRef } });
  const { ids } = await runPlan(tx, row.id, actor);
  const created = [...ids.values()];
  if (created.length) await tx.db.update(units).set({ isDemo: true }).where(inArray(units.id, created));
  return new Map([...ids].map(([ref, uid]) => [ref.slice(1), uid]));
}

// ---- Demo dossiers open across 1 July 2025 ---------------------------------------------------------------------

const PRE_REFORM: Array<{ at: string; procedureCode: string; name: string; finishOn: string }> = [
  { at: '2025-06-24T09:30:00+07:00', procedureCode: 'TYH-HT-01', name: 'Hoàng Thị Thanh Xuân', finishOn: '2025-07-10T10:00:00+07:00' },
  { at: '2025-06-27T14:00:00+07:00', procedureCode: 'TYH-HKD-01', name: 'Lò Văn Quyết', finishOn: '2025-07-02T15:00:00+07:00' },
];

function seedCtx(database: Database, user: { id: string; username: string; fullName: string }): Context {
  const grants: Grant[] = [{ id: 'seed', role: 'admin', unitId: null }];
  return makeContext(database.db, { userId: user.id, label: user.username, requestId: 'seed-reorganisation' }, { userId: user.id, username: user.username, fullName: user.fullName, grants, permissions: permissionsOf(grants), mustChangePassword: false }, 'vi');
}

/**
 * Dossiers received at the district centre in the last days of June 2025 and still open: the district plan carries
 * them to Xã Tiên Yên's centre. Returns their ids (call `finishPreReformDossiers` after the plan).
 */
export async function seedPreReformDossiers(database: Database): Promise<string[]> {
  const q = async <T>(text: string, values: unknown[]) => (await database.query(text, values)).rows as T[];
  const [centre] = await q<{ id: string }>(`SELECT id FROM units WHERE name = 'Trung tâm Hành chính công huyện Tiên Yên' AND valid_to IS NULL`, []);
  const [user] = await q<{ id: string; username: string; fullName: string }>(`SELECT id, username, full_name AS "fullName" FROM users WHERE username = 'motcua'`, []);
  if (!centre || !user) return [];
  const deps: DossierDeps = { database, queue: null };
  const ctx = seedCtx(database, user);
  const out: string[] = [];
  for (const [i, p] of PRE_REFORM.entries()) {
    const [proc] = await q<{ id: string }>(`SELECT id FROM procedures WHERE code = $1 AND is_demo`, [p.procedureCode]);
    if (!proc) continue;
    const at = new Date(p.at);
    const list = await getChecklist(deps, ctx, { procedureId: proc.id, channel: 'counter', receptionUnitId: centre.id }, at);
    const r = await receiveDossier(
      deps,
      ctx,
      {
        procedureId: proc.id,
        applicant: { kind: 'individual', name: p.name, idNumber: `02209${String(7100000 + i * 31337).slice(-7)}`, phone: `09${String(88001100 + i * 7717).slice(-8)}`, email: null, address: 'Thị trấn Tiên Yên, huyện Tiên Yên, tỉnh Quảng Ninh', representative: null },
        channel: 'counter',
        documents: list.documents.map((d) => ({ index: d.index, received: true })),
        receptionUnitId: centre.id,
        summary: null,
        note: 'Dữ liệu demo: tiếp nhận tại huyện trước ngày 01/7/2025, chuyển xã Tiên Yên giải quyết',
      },
      { now: at, isDemo: true },
    );
    if (r.outcome !== 'received') continue;
    await t.acceptHandoff(deps, ctx, r.dossier.id, { version: r.dossier.version }, { now: new Date(at.getTime() + 30 * 60_000) });
    out.push(r.dossier.id);
  }
  return out;
}

/** Processes the carried-over dossiers at their new authority in July 2025, up to the return of the result. */
export async function finishPreReformDossiers(database: Database, ids: string[]): Promise<void> {
  const q = async <T>(text: string, values: unknown[]) => (await database.query(text, values)).rows as T[];
  const [user] = await q<{ id: string; username: string; fullName: string }>(`SELECT id, username, full_name AS "fullName" FROM users WHERE username = 'chuyenvien'`, []);
  if (!user) return;
  const deps: DossierDeps = { database, queue: null };
  const ctx = seedCtx(database, user);
  for (const id of ids) {
    const plan = PRE_REFORM[ids.indexOf(id)];
    // Worked from 07:40 on the day the result is due (20 minutes a step), Vietnam time.
    let at = new Date(`${plan.finishOn.slice(0, 10)}T07:40:00+07:00`);
    let d = await getDossierDetail(deps, ctx, id, { now: at, recordAccess: false });
    let guard = 0;
    while (d.status === 'in_process' && guard++ < 12) {
      at = new Date(at.getTime() + 20 * 60_000);
      const cur = d.steps.find((x) => x.seq === d.currentStep?.seq);
      if (!cur) break;
      if (cur.kind === 'approve' || cur.kind === 'sign') d = await t.approve(deps, ctx, id, { version: d.version }, { now: at });
      else if (cur.state === 'handed') d = await t.acceptHandoff(deps, ctx, id, { version: d.version }, { now: at });
      else d = await t.completeStepAction(deps, ctx, id, { version: d.version }, { now: at });
    }
    if (d.status === 'result_ready') await t.returnResult(deps, ctx, id, { version: d.version, method: 'counter', receivedBy: null }, { now: new Date(at.getTime() + 3_600_000) });
  }
}
