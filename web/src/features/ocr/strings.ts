/** Words of the OCR assist on the receipt page (reading a scan, the duplicate warning), in vi/en/fr. */
import { fmt, stringsHook } from '../../i18n/feature-strings.ts';
import type { Lang } from '../../i18n/index.ts';

const vi = {
  readScan: 'Đọc thông tin từ bản quét',
  reading: 'Đang đọc bản quét…',
  unavailable: 'Máy chủ chưa cài chức năng đọc bản quét (tesseract); vui lòng nhập tay',
  hint: 'Chọn bản quét CCCD hoặc tờ khai (PDF, JPEG, PNG): chỉ điền vào các ô còn trống, cán bộ kiểm tra trước khi tiếp nhận.',
  review: 'Kiểm tra lại',
  filled: 'Đã điền {{n}} trường từ bản quét. Đối chiếu với giấy tờ các trường ghi "Kiểm tra lại".',
  nothingFilled: 'Không điền thêm trường nào (không đọc được, hoặc các ô đã có nội dung).',
  kept: 'Giữ nguyên nội dung đã nhập: {{fields}}',
  notForOrganisation: 'Người nộp là tổ chức: thông tin đọc được chỉ hiển thị để tham khảo, không tự điền.',
  alsoRead: 'Cũng đọc được: {{facts}}',
  dateOfBirth: 'ngày sinh {{date}}',
  male: 'nam',
  female: 'nữ',
  fieldNames: { name: 'Họ và tên', idNumber: 'Số CCCD/CMND', phone: 'Số điện thoại', email: 'Thư điện tử', address: 'Địa chỉ' },
  duplicateTitle: 'Người nộp đang có {{n}} hồ sơ chưa giải quyết xong cho thủ tục này',
  duplicateHint: 'Kiểm tra để tránh tiếp nhận trùng; vẫn có thể tiếp nhận nếu đây là hồ sơ mới.',
  receivedOn: 'tiếp nhận {{date}}',
  whyReview: 'Cần đối chiếu: {{list}}',
  reasons: {
    low_confidence: 'đọc không rõ',
    ocr_corrected: 'đã sửa ký tự đọc nhầm',
    no_diacritics: 'không có dấu',
    unusual_characters: 'có ký tự lạ',
    id_province: 'mã tỉnh trong số CCCD không hợp lệ',
    id_century: 'chữ số thứ 4 của CCCD không hợp lệ',
    id_birth_year_mismatch: 'năm sinh không khớp số CCCD',
    id_sex_mismatch: 'giới tính không khớp số CCCD',
    incomplete: 'có thể còn dòng tiếp theo',
  },
};
type Strings = typeof vi;

const en: Strings = {
  readScan: 'Read details from a scan',
  reading: 'Reading the scan…',
  unavailable: 'Reading scans is not installed on the server (tesseract); please type the details',
  hint: 'Choose a scan of the ID card or of the form (PDF, JPEG, PNG): only empty fields are filled; check them before receiving.',
  review: 'Check again',
  filled: '{{n}} fields filled from the scan. Compare the ones marked "Check again" with the papers.',
  nothingFilled: 'No field was filled (nothing read, or the fields already had content).',
  kept: 'Kept what was typed: {{fields}}',
  notForOrganisation: 'The applicant is an organisation: what was read is shown for reference, not filled in.',
  alsoRead: 'Also read: {{facts}}',
  dateOfBirth: 'date of birth {{date}}',
  male: 'male',
  female: 'female',
  fieldNames: { name: 'Full name', idNumber: 'ID number', phone: 'Phone', email: 'E-mail', address: 'Address' },
  duplicateTitle: 'The applicant has {{n}} dossier(s) of this procedure still being handled',
  duplicateHint: 'Check them to avoid a duplicate receipt; you may still receive if this is a new dossier.',
  receivedOn: 'received {{date}}',
  whyReview: 'To compare with the papers: {{list}}',
  reasons: {
    low_confidence: 'read unclearly',
    ocr_corrected: 'misread characters corrected',
    no_diacritics: 'no accents',
    unusual_characters: 'odd characters',
    id_province: 'invalid province code in the ID number',
    id_century: 'invalid 4th digit of the ID number',
    id_birth_year_mismatch: 'birth year differs from the ID number',
    id_sex_mismatch: 'sex differs from the ID number',
    incomplete: 'may continue on the next line',
  },
};

const fr: Strings = {
  readScan: 'Lire depuis un scan',
  reading: 'Lecture du scan…',
  unavailable: 'La lecture des scans n’est pas installée sur le serveur (tesseract) ; saisissez les informations',
  hint: 'Choisissez le scan de la carte d’identité ou du formulaire (PDF, JPEG, PNG) : seuls les champs vides sont remplis ; vérifiez-les avant de recevoir.',
  review: 'À vérifier',
  filled: '{{n}} champs remplis depuis le scan. Comparez avec les pièces ceux marqués « À vérifier ».',
  nothingFilled: 'Aucun champ rempli (rien de lu, ou les champs étaient déjà remplis).',
  kept: 'Saisie conservée : {{fields}}',
  notForOrganisation: 'Le demandeur est une organisation : ce qui a été lu est affiché pour information, sans remplir.',
  alsoRead: 'Lu également : {{facts}}',
  dateOfBirth: 'né(e) le {{date}}',
  male: 'homme',
  female: 'femme',
  fieldNames: { name: 'Nom complet', idNumber: 'N° d’identité', phone: 'Téléphone', email: 'Courriel', address: 'Adresse' },
  duplicateTitle: 'Le demandeur a {{n}} dossier(s) de cette procédure encore en cours',
  duplicateHint: 'Vérifiez-les pour éviter un doublon ; vous pouvez tout de même recevoir s’il s’agit d’un nouveau dossier.',
  receivedOn: 'reçu le {{date}}',
  whyReview: 'À comparer avec les pièces : {{list}}',
  reasons: {
    low_confidence: 'lecture incertaine',
    ocr_corrected: 'caractères mal lus corrigés',
    no_diacritics: 'sans accents',
    unusual_characters: 'caractères inhabituels',
    id_province: 'code de province invalide dans le n° d’identité',
    id_century: '4e chiffre du n° d’identité invalide',
    id_birth_year_mismatch: 'année de naissance différente du n° d’identité',
    id_sex_mismatch: 'sexe différent du n° d’identité',
    incomplete: 'peut continuer à la ligne suivante',
  },
};

const ALL: Record<Lang, Strings> = { vi, en, fr };


export const useStrings = stringsHook(ALL);
export { fmt };
