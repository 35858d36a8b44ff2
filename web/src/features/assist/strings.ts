/** Words of the assist suggestions (public "Tôi cần…" box, the inbox's suggestions), in vi/en/fr. */
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Lang } from '../../i18n/index.ts';

const vi = {
  needTitle: 'Tôi cần…',
  needIntro: 'Viết điều bạn cần bằng lời của mình, có dấu hoặc không dấu. Hệ thống gợi ý thủ tục phù hợp.',
  needLabel: 'Điều bạn cần',
  needPlaceholder: 'Ví dụ: làm giấy khai sinh cho con, làm sổ đỏ, xin phép xây nhà',
  suggest: 'Gợi ý thủ tục',
  suggestions: 'Thủ tục có thể phù hợp',
  none: 'Chưa tìm thấy thủ tục phù hợp. Hãy thử cách diễn đạt khác hoặc tìm trong danh mục bên dưới.',
  matched: 'Khớp với',
  via: 'hiểu là',
  score: 'Độ phù hợp',
  automatic: 'Gợi ý tự động từ danh mục thủ tục; hãy đọc kỹ thủ tục trước khi nộp hồ sơ.',
  assistTitle: 'Gợi ý tự động',
  assistNote: 'Gợi ý học từ các phản ánh đã phân loại của địa phương; cán bộ quyết định.',
  field: 'Lĩnh vực',
  unit: 'Đơn vị xử lý',
  duplicates: 'Phản ánh có thể trùng lặp',
  noDuplicates: 'Không thấy phản ánh trùng lặp.',
  notEnough: 'Chưa đủ phản ánh đã phân loại để gợi ý (cần ít nhất {{min}} phản ánh cho mỗi loại; hiện có {{n}}).',
  probability: 'xác suất {{p}} %',
  current: 'Đang chọn',
  apply: 'Áp dụng',
  applyField: 'Áp dụng: phân loại lĩnh vực {{label}}',
  applyUnit: 'Áp dụng: giao {{name}}',
  applyMerge: 'Áp dụng: gộp vào {{code}}',
  notNow: 'Không áp dụng được ở trạng thái hiện tại',
  samePlace: 'Cùng địa điểm',
  similarity: 'Độ giống {{p}} %',
};
type Strings = typeof vi;

const en: Strings = {
  needTitle: 'I need…',
  needIntro: 'Say what you need in your own words, with or without Vietnamese accents. We suggest the matching procedures.',
  needLabel: 'What you need',
  needPlaceholder: 'For example: lam giay khai sinh cho con, làm sổ đỏ, xin phép xây nhà',
  suggest: 'Suggest procedures',
  suggestions: 'Procedures that may match',
  none: 'No matching procedure found. Try other words or search the catalogue below.',
  matched: 'Matched',
  via: 'understood as',
  score: 'Relevance',
  automatic: 'Automatic suggestions from the procedure catalogue; read the procedure before you apply.',
  assistTitle: 'Automatic suggestions',
  assistNote: 'Learnt from the locality’s classified feedback; the official decides.',
  field: 'Field',
  unit: 'Handling unit',
  duplicates: 'Possible duplicates',
  noDuplicates: 'No duplicate found.',
  notEnough: 'Not enough classified feedback to suggest (at least {{min}} items per class needed; {{n}} so far).',
  probability: 'probability {{p}} %',
  current: 'Current',
  apply: 'Apply',
  applyField: 'Apply: classify as {{label}}',
  applyUnit: 'Apply: assign to {{name}}',
  applyMerge: 'Apply: merge into {{code}}',
  notNow: 'Cannot be applied in the current status',
  samePlace: 'Same place',
  similarity: 'Similarity {{p}} %',
};

const fr: Strings = {
  needTitle: 'J’ai besoin de…',
  needIntro: 'Décrivez votre besoin avec vos mots, avec ou sans accents vietnamiens. Nous proposons les démarches correspondantes.',
  needLabel: 'Votre besoin',
  needPlaceholder: 'Par exemple : lam giay khai sinh cho con, làm sổ đỏ, xin phép xây nhà',
  suggest: 'Proposer des démarches',
  suggestions: 'Démarches possibles',
  none: 'Aucune démarche trouvée. Essayez d’autres mots ou cherchez dans le catalogue ci-dessous.',
  matched: 'Mots reconnus',
  via: 'compris comme',
  score: 'Pertinence',
  automatic: 'Suggestions automatiques tirées du catalogue ; lisez la démarche avant de déposer un dossier.',
  assistTitle: 'Suggestions automatiques',
  assistNote: 'Apprises des retours déjà classés de la localité ; l’agent décide.',
  field: 'Domaine',
  unit: 'Unité chargée',
  duplicates: 'Doublons possibles',
  noDuplicates: 'Aucun doublon trouvé.',
  notEnough: 'Pas assez de retours classés pour proposer (au moins {{min}} par classe ; {{n}} pour l’instant).',
  probability: 'probabilité {{p}} %',
  current: 'Actuel',
  apply: 'Appliquer',
  applyField: 'Appliquer : classer en {{label}}',
  applyUnit: 'Appliquer : attribuer à {{name}}',
  applyMerge: 'Appliquer : fusionner avec {{code}}',
  notNow: 'Impossible dans le statut actuel',
  samePlace: 'Même lieu',
  similarity: 'Similarité {{p}} %',
};

const ALL: Record<Lang, Strings> = { vi, en, fr };

export function fmt(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function useStrings(): { s: Strings; lang: Lang } {
  useTranslation();
  const lang = currentLanguage();
  return { s: ALL[lang], lang };
}
