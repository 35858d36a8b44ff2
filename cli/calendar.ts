/**
 * `npm run cli -- calendar …`: the working calendar from the shell. Every command calls the calendar services,
 * as the API does; writes act as the installation-wide administrator "cli" and are audited as such.
 *
 *   calendar show YEAR [--unit UNIT]            days off, make-up days and working-day count of a year
 *   calendar deadline START VALUE UNIT [--unit UNIT]
 *                                               e.g. calendar deadline 2026-02-13T16:10+07:00 3 working_day
 *   calendar versions [--unit UNIT]             history of calendar versions
 *   calendar lunar DATE | D/M/YYYY[L]           solar → lunar, or lunar → solar (L = leap month)
 *   calendar import YEAR FILE [--unit UNIT]     a year's schedule from .json (ImportBody shape) or .xlsx
 *   calendar seed                               store the default national calendar (once)
 *
 * UNIT is a unit id or its exact name; without it, the national calendar.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ImportBody } from '../contracts/calendar.ts';
import type { Database } from '../server/db/client.ts';
import { makeContext, type Context } from '../server/modules/accounts/context.ts';
import type { Principal } from '../server/modules/accounts/permissions.ts';
import { systemActor } from '../server/modules/audit/audit.service.ts';
import { explainCalendarDayDeadline, explainDeadline } from '../server/modules/calendar/explain.ts';
import {
  convertLunar,
  getWorkCalendarFor,
  getYearCalendar,
  importYearSchedule,
  listCalendarVersions,
  rowsOfJsonImport,
  seedCalendar,
  vnLocal,
} from '../server/modules/calendar/calendar.service.ts';
import { readScheduleWorkbook } from '../server/modules/calendar/calendar.xlsx.ts';
import { AppError } from '../server/platform/errors.ts';
import type { Lang } from '../server/platform/messages.ts';

export interface CalendarCliDeps {
  database: Database;
  /** Where lines go (default: stdout). */
  print?: (line: string) => void;
  /** Language of reasons and explanations (default vi). */
  lang?: Lang;
}

export const CALENDAR_HELP = `calendar show YEAR [--unit UNIT]
calendar deadline START VALUE working_day|working_hour|day [--unit UNIT]
calendar versions [--unit UNIT]
calendar lunar YYYY-MM-DD | D/M/YYYY[L]
calendar import YEAR FILE.json|FILE.xlsx [--unit UNIT]
calendar seed`;

const KIND_LABEL: Record<Lang, Record<string, string>> = {
  vi: { holiday: 'Nghỉ lễ, tết', compensatory: 'Nghỉ bù', announced_day_off: 'Nghỉ theo thông báo', makeup_working_day: 'Làm bù' },
  en: { holiday: 'Public holiday', compensatory: 'Compensatory day off', announced_day_off: 'Announced day off', makeup_working_day: 'Make-up working day' },
  fr: { holiday: 'Jour férié', compensatory: 'Repos compensateur', announced_day_off: 'Jour chômé annoncé', makeup_working_day: 'Jour de rattrapage' },
};
const WEEKDAY: Record<Lang, string[]> = {
  vi: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  fr: ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam'],
};

const cliPrincipal: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'cli',
  fullName: 'CLI',
  grants: [{ id: 'cli', role: 'admin', unitId: null }],
  permissions: new Set(['calendar.read', 'calendar.write']) as Principal['permissions'],
  mustChangePassword: false,
};

function cliContext(database: Database, lang: Lang): Context {
  return makeContext(database.db, systemActor('cli'), cliPrincipal, lang);
}

/** Splits `--unit X` out of the arguments. */
function takeUnit(args: string[]): { rest: string[]; unit: string | undefined } {
  const rest: string[] = [];
  let unit: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--unit') unit = args[++i];
    else if (args[i].startsWith('--unit=')) unit = args[i].slice(7);
    else rest.push(args[i]);
  }
  return { rest, unit };
}

async function resolveUnit(database: Database, unit: string | undefined): Promise<string | undefined> {
  if (!unit) return undefined;
  if (/^[0-9a-f-]{36}$/i.test(unit)) return unit;
  const { rows } = await database.query('SELECT id FROM units WHERE name = $1 ORDER BY valid_from DESC LIMIT 1', [unit.normalize('NFC')]);
  if (!rows[0]) throw new Error(`no unit named "${unit}"`);
  return rows[0].id as string;
}

function year(text: string | undefined): number {
  const y = Number(text);
  if (!text || !Number.isInteger(y)) throw new Error(`usage: ${CALENDAR_HELP.split('\n')[0]}`);
  return y;
}

/**
 * Runs a `calendar` sub-command. Returns the process exit code (0 done, 2 usage error); service errors are thrown
 * (AppError) for the dispatcher to print.
 */
export async function calendarCommand(args: string[], deps: CalendarCliDeps): Promise<number> {
  const print = deps.print ?? ((line: string) => console.log(line));
  const lang = deps.lang ?? 'vi';
  const { database } = deps;
  const { rest, unit } = takeUnit(args);
  const [sub, ...params] = rest;
  const unitId = await resolveUnit(database, unit);

  switch (sub) {
    case 'show': {
      const y = year(params[0]);
      const cal = await getYearCalendar(database.db, lang, y, unitId);
      const title = { vi: `Lịch làm việc năm ${y}`, en: `Working calendar ${y}`, fr: `Calendrier de travail ${y}` }[lang];
      print(`${title} — ${cal.settingsFrom.name} (v${cal.calendarVersion})`);
      print(`${{ vi: 'Giờ làm việc', en: 'Office hours', fr: 'Horaires' }[lang]}: ${cal.sessions.join('; ')}`);
      for (const kind of ['holiday', 'compensatory', 'announced_day_off', 'makeup_working_day'] as const) {
        const days = cal.days.filter((d) => d.kind === kind);
        if (days.length === 0) continue;
        print('');
        print(`${KIND_LABEL[lang][kind]} (${days.length}):`);
        for (const d of days) {
          print(`  ${d.date} ${WEEKDAY[lang][d.weekday].padEnd(3)} ${d.reason}${d.confirmed ? '' : ' [?]'} — ${d.source}`);
        }
      }
      const off = cal.days.filter((d) => d.kind !== 'makeup_working_day').length;
      const makeUp = cal.days.length - off;
      print('');
      print(
        {
          vi: `Số ngày làm việc: ${cal.workingDayCount} (ngày nghỉ lễ, bù, theo thông báo: ${off}; ngày làm bù: ${makeUp})`,
          en: `Working days: ${cal.workingDayCount} (listed days off: ${off}; make-up working days: ${makeUp})`,
          fr: `Jours ouvrés : ${cal.workingDayCount} (jours chômés listés : ${off} ; jours de rattrapage : ${makeUp})`,
        }[lang],
      );
      if (cal.days.some((d) => !d.confirmed)) print({ vi: '[?] = chưa xác nhận với văn bản', en: '[?] = not confirmed against the legal text', fr: '[?] = non confirmé par le texte' }[lang]);
      return 0;
    }
    case 'deadline': {
      const [start, value, durationUnit] = params;
      if (!start || !value || !['working_day', 'working_hour', 'day'].includes(durationUnit)) {
        print(`usage: ${CALENDAR_HELP.split('\n')[1]}`);
        return 2;
      }
      const r = await getWorkCalendarFor(database.db, unitId ?? null);
      const at = new Date(start);
      const n = Number(value);
      const { due, steps } =
        durationUnit === 'day' ? explainCalendarDayDeadline(r.work, at, n, lang) : explainDeadline(r.work, at, { value: n, unit: durationUnit as 'working_day' | 'working_hour' }, lang);
      for (const s of steps) print(`- ${s}`);
      print(`${vnLocal(due)} (v${r.version.number})`);
      return 0;
    }
    case 'versions': {
      for (const v of await listCalendarVersions(database.db, { unitId, limit: 200 })) {
        print(`v${v.number} ${v.createdAt} ${v.action} ${v.unitName ?? 'national'} by ${v.actorLabel ?? '?'}: ${v.reason} (${v.changedDateCount} date(s)${v.sessionsChanged ? ', office hours' : ''})`);
      }
      return 0;
    }
    case 'lunar': {
      const arg = params[0] ?? '';
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(L?)$/i.exec(arg);
      const r = m
        ? convertLunar(lang, { lunarDay: Number(m[1]), lunarMonth: Number(m[2]), lunarYear: Number(m[3]), leap: m[4] ? 'true' : 'false' })
        : convertLunar(lang, { date: arg });
      print(`${r.solar} ${WEEKDAY[lang][r.weekday]} = ${r.text}`);
      return 0;
    }
    case 'import': {
      const y = year(params[0]);
      const file = params[1];
      if (!file) {
        print(`usage: ${CALENDAR_HELP.split('\n')[4]}`);
        return 2;
      }
      const ctx = cliContext(database, lang);
      const changeReason = `CLI import ${file}`;
      let result;
      if (extname(file).toLowerCase() === '.xlsx') {
        const { rows, errors } = await readScheduleWorkbook(readFileSync(file));
        if (errors.length) throw new AppError('VALIDATION_FAILED', { detail: `${errors.length} row error(s); nothing was imported`, fields: errors });
        result = await importYearSchedule(database, ctx, y, { unitId: unitId ?? null, mode: 'replace', changeReason, ruleOverrides: {}, rows });
      } else {
        const body = ImportBody.parse({ changeReason, ...JSON.parse(readFileSync(file, 'utf8')) });
        result = await importYearSchedule(database, ctx, y, { unitId: unitId ?? body.unitId ?? null, mode: body.mode, changeReason: body.changeReason, ruleOverrides: body.ruleOverrides, rows: rowsOfJsonImport(body) });
      }
      print(`imported ${result.daysOff} day(s) off, ${result.makeUpWorkingDays} make-up day(s), ${result.ruleOverrides} rule override(s): calendar v${result.calendarVersion}, ${result.changedDates.length} date(s) changed`);
      return 0;
    }
    case 'seed': {
      const done = await database.transaction((tx) => seedCalendar(tx, systemActor('cli')));
      print(done ? 'national calendar seeded (version 1)' : 'calendar already seeded: nothing done');
      return 0;
    }
    default:
      print(CALENDAR_HELP);
      return sub === undefined || sub === 'help' ? 0 : 2;
  }
}
