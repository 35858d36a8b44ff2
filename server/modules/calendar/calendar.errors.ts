/**
 * Maps the pure engine's `CalendarError` to the platform's `AppError` (code DEADLINE_RULE, 422) with its sentence
 * in vi/en/fr as the problem's `detail` and, when the request field is known, beside that field. Other modules
 * that run the engine (dossier and feedback deadlines) use `deadlineRuleError` through the module's index.
 */
import { AppError, type FieldError, type LocalizedText } from '../../platform/errors.ts';
import { CalendarError, type CalendarErrorCode } from './errors.ts';

type Msg = LocalizedText;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** What a calendar error means, in the three interface languages, with its offending values. */
export function messageOf(e: CalendarError): Msg {
  const d = e.details;
  const messages: Record<CalendarErrorCode, () => Msg> = {
    INVALID_DURATION: () => ({
      vi: `Thời hạn không hợp lệ (${str(d.value)}): phải là số không âm; ngày làm việc theo bội số 0,5; giờ làm việc theo phút tròn; ngày dương lịch là số nguyên.`,
      en: `Invalid time limit (${str(d.value)}): it must be ≥ 0; working days in halves, working hours in whole minutes, calendar days whole.`,
      fr: `Délai invalide (${str(d.value)}) : il doit être ≥ 0 ; jours ouvrés par demi-journées, heures en minutes entières, jours calendaires entiers.`,
    }),
    INVALID_DATE: () => ({
      vi: `Ngày giờ không hợp lệ: ${str(d.value)}`,
      en: `Invalid date or time: ${str(d.value)}`,
      fr: `Date ou heure invalide : ${str(d.value)}`,
    }),
    OUT_OF_RANGE: () => ({
      vi: `Ngày nằm ngoài phạm vi của lịch làm việc (${str(d.fromYear)}–${str(d.toYear)}).`,
      en: `The date is outside the working calendar (${str(d.fromYear)}–${str(d.toYear)}).`,
      fr: `La date est hors du calendrier de travail (${str(d.fromYear)}–${str(d.toYear)}).`,
    }),
    NO_WORKING_DAY: () => ({
      vi: `Thay đổi này làm năm ${str(d.year)} không còn ngày làm việc nào; không thể tính thời hạn.`,
      en: `This change would leave the year ${str(d.year)} without a single working day; no deadline could be computed.`,
      fr: `Cette modification laisserait l’année ${str(d.year)} sans aucun jour ouvré ; aucun délai ne pourrait être calculé.`,
    }),
    INVALID_LUNAR_DATE: () => ({
      vi: `Ngày âm lịch không tồn tại: ngày ${str(d.day)} tháng ${str(d.month)}${d.leap ? ' (nhuận)' : ''} năm ${str(d.year)}.`,
      en: `No such lunar date: day ${str(d.day)} of month ${str(d.month)}${d.leap ? ' (leap)' : ''}, ${str(d.year)}.`,
      fr: `Date lunaire inexistante : jour ${str(d.day)} du mois ${str(d.month)}${d.leap ? ' (intercalaire)' : ''}, ${str(d.year)}.`,
    }),
    INVALID_CONFIG: () => ({
      vi: `Cấu hình giờ làm việc không hợp lệ (buổi làm việc trùng nhau hoặc sai thứ tự, mùa không phủ hết năm, hoặc một ngày vừa nghỉ vừa làm bù): ${e.message}`,
      en: `Invalid office-hours configuration (overlapping or reversed sessions, seasons not covering the year, or a day both off and worked): ${e.message}`,
      fr: `Configuration des horaires invalide (séances qui se chevauchent ou inversées, saisons ne couvrant pas l’année, ou jour à la fois chômé et travaillé) : ${e.message}`,
    }),
    INVALID_RULE: () => ({
      vi: `Quy tắc ngày nghỉ hoặc lịch nghỉ năm không hợp lệ: ${e.message}`,
      en: `Invalid holiday rule or yearly schedule: ${e.message}`,
      fr: `Règle de jour férié ou calendrier annuel invalide : ${e.message}`,
    }),
  };
  return messages[e.code]();
}

/**
 * The DEADLINE_RULE problem (422) of a calendar error: its sentence as `detail` (in the caller's language), and
 * beside the request `field` it is about when there is one (`code` = the engine's code in lower case).
 */
export function deadlineRuleError(e: CalendarError, field?: string): AppError {
  const message = messageOf(e);
  return new AppError('DEADLINE_RULE', { detail: message, ...(field ? { fields: [{ field, code: e.code.toLowerCase(), message }] } : {}) });
}

/**
 * Runs `fn`; a `CalendarError` becomes DEADLINE_RULE on the field `fieldOf(error)` returns. Other errors pass.
 */
export async function withCalendarField<T>(fieldOf: (e: CalendarError) => string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CalendarError) throw deadlineRuleError(e, fieldOf(e));
    throw e;
  }
}

/** Several field errors at once (row-level import errors), as one VALIDATION_FAILED problem. */
export function fieldProblems(code: 'VALIDATION_FAILED', fields: FieldError[], detail: string): AppError {
  return new AppError(code, { detail, fields });
}

/** 400 naming the field that points to a unit that does not exist. */
export function unknownUnit(field = 'unitId'): AppError {
  return new AppError('VALIDATION_FAILED', {
    detail: 'unit does not exist',
    fields: [{ field, code: 'not_found', message: { vi: 'Đơn vị không tồn tại', en: 'Unit does not exist', fr: "L'unité n'existe pas" } }],
  });
}

/** 400 naming a field with a message in the three languages. */
export function invalidField(field: string, code: string, message: Msg): AppError {
  return new AppError('VALIDATION_FAILED', { detail: `${field}: ${message.en}`, fields: [{ field, code, message }] });
}
