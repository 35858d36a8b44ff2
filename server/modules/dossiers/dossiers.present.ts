/** From rows to the API's shapes (contracts/dossiers.ts). No decisions here beyond wording. */
import type { z } from 'zod';
import type { DossierDetail, DossierSummary } from '../../../contracts/dossiers.ts';
import { standingOf } from './classification.ts';
import type { ClockState } from './clock.ts';
import { DOSSIER_STATUSES, type Channel, type DossierAction, type DossierStatus, type Outcome } from './dossiers.kinds.ts';
import type { DossierRow, FullAggregate, StepRow, UnitInfo } from './dossiers.repository.ts';

type Summary = z.infer<typeof DossierSummary>;
type Detail = z.infer<typeof DossierDetail>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function unitRef(units: Map<string, UnitInfo>, id: string): { id: string; name: string } {
  return { id, name: units.get(id)?.name ?? '' };
}
const unitRefOrNull = (units: Map<string, UnitInfo>, id: string | null | undefined) => (id ? unitRef(units, id) : null);
const userRef = (id: string | null | undefined, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

const FINISHED: readonly string[] = ['result_ready', 'returned'];
const APART: readonly string[] = ['withdrawn', 'cancelled'];

/** Classification of a dossier now (see classification.ts). */
export function classificationOf(d: DossierRow, now: Date) {
  if (FINISHED.includes(d.status)) return { finished: true, outcome: (d.outcome as Outcome | null) ?? null, standing: null };
  if (APART.includes(d.status)) return { finished: true, outcome: null, standing: null };
  return { finished: false, outcome: null, standing: standingOf(now, d.dueAt, d.remainingMinutes, d.clockRunning) };
}

export function presentSummary(d: DossierRow, current: StepRow | undefined, units: Map<string, UnitInfo>, users: Map<string, string>, now: Date): Summary {
  return {
    id: d.id,
    code: d.code,
    procedure: { id: d.procedureId, versionId: d.procedureVersionId, name: d.procedureName, code: d.procedureCode },
    applicantName: d.applicantName,
    channel: d.channel as Channel,
    status: d.status as DossierStatus,
    portalStatus: DOSSIER_STATUSES[d.status as DossierStatus]?.portalCode ?? 4,
    receptionUnit: unitRef(units, d.receptionUnitId),
    competentUnit: unitRef(units, d.competentUnitId),
    returningUnit: unitRef(units, d.returningUnitId),
    currentStep: current
      ? { seq: current.seq, kind: current.kind, state: current.state, unit: unitRef(units, current.unitId), assignee: userRef(current.assigneeId, users.get(current.assigneeId ?? '')), dueAt: iso(current.dueAt) }
      : null,
    receivedAt: d.receivedAt.toISOString(),
    appointmentAt: iso(d.appointmentAt),
    dueAt: iso(d.dueAt),
    finishedAt: iso(d.finishedAt),
    classification: classificationOf(d, now),
    version: d.version,
  };
}

export function presentDetail(full: FullAggregate, units: Map<string, UnitInfo>, users: Map<string, string>, clock: ClockState, allowed: DossierAction[], now: Date): Detail {
  const d = full.dossier;
  const current = full.steps.find((s) => s.seq === d.currentStepSeq);
  return {
    ...presentSummary(d, current, units, users, now),
    applicant: {
      kind: d.applicantKind as 'individual' | 'organisation',
      name: d.applicantName,
      idNumber: d.applicantIdNumber,
      phone: d.applicantPhone,
      email: d.applicantEmail,
      address: d.applicantAddress,
      representative: d.applicantRepresentative,
    },
    summary: d.summary,
    note: d.note,
    ruleSet: d.ruleSet as Detail['ruleSet'],
    calendarVersion: d.calendarVersion,
    statutoryTime: d.statutoryTime,
    budgetMinutes: clock.budgetMinutes,
    remainingMinutes: clock.remainingMinutes,
    clockRunning: clock.running,
    supplementCount: d.supplementCount,
    apologyIssued: d.apologyIssued,
    resultKind: (d.resultKind as Detail['resultKind']) ?? null,
    resultNote: d.resultNote,
    returnMethod: (d.returnMethod as Detail['returnMethod']) ?? null,
    returnedAt: iso(d.returnedAt),
    notCollectedAt: iso(d.notCollectedAt),
    digitised: full.documents.filter((x) => x.received && x.scanRequired).every((x) => x.digitised) && full.documents.some((x) => x.received && x.scanRequired),
    steps: full.steps.map((s) => ({
      seq: s.seq,
      kind: s.kind,
      name: s.name,
      role: s.role,
      unit: unitRef(units, s.unitId),
      state: s.state as Detail['steps'][number]['state'],
      assignee: userRef(s.assigneeId, users.get(s.assigneeId ?? '')),
      sharePercent: s.sharePercent,
      budgetMinutes: s.budgetMinutes,
      dueAt: iso(s.dueAt),
      handedAt: iso(s.handedAt),
      acceptedAt: iso(s.acceptedAt),
      completedAt: iso(s.completedAt),
      outcome: (s.outcome as Outcome | null) ?? null,
    })),
    documents: full.documents.map((x) => ({
      id: x.id,
      index: x.idx,
      name: x.name,
      form: x.form,
      count: x.count,
      received: x.received,
      copies: x.copies,
      scanRequired: x.scanRequired,
      digitised: x.digitised,
      fileSha256: x.fileSha256,
      note: x.note,
    })),
    clock: full.clock.map((c) => ({ seq: c.seq, kind: c.kind as Detail['clock'][number]['kind'], at: c.at.toISOString(), minutes: c.minutes, reason: c.reason, legalBasis: c.legalBasis })),
    appointments: full.appointments.map((a) => ({
      seq: a.seq,
      reason: a.reason as Detail['appointments'][number]['reason'],
      previousAt: iso(a.previousAt),
      appointmentAt: a.appointmentAt.toISOString(),
      decidedAt: a.decidedAt.toISOString(),
      note: a.note,
      lateStepSeq: a.lateStepSeq,
      lateUnit: unitRefOrNull(units, a.lateUnitId),
    })),
    supplements: full.supplements.map((s) => ({
      seq: s.seq,
      phase: s.phase as 'reception' | 'processing',
      requestedAt: s.requestedAt.toISOString(),
      items: s.items,
      reason: s.reason,
      receivedAt: iso(s.receivedAt),
      policy: (s.policy as 'shift' | 'reset' | null) ?? null,
    })),
    timeline: full.events.map((e) => ({
      seq: e.seq,
      kind: e.kind as Detail['timeline'][number]['kind'],
      at: e.at.toISOString(),
      actor: userRef(e.actorId, e.actorName),
      fromUnit: unitRefOrNull(units, e.fromUnitId),
      toUnit: unitRefOrNull(units, e.toUnitId),
      fromUser: userRef(e.fromUserId, e.fromUserName),
      toUser: userRef(e.toUserId, e.toUserName),
      stepSeq: e.stepSeq,
      outcome: (e.outcome as Outcome | null) ?? null,
      note: e.note,
    })),
    allowedActions: allowed,
  };
}

/** Unit ids a full aggregate refers to. */
export function unitIdsOf(full: FullAggregate): string[] {
  const d = full.dossier;
  return [
    d.receptionUnitId,
    d.competentUnitId,
    d.returningUnitId,
    ...full.steps.map((s) => s.unitId),
    ...full.events.flatMap((e) => [e.fromUnitId, e.toUnitId]),
    ...full.appointments.map((a) => a.lateUnitId),
  ].filter((x): x is string => !!x);
}

