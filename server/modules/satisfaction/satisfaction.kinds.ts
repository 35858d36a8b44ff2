/**
 * Closed lists of the satisfaction module (đánh giá mức độ hài lòng), labels in the three interface languages.
 * The criteria follow SIPAS (Chỉ số hài lòng về sự phục vụ hành chính, indices.md §3): access to the service,
 * administrative procedures, officials' conduct, results, and the handling of feedback; plus an overall score.
 */
type Label = { vi: string; en: string; fr: string };

export const CRITERIA = {
  access: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service', fr: 'Accès au service' },
  procedures: { vi: 'Thủ tục hành chính', en: 'Administrative procedure', fr: 'Démarche administrative' },
  conduct: { vi: 'Công chức trực tiếp giải quyết', en: 'Officials’ conduct', fr: 'Comportement des agents' },
  results: { vi: 'Kết quả giải quyết', en: 'Result', fr: 'Résultat' },
  feedbackHandling: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of feedback', fr: 'Traitement des réclamations' },
  overall: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction', fr: 'Satisfaction globale' },
} as const satisfies Record<string, Label>;
export type Criterion = keyof typeof CRITERIA;
export const CRITERION_VALUES = Object.keys(CRITERIA) as [Criterion, ...Criterion[]];

/** The five-point scale (1 very dissatisfied … 5 very satisfied). */
export const SCALE = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied', fr: 'Très insatisfait' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied', fr: 'Insatisfait' },
  3: { vi: 'Bình thường', en: 'Neutral', fr: 'Neutre' },
  4: { vi: 'Hài lòng', en: 'Satisfied', fr: 'Satisfait' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied', fr: 'Très satisfait' },
} as const satisfies Record<number, Label>;

/** A rating counts as "satisfied" when its overall score is at least this (Hài lòng or Rất hài lòng). */
export const SATISFIED_FROM = 4;

/**
 * The satisfaction rate, as shown on the page and in the docs:
 *   satisfaction rate = ratings whose overall score is 4 or 5 ÷ all ratings in the period and units.
 * No rating → no rate (null), never 0 % or 100 %.
 */
export const SATISFACTION_RATE_FORMULA = {
  vi: 'Tỷ lệ hài lòng = số lượt đánh giá có mức chung “Hài lòng” hoặc “Rất hài lòng” (4–5 điểm) ÷ tổng số lượt đánh giá trong kỳ',
  en: 'Satisfaction rate = ratings whose overall score is “satisfied” or “very satisfied” (4–5) ÷ all ratings in the period',
  fr: 'Taux de satisfaction = évaluations dont la note globale est « satisfait » ou « très satisfait » (4–5) ÷ toutes les évaluations de la période',
} as const;

/** Where the rating was given. */
export const RATING_CHANNELS = {
  kiosk: { vi: 'Máy đánh giá tại quầy', en: 'Kiosk at the counter', fr: 'Borne au guichet' },
  link: { vi: 'Đường dẫn qua SMS/thư điện tử', en: 'Link by SMS or e-mail', fr: 'Lien par SMS ou courriel' },
  portal: { vi: 'Cổng dịch vụ công', en: 'Citizen portal', fr: 'Portail citoyen' },
} as const satisfies Record<string, Label>;
export type RatingChannel = keyof typeof RATING_CHANNELS;
export const RATING_CHANNEL_VALUES = Object.keys(RATING_CHANNELS) as [RatingChannel, ...RatingChannel[]];

/** Dossier statuses after which a rating is accepted: the result was returned. */
export const RATABLE_STATUSES = ['returned'] as const;
