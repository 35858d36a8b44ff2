/** PAR index frameworks: create or import a year's criteria tree, correct it, issue it. */
import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateCriterionBody, CreateFrameworkBody, ImportFrameworkQuery, ListFrameworksQuery, UpdateCriterionBody, UpdateFrameworkBody } from '../../../../contracts/reform.ts';
import type { Database, Db } from '../../../db/client.ts';
import { conflict, notFound, ruleViolated } from '../../../platform/errors.ts';
import type { Context } from '../../accounts/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { invalidField, invalidFields, requireUnitExists, staleVersion, andAll, conflictOnDuplicate } from '../shared.ts';
import { PAR_TARGET_LEVELS, type ParTargetLevel } from '../reform.kinds.ts';
import { fillEach } from '../../../platform/errors.ts';
import { REFORM_REFUSALS as R, treeInconsistent } from '../reform.messages.ts';
import { checkTree, toCenti } from './par.compute.ts';
import { cellErrorsToFields, parseCriteriaWorkbook, PATTERN_BANDS, writeCriteriaWorkbook } from './par.excel.ts';
import { isKnownFigure } from './live-figures.ts';
import { findAssessments, findCriteria, findCriterion, findFramework, findFrameworkByYear, findFrameworks, type CriterionRow, type FrameworkRow } from './par.repository.ts';
import { presentCriterion, presentFrameworks } from './par.results.ts';
import { parAssessments, parCriteria, parFrameworks } from './par.schema.ts';

const M = {
  notProvince: { vi: 'Đơn vị phải là một tỉnh, thành phố', en: 'The unit must be a province', fr: "L'unité doit être une province" },
  unknownFigure: { vi: 'Khoá số liệu không có trong motcua', en: 'Unknown live figure key', fr: 'Clé de chiffre inconnue' },
  parentElsewhere: { vi: 'Mục cha không thuộc bộ chỉ số này', en: 'The parent belongs to another framework', fr: "Le parent appartient à un autre référentiel" },
  codeParent: { vi: 'Mã phải bắt đầu bằng mã mục cha và thêm một cấp', en: "The code must extend the parent's code by one level", fr: 'Le code doit prolonger celui du parent d’un niveau' },
  codeRoot: { vi: 'Mã lĩnh vực là một số (ví dụ 3)', en: 'An area code is a single number (e.g. 3)', fr: 'Un code de domaine est un seul nombre (ex. 3)' },
} as const;

/** "A framework for this year and level exists already", the level said in each language. */
const frameworkExistsText = (level: ParTargetLevel) => fillEach(R.frameworkExists, { level: PAR_TARGET_LEVELS[level] });
const frameworkExists = (year: number, level: ParTargetLevel) => conflict(frameworkExistsText(level), { year });

/** Frameworks are the province's published rules: every reform reader sees them. */
export async function listFrameworks(db: Db, q: z.infer<typeof ListFrameworksQuery>) {
  const conds: Array<SQL | undefined> = [
    q.provinceUnitId ? eq(parFrameworks.provinceUnitId, q.provinceUnitId) : undefined,
    q.year ? eq(parFrameworks.year, q.year) : undefined,
    q.targetLevel ? eq(parFrameworks.targetLevel, q.targetLevel) : undefined,
  ];
  return presentFrameworks(db, await findFrameworks(db, andAll(conds)));
}

export async function getFrameworkRow(db: Db, id: string): Promise<FrameworkRow> {
  const f = await findFramework(db, id);
  if (!f) throw notFound('PAR framework');
  return f;
}

/** A framework with its criteria tree (reading order). Throws NOT_FOUND. */
export async function getFramework(db: Db, id: string) {
  const f = await getFrameworkRow(db, id);
  const [view] = await presentFrameworks(db, [f]);
  return { ...view, criteria: (await findCriteria(db, id)).map(presentCriterion) };
}

async function requireProvince(db: Db, ctx: Context, provinceUnitId: string) {
  const u = await requireUnitExists(db, provinceUnitId, 'provinceUnitId');
  await ctx.requireUnit('reform.appraise', provinceUnitId);
  if (u.kind !== 'province') throw invalidField('provinceUnitId', 'not_province', M.notProvince);
  return u;
}

/** Creates an (empty, draft) framework for a year; the tree is then entered or imported. 409 when the year exists. */
export async function createFramework(database: Database, ctx: Context, input: z.infer<typeof CreateFrameworkBody>) {
  await requireProvince(database.db, ctx, input.provinceUnitId);
  if (await findFrameworkByYear(database.db, input.provinceUnitId, input.year, input.targetLevel)) throw frameworkExists(input.year, input.targetLevel);
  const row = await database
    .transaction(async (tx) => {
      const [f] = await tx.db
        .insert(parFrameworks)
        .values({ provinceUnitId: input.provinceUnitId, year: input.year, targetLevel: input.targetLevel, name: input.name, decisionRef: input.decisionRef ?? null, maxPoints: input.maxPoints, bands: input.bands ?? PATTERN_BANDS, tieRule: input.tieRule, notes: input.notes ?? null })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'par.framework.create', subjectType: 'par_framework', subjectId: f.id, unitId: f.provinceUnitId, after: f });
      return f;
    })
    .catch((e) => conflictOnDuplicate(e, frameworkExistsText(input.targetLevel), { year: input.year }));
  return getFramework(database.db, row.id);
}

/**
 * Corrects a framework (name, decision, bands, tie rule, maximum) or issues it (status published: the tree
 * must then be complete and consistent). A framework with assessments cannot go back to draft.
 */
export async function updateFramework(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateFrameworkBody>) {
  const f = await getFrameworkRow(database.db, id);
  await ctx.requireUnit('reform.appraise', f.provinceUnitId);
  const { version, ...changes } = input;
  if (version !== f.version) throw staleVersion('framework', f.version, version);
  const criteria = await findCriteria(database.db, id);
  const nextStatus = changes.status ?? f.status;
  const nextMax = changes.maxPoints ?? f.maxPoints;
  if (f.status === 'published' && changes.maxPoints !== undefined && toCenti(changes.maxPoints) !== toCenti(f.maxPoints)) throw ruleViolated(R.maxOfIssuedFramework);
  if (nextStatus === 'published') {
    const problems = checkTree(criteria.map((c) => ({ id: c.id, parentId: c.parentId, code: c.code, maxPoints: c.maxPoints, method: c.method as 'self' | 'survey' })), nextMax);
    if (problems.length) throw ruleViolated(treeInconsistent(problems));
  }
  if (f.status === 'published' && nextStatus === 'draft' && (await findAssessments(database.db, eq(parAssessments.frameworkId, id))).length) {
    throw ruleViolated(R.assessedFramework);
  }
  await database.transaction(async (tx) => {
    const [row] = await tx.db
      .update(parFrameworks)
      .set({ ...changes, version: f.version + 1, updatedAt: new Date() })
      .where(and(eq(parFrameworks.id, id), eq(parFrameworks.version, version)))
      .returning();
    if (!row) throw staleVersion('framework', f.version, version);
    await recordAudit(tx, ctx.actor, { action: changes.status && changes.status !== f.status ? `par.framework.${changes.status === 'published' ? 'issue' : 'reopen'}` : 'par.framework.update', subjectType: 'par_framework', subjectId: id, unitId: f.provinceUnitId, before: f, after: row });
  });
  return getFramework(database.db, id);
}

async function draftFramework(db: Db, ctx: Context, frameworkId: string) {
  const f = await getFrameworkRow(db, frameworkId);
  await ctx.requireUnit('reform.appraise', f.provinceUnitId);
  return f;
}

/** Adds an area, criterion or sub-criterion to a draft framework (the code's depth gives its level). */
export async function addCriterion(database: Database, ctx: Context, frameworkId: string, input: z.infer<typeof CreateCriterionBody>) {
  const f = await draftFramework(database.db, ctx, frameworkId);
  if (f.status !== 'draft') throw ruleViolated(R.criteriaOnDraft);
  let parent: CriterionRow | undefined;
  if (input.parentId) {
    parent = await findCriterion(database.db, input.parentId);
    if (!parent || parent.frameworkId !== frameworkId) throw invalidField('parentId', 'other_framework', M.parentElsewhere);
    const parts = input.code.split('.');
    if (parts.length !== parent.code.split('.').length + 1 || parts.slice(0, -1).join('.') !== parent.code) throw invalidField('code', 'parent_prefix', M.codeParent);
  } else if (input.code.includes('.')) throw invalidField('code', 'area_code', M.codeRoot);
  if (input.liveFigureKey && !isKnownFigure(input.liveFigureKey)) throw invalidField('liveFigureKey', 'unknown', M.unknownFigure);
  const depth = input.code.split('.').length;
  const existing = await findCriteria(database.db, frameworkId);
  if (existing.some((c) => c.code === input.code)) throw conflict(R.criterionExists, { code: input.code });
  const row = await database
    .transaction(async (tx) => {
      const [c] = await tx.db
        .insert(parCriteria)
        .values({ frameworkId, parentId: parent?.id ?? null, code: input.code, level: (['area', 'criterion', 'sub_criterion'] as const)[depth - 1], title: input.title, maxPoints: input.maxPoints, guidance: input.guidance ?? null, method: input.method, liveFigureKey: input.liveFigureKey ?? null, position: input.position ?? existing.length })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'par.criterion.create', subjectType: 'par_framework', subjectId: frameworkId, unitId: f.provinceUnitId, after: c });
      return c;
    })
    .catch((e) => conflictOnDuplicate(e, R.criterionExists, { code: input.code }));
  return presentCriterion(row);
}

/** Corrects a criterion. Title, guidance and live figure may change on an issued framework; points and method only on a draft. */
export async function updateCriterion(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateCriterionBody>) {
  const c = await findCriterion(database.db, id);
  if (!c) throw notFound('criterion');
  const f = await draftFramework(database.db, ctx, c.frameworkId);
  const { version, ...changes } = input;
  if (version !== c.version) throw staleVersion('criterion', c.version, version);
  if (f.status !== 'draft' && (changes.maxPoints !== undefined || changes.method !== undefined)) throw ruleViolated(R.pointsOnDraft);
  if (changes.liveFigureKey && !isKnownFigure(changes.liveFigureKey)) throw invalidField('liveFigureKey', 'unknown', M.unknownFigure);
  return database.transaction(async (tx) => {
    const [row] = await tx.db
      .update(parCriteria)
      .set({ ...changes, version: c.version + 1, updatedAt: new Date() })
      .where(and(eq(parCriteria.id, id), eq(parCriteria.version, version)))
      .returning();
    if (!row) throw staleVersion('criterion', c.version, version);
    await recordAudit(tx, ctx.actor, { action: 'par.criterion.update', subjectType: 'par_framework', subjectId: c.frameworkId, unitId: f.provinceUnitId, before: c, after: row });
    return presentCriterion(row);
  });
}

/**
 * Imports a year's criteria tree (and optionally its bands) from Excel as a new draft framework: every row is
 * checked first and any error refuses the whole file (400, one field per bad cell `TieuChi!C12`); nothing is
 * written unless everything is right. `dryRun=true` only checks.
 */
export async function importFramework(database: Database, ctx: Context, q: z.infer<typeof ImportFrameworkQuery>, buffer: Buffer) {
  await requireProvince(database.db, ctx, q.provinceUnitId);
  if (await findFrameworkByYear(database.db, q.provinceUnitId, q.year, q.targetLevel)) throw frameworkExists(q.year, q.targetLevel);
  const parsed = await parseCriteriaWorkbook(buffer, q.maxPoints);
  if (parsed.errors.length) throw invalidFields(cellErrorsToFields(parsed.errors), `${parsed.errors.length} error(s) in the workbook; nothing was imported`);
  const bands = parsed.bands ?? PATTERN_BANDS;
  if (q.dryRun === 'true') return { dryRun: true, frameworkId: null, criteria: parsed.criteria.length, bands: bands.length };
  const id = await database
    .transaction(async (tx) => {
      const [f] = await tx.db.insert(parFrameworks).values({ provinceUnitId: q.provinceUnitId, year: q.year, targetLevel: q.targetLevel, name: q.name, maxPoints: q.maxPoints, bands, tieRule: 'competition' }).returning();
      const idOf = new Map<string, string>();
      // Parents come before children in code order, whatever the sheet's row order.
      for (const c of [...parsed.criteria].sort((a, b) => a.code.split('.').length - b.code.split('.').length)) {
        const [row] = await tx.db
          .insert(parCriteria)
          .values({ frameworkId: f.id, parentId: c.parentCode ? idOf.get(c.parentCode)! : null, code: c.code, level: c.level, title: c.title, maxPoints: c.maxPoints, guidance: c.guidance, method: c.method, liveFigureKey: c.liveFigureKey, position: c.position })
          .returning({ id: parCriteria.id });
        idOf.set(c.code, row.id);
      }
      await recordAudit(tx, ctx.actor, { action: 'par.framework.import', subjectType: 'par_framework', subjectId: f.id, unitId: f.provinceUnitId, after: { ...f, criteria: parsed.criteria.length } });
      return f.id;
    })
    .catch((e) => conflictOnDuplicate(e, frameworkExistsText(q.targetLevel), { year: q.year }));
  return { dryRun: false, frameworkId: id, criteria: parsed.criteria.length, bands: bands.length };
}

/** The framework's tree and bands as a workbook in the import layout (or an empty template). */
export async function exportFramework(db: Db, id: string | null): Promise<Buffer> {
  if (!id) return writeCriteriaWorkbook([], PATTERN_BANDS);
  const f = await getFrameworkRow(db, id);
  const criteria = await findCriteria(db, id);
  return writeCriteriaWorkbook(criteria.map((c) => ({ ...c, method: c.method as 'self' | 'survey' })), f.bands);
}
