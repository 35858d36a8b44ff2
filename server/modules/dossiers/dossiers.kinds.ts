/**
 * Closed lists of the dossier module (hồ sơ thủ tục hành chính) with labels in the three interface languages.
 * Codes are English and stable (API, database); labels are for people. The national portal (DVCQG) status code
 * of each internal status is `portalCode` (TrangThaiHoSo 1–10, dossier-lifecycle.md §6.1).
 */
type Label = { vi: string; en: string; fr: string };

/**
 * Internal statuses (a superset of the portal's list, §6.2) and the portal code each maps to.
 * `open` = the dossier still counts as "in progress" for classification.
 */
export const DOSSIER_STATUSES = {
  received: { portalCode: 2, open: true, vi: 'Đã tiếp nhận', en: 'Received', fr: 'Reçu' },
  in_process: { portalCode: 4, open: true, vi: 'Đang xử lý', en: 'In process', fr: 'En cours de traitement' },
  awaiting_supplement: { portalCode: 5, open: true, vi: 'Chờ bổ sung hồ sơ', en: 'Waiting for a supplement', fr: 'En attente de compléments' },
  /** Paused while another agency answers (liên thông) or a court decides; no portal code of its own → 4. */
  suspended: { portalCode: 4, open: true, vi: 'Tạm dừng chờ cơ quan khác', en: 'Paused for another agency', fr: 'Suspendu (autre administration)' },
  result_ready: { portalCode: 9, open: false, vi: 'Đã có kết quả, chờ trả', en: 'Result ready', fr: 'Résultat prêt' },
  returned: { portalCode: 10, open: false, vi: 'Đã trả kết quả', en: 'Result returned', fr: 'Résultat remis' },
  withdrawn: { portalCode: 7, open: false, vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant', fr: 'Retiré par le demandeur' },
  cancelled: { portalCode: 8, open: false, vi: 'Dừng xử lý', en: 'Processing stopped', fr: 'Traitement arrêté' },
} as const satisfies Record<string, Label & { portalCode: number; open: boolean }>;
export type DossierStatus = keyof typeof DOSSIER_STATUSES;
export const DOSSIER_STATUS_VALUES = Object.keys(DOSSIER_STATUSES) as [DossierStatus, ...DossierStatus[]];

/** National portal status names (TrangThaiHoSo), for display of the mapped code. */
export const PORTAL_STATUS_NAMES: Record<number, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/** Channel (KenhThucHien): 1 in person, 2 online, 3 public postal service. */
export const CHANNELS = {
  counter: { portalCode: 1, vi: 'Trực tiếp', en: 'At the counter', fr: 'Au guichet' },
  online: { portalCode: 2, vi: 'Trực tuyến', en: 'Online', fr: 'En ligne' },
  post: { portalCode: 3, vi: 'Qua bưu chính công ích', en: 'By post', fr: 'Par la poste' },
} as const satisfies Record<string, Label & { portalCode: number }>;
export type Channel = keyof typeof CHANNELS;
export const CHANNEL_VALUES = Object.keys(CHANNELS) as [Channel, ...Channel[]];

export const APPLICANT_KINDS = {
  individual: { vi: 'Công dân', en: 'Individual', fr: 'Particulier' },
  organisation: { vi: 'Tổ chức, doanh nghiệp', en: 'Organisation', fr: 'Organisation' },
} as const satisfies Record<string, Label>;
export type ApplicantKind = keyof typeof APPLICANT_KINDS;
export const APPLICANT_KIND_VALUES = Object.keys(APPLICANT_KINDS) as [ApplicantKind, ...ApplicantKind[]];

/** Rule set chosen by the receipt date (Vietnam): Decree 61/2018 before 1 July 2025, Decree 118/2025 from then. */
export const RULE_SETS = {
  nd61_2018: { from: '2018-06-21', vi: 'Nghị định 61/2018/NĐ-CP', en: 'Decree 61/2018', fr: 'Décret 61/2018' },
  nd118_2025: { from: '2025-07-01', vi: 'Nghị định 118/2025/NĐ-CP', en: 'Decree 118/2025', fr: 'Décret 118/2025' },
} as const;
export type RuleSet = keyof typeof RULE_SETS;
export const RULE_SET_VALUES = Object.keys(RULE_SETS) as [RuleSet, ...RuleSet[]];

/** State of one step of a dossier's workflow. */
export const STEP_STATES = {
  pending: { vi: 'Chưa đến', en: 'Not reached', fr: 'Pas encore' },
  handed: { vi: 'Đã chuyển, chờ nhận', en: 'Handed over, awaiting acceptance', fr: 'Transmis, en attente' },
  active: { vi: 'Đang xử lý', en: 'In progress', fr: 'En cours' },
  done: { vi: 'Đã xử lý', en: 'Done', fr: 'Terminé' },
  skipped: { vi: 'Bỏ qua', en: 'Skipped', fr: 'Sauté' },
} as const satisfies Record<string, Label>;
export type StepState = keyof typeof STEP_STATES;
export const STEP_STATE_VALUES = Object.keys(STEP_STATES) as [StepState, ...StepState[]];

/** Clock ledger segment kinds (clock.ts). A segment lasts from its `at` until the next segment's `at`. */
export const CLOCK_KINDS = {
  running: { vi: 'Đang tính thời gian', en: 'Running', fr: 'En cours' },
  paused_supplement: { vi: 'Tạm dừng chờ bổ sung', en: 'Paused: waiting for the applicant', fr: 'Suspendu : attente du demandeur' },
  paused_other_agency: { vi: 'Tạm dừng chờ cơ quan khác', en: 'Paused: waiting for another agency', fr: 'Suspendu : attente d’une autre administration' },
  extended: { vi: 'Gia hạn', en: 'Extended', fr: 'Prolongé' },
  reset: { vi: 'Tính lại từ đầu', en: 'Restarted', fr: 'Redémarré' },
  stopped: { vi: 'Kết thúc', en: 'Stopped', fr: 'Arrêté' },
} as const satisfies Record<string, Label>;
export type ClockKind = keyof typeof CLOCK_KINDS;
export const CLOCK_KIND_VALUES = Object.keys(CLOCK_KINDS) as [ClockKind, ...ClockKind[]];

/** What a supplement received does to the clock: shift the due moment by the pause, or restart the full time. */
export const SUPPLEMENT_POLICIES = ['shift', 'reset'] as const;
export type SupplementPolicy = (typeof SUPPLEMENT_POLICIES)[number];
export const SUPPLEMENT_PHASES = ['reception', 'processing'] as const;
export type SupplementPhase = (typeof SUPPLEMENT_PHASES)[number];

/** Why the appointment (ngày hẹn trả) changed. It never changes silently (deadlines.md §2.5). */
export const APPOINTMENT_REASONS = {
  initial: { vi: 'Hẹn trả khi tiếp nhận', en: 'Appointment at receipt', fr: 'Rendez-vous à la réception' },
  supplement_returned: { vi: 'Lùi hẹn do thời gian bổ sung hồ sơ', en: 'Moved by the supplement time', fr: 'Décalé du temps de complément' },
  reset: { vi: 'Tính lại thời hạn khi nhận hồ sơ bổ sung', en: 'Full time restarted at the supplement', fr: 'Délai redémarré au complément' },
  resumed: { vi: 'Lùi hẹn do thời gian chờ cơ quan khác', en: 'Moved by the pause for another agency', fr: 'Décalé du temps d’attente' },
  extension: { vi: 'Gia hạn theo quy định', en: 'Extension with legal basis', fr: 'Prolongation légale' },
  apology: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment', fr: 'Excuses et nouveau rendez-vous' },
  calendar_change: { vi: 'Điều chỉnh lịch làm việc', en: 'Working calendar changed', fr: 'Calendrier modifié' },
} as const satisfies Record<string, Label>;
export type AppointmentReason = keyof typeof APPOINTMENT_REASONS;
export const APPOINTMENT_REASON_VALUES = Object.keys(APPOINTMENT_REASONS) as [AppointmentReason, ...AppointmentReason[]];

/** How the result was returned. */
export const RETURN_METHODS = {
  counter: { vi: 'Trả trực tiếp tại Bộ phận Một cửa', en: 'At the counter', fr: 'Au guichet' },
  post: { vi: 'Trả qua bưu chính công ích', en: 'By post', fr: 'Par la poste' },
  online: { vi: 'Trả trực tuyến', en: 'Online', fr: 'En ligne' },
} as const satisfies Record<string, Label>;
export type ReturnMethod = keyof typeof RETURN_METHODS;
export const RETURN_METHOD_VALUES = Object.keys(RETURN_METHODS) as [ReturnMethod, ...ReturnMethod[]];

/** What the result is: the thing asked for, or a written refusal on the merits (không giải quyết, §10). */
export const RESULT_KINDS = ['granted', 'refusal'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** Timeline event kinds (the control slip's hand-offs are the `handoff` rows). */
export const EVENT_KINDS = {
  received: { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received', fr: 'Dossier reçu' },
  handoff: { vi: 'Chuyển hồ sơ', en: 'Handed over', fr: 'Transmis' },
  accepted: { vi: 'Nhận hồ sơ để xử lý', en: 'Accepted for processing', fr: 'Pris en charge' },
  step_completed: { vi: 'Hoàn thành bước xử lý', en: 'Step completed', fr: 'Étape terminée' },
  sent_back: { vi: 'Trả lại bước trước', en: 'Sent back to the previous step', fr: 'Renvoyé à l’étape précédente' },
  supplement_requested: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested', fr: 'Complément demandé' },
  supplement_received: { vi: 'Đã nhận hồ sơ bổ sung', en: 'Supplement received', fr: 'Complément reçu' },
  suspended: { vi: 'Tạm dừng chờ cơ quan khác', en: 'Paused for another agency', fr: 'Suspendu (autre administration)' },
  resumed: { vi: 'Tiếp tục xử lý', en: 'Processing resumed', fr: 'Traitement repris' },
  extended: { vi: 'Gia hạn thời gian giải quyết', en: 'Time limit extended', fr: 'Délai prolongé' },
  apology: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment', fr: 'Excuses et nouveau rendez-vous' },
  approved: { vi: 'Lãnh đạo phê duyệt', en: 'Approved by the leader', fr: 'Approuvé par le responsable' },
  refused: { vi: 'Từ chối giải quyết (có lý do)', en: 'Refused on the merits', fr: 'Refusé sur le fond' },
  result_ready: { vi: 'Đã có kết quả', en: 'Result ready', fr: 'Résultat prêt' },
  result_returned: { vi: 'Đã trả kết quả', en: 'Result returned', fr: 'Résultat remis' },
  not_collected: { vi: 'Công dân chưa đến nhận kết quả', en: 'Result not yet collected', fr: 'Résultat non encore retiré' },
  withdrawn: { vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant', fr: 'Retiré par le demandeur' },
  cancelled: { vi: 'Dừng xử lý hồ sơ', en: 'Processing stopped', fr: 'Traitement arrêté' },
  reassigned: { vi: 'Phân công lại người xử lý', en: 'Reassigned', fr: 'Réattribué' },
  escalated: { vi: 'Báo cáo lãnh đạo: quá hạn bước xử lý', en: 'Escalated to the leader: step overdue', fr: 'Signalé au responsable : étape en retard' },
  calendar_change: { vi: 'Điều chỉnh hạn do thay đổi lịch làm việc', en: 'Due date moved by a calendar change', fr: 'Échéance modifiée par le calendrier' },
  /** Moved to the successor authority by a re-organisation of units (dossiers.transfer.ts). */
  transferred: { vi: 'Chuyển cơ quan kế thừa do sắp xếp đơn vị', en: 'Transferred to the successor authority (re-organisation)', fr: "Transféré à l'autorité qui succède (réorganisation)" },
  transfer_reverted: { vi: 'Hủy chuyển do hoàn tác phương án sắp xếp', en: 'Transfer reverted (re-organisation rolled back)', fr: 'Transfert annulé (réorganisation annulée)' },
} as const satisfies Record<string, Label>;
export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_VALUES = Object.keys(EVENT_KINDS) as [EventKind, ...EventKind[]];

/** Outcome of a finished dossier or step (trước hạn / đúng hạn / quá hạn). */
export const OUTCOMES = {
  early: { vi: 'Trước hạn', en: 'Early', fr: 'En avance' },
  on_time: { vi: 'Đúng hạn', en: 'On time', fr: 'Dans les délais' },
  late: { vi: 'Quá hạn', en: 'Late', fr: 'En retard' },
} as const satisfies Record<string, Label>;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_VALUES = Object.keys(OUTCOMES) as [Outcome, ...Outcome[]];

/** Standing of an open dossier (trong hạn / sắp đến hạn / quá hạn). */
export const STANDINGS = {
  on_track: { vi: 'Trong hạn', en: 'On track', fr: 'Dans les temps' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon', fr: 'Échéance proche' },
  overdue: { vi: 'Quá hạn', en: 'Overdue', fr: 'En retard' },
} as const satisfies Record<string, Label>;
export type Standing = keyof typeof STANDINGS;
export const STANDING_VALUES = Object.keys(STANDINGS) as [Standing, ...Standing[]];

/** Work queues of the officials' workbench. */
export const QUEUES = {
  to_receive: { vi: 'Chờ nhận', en: 'To receive', fr: 'À prendre en charge' },
  to_process: { vi: 'Đang xử lý', en: 'To process', fr: 'À traiter' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon', fr: 'Échéance proche' },
  overdue: { vi: 'Quá hạn', en: 'Overdue', fr: 'En retard' },
  awaiting_supplement: { vi: 'Chờ bổ sung', en: 'Awaiting supplement', fr: 'En attente de complément' },
  to_return: { vi: 'Chờ trả kết quả', en: 'To return', fr: 'À remettre' },
} as const satisfies Record<string, Label>;
export type QueueName = keyof typeof QUEUES;
export const QUEUE_VALUES = Object.keys(QUEUES) as [QueueName, ...QueueName[]];

/** Transition actions (POST /api/v1/dossiers/:id/<action>). */
export const ACTIONS = [
  'accept',
  'complete',
  'send-back',
  'request-supplement',
  'supplement-received',
  'suspend',
  'resume',
  'extend',
  'apologize',
  'approve',
  'refuse',
  'result-ready',
  'return-result',
  'not-collected',
  'withdraw',
  'cancel',
] as const;
export type DossierAction = (typeof ACTIONS)[number];

/** Default dossier code pattern: {agency}-{yyMMdd}-{seq4} (units-and-codes.md §4). */
export const DEFAULT_CODE_PATTERN = '{agency}-{yyMMdd}-{seq4}';
