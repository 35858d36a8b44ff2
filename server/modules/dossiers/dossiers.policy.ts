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

export type Denial = { ok: false; reason: 'state' | 'role'; detail: string } | { ok: true };

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

const deny = (reason: 'state' | 'role', detail: string): Denial => ({ ok: false, reason, detail });
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
      if (!inStatus(RUNNING) || !cur || cur.state !== 'handed') return deny('state', 'no hand-off waiting for acceptance');
      if (cur.kind === 'return') return deny('state', 'the return step is taken with return-result');
      return roleOnStep(cur) ? OK : deny('role', `accepting this step needs the ${cur.role} role on its unit`);
    case 'complete':
    case 'result-ready':
      if (status !== 'in_process' || !cur || cur.state !== 'active') return deny('state', 'the current step must be accepted (active) to complete it');
      if (action === 'result-ready' && cur.seq !== lastProcessingSeq(steps)) return deny('state', 'result-ready applies to the last processing step');
      if (cur.kind === 'approve' && !s.approve.covers(cur.unitId)) return deny('role', 'an approval step is completed by a unit leader (approve)');
      return roleOnStep(cur) ? OK : deny('role', `completing this step needs the ${cur.role} role on its unit`);
    case 'approve':
      if (!inStatus(RUNNING) || !cur || (cur.state !== 'handed' && cur.state !== 'active')) return deny('state', 'nothing to approve now');
      if (cur.kind !== 'approve' && cur.kind !== 'sign') return deny('state', 'the current step is not an approval step');
      return s.approve.covers(cur.unitId) ? OK : deny('role', 'approval needs dossiers.approve on the step unit');
    case 'send-back': {
      if (status !== 'in_process' || !cur || (cur.state !== 'handed' && cur.state !== 'active')) return deny('state', 'nothing to send back');
      const prev = steps.filter((x) => x.seq < cur.seq && x.state === 'done');
      if (prev.length === 0 || prev[prev.length - 1].kind === 'receive') return deny('state', 'no previous processing step to send back to');
      return roleOnStep(cur) || s.approve.covers(cur.unitId) ? OK : deny('role', 'sending back needs the role of the current step');
    }
    case 'request-supplement':
      if (!inStatus(RUNNING)) return deny('state', 'a supplement is requested from a received or in-process dossier');
      return (cur && (s.process.covers(cur.unitId) || s.approve.covers(cur.unitId))) || s.receive.covers(d.receptionUnitId) || s.process.covers(d.competentUnitId)
        ? OK
        : deny('role', 'requesting a supplement needs dossiers.process on the step unit or dossiers.receive at the reception point');
    case 'supplement-received':
      if (status !== 'awaiting_supplement') return deny('state', 'no supplement is awaited');
      return s.receive.covers(d.receptionUnitId) ? OK : deny('role', 'the supplement is received by a counter officer of the reception point');
    case 'suspend':
      if (status !== 'in_process') return deny('state', 'only an in-process dossier is paused for another agency');
      return (cur && (s.process.covers(cur.unitId) || s.approve.covers(cur.unitId))) ? OK : deny('role', 'pausing needs dossiers.process on the step unit');
    case 'resume':
      if (status !== 'suspended') return deny('state', 'the dossier is not paused for another agency');
      return (cur && (s.process.covers(cur.unitId) || s.approve.covers(cur.unitId))) || s.process.covers(d.competentUnitId) ? OK : deny('role', 'resuming needs dossiers.process on the step unit');
    case 'extend':
      if (!inStatus(OPEN)) return deny('state', 'only an open dossier is extended');
      return s.approve.covers(d.competentUnitId) ? OK : deny('role', 'an extension is decided by a leader of the competent authority');
    case 'apologize':
      if (!inStatus(OPEN)) return deny('state', 'only an open dossier gets an apology and a new appointment');
      if (d.apologyIssued) return deny('state', 'the appointment may be re-set at most once');
      return s.approve.covers(d.competentUnitId) ? OK : deny('role', 'the apology is signed by a leader of the competent authority');
    case 'refuse':
      if (!inStatus(RUNNING) || !cur) return deny('state', 'only a received or in-process dossier is refused on the merits');
      return s.process.covers(cur.unitId) || s.approve.covers(cur.unitId) || s.approve.covers(d.competentUnitId) ? OK : deny('role', 'refusing needs dossiers.process or dossiers.approve on the step unit');
    case 'return-result':
      if (status !== 'result_ready') return deny('state', 'the result is not ready');
      return s.receive.covers(d.returningUnitId) ? OK : deny('role', 'the result is returned by a counter officer of the returning point');
    case 'not-collected':
      if (status !== 'result_ready') return deny('state', 'the result is not ready');
      return s.receive.covers(d.returningUnitId) ? OK : deny('role', 'recorded by a counter officer of the returning point');
    case 'withdraw':
      if (!inStatus(OPEN)) return deny('state', 'only an open dossier can be withdrawn');
      return s.receive.covers(d.receptionUnitId) || s.process.covers(d.competentUnitId) || s.approve.covers(d.competentUnitId) ? OK : deny('role', 'a withdrawal is recorded at the reception point or by the competent authority');
    case 'cancel':
      if (!inStatus(OPEN)) return deny('state', 'only an open dossier can be stopped');
      return s.approve.covers(d.competentUnitId) ? OK : deny('role', 'stopping a dossier is decided by a leader of the competent authority');
  }
}

/** Every action allowed now (the UI's buttons). */
export function allowedActions(actions: readonly DossierAction[], d: PolicyDossier, steps: readonly PolicyStep[], s: PolicyScopes): DossierAction[] {
  return actions.filter((a) => decide(a, d, steps, s).ok);
}
