/** What the satisfaction module's refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../../platform/errors.ts';

export const SATISFACTION_REFUSALS = {
  notReturnedToRate: {
    vi: 'Hồ sơ {code} chưa trả kết quả; chỉ đánh giá được sau khi đã trả kết quả',
    en: 'dossier {code} has not been returned yet: a rating is accepted once the result is returned',
    fr: 'le résultat du dossier {code} n’a pas encore été remis : l’évaluation n’est possible qu’après sa remise',
  },
  notReturnedToInvite: {
    vi: 'Hồ sơ {code} chưa trả kết quả; chỉ mời đánh giá sau khi đã trả kết quả',
    en: 'dossier {code} has not been returned yet: invite to rate once the result is returned',
    fr: 'le résultat du dossier {code} n’a pas encore été remis : l’invitation à évaluer suit sa remise',
  },
  alreadyRated: {
    vi: 'Hồ sơ {code} đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần',
    en: 'dossier {code} was already rated (one rating per dossier)',
    fr: 'le dossier {code} a déjà été évalué (une seule évaluation par dossier)',
  },
} as const satisfies Record<string, LocalizedText>;
