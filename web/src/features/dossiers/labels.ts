/**
 * Shapes of the dossier API (types only, from the shared zod contracts) and the labels of its closed lists, which
 * come from the server's dossiers.kinds.ts — the same file the API is built from, so a new status cannot be missed.
 */
import type { z } from 'zod';
import type {
  Checklist,
  ClockSegment,
  ControlSlip,
  DossierDetail,
  DossierPage,
  DossierStep,
  DossierSummary,
  GuidanceRecord,
  ReceiptResult,
  TimelineEvent,
  Tracking,
} from '../../../../contracts/dossiers.ts';
import type { Lang } from '../../i18n/index.ts';
import type { DossierFiles } from '../../../../server/modules/dossiers/documents/documents.contracts.ts';
import {
  ACTIONS,
  APPLICANT_KINDS,
  APPOINTMENT_REASONS,
  CHANNELS,
  CLOCK_KINDS,
  DOSSIER_STATUSES,
  EVENT_KINDS,
  OUTCOMES,
  QUEUES,
  RETURN_METHODS,
  RULE_SETS,
  STANDINGS,
  STEP_STATES,
  type DossierAction,
  type DossierStatus,
  type QueueName,
} from '../../../../server/modules/dossiers/dossiers.kinds.ts';
import { DOCUMENT_FORMS, STEP_KINDS } from '../../../../server/modules/procedures/procedures.kinds.ts';

export type ChecklistDto = z.infer<typeof Checklist>;
export type DossierSummaryDto = z.infer<typeof DossierSummary>;
export type DossierDetailDto = z.infer<typeof DossierDetail>;
export type DossierPageDto = z.infer<typeof DossierPage>;
export type DossierStepDto = z.infer<typeof DossierStep>;
export type GuidanceDto = z.infer<typeof GuidanceRecord>;
export type ReceiptResultDto = z.infer<typeof ReceiptResult>;
export type TimelineEventDto = z.infer<typeof TimelineEvent>;
export type ClockSegmentDto = z.infer<typeof ClockSegment>;
export type ControlSlipDto = z.infer<typeof ControlSlip>;
export type TrackingDto = z.infer<typeof Tracking>;
export type Classification = DossierSummaryDto['classification'];
/** The scans and result files of a dossier (documents part of the module). */
export type DossierFilesDto = z.infer<typeof DossierFiles>;

export {
  ACTIONS,
  APPLICANT_KINDS,
  APPOINTMENT_REASONS,
  CHANNELS,
  CLOCK_KINDS,
  DOCUMENT_FORMS,
  DOSSIER_STATUSES,
  EVENT_KINDS,
  OUTCOMES,
  QUEUES,
  RETURN_METHODS,
  RULE_SETS,
  STANDINGS,
  STEP_KINDS,
  STEP_STATES,
  type DossierAction,
  type DossierStatus,
  type QueueName,
};

type LabelTable = Record<string, { vi: string; en: string; fr: string }>;

/** The label of a code in a closed list, in the interface language (the code itself when unknown). */
export const labelOf = (table: LabelTable, code: string | null | undefined, lang: Lang): string => (code ? (table[code]?.[lang] ?? code) : '—');

/** Radio / select options of a closed list. */
export const optionsOf = (table: LabelTable, lang: Lang) => Object.entries(table).map(([value, l]) => ({ value, label: l[lang] }));

/** Role labels of the steps (the procedure's workflow template). */
export const STEP_ROLES: LabelTable = {
  counter_officer: { vi: 'Cán bộ một cửa', en: 'Counter officer', fr: 'Agent du guichet' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist', fr: 'Spécialiste' },
  unit_leader: { vi: 'Lãnh đạo', en: 'Leader', fr: 'Responsable' },
};

/** "Thẩm định — Công chức tư pháp kiểm tra": the step's kind, and its own name when the template gives one. */
export function stepLabel(step: { kind: string; name?: string | null }, lang: Lang): string {
  const kind = labelOf(STEP_KINDS, step.kind, lang);
  return step.name ? `${kind} — ${step.name}` : kind;
}

/** The tone of a dossier now: its outcome when finished, its standing while open. */
export type Tone = 'early' | 'on_time' | 'late' | 'on_track' | 'due_soon' | 'overdue' | 'apart';

export function toneOf(c: Classification): Tone {
  if (c.finished) return c.outcome ?? 'apart';
  return c.standing ?? 'on_track';
}

/** Tag colour per tone: green on track or early, gold due soon, red late or overdue, grey withdrawn or stopped. */
export const TONE_COLOR: Record<Tone, string> = {
  early: 'green',
  on_time: 'blue',
  late: 'red',
  on_track: 'green',
  due_soon: 'gold',
  overdue: 'red',
  apart: 'default',
};

export function toneLabel(tone: Tone, lang: Lang, apart: string): string {
  if (tone === 'apart') return apart;
  if (tone in OUTCOMES) return OUTCOMES[tone as keyof typeof OUTCOMES][lang];
  return STANDINGS[tone as keyof typeof STANDINGS][lang];
}

const intlLocale = (lang: Lang) => (lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-FR' : 'vi-VN');

/** Working minutes as "7,5 giờ làm việc" (hours with at most one decimal, in the language's number format). */
export function formatWorkingHours(minutes: number, lang: Lang, unit: string): string {
  const h = Math.round((Math.abs(minutes) / 60) * 10) / 10;
  return `${new Intl.NumberFormat(intlLocale(lang)).format(h)} ${unit}`;
}

/** Statuses in which the dossier still runs (for the tracking page's "overdue" warning). */
export const OPEN_STATUSES: readonly DossierStatus[] = (Object.keys(DOSSIER_STATUSES) as DossierStatus[]).filter((s) => DOSSIER_STATUSES[s].open);

/** An instant spelled out for a person: "07:30, Thứ Ba 01/12/2026" (Vietnam time, the interface language). */
export function formatAppointment(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'Asia/Ho_Chi_Minh', ...o }).format(d);
  const weekday = part({ weekday: 'long' });
  const day = part({ day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = part({ hour: '2-digit', minute: '2-digit', hour12: false });
  return `${time}, ${weekday.charAt(0).toLocaleUpperCase(intlLocale(lang)) + weekday.slice(1)} ${day}`;
}
