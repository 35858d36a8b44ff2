/**
 * Words of the public tracking page (/tra-cuu), in the three interface languages, kept beside the page like the
 * procedures and dossier pages keep theirs. Status, event and pause wording comes from the server (the API answers
 * in the language asked for).
 */
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Lang } from '../../i18n/index.ts';

const vi = {
  title: 'Tra cứu hồ sơ',
  intro: 'Nhập mã hồ sơ in trên giấy tiếp nhận (hoặc quét mã QR) và 4 chữ số cuối của số điện thoại hoặc số giấy tờ tùy thân đã khai khi nộp hồ sơ.',
  code: 'Mã hồ sơ',
  codePlaceholder: 'VD: XTY-261127-0001',
  digits: '4 chữ số cuối số điện thoại hoặc CCCD',
  digitsHelp: 'Chỉ dùng để xác nhận bạn là người nộp hồ sơ.',
  digitsInvalid: 'Nhập đúng 4 chữ số',
  receiptSlip: 'Tải lại giấy tiếp nhận và hẹn trả kết quả (PDF)',
  codeRequired: 'Nhập mã hồ sơ',
  submit: 'Tra cứu',
  notFound: 'Không tìm thấy hồ sơ. Kiểm tra lại mã hồ sơ và 4 chữ số cuối (của số điện thoại hoặc số giấy tờ đã khai khi nộp).',
  procedures: 'Tra cứu thủ tục',
  signIn: 'Đăng nhập cán bộ',
  status: 'Tình trạng hồ sơ',
  receivedAt: 'Ngày tiếp nhận',
  legalDue: 'Hạn giải quyết theo quy định',
  legalDuePaused: 'Đang tạm dừng tính thời gian',
  appointment: 'Ngày hẹn trả kết quả',
  currentStep: 'Đang xử lý tại',
  finishedAt: 'Ngày có kết quả',
  returnedAt: 'Ngày trả kết quả',
  overdue: 'Hồ sơ đã quá hạn giải quyết theo quy định. Cơ quan giải quyết phải có văn bản xin lỗi và hẹn lại ngày trả kết quả.',
  explanation: 'Ngày hẹn được tính như thế nào',
  pauses: 'Thời gian tạm dừng',
  pauseOpen: 'từ {{from}} — đang tạm dừng',
  pauseRange: 'từ {{from}} đến {{to}}',
  appointments: 'Các lần hẹn trả kết quả',
  timeline: 'Quá trình giải quyết',
  accessLog: 'Cán bộ đã mở hồ sơ của bạn',
  accessHelp: 'Mỗi lần cán bộ mở hồ sơ đều được ghi lại và hiển thị cho bạn.',
  noAccess: 'Chưa có cán bộ nào mở hồ sơ.',
  lastOpened: 'lần gần nhất {{at}}',
  openedTimes: 'Đã mở {{count}} lần, lần đầu {{first}}',
  privacy: 'Trang này không hiển thị thông tin cá nhân của bạn. Mọi thắc mắc, liên hệ Bộ phận Một cửa nơi bạn nộp hồ sơ.',
  channel: 'Hình thức nộp',
};

type Strings = typeof vi;

const en: Strings = {
  title: 'Track your dossier',
  intro: 'Enter the dossier code printed on your receipt slip (or scan its QR code) and the last 4 digits of the phone or ID number you gave when filing.',
  code: 'Dossier code',
  codePlaceholder: 'e.g. XTY-261127-0001',
  digits: 'Last 4 digits of your phone or ID number',
  digitsHelp: 'Used only to confirm that you filed the dossier.',
  digitsInvalid: 'Enter exactly 4 digits',
  receiptSlip: 'Download the receipt and appointment slip again (PDF)',
  codeRequired: 'Enter the dossier code',
  submit: 'Track',
  notFound: 'No dossier found. Check the code and the last 4 digits (of the phone or ID number given when filing).',
  procedures: 'Procedure catalogue',
  signIn: 'Officials’ sign-in',
  status: 'Status',
  receivedAt: 'Received',
  legalDue: 'Statutory due date',
  legalDuePaused: 'Clock paused',
  appointment: 'Result appointment',
  currentStep: 'Now at',
  finishedAt: 'Result ready',
  returnedAt: 'Result returned',
  overdue: 'The dossier is past its statutory due date. The authority must apologise in writing and set a new appointment.',
  explanation: 'How the date was worked out',
  pauses: 'Pauses',
  pauseOpen: 'since {{from}} — still paused',
  pauseRange: 'from {{from}} to {{to}}',
  appointments: 'Result appointments',
  timeline: 'Progress',
  accessLog: 'Officials who opened your dossier',
  accessHelp: 'Every time an official opens your dossier it is recorded and shown to you.',
  noAccess: 'No official has opened the dossier yet.',
  lastOpened: 'last {{at}}',
  openedTimes: 'Opened {{count}} times, first {{first}}',
  privacy: 'This page shows none of your personal data. For any question, contact the one-stop desk where you filed.',
  channel: 'Filed',
};

const fr: Strings = {
  title: 'Suivre mon dossier',
  intro: 'Saisissez le code du dossier imprimé sur votre récépissé (ou scannez son code QR) et les 4 derniers chiffres du téléphone ou du numéro d’identité donnés au dépôt.',
  code: 'Code du dossier',
  codePlaceholder: 'ex. XTY-261127-0001',
  digits: '4 derniers chiffres du téléphone ou de la pièce d’identité',
  digitsHelp: 'Sert uniquement à vérifier que vous avez déposé le dossier.',
  digitsInvalid: 'Saisissez exactement 4 chiffres',
  receiptSlip: 'Télécharger à nouveau le récépissé avec rendez-vous (PDF)',
  codeRequired: 'Saisissez le code du dossier',
  submit: 'Rechercher',
  notFound: 'Aucun dossier trouvé. Vérifiez le code et les 4 derniers chiffres (du téléphone ou de la pièce d’identité donnés au dépôt).',
  procedures: 'Catalogue des démarches',
  signIn: 'Connexion des agents',
  status: 'Statut',
  receivedAt: 'Reçu le',
  legalDue: 'Échéance légale',
  legalDuePaused: 'Délai suspendu',
  appointment: 'Rendez-vous du résultat',
  currentStep: 'En cours à',
  finishedAt: 'Résultat prêt le',
  returnedAt: 'Résultat remis le',
  overdue: 'Le dossier a dépassé son échéance légale. L’administration doit s’excuser par écrit et fixer un nouveau rendez-vous.',
  explanation: 'Comment la date a été calculée',
  pauses: 'Suspensions',
  pauseOpen: 'depuis le {{from}} — toujours suspendu',
  pauseRange: 'du {{from}} au {{to}}',
  appointments: 'Rendez-vous du résultat',
  timeline: 'Avancement',
  accessLog: 'Agents ayant ouvert votre dossier',
  accessHelp: 'Chaque ouverture de votre dossier par un agent est enregistrée et vous est montrée.',
  noAccess: 'Aucun agent n’a encore ouvert le dossier.',
  lastOpened: 'dernière fois le {{at}}',
  openedTimes: 'Ouvert {{count}} fois, la première le {{first}}',
  privacy: 'Cette page n’affiche aucune donnée personnelle. Pour toute question, adressez-vous au guichet unique où vous avez déposé.',
  channel: 'Dépôt',
};

const ALL: Record<Lang, Strings> = { vi, en, fr };

/** Replaces {{name}} placeholders. */
export function fmt(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The strings in the interface language; re-renders when the language changes. */
export function useStrings(): { s: Strings; lang: Lang } {
  useTranslation();
  const lang = currentLanguage();
  return { s: ALL[lang], lang };
}
