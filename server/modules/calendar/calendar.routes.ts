import { z } from 'zod';
import {
  AddEntryResult,
  CalendarVersion,
  CalendarYear,
  ChangeResult,
  ComputeDeadlineBody,
  DeadlineResult,
  DeleteEntryQuery,
  ImportBody,
  ImportResult,
  ImportXlsxQuery,
  LunarQuery,
  LunarResult,
  RulesView,
  ScheduleEntryBody,
  SettingsQuery,
  SettingsView,
  UpdateRulesBody,
  UpdateSettingsBody,
  VersionsQuery,
  YearCalendar,
  YearQuery,
} from '../../../contracts/calendar.ts';
import { Uuid } from '../../../contracts/common.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import { AppError } from '../../platform/errors.ts';
import {
  addScheduleEntry,
  computeDeadline,
  convertLunar,
  getRules,
  getSettings,
  getYearCalendar,
  importYearSchedule,
  listCalendarVersions,
  listYearSchedule,
  removeScheduleEntry,
  rowsOfJsonImport,
  updateRules,
  updateSettings,
} from './calendar.service.ts';
import { XLSX_MIME, readScheduleWorkbook, scheduleWorkbook } from './calendar.xlsx.ts';

const tags = ['calendar'];
const YearParams = z.object({ year: CalendarYear });

export async function calendarRoutes(app: App, { database }: Deps) {
  app.get('/api/v1/calendar/years/:year', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: "A year's days off and make-up working days, and its number of working days", params: YearParams, querystring: YearQuery, response: { 200: YearCalendar } },
  }, async (request) => getYearCalendar(database.db, request.ctx.lang, request.params.year, request.query.unitId));

  app.post('/api/v1/calendar/deadline', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'Compute a due moment for a unit and a time limit, with the explanation', body: ComputeDeadlineBody, response: { 200: DeadlineResult } },
  }, async (request) => computeDeadline(database.db, request.ctx.lang, request.body));

  app.get('/api/v1/calendar/settings', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: "Office hours, weekly days off and cut-off in force for a unit (inherited or its own)", querystring: SettingsQuery, response: { 200: SettingsView } },
  }, async (request) => getSettings(database.db, request.ctx.lang, request.query.unitId));

  app.put('/api/v1/calendar/settings', {
    config: { access: 'calendar.write' },
    schema: { tags, summary: "Set a unit's own office settings (null = inherit again); send the version you read", body: UpdateSettingsBody, response: { 200: ChangeResult } },
  }, async (request) => updateSettings(database, request.ctx, request.body));

  app.get('/api/v1/calendar/rules', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'Holiday rules in force for a unit', querystring: SettingsQuery, response: { 200: RulesView } },
  }, async (request) => getRules(database.db, request.query.unitId));

  app.put('/api/v1/calendar/rules', {
    config: { access: 'calendar.write' },
    schema: { tags, summary: "Replace a calendar layer's own holiday rules; send the version you read", body: UpdateRulesBody, response: { 200: ChangeResult } },
  }, async (request) => updateRules(database, request.ctx, request.body));

  app.post('/api/v1/calendar/years/:year/entries', {
    config: { access: 'calendar.write' },
    schema: { tags, summary: 'Add an announced day off or a make-up working day (Idempotency-Key supported)', params: YearParams, body: ScheduleEntryBody, response: { 201: AddEntryResult } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => addScheduleEntry(database, request.ctx, request.params.year, request.body)));

  app.delete('/api/v1/calendar/years/:year/entries/:id', {
    config: { access: 'calendar.write' },
    schema: { tags, summary: 'Remove a schedule entry (kept in the history of earlier versions)', params: YearParams.extend({ id: Uuid }), querystring: DeleteEntryQuery, response: { 200: ChangeResult } },
  }, async (request) => removeScheduleEntry(database, request.ctx, request.params.year, request.params.id, request.query));

  app.post('/api/v1/calendar/years/:year/import', {
    config: { access: 'calendar.write' },
    schema: { tags, summary: "Import a year's schedule as JSON, all or nothing (Idempotency-Key supported)", params: YearParams, body: ImportBody, response: { 201: ImportResult } },
  }, async (request, reply) =>
    idempotent(database, request, reply, 201, ({ database }) =>
      importYearSchedule(database, request.ctx, request.params.year, {
        unitId: request.body.unitId ?? null,
        mode: request.body.mode,
        changeReason: request.body.changeReason,
        version: request.body.version,
        ruleOverrides: request.body.ruleOverrides,
        rows: rowsOfJsonImport(request.body),
      }),
    ),
  );

  app.get('/api/v1/calendar/years/:year/schedule.xlsx', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: "The year's announced days off and make-up days as an Excel workbook (the import template)", params: YearParams, querystring: YearQuery },
  }, async (request, reply) => {
    const { year } = request.params;
    const rows = await listYearSchedule(database.db, year, request.query.unitId);
    return reply
      .type(XLSX_MIME)
      .header('content-disposition', `attachment; filename="lich-nghi-${year}.xlsx"`)
      .send(await scheduleWorkbook(rows));
  });

  // The Excel import takes the workbook itself as the body; the parser is scoped to this route's plugin.
  await app.register(async (scoped) => {
    scoped.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    (scoped as unknown as App).post('/api/v1/calendar/years/:year/import.xlsx', {
      config: { access: 'calendar.write' },
      schema: { tags, summary: `Import a year's schedule from an Excel workbook (body: ${XLSX_MIME}), all or nothing`, params: YearParams, querystring: ImportXlsxQuery, response: { 201: ImportResult } },
    }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `send the workbook as ${XLSX_MIME}` });
      const { rows, errors } = await readScheduleWorkbook(request.body);
      if (errors.length) throw new AppError('VALIDATION_FAILED', { detail: `${errors.length} row error(s); nothing was imported`, fields: errors });
      const q = request.query;
      reply.code(201);
      return importYearSchedule(database, request.ctx, request.params.year, { unitId: q.unitId ?? null, mode: q.mode, changeReason: q.changeReason, version: q.version, ruleOverrides: {}, rows });
    });
  });

  app.get('/api/v1/calendar/versions', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'History of calendar versions, newest first', querystring: VersionsQuery, response: { 200: z.array(CalendarVersion) } },
  }, async (request) => listCalendarVersions(database.db, request.query));

  app.get('/api/v1/calendar/lunar', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'Convert between solar dates and the Vietnamese lunar calendar (UTC+7)', querystring: LunarQuery, response: { 200: LunarResult } },
  }, async (request) => convertLunar(request.ctx.lang, request.query));
}
