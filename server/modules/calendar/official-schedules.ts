/**
 * Yearly holiday schedules announced for civil servants and public employees (cán bộ, công chức, viên chức).
 *
 * Why a data file: the notices come out in October–November of the previous year and sometimes later
 * (swaps around 30/4 are often decided in spring). An administrator keeps this list current; every entry names
 * its document and says whether the date was verified (`confirmed`). Only what a schedule changes compared with
 * the rules is entered: holidays that fall as the rules say need no entry.
 *
 * Certainty, as of writing:
 * - 2025: every date below was checked against the research notes or a press report of the decision; the
 *   document number of the 30/4 swap was not verified.
 * - 2026: Tết block verified (press report of Thông báo 9441/TB-BNV); the National Day adjacent day was NOT
 *   verified and is left at the rule default with `confirmed: false`.
 */
import type { YearlySchedule } from './holiday-rules.ts';

const CV_8726 = 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ';
const TB_9441 = 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (theo Công văn 9859/VPCP-KGVX ngày 13/10/2025)';

const SCHEDULE_2025: YearlySchedule = {
  year: 2025,
  audience: 'civil_servants',
  sources: [CV_8726, 'Văn bản hoán đổi ngày làm việc dịp 30/4–1/5/2025 (số hiệu chưa kiểm tra)'],
  ruleOverrides: {
    // Off Sat 25/1 – Sun 2/2/2025 (26 tháng Chạp Giáp Thìn – mùng 5 Ất Tỵ): the five statutory days are the
    // weekdays Mon 27/1 – Fri 31/1, i.e. the block starts two days before mùng 1 (29/1). With the rule default
    // (-1) the block would be Tue 28/1 – Sat 1/2 plus a compensatory Monday 3/2: not what was announced.
    'lunar-new-year': {
      startOffsetDays: -2,
      source: CV_8726,
      confirmed: true,
    },
    // 2/9/2025 is a Tuesday; the adjacent day was Monday 1/9 (off Sat 30/8 – Tue 2/9).
    'national-day': {
      extraDays: 'before',
      source: CV_8726,
      confirmed: true,
      note: 'The date (Mon 1/9/2025 off) is certain; that it was set by CV 8726 rather than a later letter was not re-read.',
    },
  },
  daysOff: [
    {
      date: '2025-05-02',
      reason: {
        vi: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù Thứ Bảy 26/04/2025)',
        en: 'Swapped day off around 30/4–1/5 (made up on Saturday 26/04/2025)',
        fr: 'Jour de repos échangé autour du 30/4–1/5 (rattrapé le samedi 26/04/2025)',
      },
      source: 'Hoán đổi ngày làm việc Thứ Sáu 02/5/2025 sang Thứ Bảy 26/4/2025 (theo TTXVN; số hiệu văn bản chưa kiểm tra)',
      confirmed: true,
      swapWith: '2025-04-26',
    },
  ],
  makeUpWorkingDays: [
    {
      date: '2025-04-26',
      reason: {
        vi: 'Làm bù cho ngày nghỉ Thứ Sáu 02/05/2025',
        en: 'Make-up working day for Friday 02/05/2025',
        fr: 'Jour de rattrapage pour le vendredi 02/05/2025',
      },
      source: 'Hoán đổi ngày làm việc Thứ Sáu 02/5/2025 sang Thứ Bảy 26/4/2025 (theo TTXVN; số hiệu văn bản chưa kiểm tra)',
      confirmed: true,
      swapWith: '2025-05-02',
    },
  ],
};

const SCHEDULE_2026: YearlySchedule = {
  year: 2026,
  audience: 'civil_servants',
  sources: [TB_9441],
  ruleOverrides: {
    // Off Sat 14/2 – Sun 22/2/2026; the five statutory days are Mon 16/2 (29 tháng Chạp Ất Tỵ, the last day of
    // the year: that Chạp has no 30th) – Fri 20/2 (mùng 4 Bính Ngọ). Same as the rule default, entered to record
    // the source.
    'lunar-new-year': {
      startOffsetDays: -1,
      source: TB_9441,
      confirmed: true,
    },
    // 2/9/2026 is a Wednesday. The notice also fixes the adjacent day, but its content was not verified here
    // (a 5-day break had been proposed): the rule default (Thu 3/9) is kept and flagged for the administrator.
    'national-day': {
      extraDays: 'after',
      source: TB_9441,
      confirmed: false,
      note: 'UNVERIFIED: adjacent day of National Day 2026 not checked against Thông báo 9441/TB-BNV.',
    },
  },
  // Not entered, pending verification: a proposed swap making Tết Dương lịch 2026 (Thu 1/1) a 4-day break
  // (Fri 2/1 off against a make-up Saturday). Hùng Kings' Day 2026 falls on Sunday 26/4: the compensatory Monday
  // 27/4 follows from Art. 111(3) and needs no entry.
  daysOff: [],
  makeUpWorkingDays: [],
};

/** The known yearly schedules for civil servants, by year. Editable data: see the file comment for certainty. */
export const OFFICIAL_SCHEDULES: Readonly<Record<number, YearlySchedule>> = Object.freeze({
  2025: SCHEDULE_2025,
  2026: SCHEDULE_2026,
});

/** The known civil-service schedule of `year`, or undefined (the rules alone then apply). */
export function officialScheduleFor(year: number): YearlySchedule | undefined {
  return OFFICIAL_SCHEDULES[year];
}
