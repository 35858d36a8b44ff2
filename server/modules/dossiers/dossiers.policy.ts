/**
 * Who may do what to a dossier, and in which state: the state machine's guard table. Pure: the caller's scopes
 * for the three dossier permissions are passed in (Context.scope), so the same rules answer both "may I?"
 * (allowedActions, for the UI's buttons) and "refuse this request" (the service's guard).
 *
 * Step roles map to permissions: counter_officer → dossiers.receive, specialist → dossiers.process,
 * unit_leader → dossiers.approve. A grant on a unit covers its subtree.
 */
import type { Scope } from '../accounts/context.ts';
import type { DossierAction, DossierStatus } from './dossiers.kinds.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { DOSSIER_DENIALS } from './dossiers.messages.ts';

export interface PolicyScopes {
  read: Scope;
  receive: Scope;
  process: Scope;
  approve: Scope;
}

export interface PolicyDossier {
  status: string;
  receptionUnitId: string;
  competentUnitId: string;
  returningUnitId: string;
  currentStepSeq: number | null;
  apologyIssued: boolean;
}

export interface PolicyStep {
  seq: number;
  kind: string;
  role: string;
  unitId: string;
  state: string;
}

export type Denial = { ok: false; reason: 'state' | 'role'; detail: LocalizedText } | { ok: true };

const OPEN: readonly DossierStatus[] = ['received', 'in_process', 'awaiting_supplement', 'suspended'];
const RUNNING: readonly DossierStatus[] = ['received', 'in_process'];

/** Scope that carries the permission of a step role. */
export function scopeOfRole(s: PolicyScopes, role: string): Scope {
  if (role === 'counter_officer') return s.receive;
  if (role === 'unit_leader') return s.approve;
  return s.process;
}

/** The step list without a trailing `return` step: the steps whose completion makes the result ready. */
export function lastProcessingSeq(steps: readonly PolicyStep[]): number {
  const last = steps[steps.length - 1];
  if (last && last.kind === 'return' && steps.length > 1) return steps[steps.length - 2].seq;
  return last?.seq ?? 0;
}

/** Whether the caller can read the dossier at all (else: 404). */
export function canRead(s: PolicyScopes, d: PolicyDossier, steps: readonly PolicyStep[]): boolean {
  const r = s.read;
  return r.covers(d.receptionUnitId) || r.covers(d.competentUnitId) || r.covers(d.returningUnitId) || steps.some((st) => r.covers(st.unitId));
}

const deny = (reason: 'state' | 'role', detail: LocalizedText): Denial => ({ ok: false, reason, detail });
const OK: Denial = { ok: true };

/**
 * Decides whether `action` is allowed now. State is checked before role (a stale view gets the state error).
 * The per-action rules are the state machine's table (docs/dossiers.md).
 */
export function decide(action: DossierAction, d: PolicyDossier, steps: readonly PolicyStep[], s: PolicyScopes): Denial {
  const status = d.status as DossierStatus;
  const cur = steps.find((x) => x.seq === d.currentStepSeq) ?? null;
  const inStatus = (list: readonly DossierStatus[]) => list.includes(status);
  const roleOnStep = (st: PolicyStep | null) => !!st && scopeOfRole(s, st.role).covers(st.unitId);
  switch (action) {
    case 'accept':
      if (!inStatus(RUNNING) || !cur || cur.state !== 'handed') return deny('state', DOSSIER_DENIALS.noHandOffWaiting);
      if (cur.kind === 'return') return deny('state', DOSSIER_DENIALS.returnStepByReturn);
      return roleOnStep(cur) ? OK : deny('role', DOSSIER_DENIALS.acceptNeedsStepRole);
    case 'complete':
    case 'result-ready':
      if (status !== 'in_process' || !cur || cur.state !== 'active') return deny('state', DOSSIER_DENIALS.stepMustBeActive);
      if (action === 'result-ready' && cur.seq !== lastProcessingSeq(steps)) return deny('state', DOSSIER_DENIALS.resultReadyOnLastStep);
      if (cur.kind === 'approve' && !s.approve.covers(cur.unitId)) return deny('role', DOSSIER_DENIALS.approvalStepByLeader);
      return roleOnStep(cur) ? OK : deny('role', DOSSIER_DENIALS.completeNeedsStepRole);
    case 'approve':
      if (!inStatus(RUNNING) || !cur || (cur.state !== 'handed' && cur.state !== 'active')) return deny('state', DOSSIER_DENIALS.nothingToApprove);
      if (cur.kind !== 'approve' && cur.kind !== 'sign') return deny('state', DOSSIER_DENIALS.notAnApprovalStep);
      return s.approve.covers(cur.unitId) ? OK : deny('role', DOSSIER_DENIALS.approvalNeedsLeader);
    case 'send-back': {
      if (status !== 'in_process' || !cur || (cur.state !== 'handed' && cur.state !== 'active')) return deny('state', DOSSIER_DENIALS.nothingToSendBack);
      const prev = steps.filter((x) => x.seq < cur.seq && x.state === 'done');
      if (prev.length === 0 || prev[prev.length - 1].kind === 'receive') return deny('state', DOSSIER_DENIALS.noPreviousStep);
      return roleOnStep(cur) || s.approve.covers(cur.unitId) ? OK : deny('role', DOSSIER_DENIALS.sendBackNeedsStepRole);
    }
    case 'request-supplement':
      if (!inStatus(RUNNING)) return deny('state', DOSSIER_DENIALS.supplementFromRunning);
      return (cur && (s.process.covers(cur.unitId) || s.approve.covers(cur.unitId))) || s.receive.covers(d.receptionUnitId) || s.process.covers(d.competentUnitId)
        ? OK
        : deny('role', DOSSIER_DENIALS.supplementNeedsRole);
    case 'supplement-received':
      if (status !== 'awaiting_supplement') return deny('state', DOSSIER_DENIALS.noSupplementAwaited);
      return s.receive.covers(d.receptionUnitId) ? OK : deny('role', DOSSIER_DENIALS.supplementAtReception);
    case 'suspend':
      if (status !== 'in_process') return deny('state', DOSSIER_DENIALS.suspendInProcessOnly);
      return (cur && (s.process.covers(cur.unitId) || s.approve.covers(cur.unitId))) ? OK : deny('role', DOSSIER_DENIALS.suspendNeedsRole);
    case 'resume':
      if (status !== 'suspended') return deny('state', DOSSIER_DENIALS.notSuspended);
      return (cur && (s.process.covers(cur.unitId) || s.approve.covers(cur.unitId))) || s.process.covers(d.competentUnitId) ? OK : deny('role', DOSSIER_DENIALS.resumeNeedsRole);
    case 'extend':
      if (!inStatus(OPEN)) return deny('state', DOSSIER_DENIALS.extendOpenOnly);
      return s.approve.covers(d.competentUnitId) ? OK : deny('role', DOSSIER_DENIALS.extendByLeader);
    case 'apologize':
      if (!inStatus(OPEN)) return deny('state', DOSSIER_DENIALS.apologizeOpenOnly);
      if (d.apologyIssued) return deny('state', DOSSIER_DENIALS.apologizeOnce);
      return s.approve.covers(d.competentUnitId) ? OK : deny('role', DOSSIER_DENIALS.apologizeByLeader);
    case 'refuse':
      if (!inStatus(RUNNING) || !cur) return deny('state', DOSSIER_DENIALS.refuseRunningOnly);
      return s.process.covers(cur.unitId) || s.approve.covers(cur.unitId) || s.approve.covers(d.competentUnitId) ? OK : deny('role', DOSSIER_DENIALS.refuseNeedsRole);
    case 'return-result':
      if (status !== 'result_ready') return deny('state', DOSSIER_DENIALS.resultNotReady);
      return s.receive.covers(d.returningUnitId) ? OK : deny('role', DOSSIER_DENIALS.returnAtReturningPoint);
    case 'not-collected':
      if (status !== 'result_ready') return deny('state', DOSSIER_DENIALS.resultNotReady);
      return s.receive.covers(d.returningUnitId) ? OK : deny('role', DOSSIER_DENIALS.notCollectedAtReturningPoint);
    case 'withdraw':
      if (!inStatus(OPEN)) return deny('state', DOSSIER_DENIALS.withdrawOpenOnly);
      return s.receive.covers(d.receptionUnitId) || s.process.covers(d.competentUnitId) || s.approve.covers(d.competentUnitId) ? OK : deny('role', DOSSIER_DENIALS.withdrawNeedsRole);
    case 'cancel':
      if (!inStatus(OPEN)) return deny('state', DOSSIER_DENIALS.cancelOpenOnly);
      return s.approve.covers(d.competentUnitId) ? OK : deny('role', DOSSIER_DENIALS.cancelByLeader);
  }
}

/** Every action allowed now (the UI's buttons). */
export function allowedActions(actions: readonly DossierAction[], d: PolicyDossier, steps: readonly PolicyStep[], s: PolicyScopes): DossierAction[] {
  return actions.filter((a) => decide(a, d, steps, s).ok);
}
