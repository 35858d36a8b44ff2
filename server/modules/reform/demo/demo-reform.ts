/**
 * Demo data of the reform programme, all marked `is_demo` (and the peer localities of the PAR rankings
 * `illustrative`). Call `seedDemoReform(database)` after the demo locality is seeded; it does nothing when its
 * data exist already or the demo units are absent.
 *
 * What it reproduces from the provincial press (the article in shared/mission): Huyện Tiên Yên's published PAR
 * results — 2021: 89.53, 8th of 13; 2023: 87.45, 5th of 13; 2024: 92.62, 3rd of 13, excellent — with the other
 * 12 localities' scores INVENTED so the ranks come out right (named "Địa phương minh hoạ …", illustrative); and,
 * for 2021 – 30 June 2025, 204 steering documents (200+), 19 initiatives applied, 17 integrated and 80 surprise
 * inspections, 272 training classes with 9,330 trainees, 912 officials sent to courses (900+), 55 officials
 * disciplined (37 district level, 18 commune level). Everything else (names, titles, numbers of documents, the
 * 2025 commune criteria tree and scores) is illustrative.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, getTableName, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '../../../db/client.ts';
import { recordAudit, systemActor } from '../../audit/audit.service.ts';
import { units } from '../../units/units.schema.ts';
import { disciplineRecords } from '../discipline/discipline.schema.ts';
import { reformInitiatives } from '../initiatives/initiatives.schema.ts';
import { inspectionFollowUps, inspectionPlans, inspectionRecommendations, inspections, type TeamMemberRow } from '../inspections/inspections.schema.ts';
import { PATTERN_BANDS } from '../par/par.excel.ts';
import { parAssessments, parCriteria, parEvidence, parFrameworks, parScores } from '../par/par.schema.ts';
import { reformDocuments, reformTasks, reformTaskReports } from '../steering/steering.schema.ts';
import { trainingAttendance, trainingClasses, trainingExternal } from '../training/training.schema.ts';
import { PAR_TREE_2025 } from './par-tree-2025.ts';

/** Published results of Huyện Tiên Yên (baoquangninh.vn, "Nhiều cách làm hay tạo bước đột phá"). */
export const TIEN_YEN_PAR = [
  { year: 2021, score: 89.53, rank: 8, of: 13 },
  { year: 2023, score: 87.45, rank: 5, of: 13 },
  { year: 2024, score: 92.62, rank: 3, of: 13, classification: 'excellent' },
] as const;

/** Invented peer scores (12 per year) placing Tiên Yên at its published rank; each year includes one tie among peers. */
const PEERS: Record<number, number[]> = {
  2021: [93.8, 92.95, 92.1, 91.62, 91.04, 90.47, 89.9, 88.76, 87.95, 87.95, 86.4, 84.12],
  2023: [91.2, 90.05, 89.33, 88.6, 86.98, 86.5, 86.5, 85.71, 84.9, 84.02, 83.15, 81.77],
  2024: [94.1, 93.05, 92.01, 91.48, 90.66, 90.12, 89.75, 89.2, 89.2, 87.6, 86.91, 85.3],
};

/** The figures the seed guarantees for Huyện Tiên Yên over 2021-01-01 … 2025-06-30 (tests check them). */
export const DEMO_TOTALS = { documents: 204, initiativesApplied: 19, integrated: 17, surprise: 80, classes: 272, trainees: 9330, sentToCourses: 912, discipline: 55, disciplineDistrict: 37, disciplineCommune: 18 } as const;
export const DEMO_PERIOD = { from: '2021-01-01', to: '2025-06-30' } as const;

// ---- deterministic helpers -------------------------------------------------------------------------------------

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hà', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Lục', 'Triệu', 'Chíu', 'Tô'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Hồng', 'Ngọc', 'Thanh', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Huyền', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Tuấn', 'Vân', 'Yến'];
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const personName = (r: () => number) => `${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;
const pad = (n: number) => String(n).padStart(2, '0');
/** A date in a year's window [fromMonth, toMonth], day ≤ 28. */
const dateIn = (r: () => number, year: number, fromMonth = 1, toMonth = 12) => `${year}-${pad(fromMonth + Math.floor(r() * (toMonth - fromMonth + 1)))}-${pad(1 + Math.floor(r() * 28))}`;
const addDaysIso = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Splits `total` into `n` parts between lo and hi, deterministically, summing exactly to `total`. */
function split(r: () => number, total: number, n: number, lo: number, hi: number): number[] {
  const parts = Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo + 1)));
  let diff = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % n) {
    const step = diff > 0 ? 1 : -1;
    if (parts[i] + step >= 1) {
      parts[i] += step;
      diff -= step;
    }
  }
  return parts;
}

/**
 * Inserts many rows in one statement with a single JSON parameter (jsonb_populate_recordset): on the embedded
 * database, binding thousands of parameters costs far more than the insert. Columns absent from every row take
 * their defaults; a column present in some rows is NULL in the others.
 */
async function insertMany<T extends object>(tx: Tx, table: PgTable, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = keys.map((k) => `"${cols[k].name}"`).join(', ');
  const json = rows.map((r) => Object.fromEntries(keys.map((k) => [cols[k].name, (r as Record<string, unknown>)[k] ?? null])));
  const t = `"${getTableName(table)}"`;
  await tx.query(`INSERT INTO ${t} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`, [JSON.stringify(json)]);
}

// ---- the seed --------------------------------------------------------------------------------------------------

export type DemoReformResult = { seeded: false; reason: string } | { seeded: true; counts: Record<string, number> };

/** Seeds the reform demo data in one transaction (idempotent: a second call does nothing). */
export async function seedDemoReform(database: Database): Promise<DemoReformResult> {
  const db = database.db;
  const [existing] = await db.select({ id: parFrameworks.id }).from(parFrameworks).where(eq(parFrameworks.isDemo, true)).limit(1);
  if (existing) return { seeded: false, reason: 'reform demo data exist already' };
  const byName = async (name: string, kind: string) => (await db.select().from(units).where(and(eq(units.name, name), eq(units.kind, kind))))[0];
  const province = await byName('Tỉnh Quảng Ninh', 'province');
  const district = await byName('Huyện Tiên Yên', 'district');
  if (!province || !district) return { seeded: false, reason: 'the demo locality (Tỉnh Quảng Ninh, Huyện Tiên Yên) is not seeded' };
  const children = await db.select().from(units).where(eq(units.parentId, district.id));
  const offices = children.filter((u) => u.kind === 'specialised_office');
  const oldCommunes = children.filter((u) => u.kind === 'commune' || u.kind === 'township');
  const centre = children.find((u) => u.kind === 'service_center');
  const newCommunes = (await db.select().from(units).where(and(eq(units.parentId, province.id), eq(units.kind, 'commune'), isNull(units.validTo)))).filter((u) => u.validFrom >= '2025-07-01');
  const communeNamed = (n: string) => newCommunes.find((u) => u.name === n);
  const tienYen = communeNamed('Xã Tiên Yên');
  if (offices.length === 0 || oldCommunes.length === 0 || !tienYen) return { seeded: false, reason: 'the demo locality lacks offices, communes or Xã Tiên Yên' };
  const targets = [...offices, ...oldCommunes, ...(centre ? [centre] : [])];
  const r = rng(20210101);
  const counts: Record<string, number> = {};

  await database.transaction(async (tx) => {
    // ---- Steering documents and tasks --------------------------------------------------------------------------
    const kindsCycle = [
      ['plan', 'KH-UBND', 'Kế hoạch'],
      ['official_letter', 'UBND-NV', 'Công văn'],
      ['decision', 'QĐ-UBND', 'Quyết định'],
      ['report', 'BC-UBND', 'Báo cáo'],
      ['directive', 'CT-UBND', 'Chỉ thị'],
      ['notice', 'TB-UBND', 'Thông báo'],
    ] as const;
    const subjects = [
      'cải cách hành chính',
      'kiểm tra công tác cải cách hành chính',
      'tuyên truyền cải cách hành chính',
      'nâng cao chỉ số PAR INDEX, SIPAS',
      'rà soát, đơn giản hoá thủ tục hành chính',
      'số hoá hồ sơ, kết quả giải quyết thủ tục hành chính',
      'tăng cường kỷ luật, kỷ cương hành chính',
      'đào tạo, bồi dưỡng cán bộ, công chức cấp xã',
      'thực hiện cơ chế một cửa, một cửa liên thông',
      'xây dựng chính quyền số',
      'sắp xếp thôn, khu phố',
      'thi đua, khen thưởng trong cải cách hành chính',
    ];
    const perYear: Array<[number, number, number]> = [[2021, 46, 12], [2022, 44, 12], [2023, 42, 12], [2024, 44, 12], [2025, 28, 6]];
    const docs: Array<typeof reformDocuments.$inferInsert> = [];
    for (const [year, n, lastMonth] of perYear) {
      const dates = Array.from({ length: n }, () => dateIn(r, year, 1, lastMonth)).sort();
      dates.forEach((issuedOn, i) => {
        const [kind, suffix, label] = i === 0 ? kindsCycle[0] : kindsCycle[i % kindsCycle.length];
        const subject = i === 0 ? `cải cách hành chính năm ${year}` : `${subjects[i % subjects.length]}${kind === 'report' ? ` (kỳ ${1 + (i % 4)}/${year})` : ''}`;
        docs.push({ id: randomUUID(), unitId: district.id, kind, number: `${10 + i * 7}/${suffix}`, issuedOn, issuer: 'UBND huyện Tiên Yên', signer: 'Chủ tịch UBND huyện (demo)', summary: `${label} về ${subject}`, isDemo: true });
      });
    }
    await insertMany(tx, reformDocuments, docs);
    const insertedDocs = docs as Array<typeof docs[number] & { id: string }>;
    counts.documents = insertedDocs.length;

    const yearPlans = insertedDocs.filter((d) => d.kind === 'plan' && d.summary.includes('cải cách hành chính năm'));
    const tasks: Array<typeof reformTasks.$inferInsert> = [];
    const taskTitles = ['Rà soát, công khai đầy đủ thủ tục hành chính', 'Tổ chức tuyên truyền CCHC đến thôn, khu phố', 'Báo cáo kết quả CCHC quý', 'Số hoá hồ sơ, kết quả giải quyết TTHC', 'Tự kiểm tra công tác CCHC tại đơn vị', 'Cử cán bộ tham gia bồi dưỡng kỹ năng'];
    for (const plan of yearPlans) {
      const year = Number(plan.issuedOn.slice(0, 4));
      taskTitles.forEach((title, i) => {
        const assignee = targets[(i * 3 + year) % targets.length];
        const deadline = year === 2025 ? `2025-${pad(5 + (i % 2))}-30` : `${year}-${pad(6 + i)}-30`;
        const done = year < 2025 || i < 3;
        tasks.push({ id: randomUUID(), unitId: district.id, documentId: plan.id, assigneeUnitId: assignee.id, title: `${title} năm ${year}`, deadline, status: done ? 'done' : 'in_progress', progress: done ? 100 : 60, completedOn: done ? addDaysIso(deadline, i === 4 ? 9 : -5) : null, isDemo: true });
      });
    }
    // The province's 2026 plan assigns tasks to the new communes; some are late (overdue warnings in the demo).
    const [provPlan] = await tx.db
      .insert(reformDocuments)
      .values({ unitId: province.id, kind: 'plan', number: '05/KH-UBND', issuedOn: '2026-01-08', issuer: 'UBND tỉnh Quảng Ninh', signer: 'Chủ tịch UBND tỉnh (demo)', summary: 'Kế hoạch cải cách hành chính năm 2026 của tỉnh (demo)', isDemo: true })
      .returning();
    counts.documents += 1;
    for (const c of newCommunes) {
      tasks.push({ id: randomUUID(), unitId: province.id, documentId: provPlan.id, assigneeUnitId: c.id, title: 'Công khai 100% thủ tục hành chính cấp xã sau sắp xếp', deadline: '2026-03-31', status: 'done', progress: 100, completedOn: '2026-03-20', isDemo: true });
      tasks.push({ id: randomUUID(), unitId: province.id, documentId: provPlan.id, assigneeUnitId: c.id, title: 'Số hoá 100% hồ sơ tiếp nhận tại Trung tâm Phục vụ hành chính công xã', deadline: '2026-09-30', status: 'in_progress', progress: 70, isDemo: true });
      tasks.push({ id: randomUUID(), unitId: province.id, documentId: provPlan.id, assigneeUnitId: c.id, title: 'Báo cáo tự đánh giá chỉ số CCHC năm 2026', deadline: '2026-12-31', status: 'not_started', progress: 0, isDemo: true });
    }
    await insertMany(tx, reformTasks, tasks);
    const insertedTasks = tasks as Array<typeof tasks[number] & { id: string; status: string; progress: number }>;
    await insertMany(
      tx,
      reformTaskReports,
      insertedTasks.filter((t) => t.status !== 'not_started').map((t) => ({ taskId: t.id, unitId: t.assigneeUnitId, reportedOn: t.completedOn ?? addDaysIso(t.deadline, -30), progress: t.progress, status: t.status, note: t.status === 'done' ? 'Đã hoàn thành (demo)' : 'Đang triển khai (demo)' })),
    );
    counts.tasks = insertedTasks.length;

    // ---- Inspections -------------------------------------------------------------------------------------------
    const inspYears: Array<[number, number, number, number]> = [[2021, 4, 16, 12], [2022, 4, 18, 12], [2023, 3, 16, 12], [2024, 4, 18, 12], [2025, 2, 12, 6]];
    const team = (): TeamMemberRow[] => [
      { name: personName(r), role: 'head', position: 'Trưởng phòng Nội vụ (demo)' },
      { name: personName(r), role: 'member', position: 'Chuyên viên Văn phòng HĐND và UBND (demo)' },
      { name: personName(r), role: 'secretary', position: 'Chuyên viên Phòng Nội vụ (demo)' },
    ];
    let inspCount = 0;
    const recs: Array<typeof inspectionRecommendations.$inferInsert> = [];
    for (const [year, integrated, surprise, lastMonth] of inspYears) {
      const [plan] = await tx.db.insert(inspectionPlans).values({ unitId: district.id, year, title: `Kế hoạch kiểm tra công tác cải cách hành chính năm ${year}`, decisionRef: `${20 + year - 2021}/KH-UBND`, approvedOn: `${year}-01-15`, isDemo: true }).returning();
      const rows: Array<typeof inspections.$inferInsert> = [];
      for (let i = 0; i < integrated + surprise; i++) {
        const kind = i < integrated ? 'integrated' : 'surprise';
        const target = targets[(i * 5 + year) % targets.length];
        const startOn = dateIn(r, year, 2, lastMonth);
        rows.push({
          id: randomUUID(),
          planId: plan.id,
          unitId: district.id,
          kind,
          targetUnitId: target.id,
          title: kind === 'integrated' ? `Kiểm tra lồng ghép công tác CCHC tại ${target.name}` : `Kiểm tra đột xuất việc thực thi công vụ tại ${target.name}`,
          decisionRef: `${100 + i}/QĐ-UBND`,
          startOn,
          endOn: addDaysIso(startOn, kind === 'integrated' ? 2 : 0),
          team: team(),
          findings: kind === 'integrated' ? 'Cơ bản thực hiện tốt; còn thiếu sót trong công khai TTHC và lưu trữ hồ sơ (demo).' : 'Cán bộ có mặt đúng giờ, đeo thẻ công chức; một số hồ sơ chưa cập nhật trên phần mềm (demo).',
          status: 'concluded',
          conclusionRef: `${200 + i}/TB-UBND`,
          concludedOn: addDaysIso(startOn, 15),
          isDemo: true,
        });
      }
      await insertMany(tx, inspections, rows);
      const ins = rows as Array<typeof rows[number] & { id: string }>;
      inspCount += ins.length;
      ins.forEach((i, k) => {
        const n = i.kind === 'integrated' ? 2 : k % 4 === 0 ? 1 : 0;
        for (let j = 0; j < n; j++) {
          const deadline = addDaysIso(i.startOn, 45 + 15 * j);
          const open = year === 2025 && j === 1;
          recs.push({ id: randomUUID(), inspectionId: i.id, unitId: district.id, responsibleUnitId: i.targetUnitId, content: j === 0 ? 'Niêm yết đầy đủ, cập nhật thủ tục hành chính tại Bộ phận Một cửa (demo)' : 'Cập nhật kịp thời hồ sơ trên Hệ thống thông tin giải quyết TTHC (demo)', deadline, status: open ? 'open' : 'closed', closedOn: open ? null : addDaysIso(deadline, -3), closingEvidence: open ? null : 'Báo cáo khắc phục kèm ảnh niêm yết (demo)', isDemo: true });
        }
      });
    }
    // The province inspects the new communes in 2026: recommendations still open, one of them late.
    const [pPlan] = await tx.db.insert(inspectionPlans).values({ unitId: province.id, year: 2026, title: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2026 (demo)', decisionRef: '12/KH-UBND', approvedOn: '2026-01-20', isDemo: true }).returning();
    const provInsp = await tx.db
      .insert(inspections)
      .values([
        { planId: pPlan.id, unitId: province.id, kind: 'integrated', targetUnitId: tienYen.id, title: 'Kiểm tra công tác CCHC tại UBND xã Tiên Yên', decisionRef: '310/QĐ-UBND', startOn: '2026-08-11', endOn: '2026-08-12', team: team(), findings: 'Bộ phận Một cửa hoạt động nền nếp; chưa số hoá đầy đủ kết quả giải quyết; hòm thư góp ý chưa mở định kỳ (demo).', status: 'concluded', conclusionRef: '95/TB-SNV', concludedOn: '2026-08-25', isDemo: true },
        ...(communeNamed('Xã Hải Lạng') ? [{ planId: pPlan.id, unitId: province.id, kind: 'surprise', targetUnitId: communeNamed('Xã Hải Lạng')!.id, title: 'Kiểm tra đột xuất Trung tâm Phục vụ hành chính công xã Hải Lạng', startOn: '2026-09-17', endOn: '2026-09-17', team: team(), status: 'concluded', concludedOn: '2026-09-20', isDemo: true }] : []),
      ])
      .returning({ id: inspections.id, targetUnitId: inspections.targetUnitId });
    inspCount += provInsp.length;
    recs.push(
      { id: randomUUID(), inspectionId: provInsp[0].id, unitId: province.id, responsibleUnitId: tienYen.id, content: 'Số hoá 100% kết quả giải quyết thủ tục hành chính còn tồn (demo)', deadline: '2026-10-15', status: 'open', isDemo: true },
      { id: randomUUID(), inspectionId: provInsp[0].id, unitId: province.id, responsibleUnitId: tienYen.id, content: 'Mở hòm thư góp ý định kỳ hằng tuần, lập sổ theo dõi (demo)', deadline: '2027-01-31', status: 'open', isDemo: true },
      { id: randomUUID(), inspectionId: provInsp[0].id, unitId: province.id, responsibleUnitId: tienYen.id, content: 'Niêm yết số điện thoại đường dây nóng của Chủ tịch UBND xã (demo)', deadline: '2026-09-15', status: 'closed', closedOn: '2026-09-05', closingEvidence: 'Ảnh chụp bảng niêm yết tại Trung tâm (demo)', isDemo: true },
    );
    await insertMany(tx, inspectionRecommendations, recs);
    const insertedRecs = recs as Array<typeof recs[number] & { id: string }>;
    const tyRec = insertedRecs.find((x) => x.responsibleUnitId === tienYen.id && x.status === 'open');
    if (tyRec) await tx.db.insert(inspectionFollowUps).values({ recommendationId: tyRec.id, unitId: tienYen.id, reportedOn: '2026-10-01', note: 'Đã số hoá 70% kết quả còn tồn; dự kiến hoàn thành trong tháng 11 (demo)' });
    counts.inspections = inspCount;
    counts.recommendations = insertedRecs.length;

    // ---- Initiatives: 24 registered, 21 recognised, 19 applied -----------------------------------------------
    const ideas = ['Mô hình "Bộ phận Một cửa thân thiện"', 'Sáng kiến nhắn tin báo kết quả hồ sơ qua Zalo', 'Giải pháp số hoá hồ sơ hộ tịch tồn đọng', 'Mô hình "Chính quyền lắng nghe dân nói"', 'Sáng kiến tổ công nghệ số cộng đồng ở thôn', 'Giải pháp hướng dẫn nộp hồ sơ trực tuyến tại nhà', 'Mô hình "Cà phê doanh nhân"', 'Sáng kiến biểu mẫu điện tử điền sẵn'];
    const initiatives: Array<typeof reformInitiatives.$inferInsert> = [];
    for (let i = 0; i < 24; i++) {
      const year = 2021 + (i % 5);
      const registeredOn = dateIn(r, year, 1, year === 2025 ? 3 : 9);
      const recognised = i < 21;
      const applied = i < 19;
      const unit = i % 3 === 0 ? district : targets[i % targets.length];
      initiatives.push({
        unitId: unit.id,
        kind: (['model', 'initiative', 'solution'] as const)[i % 3],
        title: `${ideas[i % ideas.length]} (${year})`,
        authors: `${personName(r)}, ${personName(r)}`,
        field: 'Cải cách hành chính',
        description: 'Mô tả, hiệu quả và khả năng nhân rộng (demo).',
        registeredOn,
        status: recognised ? 'recognised' : 'not_recognised',
        evaluatedOn: addDaysIso(registeredOn, 60),
        evaluationScore: recognised ? 80 + (i % 15) : 55,
        recognitionRef: recognised ? `${300 + i}/QĐ-UBND` : null,
        recognitionLevel: recognised ? (i % 4 === 0 ? 'province' : 'district') : null,
        applied,
        appliedFrom: applied ? addDaysIso(registeredOn, 90) : null,
        isDemo: true,
      });
    }
    // A recent registration by the new commune, not yet evaluated.
    initiatives.push({ unitId: tienYen.id, kind: 'solution', title: 'Giải pháp tra cứu thủ tục hành chính bằng mã QR tại thôn (2026)', authors: personName(r), field: 'Cải cách hành chính', description: 'Đăng ký năm 2026 (demo).', registeredOn: '2026-04-10', status: 'registered', applied: false, isDemo: true });
    await insertMany(tx, reformInitiatives, initiatives);
    counts.initiatives = initiatives.length;

    // ---- Training: 272 classes / 9,330 trainees; 912 officials sent to courses ----------------------------------
    const classYears: Array<[number, number, number]> = [[2021, 58, 12], [2022, 60, 12], [2023, 56, 12], [2024, 60, 12], [2025, 38, 6]];
    const sizes = split(r, DEMO_TOTALS.trainees, DEMO_TOTALS.classes, 18, 52);
    const topics = ['Kỹ năng giao tiếp, ứng xử của cán bộ một cửa', 'Nghiệp vụ cải cách hành chính cấp xã', 'Sử dụng phần mềm một cửa điện tử, dịch vụ công trực tuyến', 'Văn hoá công sở, đạo đức công vụ', 'Kỹ năng số hoá hồ sơ, kết quả giải quyết TTHC', 'Bồi dưỡng người hoạt động không chuyên trách ở thôn, khu phố', 'Nghiệp vụ văn thư, lưu trữ'];
    const classes: Array<typeof trainingClasses.$inferInsert> = [];
    let k = 0;
    for (const [year, n, lastMonth] of classYears) {
      for (let i = 0; i < n; i++, k++) {
        const startOn = dateIn(r, year, 1, lastMonth);
        classes.push({ unitId: district.id, title: topics[k % topics.length], organiser: k % 2 ? 'Phòng Nội vụ huyện Tiên Yên' : 'Trung tâm Chính trị huyện Tiên Yên', level: k % 3 === 2 ? 'village' : 'commune', startOn, endOn: addDaysIso(startOn, k % 4 === 0 ? 2 : 1), location: 'Hội trường UBND huyện (demo)', reportedParticipants: sizes[k], isDemo: true });
      }
    }
    await insertMany(tx, trainingClasses, classes);
    // Xã Tiên Yên's own classes after the reform; one has an attendance list (the live figure of criterion 5.1).
    const tyClasses = await tx.db
      .insert(trainingClasses)
      .values([
        { unitId: tienYen.id, title: 'Vận hành Trung tâm Phục vụ hành chính công xã sau sắp xếp', organiser: 'UBND xã Tiên Yên', level: 'commune', startOn: '2025-08-12', endOn: '2025-08-13', location: 'Hội trường UBND xã (demo)', isDemo: true },
        { unitId: tienYen.id, title: 'Kỹ năng số cho tổ công nghệ số cộng đồng', organiser: 'UBND xã Tiên Yên', level: 'village', startOn: '2025-10-21', endOn: '2025-10-21', location: 'Nhà văn hoá thôn (demo)', reportedParticipants: 46, isDemo: true },
      ])
      .returning({ id: trainingClasses.id });
    const attendees = Array.from({ length: 24 }, (_, i) => ({ classId: tyClasses[0].id, unitId: tienYen.id, rowNo: i + 2, fullName: personName(r), position: i < 6 ? 'Công chức' : 'Viên chức', workUnit: 'UBND xã Tiên Yên', birthYear: 1975 + (i % 25), result: i === 23 ? 'absent' : 'passed' }));
    await tx.db.insert(trainingAttendance).values(attendees);
    counts.classes = classes.length + tyClasses.length;

    const external: Array<typeof trainingExternal.$inferInsert> = [];
    const perYearSent = [190, 195, 185, 200, 142]; // 912
    const courses = ['Bồi dưỡng quản lý nhà nước ngạch chuyên viên', 'Bồi dưỡng lãnh đạo cấp phòng', 'Trung cấp lý luận chính trị', 'Bồi dưỡng kỹ năng chuyển đổi số', 'Bồi dưỡng nghiệp vụ cải cách hành chính'];
    perYearSent.forEach((n, y) => {
      const year = 2021 + y;
      for (let i = 0; i < n; i++) {
        const startOn = dateIn(r, year, 1, year === 2025 ? 6 : 12);
        const out = i % 5 === 0;
        external.push({ unitId: targets[i % targets.length].id, fullName: personName(r), position: i % 4 === 0 ? 'Phó trưởng phòng' : 'Chuyên viên', course: courses[i % courses.length], organiser: out ? 'Học viện Hành chính Quốc gia' : 'Trường Chính trị Nguyễn Văn Cừ', location: out ? 'out_of_province' : 'in_province', startOn, endOn: addDaysIso(startOn, 5 + (i % 20)), decisionRef: `${500 + i}/QĐ-UBND`, isDemo: true });
      }
    });
    await insertMany(tx, trainingExternal, external);
    counts.sentToCourses = external.length;

    // ---- Discipline: 55 (37 district level, 18 commune level) ---------------------------------------------------
    const sanctions = ['reprimand', 'reprimand', 'warning', 'reprimand', 'warning', 'salary_downgrade', 'reprimand', 'demotion'] as const;
    const discipline: Array<typeof disciplineRecords.$inferInsert> = [];
    for (let i = 0; i < DEMO_TOTALS.discipline; i++) {
      const districtLevel = i < DEMO_TOTALS.disciplineDistrict;
      const unit = districtLevel ? offices[i % offices.length] : oldCommunes[i % oldCommunes.length];
      const year = 2021 + (i % 5);
      discipline.push({ unitId: unit.id, fullName: personName(r), position: districtLevel ? 'Chuyên viên' : 'Công chức cấp xã', level: districtLevel ? 'district' : 'commune', sanction: sanctions[i % sanctions.length], decidedOn: dateIn(r, year, 1, year === 2025 ? 6 : 12), decisionRef: `${700 + i}/QĐ-UBND`, reason: 'Vi phạm quy định về thời hạn giải quyết công việc (demo).', isDemo: true });
    }
    await insertMany(tx, disciplineRecords, discipline);
    counts.discipline = discipline.length;

    // ---- PAR index: published history of the district (2021, 2023, 2024) ----------------------------------------
    const districtNote = 'Demo. Tiên Yên’s score and rank are those published by the province; the other 12 localities are ILLUSTRATIVE (invented scores chosen to reproduce the published ranks). Classification cut-offs: a common provincial pattern, not confirmed for Quảng Ninh.';
    for (const { year, score } of TIEN_YEN_PAR) {
      const [f] = await tx.db
        .insert(parFrameworks)
        .values({ provinceUnitId: province.id, year, targetLevel: 'district', name: `Chỉ số CCHC cấp huyện năm ${year} (kết quả công bố)`, decisionRef: null, maxPoints: 100, bands: PATTERN_BANDS, tieRule: 'competition', status: 'published', notes: districtNote, isDemo: true })
        .returning();
      await tx.db.insert(parAssessments).values([
        { frameworkId: f.id, provinceUnitId: province.id, unitId: district.id, localityName: district.name, status: 'published', publishedScore: score, publishedAt: new Date(`${year + 1}-04-15T03:00:00Z`), notes: 'Kết quả công bố (baoquangninh.vn)', isDemo: true },
        ...PEERS[year].map((s, i) => ({ frameworkId: f.id, provinceUnitId: province.id, unitId: null, localityName: `Địa phương minh hoạ ${String.fromCharCode(65 + i)}`, illustrative: true, status: 'published', publishedScore: s, publishedAt: new Date(`${year + 1}-04-15T03:00:00Z`), notes: 'Điểm minh hoạ, không phải số liệu công bố', isDemo: true })),
      ]);
    }

    // ---- PAR index: the 2025 commune framework with a criteria tree, assessed by the four new communes -----------
    const [f25] = await tx.db
      .insert(parFrameworks)
      .values({ provinceUnitId: province.id, year: 2025, targetLevel: 'commune', name: 'Bộ chỉ số CCHC cấp xã năm 2025 (minh hoạ)', decisionRef: null, maxPoints: 100, bands: PATTERN_BANDS, tieRule: 'competition', status: 'published', notes: 'Demo. Illustrative criteria and points (not Quảng Ninh’s decision); see server/modules/reform/demo/par-tree-2025.ts.', isDemo: true })
      .returning();
    const cid = new Map(PAR_TREE_2025.map((row) => [row.code, randomUUID()]));
    await insertMany(
      tx,
      parCriteria,
      PAR_TREE_2025.map((row, i) => {
        const parts = row.code.split('.');
        return { id: cid.get(row.code)!, frameworkId: f25.id, parentId: parts.length > 1 ? cid.get(parts.slice(0, -1).join('.'))! : null, code: row.code, level: (['area', 'criterion', 'sub_criterion'] as const)[parts.length - 1], title: row.title, maxPoints: row.max, guidance: row.guidance ?? null, method: row.method ?? 'self', liveFigureKey: row.figure ?? null, position: i };
      }),
    );
    const leaves = PAR_TREE_2025.filter((x) => !PAR_TREE_2025.some((y) => y.code.startsWith(`${x.code}.`)));
    const selfLeaves = leaves.filter((x) => (x.method ?? 'self') === 'self');
    /** Scores: every self leaf at its maximum minus the deductions, the survey as given, appraisals as given. */
    const plan25: Array<{ name: string; status: 'draft' | 'submitted' | 'published'; skip?: string[]; deduct: Record<string, number>; survey: Record<string, number>; appraise?: Record<string, [number, string]> }> = [
      // Xã Tiên Yên: self-assessment in progress; 3.1 and 5.1 are left for the reform officer (the browser test).
      { name: 'Xã Tiên Yên', status: 'draft', skip: ['3.1', '5.1'], deduct: { '1.1.2': 0.5, '2.2': 1, '3.2': 1.5, '7.2': 1 }, survey: { '8.1': 9, '8.2': 7, '8.3': 7.5 } },
      { name: 'Xã Đông Ngũ', status: 'submitted', deduct: { '1.3.2': 0.5, '3.2': 0.75 }, survey: { '8.1': 8, '8.2': 6.5, '8.3': 6 }, appraise: { '7.1': [4.5, 'Tỷ lệ hồ sơ trực tuyến thấp hơn số liệu tự đánh giá (demo)'] } },
      { name: 'Xã Hải Lạng', status: 'published', deduct: { '2.1': 1, '3.2': 1, '6.2': 1 }, survey: { '8.1': 8, '8.2': 6, '8.3': 6 } },
      { name: 'Xã Điền Xá', status: 'submitted', deduct: { '1.4': 0.6, '3.2': 2, '5.3': 1, '7.3': 1 }, survey: { '8.1': 7.5, '8.2': 6, '8.3': 5.5 } },
    ];
    for (const p of plan25) {
      const unit = communeNamed(p.name);
      if (!unit) continue;
      const selfTotal = selfLeaves.filter((l) => !p.skip?.includes(l.code)).reduce((a, l) => a + Math.round((l.max - (p.deduct[l.code] ?? 0)) * 100), 0);
      const appraisalDelta = Object.entries(p.appraise ?? {}).reduce((a, [code, [v]]) => a + Math.round(v * 100) - Math.round((selfLeaves.find((l) => l.code === code)!.max - (p.deduct[code] ?? 0)) * 100), 0);
      const surveyTotal = Object.values(p.survey).reduce((a, v) => a + Math.round(v * 100), 0);
      const final = (selfTotal + appraisalDelta + surveyTotal) / 100;
      const [a] = await tx.db
        .insert(parAssessments)
        .values({ frameworkId: f25.id, provinceUnitId: province.id, unitId: unit.id, localityName: unit.name, status: p.status, publishedScore: p.status === 'published' ? final : null, submittedAt: p.status !== 'draft' ? new Date('2026-02-10T03:00:00Z') : null, publishedAt: p.status === 'published' ? new Date('2026-04-20T03:00:00Z') : null, isDemo: true })
        .returning();
      const scoreRows: Array<typeof parScores.$inferInsert> = [];
      for (const l of selfLeaves) {
        if (p.skip?.includes(l.code)) continue;
        const ap = p.appraise?.[l.code];
        scoreRows.push({ assessmentId: a.id, criterionId: cid.get(l.code)!, unitId: unit.id, selfScore: l.max - (p.deduct[l.code] ?? 0), selfComment: p.deduct[l.code] ? 'Chưa đạt tối đa, có giải trình (demo)' : null, selfAt: new Date('2026-01-25T03:00:00Z'), appraisedScore: ap ? ap[0] : null, appraisalComment: ap ? ap[1] : null, appraisedAt: ap ? new Date('2026-03-10T03:00:00Z') : null });
      }
      for (const [code, v] of Object.entries(p.survey)) scoreRows.push({ assessmentId: a.id, criterionId: cid.get(code)!, unitId: unit.id, surveyScore: v, surveyRespondents: 120 });
      await insertMany(tx, parScores, scoreRows);
      if (p.name === 'Xã Tiên Yên') {
        await tx.db.insert(parEvidence).values({ assessmentId: a.id, criterionId: cid.get('1.1.1')!, unitId: unit.id, kind: 'document', title: `${provPlan.number} — ${provPlan.summary}`, documentId: provPlan.id });
      }
    }
    counts.parFrameworks = TIEN_YEN_PAR.length + 1;

    await recordAudit(tx, systemActor('seed'), { action: 'seed.demo.reform', subjectType: 'installation', after: counts });
  });
  return { seeded: true, counts };
}
