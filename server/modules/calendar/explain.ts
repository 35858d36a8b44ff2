/**
 * Human explanation of a computed deadline, in Vietnamese, English or French: what the receipt slip, the
 * control slip and a complaint answer need to show ("received after the cut-off, so counted from Monday; Tết
 * skipped; due Thursday 10:30").
 *
 * The due moment is computed by `addWorkingTime` itself, so the explanation can never disagree with the engine;
 * this file only reads the calendar to tell which days were skipped and why.
 */
import { computeCalendarDays, type CalendarDayOptions } from './calendar-days.ts';
import { MS_PER_DAY, VN_OFFSET_MS, civilFromDayNumber, clockOfMs, vnDayNumberOfInstant, weekdayOf } from './civil-date.ts';
import type { CalendarEntry, LocalizedText } from './holiday-rules.ts';
import {
  LocateStatus,
  addWorkingTime,
  closingMsOf,
  isDayOpening,
  locateForExplanation,
  previousWorkingDayNumber,
  type WorkCalendar,
  type WorkDuration,
} from './working-time.ts';

/** Languages of explanations. */
export type ExplainLang = 'vi' | 'en' | 'fr';

/** An explained deadline: the due moment and the reasoning, one sentence per step. */
export interface DeadlineExplanation {
  due: Date;
  steps: string[];
}

const WEEKDAYS: Record<ExplainLang, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
};

const UNCONFIRMED: LocalizedText = { vi: ' (chưa xác nhận)', en: ' (unconfirmed)', fr: ' (non confirmé)' };

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(dayNumber: number, lang: ExplainLang): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${WEEKDAYS[lang][weekdayOf(dayNumber)]} ${pad(day)}/${pad(month)}/${year}`;
}

function shortDate(dayNumber: number): string {
  const { month, day } = civilFromDayNumber(dayNumber);
  return `${pad(day)}/${pad(month)}`;
}

function clockText(msOfDay: number, lang: ExplainLang): string {
  const hhmm = clockOfMs(msOfDay);
  // French typography writes 16 h 10.
  return lang === 'fr' ? hhmm.replace(':', ' h ') : hhmm;
}

/** "16:10, Thứ Sáu 24/01/2025" / "Friday 24/01/2025 16:10" / "vendredi 24/01/2025 à 16 h 10". */
function momentText(ms: number, lang: ExplainLang): string {
  const dn = vnDayNumberOfInstant(ms);
  const tod = ms + VN_OFFSET_MS - dn * MS_PER_DAY;
  if (lang === 'vi') return `${clockText(tod, lang)} ${dateText(dn, lang)}`;
  if (lang === 'en') return `${dateText(dn, lang)} ${clockText(tod, lang)}`;
  return `${dateText(dn, lang)} à ${clockText(tod, lang)}`;
}

function numberText(n: number, lang: ExplainLang): string {
  const s = String(n);
  return lang === 'en' ? s : s.replace('.', ',');
}

function durationText(d: WorkDuration, lang: ExplainLang): string {
  const n = numberText(d.value, lang);
  if (d.unit === 'working_day') {
    if (lang === 'vi') return `${n} ngày làm việc`;
    if (lang === 'en') return `${n} working day${d.value === 1 || d.value < 1 ? '' : 's'}`;
    return `${n} jour${d.value >= 2 ? 's' : ''} ouvré${d.value >= 2 ? 's' : ''}`;
  }
  if (lang === 'vi') return `${n} giờ làm việc`;
  if (lang === 'en') return `${n} working hour${d.value === 1 || d.value < 1 ? '' : 's'}`;
  return `${n} heure${d.value >= 2 ? 's' : ''} ouvrée${d.value >= 2 ? 's' : ''}`;
}

interface Group {
  first: number;
  last: number;
  entry: CalendarEntry;
}

/** Groups consecutive listed days off of the same reason; weekly rest days inside a run do not break it. */
function groupDaysOff(cal: WorkCalendar, days: readonly number[]): Group[] {
  const groups: Group[] = [];
  const rest = new Set(cal.weeklyDaysOff);
  for (const dn of days) {
    const e = cal.entries.get(dn)!;
    const g = groups[groups.length - 1];
    if (g && g.entry.reason.vi === e.reason.vi && g.entry.kind === e.kind) {
      let onlyRestBetween = true;
      for (let k = g.last + 1; k < dn; k++) if (!rest.has(weekdayOf(k)) || cal.entries.has(k)) onlyRestBetween = false;
      if (onlyRestBetween) {
        g.last = dn;
        continue;
      }
    }
    groups.push({ first: dn, last: dn, entry: e });
  }
  return groups;
}

function rangeText(g: Group): string {
  const year = civilFromDayNumber(g.last).year;
  return g.first === g.last ? `${shortDate(g.first)}/${year}` : `${shortDate(g.first)}–${shortDate(g.last)}/${year}`;
}

function receiptStep(
  lang: ExplainLang,
  receivedMs: number,
  status: LocateStatus,
  startMs: number,
  cutoffMs: number,
  closingMs: number,
  dayOffReason: string,
): string {
  const at = momentText(receivedMs, lang);
  const from = momentText(startMs, lang);
  const cut = clockText(cutoffMs, lang);
  const close = clockText(closingMs, lang);
  switch (status) {
    case LocateStatus.Inside:
      return { vi: `Tiếp nhận lúc ${at}, trong giờ làm việc: bắt đầu tính ngay.`, en: `Received ${at}, during office hours: counted from then.`, fr: `Reçu le ${at}, pendant les heures de bureau : décompté dès ce moment.` }[lang];
    case LocateStatus.BeforeOpen:
      return { vi: `Tiếp nhận lúc ${at}, trước giờ làm việc → tính từ ${from}.`, en: `Received ${at}, before opening → counted from ${from}.`, fr: `Reçu le ${at}, avant l’ouverture → décompté à partir du ${from}.` }[lang];
    case LocateStatus.BetweenSessions:
      return { vi: `Tiếp nhận lúc ${at}, trong giờ nghỉ giữa hai buổi làm việc → tính từ ${from}.`, en: `Received ${at}, during the break between sessions → counted from ${from}.`, fr: `Reçu le ${at}, pendant la pause entre deux séances → décompté à partir du ${from}.` }[lang];
    case LocateStatus.AfterClose:
      return { vi: `Tiếp nhận lúc ${at}, sau giờ làm việc (${close}) → tính từ ${from}.`, en: `Received ${at}, after closing time (${close}) → counted from ${from}.`, fr: `Reçu le ${at}, après la fermeture (${close}) → décompté à partir du ${from}.` }[lang];
    case LocateStatus.AfterCutoff:
      return { vi: `Tiếp nhận lúc ${at}, sau giờ chốt nhận hồ sơ ${cut} → tính từ ${from}.`, en: `Received ${at}, after the ${cut} cut-off → counted from ${from}.`, fr: `Reçu le ${at}, après l’heure limite de ${cut} → décompté à partir du ${from}.` }[lang];
    default:
      return { vi: `Tiếp nhận lúc ${at}, vào ngày nghỉ (${dayOffReason}) → tính từ ${from}.`, en: `Received ${at}, on a day off (${dayOffReason}) → counted from ${from}.`, fr: `Reçu le ${at}, un jour non ouvré (${dayOffReason}) → décompté à partir du ${from}.` }[lang];
  }
}

/**
 * Computes the due moment of `duration` from the receipt `start` and explains it step by step in `lang`:
 * how the receipt was normalised (opening, break, closing, cut-off, day off), the duration, the listed days off
 * and weekly rest days skipped, the make-up working days counted, and the due moment (with its "end of the
 * previous working day" equivalent when it falls at an opening).
 * Strings are NFC; entries not yet confirmed are marked so.
 * @throws CalendarError as `addWorkingTime`.
 */
export function explainDeadline(
  cal: WorkCalendar,
  start: Date,
  duration: WorkDuration,
  lang: ExplainLang,
  options?: { applyCutoff?: boolean },
): DeadlineExplanation {
  const applyCutoff = options?.applyCutoff ?? true;
  const due = addWorkingTime(cal, start, duration, { applyCutoff });
  const located = locateForExplanation(cal, start, applyCutoff);
  const receivedMs = start.getTime();
  const receiptDay = vnDayNumberOfInstant(receivedMs);
  const startDay = vnDayNumberOfInstant(located.start.getTime());
  const dueDay = vnDayNumberOfInstant(due.getTime());
  const rest = new Set(cal.weeklyDaysOff);

  const entryReason = (dn: number): string => {
    const e = cal.entries.get(dn);
    if (e) return e.reason[lang] + (e.confirmed ? '' : UNCONFIRMED[lang]);
    return { vi: 'nghỉ hằng tuần', en: 'weekly rest day', fr: 'repos hebdomadaire' }[lang];
  };

  const steps: string[] = [];
  const receiptIsWorking = cal.isWorking[receiptDay - cal.firstDay] === 1;
  steps.push(
    receiptStep(
      lang,
      receivedMs,
      located.status,
      located.start.getTime(),
      located.cutoffMs,
      receiptIsWorking ? closingMsOf(cal, receiptDay) : 0,
      entryReason(receiptDay),
    ),
  );
  steps.push({ vi: `Thời hạn giải quyết: ${durationText(duration, lang)}.`, en: `Time limit: ${durationText(duration, lang)}.`, fr: `Délai : ${durationText(duration, lang)}.` }[lang]);

  // Days not worked between the receipt and the due day: listed days off by reason, weekly rest days counted.
  const listedOff: number[] = [];
  let weeklyRest = 0;
  const makeUps: number[] = [];
  for (let dn = receiptDay; dn <= dueDay; dn++) {
    const working = cal.isWorking[dn - cal.firstDay] === 1;
    if (!working && dn < dueDay) {
      const e = cal.entries.get(dn);
      if (e && e.kind !== 'makeup_working_day') listedOff.push(dn);
      else if (rest.has(weekdayOf(dn))) weeklyRest++;
    } else if (working && dn >= startDay && cal.entries.get(dn)?.kind === 'makeup_working_day') {
      makeUps.push(dn);
    }
  }
  for (const g of groupDaysOff(cal, listedOff)) {
    const why = g.entry.reason[lang] + (g.entry.confirmed ? '' : UNCONFIRMED[lang]);
    const range = rangeText(g);
    steps.push({ vi: `Ngày nghỉ không tính — ${why}: ${range}.`, en: `Days off not counted — ${why}: ${range}.`, fr: `Jours non ouvrés exclus — ${why} : ${range}.` }[lang]);
  }
  if (weeklyRest > 0) {
    steps.push(
      {
        vi: `Không tính ${weeklyRest} ngày nghỉ hằng tuần.`,
        en: `${weeklyRest} weekly rest day${weeklyRest > 1 ? 's' : ''} skipped.`,
        fr: `${weeklyRest} jour${weeklyRest > 1 ? 's' : ''} de repos hebdomadaire exclu${weeklyRest > 1 ? 's' : ''}.`,
      }[lang],
    );
  }
  for (const dn of makeUps) {
    const d = dateText(dn, lang);
    const why = entryReason(dn);
    steps.push({ vi: `Có tính ngày làm bù ${d} — ${why}.`, en: `Make-up working day ${d} counted — ${why}.`, fr: `Jour de rattrapage ${d} compté — ${why}.` }[lang]);
  }

  let dueLine = { vi: `Hạn trả kết quả: ${momentText(due.getTime(), lang)}.`, en: `Due: ${momentText(due.getTime(), lang)}.`, fr: `Échéance : ${momentText(due.getTime(), lang)}.` }[lang];
  if (duration.value > 0 && isDayOpening(cal, due)) {
    const prev = previousWorkingDayNumber(cal, due);
    if (prev !== null) {
      const close = clockText(closingMsOf(cal, prev), lang);
      const d = dateText(prev, lang);
      dueLine = dueLine.replace(
        /\.$/,
        { vi: ` (tương đương hết giờ làm việc ${close} ${d}).`, en: ` (equivalent to closing time, ${close}, on ${d}).`, fr: ` (équivaut à la fermeture, ${close}, le ${d}).` }[lang],
      );
    }
  }
  steps.push(dueLine);
  return { due, steps: steps.map((s) => s.normalize('NFC')) };
}

/**
 * Explains a limit of `days` calendar days (see `computeCalendarDays`): the receipt, the limit, the listed days off
 * not counted (when `skipListedDaysOff`), the push of a due date that fell on a non-working day, the due moment.
 * @throws CalendarError as `computeCalendarDays`.
 */
export function explainCalendarDayDeadline(
  cal: WorkCalendar,
  start: Date,
  days: number,
  lang: ExplainLang,
  options: CalendarDayOptions = {},
): DeadlineExplanation {
  const applyCutoff = options.applyCutoff ?? true;
  const result = computeCalendarDays(cal, start, days, options);
  const located = locateForExplanation(cal, start, applyCutoff);
  const receivedMs = start.getTime();
  const receiptDay = vnDayNumberOfInstant(receivedMs);
  const entryReason = (dn: number): string => {
    const e = cal.entries.get(dn);
    if (e) return e.reason[lang] + (e.confirmed ? '' : UNCONFIRMED[lang]);
    return { vi: 'nghỉ hằng tuần', en: 'weekly rest day', fr: 'repos hebdomadaire' }[lang];
  };
  const receiptIsWorking = cal.isWorking[receiptDay - cal.firstDay] === 1;
  const steps: string[] = [
    receiptStep(lang, receivedMs, located.status, located.start.getTime(), located.cutoffMs, receiptIsWorking ? closingMsOf(cal, receiptDay) : 0, entryReason(receiptDay)),
  ];
  const n = numberText(days, lang);
  steps.push(
    {
      vi: `Thời hạn giải quyết: ${n} ngày (tính theo ngày dương lịch${options.skipListedDaysOff ? ', không tính ngày nghỉ lễ, tết' : ''}).`,
      en: `Time limit: ${n} calendar day${days === 1 ? '' : 's'}${options.skipListedDaysOff ? ', public holidays not counted' : ''}.`,
      fr: `Délai : ${n} jour${days >= 2 ? 's' : ''} calendaire${days >= 2 ? 's' : ''}${options.skipListedDaysOff ? ', jours fériés non comptés' : ''}.`,
    }[lang],
  );
  for (const g of groupDaysOff(cal, result.skipped.map((iso) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY))) {
    const why = g.entry.reason[lang] + (g.entry.confirmed ? '' : UNCONFIRMED[lang]);
    const range = rangeText(g);
    steps.push({ vi: `Ngày nghỉ không tính — ${why}: ${range}.`, en: `Days off not counted — ${why}: ${range}.`, fr: `Jours non ouvrés exclus — ${why} : ${range}.` }[lang]);
  }
  if (result.pushedFrom !== null) {
    const dn = Date.parse(`${result.pushedFrom}T00:00:00Z`) / MS_PER_DAY;
    const d = dateText(dn, lang);
    const why = entryReason(dn);
    steps.push(
      {
        vi: `Ngày hết hạn ${d} là ngày nghỉ (${why}) → chuyển sang ngày làm việc tiếp theo.`,
        en: `The due date ${d} is a day off (${why}) → moved to the next working day.`,
        fr: `L’échéance du ${d} tombe un jour non ouvré (${why}) → reportée au jour ouvré suivant.`,
      }[lang],
    );
  }
  steps.push({ vi: `Hạn trả kết quả: ${momentText(result.due.getTime(), lang)}.`, en: `Due: ${momentText(result.due.getTime(), lang)}.`, fr: `Échéance : ${momentText(result.due.getTime(), lang)}.` }[lang]);
  return { due: result.due, steps: steps.map((s) => s.normalize('NFC')) };
}
