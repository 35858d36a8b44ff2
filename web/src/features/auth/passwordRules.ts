import type { Rule } from 'antd/es/form/index.js';
import type { TFunction } from 'i18next';

/**
 * The server's password rule (contracts/accounts.ts `Password`: 10+ characters, a letter and a digit), checked
 * before sending so the official gets the message in their language at once; the server checks again.
 */
export function passwordRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('common.required') },
    { min: 10, message: t('password.tooShort') },
    { validator: (_, v: string | undefined) => (!v || (/\p{L}/u.test(v) && /\d/.test(v)) ? Promise.resolve() : Promise.reject(new Error(t('password.needLetterDigit')))) },
  ];
}
