/** Test helpers of the reform module: terse HTTP calls and workbooks built in memory. */
import ExcelJS from 'exceljs';
import type { TestServer } from '../../test-support/server.ts';
import { XLSX_TYPE } from './excel.ts';

export type Call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: unknown, headers?: Record<string, string>) => Promise<{ statusCode: number; json(): any; body: string; headers: Record<string, unknown> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const caller = (s: TestServer): Call => async (method, url, cookie, payload, headers = {}) =>
  s.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(payload !== undefined ? { payload: payload as never } : {}) });

/** Field names of a 400 answer, each once, sorted. */
export const fieldsOf = (res: { json(): { errors?: Array<{ field: string }> } }) => [...new Set((res.json().errors ?? []).map((e) => e.field))].sort();

/** An .xlsx with the given sheets (first row = headers). */
export async function workbook(sheets: Record<string, Array<Array<string | number | null>>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** POSTs a workbook as the body. */
export const upload = (s: TestServer, url: string, cookie: string | undefined, body: Buffer, type = XLSX_TYPE) =>
  s.app.inject({ method: 'POST', url, headers: { ...(cookie ? { cookie } : {}), 'content-type': type }, payload: body });

export const count = async (s: TestServer, sql: string, params: unknown[] = []) => Number((await s.database.query(sql, params)).rows[0].n);
