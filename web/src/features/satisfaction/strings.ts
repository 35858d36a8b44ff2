/** Words of the satisfaction pages (kiosk /danh-gia and the officials' summary), in the three interface languages. */
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Lang } from '../../i18n/index.ts';

const vi = {
  kioskTitle: 'Đánh giá mức độ hài lòng',
  kioskIntro: 'Quét mã QR trên giấy tiếp nhận hoặc nhập mã hồ sơ, rồi nhập 4 chữ số cuối số điện thoại hoặc CCCD đã khai khi nộp hồ sơ.',
  code: 'Mã hồ sơ',
  digits: '4 chữ số cuối điện thoại hoặc CCCD',
  digitsInvalid: 'Nhập đúng 4 chữ số',
  codeRequired: 'Nhập mã hồ sơ',
  next: 'Tiếp tục',
  notFound: 'Không tìm thấy hồ sơ. Kiểm tra lại mã hồ sơ và 4 chữ số cuối.',
  alreadyRated: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần. Cảm ơn ông/bà!',
  notReturned: 'Hồ sơ chưa được trả kết quả; ông/bà có thể đánh giá sau khi nhận kết quả.',
  ratingFor: 'Hồ sơ {{code}} — {{procedure}}',
  at: 'tại {{unit}}',
  criteriaHelp: 'Chạm vào một mức cho từng nội dung (1 = rất không hài lòng, 5 = rất hài lòng).',
  comment: 'Góp ý thêm (không bắt buộc)',
  send: 'Gửi đánh giá',
  missing: 'Hãy chọn một mức cho mỗi nội dung',
  thanks: 'Cảm ơn ông/bà đã đánh giá!',
  thanksDetail: 'Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.',
  again: 'Đánh giá hồ sơ khác',
  cancel: 'Huỷ',
  summaryTitle: 'Mức độ hài lòng',
  from: 'Từ ngày',
  to: 'Đến ngày',
  groupBy: 'Theo',
  byUnit: 'Đơn vị',
  byOfficial: 'Cán bộ tiếp nhận',
  byProcedure: 'Thủ tục',
  byMonth: 'Tháng',
  ratings: 'Lượt đánh giá',
  satisfied: 'Hài lòng',
  rate: 'Tỷ lệ hài lòng',
  formula: 'Công thức',
  comments: 'Ý kiến gần đây',
  noData: 'Chưa có đánh giá trong kỳ',
  inviteButton: 'Mời đánh giá (mã QR)',
  inviteHelp: 'Người dân quét mã QR để đánh giá mức độ hài lòng về hồ sơ này.',
};
type Strings = typeof vi;

const en: Strings = {
  kioskTitle: 'Rate our service',
  kioskIntro: 'Scan the QR code of your receipt slip or type the dossier code, then the last 4 digits of the phone or ID number you gave.',
  code: 'Dossier code',
  digits: 'Last 4 digits of your phone or ID number',
  digitsInvalid: 'Type exactly 4 digits',
  codeRequired: 'Type the dossier code',
  next: 'Continue',
  notFound: 'Dossier not found. Check the code and the last 4 digits.',
  alreadyRated: 'This dossier has already been rated. Each dossier is rated once. Thank you!',
  notReturned: 'The result has not been returned yet; you can rate once you receive it.',
  ratingFor: 'Dossier {{code}} — {{procedure}}',
  at: 'at {{unit}}',
  criteriaHelp: 'Tap one level for each line (1 = very dissatisfied, 5 = very satisfied).',
  comment: 'Anything to add (optional)',
  send: 'Send my rating',
  missing: 'Choose a level for every line',
  thanks: 'Thank you for your rating!',
  thanksDetail: 'Your opinion helps us serve you better.',
  again: 'Rate another dossier',
  cancel: 'Cancel',
  summaryTitle: 'Satisfaction',
  from: 'From',
  to: 'To',
  groupBy: 'By',
  byUnit: 'Unit',
  byOfficial: 'Receiving official',
  byProcedure: 'Procedure',
  byMonth: 'Month',
  ratings: 'Ratings',
  satisfied: 'Satisfied',
  rate: 'Satisfaction rate',
  formula: 'Formula',
  comments: 'Recent comments',
  noData: 'No rating in the period',
  inviteButton: 'Invite to rate (QR code)',
  inviteHelp: 'The applicant scans the QR code to rate this dossier.',
};

const fr: Strings = {
  kioskTitle: 'Évaluez notre service',
  kioskIntro: 'Scannez le QR code du récépissé ou saisissez le numéro du dossier, puis les 4 derniers chiffres du téléphone ou de la pièce d’identité déclarés.',
  code: 'Numéro du dossier',
  digits: '4 derniers chiffres du téléphone ou de la pièce d’identité',
  digitsInvalid: 'Saisissez exactement 4 chiffres',
  codeRequired: 'Saisissez le numéro du dossier',
  next: 'Continuer',
  notFound: 'Dossier introuvable. Vérifiez le numéro et les 4 chiffres.',
  alreadyRated: 'Ce dossier a déjà été évalué. Chaque dossier n’est évalué qu’une fois. Merci !',
  notReturned: 'Le résultat n’a pas encore été remis ; vous pourrez évaluer après l’avoir reçu.',
  ratingFor: 'Dossier {{code}} — {{procedure}}',
  at: 'à {{unit}}',
  criteriaHelp: 'Touchez un niveau pour chaque ligne (1 = très insatisfait, 5 = très satisfait).',
  comment: 'Autre remarque (facultatif)',
  send: 'Envoyer mon évaluation',
  missing: 'Choisissez un niveau pour chaque ligne',
  thanks: 'Merci pour votre évaluation !',
  thanksDetail: 'Votre avis nous aide à mieux vous servir.',
  again: 'Évaluer un autre dossier',
  cancel: 'Annuler',
  summaryTitle: 'Satisfaction',
  from: 'Du',
  to: 'Au',
  groupBy: 'Par',
  byUnit: 'Unité',
  byOfficial: 'Agent d’accueil',
  byProcedure: 'Démarche',
  byMonth: 'Mois',
  ratings: 'Évaluations',
  satisfied: 'Satisfaits',
  rate: 'Taux de satisfaction',
  formula: 'Formule',
  comments: 'Commentaires récents',
  noData: 'Aucune évaluation sur la période',
  inviteButton: 'Inviter à évaluer (QR code)',
  inviteHelp: 'Le demandeur scanne le QR code pour évaluer ce dossier.',
};

const ALL: Record<Lang, Strings> = { vi, en, fr };

export const CRITERIA = {
  access: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service', fr: 'Accès au service' },
  procedures: { vi: 'Thủ tục hành chính', en: 'Administrative procedure', fr: 'Démarche administrative' },
  conduct: { vi: 'Công chức trực tiếp giải quyết', en: 'Officials’ conduct', fr: 'Comportement des agents' },
  results: { vi: 'Kết quả giải quyết', en: 'Result', fr: 'Résultat' },
  feedbackHandling: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of feedback', fr: 'Traitement des réclamations' },
  overall: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction', fr: 'Satisfaction globale' },
} as const;
export type Criterion = keyof typeof CRITERIA;

export const SCALE: Record<number, { vi: string; en: string; fr: string }> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied', fr: 'Très insatisfait' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied', fr: 'Insatisfait' },
  3: { vi: 'Bình thường', en: 'Neutral', fr: 'Neutre' },
  4: { vi: 'Hài lòng', en: 'Satisfied', fr: 'Satisfait' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied', fr: 'Très satisfait' },
};

export function fmt(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function useStrings(): { s: Strings; lang: Lang } {
  useTranslation();
  const lang = currentLanguage();
  return { s: ALL[lang], lang };
}
