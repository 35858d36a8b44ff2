/**
 * Closed lists of the feedback module (phản ánh, kiến nghị — PAKN), labels in the three interface languages.
 * Codes are English and stable (API, database, Open311 service codes); labels are for people.
 */
type Label = { vi: string; en: string; fr: string };

/** The channel an item came through; the answer goes back through it (e-mail, SMS, portal). */
export const FEEDBACK_CHANNELS = {
  web: { vi: 'Biểu mẫu trên trang web', en: 'Web form', fr: 'Formulaire web' },
  portal: { vi: 'Cổng dịch vụ công (đã đăng nhập)', en: 'Citizen portal (signed in)', fr: 'Portail citoyen (connecté)' },
  book: { vi: 'Sổ góp ý', en: 'Suggestion book', fr: 'Registre de suggestions' },
  box: { vi: 'Hòm thư góp ý', en: 'Suggestion box', fr: 'Boîte à suggestions' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline', fr: 'Ligne directe' },
  in_person: { vi: 'Trực tiếp tại trung tâm', en: 'In person', fr: 'En personne' },
  email: { vi: 'Thư điện tử gửi lãnh đạo', en: 'E-mail to a leader', fr: 'Courriel à un responsable' },
  open311: { vi: 'Ứng dụng Open311', en: 'Open311 application', fr: 'Application Open311' },
} as const satisfies Record<string, Label>;
export type FeedbackChannel = keyof typeof FEEDBACK_CHANNELS;
export const FEEDBACK_CHANNEL_VALUES = Object.keys(FEEDBACK_CHANNELS) as [FeedbackChannel, ...FeedbackChannel[]];
/** Channels an official transcribes (the item was received by someone at the centre). */
export const OFFICIAL_CHANNELS = ['book', 'box', 'hotline', 'in_person', 'email'] as const;

export const FEEDBACK_TYPES = {
  complaint: { vi: 'Phản ánh', en: 'Complaint', fr: 'Réclamation' },
  recommendation: { vi: 'Kiến nghị', en: 'Recommendation', fr: 'Recommandation' },
  question: { vi: 'Hỏi đáp', en: 'Question', fr: 'Question' },
  praise: { vi: 'Khen ngợi', en: 'Praise', fr: 'Félicitations' },
} as const satisfies Record<string, Label>;
export type FeedbackType = keyof typeof FEEDBACK_TYPES;
export const FEEDBACK_TYPE_VALUES = Object.keys(FEEDBACK_TYPES) as [FeedbackType, ...FeedbackType[]];

/**
 * Field (lĩnh vực); also the Open311 `service_code`. The first two are the 766 indicator 5.1 classification
 * (feedback.md §2): regulations/procedures vs officials' behaviour.
 */
export const FEEDBACK_FIELDS = {
  regulation: { vi: 'Quy định, chính sách, thủ tục hành chính', en: 'Regulations, policies, procedures', fr: 'Réglementation, politiques, démarches', group: 'regulation' },
  conduct: { vi: 'Hành vi của cán bộ, công chức', en: 'Behaviour of officials', fr: 'Comportement des agents', group: 'conduct' },
  dossier_handling: { vi: 'Giải quyết hồ sơ (chậm, trễ hẹn, yêu cầu thêm giấy tờ)', en: 'Handling of a dossier (delay, extra documents)', fr: 'Traitement d’un dossier (retard, pièces en trop)', group: 'conduct' },
  online_service: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services', fr: 'Services publics en ligne', group: 'regulation' },
  facilities: { vi: 'Cơ sở vật chất tại trung tâm', en: 'Facilities of the centre', fr: 'Locaux du centre', group: 'other' },
  other: { vi: 'Khác', en: 'Other', fr: 'Autre', group: 'other' },
} as const satisfies Record<string, Label & { group: string }>;
export type FeedbackField = keyof typeof FEEDBACK_FIELDS;
export const FEEDBACK_FIELD_VALUES = Object.keys(FEEDBACK_FIELDS) as [FeedbackField, ...FeedbackField[]];

/** Internal statuses, with the DVCQG status each maps to when synced (feedback.md §6). */
export const FEEDBACK_STATUSES = {
  new: { portal: 'Tiếp nhận ở địa phương', vi: 'Mới tiếp nhận', en: 'New', fr: 'Nouveau' },
  in_progress: { portal: 'Xử lý ở địa phương', vi: 'Đang xử lý', en: 'In progress', fr: 'En cours' },
  answered: { portal: 'PAKN chờ công khai', vi: 'Đã trả lời', en: 'Answered', fr: 'Répondu' },
  closed: { portal: 'PAKN đã công khai', vi: 'Đã kết thúc', en: 'Closed', fr: 'Clos' },
  refused: { portal: 'Từ chối tiếp nhận', vi: 'Từ chối tiếp nhận', en: 'Refused (out of scope)', fr: 'Refusé (hors champ)' },
  merged: { portal: 'Xử lý ở địa phương', vi: 'Đã gộp (trùng lặp)', en: 'Merged (duplicate)', fr: 'Fusionné (doublon)' },
} as const satisfies Record<string, Label & { portal: string }>;
export type FeedbackStatus = keyof typeof FEEDBACK_STATUSES;
export const FEEDBACK_STATUS_VALUES = Object.keys(FEEDBACK_STATUSES) as [FeedbackStatus, ...FeedbackStatus[]];
/** Statuses still waiting for an answer. */
export const OPEN_STATUSES: readonly FeedbackStatus[] = ['new', 'in_progress'];

export const FEEDBACK_EVENT_KINDS = {
  received: { vi: 'Tiếp nhận', en: 'Received', fr: 'Reçu' },
  acknowledged: { vi: 'Xác nhận tiếp nhận, phân loại', en: 'Acknowledged and classified', fr: 'Accusé de réception, classé' },
  assigned: { vi: 'Giao xử lý', en: 'Assigned', fr: 'Attribué' },
  answered: { vi: 'Trả lời', en: 'Answered', fr: 'Répondu' },
  answer_sent: { vi: 'Đã gửi trả lời', en: 'Answer sent', fr: 'Réponse envoyée' },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Refused', fr: 'Refusé' },
  closed: { vi: 'Kết thúc', en: 'Closed', fr: 'Clos' },
  published: { vi: 'Công khai', en: 'Published', fr: 'Publié' },
  unpublished: { vi: 'Gỡ công khai', en: 'Unpublished', fr: 'Dépublié' },
  merged: { vi: 'Gộp vào phản ánh khác', en: 'Merged into another item', fr: 'Fusionné avec un autre' },
  duplicate_attached: { vi: 'Nhận phản ánh trùng lặp', en: 'Duplicate attached', fr: 'Doublon rattaché' },
  reminded: { vi: 'Nhắc hạn trả lời', en: 'Reminder sent', fr: 'Rappel envoyé' },
  escalated: { vi: 'Báo cáo lãnh đạo: quá hạn', en: 'Escalated: overdue', fr: 'Signalé : en retard' },
  verdict: { vi: 'Người gửi đánh giá câu trả lời', en: 'Sender rated the answer', fr: 'Avis de l’expéditeur' },
} as const satisfies Record<string, Label>;
export type FeedbackEventKind = keyof typeof FEEDBACK_EVENT_KINDS;

/** Limits on free text (characters after NFC). */
export const MAX_BODY = 10_000;
export const MAX_ANSWER = 10_000;
