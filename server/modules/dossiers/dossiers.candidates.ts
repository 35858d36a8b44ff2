/**
 * Who can take a step: the officials an official may designate when handing a dossier on (`nextAssigneeId` of
 * complete/approve) or to whom a leader may reassign the current step. A candidate holds the step's role on its
 * unit or on an ancestor of it, today, with an active account — the same rule the transitions enforce.
 */
import { todayVn } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { Context } from '../accounts/context.ts';
import { STEP_KINDS } from '../procedures/index.ts';
import { canRead } from './dossiers.policy.ts';
import { findDossierById, findOfficialsFor, findUnits, loadFull } from './dossiers.repository.ts';
import { policyScopes, type DossierDeps } from './dossiers.service.ts';

export type CandidateStep = 'next' | 'current';

/**
 * Candidates for the dossier's current step or the step after it, ordered by name (Vietnamese order).
 * `step: null` when there is no such step (finished dossier, or the current step is the last processing step).
 * @throws NOT_FOUND when the dossier does not exist or is outside the caller's scope.
 */
export async function listCandidates(deps: DossierDeps, ctx: Context, id: string, which: CandidateStep, now = new Date()) {
  const db = deps.database.db;
  const row = await findDossierById(db, id);
  if (!row) throw notFound('dossier');
  const [full, scopes] = await Promise.all([loadFull(db, row), policyScopes(ctx)]);
  if (!canRead(scopes, row, full.steps)) throw notFound('dossier');
  const current = full.steps.find((s) => s.seq === row.currentStepSeq);
  const step = !current ? undefined : which === 'current' ? current : full.steps.find((s) => s.seq > current.seq && s.state !== 'skipped');
  if (!step) return { step: null, officials: [] };
  const [officials, units] = await Promise.all([findOfficialsFor(db, step.unitId, step.role, todayVn(now)), findUnits(db, [step.unitId])]);
  const collator = new Intl.Collator('vi');
  return {
    step: {
      seq: step.seq,
      kind: step.kind,
      label: STEP_KINDS[step.kind as keyof typeof STEP_KINDS]?.[ctx.lang] ?? step.kind,
      role: step.role,
      unit: { id: step.unitId, name: units.get(step.unitId)?.name ?? '' },
    },
    officials: officials.map((o) => ({ id: o.id, name: o.name })).sort((a, b) => collator.compare(a.name, b.name)),
  };
}
