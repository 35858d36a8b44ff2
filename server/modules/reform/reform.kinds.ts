/**
 * Closed lists of the reform programme, each with its labels in the three interface languages. The values are
 * the stored codes; the labels are what people read. Anything a province decides for itself (criteria, points,
 * classification cut-offs, tie rule) is NOT here: it is data of the PAR framework of a year.
 */
export interface Lang3 {
  vi: string;
  en: string;
  fr: string;
}
type Labels<K extends string> = Record<K, Lang3>;

const keysOf = <K extends string>(o: Labels<K>) => Object.keys(o) as [K, ...K[]];

// ---- PAR index -------------------------------------------------------------------------------------------------

/** Which localities a framework scores. After 1 July 2025 provinces rank departments and communes only. */
export const PAR_TARGET_LEVELS = {
  department: { vi: 'Sở, ban, ngành', en: 'Provincial departments', fr: 'Services provinciaux' },
  district: { vi: 'Cấp huyện (đến 30/6/2025)', en: 'Districts (until 30 June 2025)', fr: "Districts (jusqu'au 30 juin 2025)" },
  commune: { vi: 'Cấp xã, phường, đặc khu', en: 'Communes, wards, special zones', fr: 'Communes, quartiers, zones spéciales' },
} satisfies Labels<string>;
export type ParTargetLevel = keyof typeof PAR_TARGET_LEVELS;
export const PAR_TARGET_LEVEL_VALUES = keysOf(PAR_TARGET_LEVELS);

/** Node depth in the criteria tree (lĩnh vực → tiêu chí → tiêu chí thành phần). */
export const PAR_NODE_LEVELS = {
  area: { vi: 'Lĩnh vực', en: 'Area', fr: 'Domaine' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion', fr: 'Critère' },
  sub_criterion: { vi: 'Tiêu chí thành phần', en: 'Sub-criterion', fr: 'Sous-critère' },
} satisfies Labels<string>;
export type ParNodeLevel = keyof typeof PAR_NODE_LEVELS;
export const PAR_NODE_LEVEL_VALUES = keysOf(PAR_NODE_LEVELS);

/** Who scores a leaf: the locality (then the province appraises) or the province's sociological survey. */
export const PAR_METHODS = {
  self: { vi: 'Tự đánh giá, thẩm định', en: 'Self-assessed, appraised', fr: 'Auto-évaluation, contrôle' },
  survey: { vi: 'Điều tra xã hội học', en: 'Sociological survey', fr: 'Enquête sociologique' },
} satisfies Labels<string>;
export type ParMethod = keyof typeof PAR_METHODS;
export const PAR_METHOD_VALUES = keysOf(PAR_METHODS);

export const PAR_FRAMEWORK_STATUSES = {
  draft: { vi: 'Dự thảo', en: 'Draft', fr: 'Brouillon' },
  published: { vi: 'Đã ban hành', en: 'Issued', fr: 'Publié' },
} satisfies Labels<string>;
export type ParFrameworkStatus = keyof typeof PAR_FRAMEWORK_STATUSES;
export const PAR_FRAMEWORK_STATUS_VALUES = keysOf(PAR_FRAMEWORK_STATUSES);

export const PAR_ASSESSMENT_STATUSES = {
  draft: { vi: 'Đang tự đánh giá', en: 'Self-assessment in progress', fr: 'Auto-évaluation en cours' },
  submitted: { vi: 'Đã gửi thẩm định', en: 'Submitted for appraisal', fr: 'Soumis au contrôle' },
  published: { vi: 'Đã công bố', en: 'Published', fr: 'Publié' },
} satisfies Labels<string>;
export type ParAssessmentStatus = keyof typeof PAR_ASSESSMENT_STATUSES;
export const PAR_ASSESSMENT_STATUS_VALUES = keysOf(PAR_ASSESSMENT_STATUSES);

/**
 * How equal indices share ranks. `competition` ("1-2-2-4", the usual way results tables are read: a locality's
 * rank is 1 + the number of localities with a strictly higher index); `dense` ("1-2-2-3"). Indices are compared
 * at two decimals, as published.
 */
export const PAR_TIE_RULES = {
  competition: { vi: 'Đồng hạng, hạng kế tiếp bị bỏ qua (1-2-2-4)', en: 'Shared rank, next rank skipped (1-2-2-4)', fr: 'Rang partagé, rang suivant sauté (1-2-2-4)' },
  dense: { vi: 'Đồng hạng, hạng kế tiếp liền sau (1-2-2-3)', en: 'Shared rank, next rank follows (1-2-2-3)', fr: 'Rang partagé, rang suivant consécutif (1-2-2-3)' },
} satisfies Labels<string>;
export type ParTieRule = keyof typeof PAR_TIE_RULES;
export const PAR_TIE_RULE_VALUES = keysOf(PAR_TIE_RULES);

export const PAR_EVIDENCE_KINDS = {
  document: { vi: 'Văn bản chỉ đạo', en: 'Steering document', fr: 'Document de pilotage' },
  link: { vi: 'Liên kết, tài liệu', en: 'Link or file', fr: 'Lien ou fichier' },
  figure: { vi: 'Số liệu từ motcua', en: 'Figure from motcua', fr: 'Chiffre issu de motcua' },
} satisfies Labels<string>;
export type ParEvidenceKind = keyof typeof PAR_EVIDENCE_KINDS;
export const PAR_EVIDENCE_KIND_VALUES = keysOf(PAR_EVIDENCE_KINDS);

// ---- Steering documents and tasks ------------------------------------------------------------------------------

export const DOCUMENT_KINDS = {
  plan: { vi: 'Kế hoạch', en: 'Plan', fr: 'Plan' },
  decision: { vi: 'Quyết định', en: 'Decision', fr: 'Décision' },
  directive: { vi: 'Chỉ thị', en: 'Directive', fr: 'Directive' },
  resolution: { vi: 'Nghị quyết', en: 'Resolution', fr: 'Résolution' },
  official_letter: { vi: 'Công văn', en: 'Official letter', fr: 'Lettre officielle' },
  notice: { vi: 'Thông báo', en: 'Notice', fr: 'Avis' },
  report: { vi: 'Báo cáo', en: 'Report', fr: 'Rapport' },
} satisfies Labels<string>;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_VALUES = keysOf(DOCUMENT_KINDS);

export const TASK_STATUSES = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started', fr: 'Non commencée' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress', fr: 'En cours' },
  done: { vi: 'Đã hoàn thành', en: 'Done', fr: 'Terminée' },
  cancelled: { vi: 'Huỷ bỏ', en: 'Cancelled', fr: 'Annulée' },
} satisfies Labels<string>;
export type TaskStatus = keyof typeof TASK_STATUSES;
export const TASK_STATUS_VALUES = keysOf(TASK_STATUSES);

// ---- Inspections -----------------------------------------------------------------------------------------------

export const INSPECTION_KINDS = {
  integrated: { vi: 'Kiểm tra lồng ghép, tổng hợp', en: 'Integrated inspection', fr: 'Inspection intégrée' },
  surprise: { vi: 'Kiểm tra đột xuất', en: 'Surprise inspection', fr: 'Inspection inopinée' },
} satisfies Labels<string>;
export type InspectionKind = keyof typeof INSPECTION_KINDS;
export const INSPECTION_KIND_VALUES = keysOf(INSPECTION_KINDS);

export const INSPECTION_STATUSES = {
  planned: { vi: 'Theo kế hoạch', en: 'Planned', fr: 'Prévue' },
  in_progress: { vi: 'Đang kiểm tra', en: 'In progress', fr: 'En cours' },
  concluded: { vi: 'Đã có kết luận', en: 'Concluded', fr: 'Conclue' },
} satisfies Labels<string>;
export type InspectionStatus = keyof typeof INSPECTION_STATUSES;
export const INSPECTION_STATUS_VALUES = keysOf(INSPECTION_STATUSES);

export const TEAM_ROLES = {
  head: { vi: 'Trưởng đoàn', en: 'Head of team', fr: "Chef d'équipe" },
  deputy: { vi: 'Phó trưởng đoàn', en: 'Deputy head', fr: 'Chef adjoint' },
  member: { vi: 'Thành viên', en: 'Member', fr: 'Membre' },
  secretary: { vi: 'Thư ký', en: 'Secretary', fr: 'Secrétaire' },
} satisfies Labels<string>;
export const TEAM_ROLE_VALUES = keysOf(TEAM_ROLES);

export const RECOMMENDATION_STATUSES = {
  open: { vi: 'Đang khắc phục', en: 'Open', fr: 'Ouverte' },
  closed: { vi: 'Đã khắc phục xong', en: 'Closed', fr: 'Close' },
} satisfies Labels<string>;
export type RecommendationStatus = keyof typeof RECOMMENDATION_STATUSES;
export const RECOMMENDATION_STATUS_VALUES = keysOf(RECOMMENDATION_STATUSES);

// ---- Initiatives -----------------------------------------------------------------------------------------------

export const INITIATIVE_KINDS = {
  model: { vi: 'Mô hình', en: 'Model', fr: 'Modèle' },
  initiative: { vi: 'Sáng kiến', en: 'Initiative', fr: 'Initiative' },
  solution: { vi: 'Giải pháp', en: 'Working solution', fr: 'Solution de travail' },
} satisfies Labels<string>;
export type InitiativeKind = keyof typeof INITIATIVE_KINDS;
export const INITIATIVE_KIND_VALUES = keysOf(INITIATIVE_KINDS);

export const INITIATIVE_STATUSES = {
  registered: { vi: 'Đã đăng ký', en: 'Registered', fr: 'Enregistrée' },
  recognised: { vi: 'Được công nhận', en: 'Recognised', fr: 'Reconnue' },
  not_recognised: { vi: 'Không được công nhận', en: 'Not recognised', fr: 'Non reconnue' },
} satisfies Labels<string>;
export type InitiativeStatus = keyof typeof INITIATIVE_STATUSES;
export const INITIATIVE_STATUS_VALUES = keysOf(INITIATIVE_STATUSES);

/** Level of the body that recognised an initiative (cấp cơ sở = the unit itself). */
export const RECOGNITION_LEVELS = {
  unit: { vi: 'Cấp cơ sở', en: 'Unit level', fr: "Niveau de l'unité" },
  district: { vi: 'Cấp huyện', en: 'District level', fr: 'Niveau du district' },
  province: { vi: 'Cấp tỉnh', en: 'Province level', fr: 'Niveau provincial' },
  national: { vi: 'Cấp toàn quốc', en: 'National level', fr: 'Niveau national' },
} satisfies Labels<string>;
export const RECOGNITION_LEVEL_VALUES = keysOf(RECOGNITION_LEVELS);

// ---- Training and discipline -----------------------------------------------------------------------------------

/** The administrative level of the officials concerned (trainees of a class, an official disciplined). */
export const OFFICIAL_LEVELS = {
  province: { vi: 'Cấp tỉnh', en: 'Province level', fr: 'Niveau provincial' },
  district: { vi: 'Cấp huyện', en: 'District level', fr: 'Niveau du district' },
  commune: { vi: 'Cấp xã', en: 'Commune level', fr: 'Niveau communal' },
  village: { vi: 'Thôn, khu phố (người hoạt động không chuyên trách)', en: 'Village (part-time workers)', fr: 'Village (agents à temps partiel)' },
  mixed: { vi: 'Nhiều cấp', en: 'Several levels', fr: 'Plusieurs niveaux' },
} satisfies Labels<string>;
export type OfficialLevel = keyof typeof OFFICIAL_LEVELS;
export const OFFICIAL_LEVEL_VALUES = keysOf(OFFICIAL_LEVELS);

export const COURSE_LOCATIONS = {
  in_province: { vi: 'Trong tỉnh', en: 'In the province', fr: 'Dans la province' },
  out_of_province: { vi: 'Ngoài tỉnh', en: 'Outside the province', fr: 'Hors de la province' },
} satisfies Labels<string>;
export const COURSE_LOCATION_VALUES = keysOf(COURSE_LOCATIONS);

export const ATTENDANCE_RESULTS = {
  passed: { vi: 'Đạt', en: 'Passed', fr: 'Réussi' },
  failed: { vi: 'Không đạt', en: 'Not passed', fr: 'Non réussi' },
  absent: { vi: 'Vắng', en: 'Absent', fr: 'Absent' },
} satisfies Labels<string>;
export type AttendanceResult = keyof typeof ATTENDANCE_RESULTS;
export const ATTENDANCE_RESULT_VALUES = keysOf(ATTENDANCE_RESULTS);

/** Disciplinary sanctions for officials (Law on Cadres and Civil Servants, Decree 112/2020/NĐ-CP). */
export const SANCTIONS = {
  reprimand: { vi: 'Khiển trách', en: 'Reprimand', fr: 'Blâme' },
  warning: { vi: 'Cảnh cáo', en: 'Warning', fr: 'Avertissement' },
  salary_downgrade: { vi: 'Hạ bậc lương', en: 'Salary step reduction', fr: "Rétrogradation d'échelon" },
  demotion: { vi: 'Giáng chức', en: 'Demotion', fr: 'Rétrogradation' },
  removal: { vi: 'Cách chức', en: 'Removal from office', fr: 'Destitution' },
  dismissal: { vi: 'Buộc thôi việc', en: 'Dismissal', fr: 'Révocation' },
} satisfies Labels<string>;
export type Sanction = keyof typeof SANCTIONS;
export const SANCTION_VALUES = keysOf(SANCTIONS);
