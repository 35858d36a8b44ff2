/** Labels and formats of the catalogue, shared by the public and the internal pages. */
import type { z } from 'zod';
import type {
  Duration,
  ImportResult,
  ProcedureDetail,
  ProcedurePage,
  ProcedureSummary,
  ProcedureVersionView,
  Proposal,
  ReviewPlan,
  ReviewPlanDetail,
  SimplificationReport,
  VersionListItem,
} from '../../../../contracts/procedures.ts';
import type { Lang } from '../../i18n/index.ts';
import {
  AUTHORITY_LEVELS,
  DOCUMENT_FORMS,
  ONLINE_LEVELS,
  PROCEDURE_FIELDS,
  PROCEDURE_STATUSES,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  STEP_KINDS,
  TIME_UNITS,
} from '../../../../server/modules/procedures/procedures.kinds.ts';

export type DurationDto = z.infer<typeof Duration>;
export type ProcedureSummaryDto = z.infer<typeof ProcedureSummary>;
export type ProcedurePageDto = z.infer<typeof ProcedurePage>;
export type ProcedureDetailDto = z.infer<typeof ProcedureDetail>;
export type ProcedureVersionDto = z.infer<typeof ProcedureVersionView>;
export type VersionListItemDto = z.infer<typeof VersionListItem>;
export type ImportResultDto = z.infer<typeof ImportResult>;
export type ReviewPlanDto = z.infer<typeof ReviewPlan>;
export type ReviewPlanDetailDto = z.infer<typeof ReviewPlanDetail>;
export type ProposalDto = z.infer<typeof Proposal>;
export type SimplificationReportDto = z.infer<typeof SimplificationReport>;

export { AUTHORITY_LEVELS, DOCUMENT_FORMS, ONLINE_LEVELS, PROCEDURE_FIELDS, PROCEDURE_STATUSES, PROPOSAL_KINDS, PROPOSAL_STATUSES, STEP_KINDS, TIME_UNITS };

type LabelTable = Record<string, { vi: string; en: string; fr: string }>;

/** The label of a code in a closed list, in the interface language (the code itself when unknown). */
export const labelOf = (table: LabelTable, code: string | null | undefined, lang: Lang) => (code ? (table[code]?.[lang] ?? code) : '—');

/** Select options of a closed list. */
export const optionsOf = (table: LabelTable, lang: Lang) => Object.entries(table).map(([value, l]) => ({ value, label: l[lang] }));

/** "5 ngày làm việc", "4 working hours"; 0 working days = on the spot. */
export function formatDuration(d: DurationDto | null | undefined, lang: Lang, onTheSpot: string): string {
  if (!d) return '—';
  if (d.value === 0) return onTheSpot;
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-FR' : 'vi-VN').format(d.value);
  return `${n} ${TIME_UNITS[d.unit][lang]}`;
}

/** An amount in đồng: "100.000 đ". */
export function formatMoney(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}

/** Field names of the content, for "changed: …" in the history. */
export const FIELD_NAMES: Record<Lang, Record<string, string>> = {
  vi: { nationalCode: 'mã quốc gia', nationalCodeUnconfirmed: 'xác nhận mã', name: 'tên', nameEn: 'tên tiếng Anh', nameFr: 'tên tiếng Pháp', field: 'lĩnh vực', authorityLevel: 'cấp thực hiện', implementingUnitIds: 'cơ quan thực hiện', legalBases: 'căn cứ pháp lý', decisionRef: 'quyết định công bố', processingTime: 'thời hạn', processingTimeOnline: 'thời hạn trực tuyến', steps: 'quy trình', documents: 'thành phần hồ sơ', fees: 'phí, lệ phí', onlineLevel: 'mức độ trực tuyến', resultType: 'kết quả', resultDigitised: 'số hóa kết quả', status: 'trạng thái' },
  en: { nationalCode: 'national code', nationalCodeUnconfirmed: 'code confirmation', name: 'name', nameEn: 'English name', nameFr: 'French name', field: 'field', authorityLevel: 'level', implementingUnitIds: 'implementing units', legalBases: 'legal bases', decisionRef: 'announcement', processingTime: 'time limit', processingTimeOnline: 'online time limit', steps: 'steps', documents: 'documents', fees: 'fees', onlineLevel: 'online level', resultType: 'result', resultDigitised: 'digitised results', status: 'status' },
  fr: { nationalCode: 'code national', nationalCodeUnconfirmed: 'confirmation du code', name: 'nom', nameEn: 'nom anglais', nameFr: 'nom français', field: 'domaine', authorityLevel: 'niveau', implementingUnitIds: 'unités compétentes', legalBases: 'bases légales', decisionRef: 'décision', processingTime: 'délai', processingTimeOnline: 'délai en ligne', steps: 'étapes', documents: 'pièces', fees: 'droits', onlineLevel: 'niveau en ligne', resultType: 'résultat', resultDigitised: 'résultats numérisés', status: 'statut' },
};

/** Role labels of the steps. */
export const STEP_ROLES: LabelTable = {
  counter_officer: { vi: 'Cán bộ một cửa', en: 'Counter officer', fr: 'Agent du guichet' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist', fr: 'Spécialiste' },
  unit_leader: { vi: 'Lãnh đạo', en: 'Leader', fr: 'Responsable' },
};
