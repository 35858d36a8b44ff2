/** Time helpers. Vietnam is UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const VN_OFFSET_MS = 7 * 3600_000;

/** Today's date in Vietnam as 'YYYY-MM-DD'. */
export function todayVn(now: Date = new Date()): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Adds days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A calendar date 'YYYY-MM-DD' as written in Vietnamese documents and messages: dd/mm/yyyy. */
export function displayDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** An instant as "HH:mm dd/mm/yyyy" in Vietnam time. */
export function displayMoment(at: Date): string {
  const s = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return `${s.slice(11, 16)} ${displayDate(s)}`;
}
