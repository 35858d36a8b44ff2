/**
 * Shapes of the calendar API (types only, from the shared zod contracts), the colours of the kinds of day, and
 * the small date helpers the page needs. The lunar conversion is the server's own pure module (no zod, no I/O),
 * so the grid shows the same lunar dates as the API.
 */
import type { z } from 'zod';
import type { CalendarDay, CalendarVersion, ChangeResult, DeadlineResult, ImportResult, SettingsView, YearCalendar } from '../../../../contracts/calendar.ts';
import { solarToLunar } from '../../../../server/modules/calendar/lunar.ts';

export type YearCalendarDto = z.infer<typeof YearCalendar>;
export type CalendarDayDto = z.infer<typeof CalendarDay>;
export type SettingsViewDto = z.infer<typeof SettingsView>;
export type CalendarVersionDto = z.infer<typeof CalendarVersion>;
export type DeadlineResultDto = z.infer<typeof DeadlineResult>;
export type ChangeResultDto = z.infer<typeof ChangeResult>;
export type ImportResultDto = z.infer<typeof ImportResult>;
export type DayKind = CalendarDayDto['kind'] | 'weekly_rest' | 'working';

/** First and last year the server's calendar covers (CALENDAR_YEARS). */
export const FIRST_YEAR = 2013;
export const LAST_YEAR = 2050;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Colours of the kinds of day: a light fill with dark text (readable), and a border of the same hue. */
export const KIND_STYLE: Record<DayKind, { background: string; border: string; color: string }> = {
  holiday: { background: '#ffccc7', border: '#cf1322', color: '#5c0011' },
  compensatory: { background: '#ffe7ba', border: '#d46b08', color: '#612500' },
  announced_day_off: { background: '#efdbff', border: '#531dab', color: '#22075e' },
  makeup_working_day: { background: '#d9f7be', border: '#389e0d', color: '#092b00' },
  weekly_rest: { background: '#f0f0f0', border: '#d9d9d9', color: '#595959' },
  working: { background: '#ffffff', border: '#f0f0f0', color: '#262626' },
};

export const LEGEND_ORDER: DayKind[] = ['holiday', 'compensatory', 'announced_day_off', 'makeup_working_day', 'weekly_rest', 'working'];

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Day of week of an ISO date, 0 = Sunday (computed in UTC: a calendar date has no time zone). */
export const weekdayOfIso = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** "1/1" on the first day of a lunar month, the day number otherwise; and the full lunar date for tooltips. */
export function lunarOf(iso: string): { short: string; full: string } {
  try {
    const l = solarToLunar(iso);
    return { short: l.day === 1 ? `${l.day}/${l.month}${l.leap ? '*' : ''}` : String(l.day), full: `${l.day}/${l.month}${l.leap ? ' (nhuận)' : ''}/${l.year}` };
  } catch {
    return { short: '', full: '' };
  }
}

/** Month name in the interface language, capitalised ("Tháng 2", "February", "Février"). */
export function monthName(month: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-FR' : 'vi-VN';
  const s = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  return s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
}
