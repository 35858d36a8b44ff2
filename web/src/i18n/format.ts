import { currentLanguage, type Lang } from './index.ts';

/** Vietnam's time zone: dates of the Vietnamese calendar and times shown to officials are in it. */
export const VN_TZ = 'Asia/Ho_Chi_Minh';

const intlLocale = (lang: Lang) => (lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-FR' : 'vi-VN');

/** Today's date in Vietnam as 'YYYY-MM-DD' (whatever the browser's own time zone). */
export function todayVn(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN_TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A calendar date 'YYYY-MM-DD' as dd/mm/yyyy (the same order in vi, en-GB and fr). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** A long date with weekday, e.g. "Thứ Sáu, 27 tháng 11, 2026". */
export function formatLongDate(date: Date = new Date(), lang: Lang = currentLanguage()): string {
  const s = new Intl.DateTimeFormat(intlLocale(lang), { timeZone: VN_TZ, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  return s.charAt(0).toLocaleUpperCase(intlLocale(lang)) + s.slice(1);
}

/** An instant (ISO string) as date and time in Vietnam, in the interface language's usual order. */
export function formatDateTime(iso: string | null | undefined, { seconds = true, lang = currentLanguage() }: { seconds?: boolean; lang?: Lang } = {}): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone: VN_TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' as const } : {}),
  }).format(new Date(iso));
}

/** Accent- and case-free form for matching in the browser, the same rule as the server's search. */
export function searchNorm(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
