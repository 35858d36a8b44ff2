/** What the feedback module's refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../../platform/errors.ts';

export const FEEDBACK_REFUSALS = {
  alreadyReceived: {
    vi: 'Phản ánh mang số tham chiếu {ref} đã được tiếp nhận qua kênh này',
    en: 'an item with reference {ref} was already received through this channel',
    fr: 'un signalement de référence {ref} a déjà été reçu par ce canal',
  },
  staleItem: {
    vi: 'Phản ánh {code} đã được cập nhật ở nơi khác (phiên bản hiện tại {current}, không phải {sent}); vui lòng tải lại trang',
    en: 'feedback {code} changed (version {current}, you sent {sent})',
    fr: 'le signalement {code} a changé (version {current}, vous avez envoyé {sent}) ; rechargez la page',
  },
  itemChangedMeanwhile: {
    vi: 'Phản ánh {code} vừa được cập nhật ở nơi khác; vui lòng tải lại trang',
    en: 'feedback {code} changed',
    fr: 'le signalement {code} a été modifié entre-temps ; rechargez la page',
  },
  rulesInstallationWide: {
    vi: 'Thời hạn xử lý phản ánh áp dụng chung cho toàn hệ thống; chỉ người quản trị toàn hệ thống được sửa',
    en: 'feedback rules are installation-wide',
    fr: 'les délais des signalements valent pour toute l’installation ; seul un administrateur de toute l’installation les modifie',
  },
  ruleChanged: {
    vi: 'Thời hạn của loại phản ánh này vừa được thay đổi ở nơi khác; vui lòng tải lại trang',
    en: 'the time limits of this feedback type changed meanwhile; reload them',
    fr: 'les délais de ce type de signalement ont été modifiés entre-temps ; rechargez la page',
  },
  mailboxChanged: {
    vi: 'Hộp thư vừa được cập nhật ở nơi khác; vui lòng tải lại trang',
    en: 'mailbox changed',
    fr: 'la boîte aux lettres a été modifiée entre-temps ; rechargez la page',
  },
  alreadyRated: {
    vi: 'Câu trả lời này đã được đánh giá; mỗi câu trả lời chỉ đánh giá một lần',
    en: 'the sender already rated this answer',
    fr: 'cette réponse a déjà été évaluée ; une réponse ne s’évalue qu’une fois',
  },
} as const satisfies Record<string, LocalizedText>;

/** Why a handling step is refused in the item's current status (feedback.service `allowedActions`), one sentence per step. */
export const FEEDBACK_STEP_REFUSALS = {
  acknowledge: {
    vi: 'Không thể xác nhận tiếp nhận phản ánh {code}: phản ánh đã qua bước tiếp nhận',
    en: 'feedback {code} cannot be acknowledged: it is past that step',
    fr: 'impossible d’accuser réception du signalement {code} : cette étape est passée',
  },
  assign: {
    vi: 'Không thể giao xử lý phản ánh {code}: phản ánh không còn trong quá trình xử lý',
    en: 'feedback {code} cannot be assigned: it is no longer being handled',
    fr: 'impossible d’attribuer le signalement {code} : il n’est plus en cours de traitement',
  },
  answer: {
    vi: 'Không thể trả lời phản ánh {code}: phản ánh không còn trong quá trình xử lý',
    en: 'feedback {code} cannot be answered: it is no longer being handled',
    fr: 'impossible de répondre au signalement {code} : il n’est plus en cours de traitement',
  },
  refuse: {
    vi: 'Không thể từ chối tiếp nhận phản ánh {code}: phản ánh không còn trong quá trình xử lý',
    en: 'feedback {code} cannot be refused: it is no longer being handled',
    fr: 'impossible de refuser le signalement {code} : il n’est plus en cours de traitement',
  },
  merge: {
    vi: 'Không thể gộp phản ánh {code}: phản ánh không còn trong quá trình xử lý',
    en: 'feedback {code} cannot be merged: it is no longer being handled',
    fr: 'impossible de fusionner le signalement {code} : il n’est plus en cours de traitement',
  },
  close: {
    vi: 'Không thể kết thúc phản ánh {code}: chỉ kết thúc phản ánh đã được trả lời hoặc đã từ chối tiếp nhận',
    en: 'feedback {code} cannot be closed: only an answered or refused item is closed',
    fr: 'impossible de clore le signalement {code} : seul un signalement répondu ou refusé peut l’être',
  },
  publish: {
    vi: 'Không thể công khai phản ánh {code}: cần có câu trả lời và sự đồng ý công khai của người gửi, và phản ánh chưa được công khai',
    en: 'feedback {code} cannot be published: it needs an answer and the sender’s consent, and must not be published already',
    fr: 'impossible de publier le signalement {code} : il faut une réponse et l’accord de l’expéditeur, et qu’il ne soit pas déjà publié',
  },
} as const satisfies Record<string, LocalizedText>;

/** A handling step of an item (the `action` of its audit row: `feedback.<step>`). */
export type FeedbackStep = keyof typeof FEEDBACK_STEP_REFUSALS;
