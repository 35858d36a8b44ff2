/**
 * Closed lists of the procedure catalogue (thủ tục hành chính) with their labels in the three interface languages.
 * Codes are English and stable (they appear in the API and in the Excel layout); labels are for people.
 */
type Label = { vi: string; en: string; fr: string };

/**
 * Fields (lĩnh vực). The national sector code list of Circular 03/2025/TT-VPCP could not be checked here [S], so
 * these are motcua's own stable codes; a sector code column can be added when the official list is confirmed.
 */
export const PROCEDURE_FIELDS = {
  civil_status: { vi: 'Hộ tịch', en: 'Civil status', fr: 'État civil' },
  certification: { vi: 'Chứng thực', en: 'Certification of copies and signatures', fr: 'Certification de copies et de signatures' },
  residence: { vi: 'Cư trú', en: 'Residence', fr: 'Résidence' },
  land: { vi: 'Đất đai', en: 'Land', fr: 'Foncier' },
  construction: { vi: 'Xây dựng', en: 'Construction', fr: 'Construction' },
  business_household: { vi: 'Thành lập và hoạt động của hộ kinh doanh', en: 'Business households', fr: 'Entreprises familiales' },
  social_protection: { vi: 'Bảo trợ xã hội', en: 'Social protection', fr: 'Protection sociale' },
  meritorious_people: { vi: 'Người có công', en: 'Persons with meritorious services', fr: 'Personnes méritantes' },
  child_protection: { vi: 'Trẻ em', en: 'Child protection', fr: "Protection de l'enfance" },
  education: { vi: 'Giáo dục và Đào tạo', en: 'Education', fr: 'Éducation' },
  health: { vi: 'Y tế', en: 'Health', fr: 'Santé' },
  transport: { vi: 'Giao thông vận tải', en: 'Transport', fr: 'Transports' },
  agriculture: { vi: 'Nông nghiệp', en: 'Agriculture', fr: 'Agriculture' },
  environment: { vi: 'Môi trường', en: 'Environment', fr: 'Environnement' },
  culture: { vi: 'Văn hóa, thể thao và du lịch', en: 'Culture, sports and tourism', fr: 'Culture, sport et tourisme' },
  religion: { vi: 'Tín ngưỡng, tôn giáo', en: 'Beliefs and religion', fr: 'Cultes et religions' },
  grassroots_mediation: { vi: 'Hòa giải ở cơ sở', en: 'Grassroots mediation', fr: 'Médiation de proximité' },
  labour: { vi: 'Lao động, việc làm', en: 'Labour and employment', fr: 'Travail et emploi' },
  emulation: { vi: 'Thi đua, khen thưởng', en: 'Emulation and awards', fr: 'Émulation et distinctions' },
  complaints: { vi: 'Giải quyết khiếu nại, tố cáo', en: 'Complaints and denunciations', fr: 'Plaintes et dénonciations' },
  other: { vi: 'Lĩnh vực khác', en: 'Other', fr: 'Autre' },
} as const satisfies Record<string, Label>;
export type ProcedureField = keyof typeof PROCEDURE_FIELDS;
export const PROCEDURE_FIELD_VALUES = Object.keys(PROCEDURE_FIELDS) as [ProcedureField, ...ProcedureField[]];

/** Authority level (cấp thực hiện). The district level ended on 30 June 2025; older versions keep it. */
export const AUTHORITY_LEVELS = {
  province: { vi: 'Cấp tỉnh', en: 'Province', fr: 'Province' },
  district: { vi: 'Cấp huyện (đến 30/6/2025)', en: 'District (until 30 June 2025)', fr: "District (jusqu'au 30 juin 2025)" },
  commune: { vi: 'Cấp xã', en: 'Commune', fr: 'Commune' },
} as const satisfies Record<string, Label>;
export type AuthorityLevel = keyof typeof AUTHORITY_LEVELS;
export const AUTHORITY_LEVEL_VALUES = Object.keys(AUTHORITY_LEVELS) as [AuthorityLevel, ...AuthorityLevel[]];

/** Online service level (mức độ dịch vụ công trực tuyến) under Decree 42/2022/NĐ-CP: full (toàn trình) or partial. */
export const ONLINE_LEVELS = {
  full: { vi: 'Trực tuyến toàn trình', en: 'Fully online', fr: 'Entièrement en ligne' },
  partial: { vi: 'Trực tuyến một phần', en: 'Partly online', fr: 'Partiellement en ligne' },
  none: { vi: 'Chưa cung cấp trực tuyến', en: 'Not online', fr: 'Pas en ligne' },
} as const satisfies Record<string, Label>;
export type OnlineLevel = keyof typeof ONLINE_LEVELS;
export const ONLINE_LEVEL_VALUES = Object.keys(ONLINE_LEVELS) as [OnlineLevel, ...OnlineLevel[]];
/** Order used to tell whether a change moves a procedure further online. */
export const ONLINE_RANK: Record<OnlineLevel, number> = { none: 0, partial: 1, full: 2 };

export const PROCEDURE_STATUSES = {
  active: { vi: 'Đang thực hiện', en: 'Active', fr: 'En vigueur' },
  suspended: { vi: 'Tạm dừng', en: 'Suspended', fr: 'Suspendue' },
  abolished: { vi: 'Đã bãi bỏ', en: 'Abolished', fr: 'Abrogée' },
} as const satisfies Record<string, Label>;
export type ProcedureStatus = keyof typeof PROCEDURE_STATUSES;
export const PROCEDURE_STATUS_VALUES = Object.keys(PROCEDURE_STATUSES) as [ProcedureStatus, ...ProcedureStatus[]];

/**
 * Units of a statutory time limit. `working_day` and `working_hour` follow the working calendar (8 h = 1 working
 * day, deadlines.md §2); `day` is a calendar day (ngày).
 */
export const TIME_UNITS = {
  working_day: { vi: 'ngày làm việc', en: 'working days', fr: 'jours ouvrables' },
  working_hour: { vi: 'giờ làm việc', en: 'working hours', fr: 'heures ouvrables' },
  day: { vi: 'ngày', en: 'calendar days', fr: 'jours calendaires' },
} as const satisfies Record<string, Label>;
export type TimeUnit = keyof typeof TIME_UNITS;
export const TIME_UNIT_VALUES = Object.keys(TIME_UNITS) as [TimeUnit, ...TimeUnit[]];

/** Processing steps of the dossier workflow template (quy trình nội bộ). */
export const STEP_KINDS = {
  receive: { vi: 'Tiếp nhận', en: 'Receive', fr: 'Réception' },
  appraise: { vi: 'Thẩm định', en: 'Appraise', fr: 'Instruction' },
  approve: { vi: 'Phê duyệt', en: 'Approve', fr: 'Approbation' },
  sign: { vi: 'Ký kết quả', en: 'Sign', fr: 'Signature' },
  return: { vi: 'Trả kết quả', en: 'Return result', fr: 'Remise du résultat' },
} as const satisfies Record<string, Label>;
export type StepKind = keyof typeof STEP_KINDS;
export const STEP_KIND_VALUES = Object.keys(STEP_KINDS) as [StepKind, ...StepKind[]];

/** Roles that perform a step (a subset of the account roles). */
export const STEP_ROLE_VALUES = ['counter_officer', 'specialist', 'unit_leader'] as const;
export type StepRole = (typeof STEP_ROLE_VALUES)[number];

/** How a required document is submitted (bản chính, bản sao có chứng thực, bản sao, xuất trình). */
export const DOCUMENT_FORMS = {
  original: { vi: 'Bản chính', en: 'Original', fr: 'Original' },
  certified_copy: { vi: 'Bản sao có chứng thực', en: 'Certified copy', fr: 'Copie certifiée' },
  copy: { vi: 'Bản sao', en: 'Copy', fr: 'Copie' },
  presented: { vi: 'Xuất trình bản chính', en: 'Original shown, not kept', fr: 'Original présenté' },
} as const satisfies Record<string, Label>;
export type DocumentForm = keyof typeof DOCUMENT_FORMS;
export const DOCUMENT_FORM_VALUES = Object.keys(DOCUMENT_FORMS) as [DocumentForm, ...DocumentForm[]];

/** Kinds of simplification proposal in the yearly review (rà soát, đơn giản hóa TTHC). */
export const PROPOSAL_KINDS = {
  cut_time: { vi: 'Cắt giảm thời gian giải quyết', en: 'Cut processing time', fr: 'Réduire le délai' },
  drop_document: { vi: 'Bỏ thành phần hồ sơ', en: 'Drop a required document', fr: 'Supprimer une pièce' },
  cut_fee: { vi: 'Giảm phí, lệ phí', en: 'Cut a fee', fr: 'Réduire un droit' },
  merge: { vi: 'Hợp nhất thủ tục', en: 'Merge into another procedure', fr: 'Fusionner' },
  abolish: { vi: 'Bãi bỏ thủ tục', en: 'Abolish', fr: 'Abroger' },
  move_online: { vi: 'Nâng mức trực tuyến', en: 'Move online', fr: 'Passer en ligne' },
} as const satisfies Record<string, Label>;
export type ProposalKind = keyof typeof PROPOSAL_KINDS;
export const PROPOSAL_KIND_VALUES = Object.keys(PROPOSAL_KINDS) as [ProposalKind, ...ProposalKind[]];

export const PROPOSAL_STATUSES = {
  proposed: { vi: 'Đề xuất', en: 'Proposed', fr: 'Proposée' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved', fr: 'Approuvée' },
  rejected: { vi: 'Không phê duyệt', en: 'Rejected', fr: 'Rejetée' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn', fr: 'Retirée' },
} as const satisfies Record<string, Label>;
export type ProposalStatus = keyof typeof PROPOSAL_STATUSES;
export const PROPOSAL_STATUS_VALUES = Object.keys(PROPOSAL_STATUSES) as [ProposalStatus, ...ProposalStatus[]];

export const REVIEW_PLAN_STATUS_VALUES = ['open', 'closed'] as const;
export type ReviewPlanStatus = (typeof REVIEW_PLAN_STATUS_VALUES)[number];
