import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { App, Deps } from '../../../http/types.ts';
import { AppError } from '../../../platform/errors.ts';
import { diskFileStore } from '../../../platform/files.ts';
import { subtreeIds } from '../../accounts/context.ts';
import { digitisationRates } from './digitisation.ts';
import { DigitisationQuery, DigitisationRatesResponse, DocumentParams, DossierFiles, FileParams, IdParams, ReusableFile, ReuseBody, StoredFile, UploadQuery } from './documents.contracts.ts';
import { confirmDocumentDigitised, listDossierFiles, listReusableFor, readDossierFile, reuseFile, uploadDocumentFile, uploadResultFile, type ScanDeps, type Upload } from './scans.service.ts';

const tags = ['dossiers'];
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Largest accepted scan in bytes: UPLOAD_MAX_BYTES from the configuration when it has one, else the environment
 * variable of that name (read at start-up), else 20 MiB.
 */
export function uploadLimitBytes(config: Config, env: NodeJS.ProcessEnv = process.env): number {
  const raw = (config as Config & { UPLOAD_MAX_BYTES?: unknown }).UPLOAD_MAX_BYTES ?? env.UPLOAD_MAX_BYTES;
  const n = Number(raw);
  return raw !== undefined && Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_BYTES;
}

const msg = (vi: string, en: string, fr: string) => ({ vi, en, fr });

function tooLarge(maxBytes: number) {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError('PAYLOAD_TOO_LARGE', {
    detail: `the file exceeds ${maxBytes} bytes`,
    params: { limit: maxBytes },
    fields: [{ field: 'file', code: 'too_large', message: msg(`Tệp vượt quá dung lượng cho phép (${mb} MB)`, `The file is larger than allowed (${mb} MB)`, `Le fichier dépasse la taille autorisée (${mb} Mo)`) }],
  });
}

/**
 * Reads the one file of a multipart/form-data request (field `file`), stopping at `maxBytes`: a larger file is
 * refused with PAYLOAD_TOO_LARGE before anything is stored. Its type is checked later, by the store.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: 'send the file as multipart/form-data in the field "file"',
      fields: [{ field: 'file', code: 'multipart', message: msg('Gửi tệp dạng multipart/form-data, trường "file"', 'Send the file as multipart/form-data, field "file"', 'Envoyez le fichier en multipart/form-data, champ « file »') }],
    });
  }
  const missing = () => new AppError('VALIDATION_FAILED', { detail: 'no file in the field "file"', fields: [{ field: 'file', code: 'required', message: msg('Chưa chọn tệp', 'No file was sent', 'Aucun fichier envoyé') }] });
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });
    if (!part) throw missing();
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw missing();
    }
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw tooLarge(maxBytes);
    return { bytes, fileName: part.filename || null };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('VALIDATION_FAILED', { detail: 'send one file only', fields: [{ field: 'file', code: 'too_many', message: msg('Mỗi lần chỉ gửi một tệp', 'Send one file at a time', 'Un seul fichier à la fois') }] });
    }
    // Nothing else but the parsing of the request's body runs in this block: a boundary that is not the announced
    // one, a body cut short, a malformed part header. The client sent a damaged form; it is not our failure.
    throw new AppError('VALIDATION_FAILED', {
      detail: `unreadable multipart body: ${(err as Error).message}`,
      fields: [{ field: 'file', code: 'unreadable', message: msg('Không đọc được tệp gửi lên (dữ liệu bị hỏng hoặc không trọn vẹn); hãy gửi lại', 'The uploaded file could not be read (damaged or incomplete data); send it again', 'Le fichier envoyé est illisible (données endommagées ou incomplètes) ; renvoyez-le') }],
    });
  }
}

export async function scansRoutes(app: App, { config, database }: Deps) {
  const maxBytes = uploadLimitBytes(config);
  const deps: ScanDeps = { database, store: diskFileStore(join(config.dataDir, 'files'), maxBytes), maxBytes };

  // Multipart parsing exists only inside this scope; the rest of the API keeps rejecting it.
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });

    scope.post('/api/v1/dossiers/:id/documents/:documentId/files', {
      config: { access: 'dossiers.read' },
      schema: {
        tags,
        summary: 'Upload a scan (PDF, JPEG, PNG; multipart field "file") of a received required document; marks it digitised unless ?digitised=false',
        params: DocumentParams,
        querystring: UploadQuery,
        response: { 200: StoredFile, 201: StoredFile },
      },
    }, async (request, reply) => {
      const r = await uploadDocumentFile(deps, request.ctx, request.params.id, request.params.documentId, () => readUpload(request, maxBytes), { markDigitised: request.query.digitised === 'true' });
      reply.code(r.created ? 201 : 200);
      return r;
    });

    scope.post('/api/v1/dossiers/:id/documents/:documentId/digitised', {
      config: { access: 'dossiers.read' },
      schema: { tags, summary: 'Confirm a document digitised once all its pages are uploaded', params: DocumentParams, response: { 200: DossierFiles } },
    }, async (request) => confirmDocumentDigitised(deps, request.ctx, request.params.id, request.params.documentId));

    scope.post('/api/v1/dossiers/:id/documents/:documentId/reuse', {
      config: { access: 'dossiers.read' },
      schema: { tags, summary: 'Attach an earlier digitised document or result of the same applicant, without a new upload', params: DocumentParams, body: ReuseBody, response: { 200: StoredFile, 201: StoredFile } },
    }, async (request, reply) => {
      const r = await reuseFile(deps, request.ctx, request.params.id, request.params.documentId, request.body.fileId);
      reply.code(r.created ? 201 : 200);
      return r;
    });

    scope.post('/api/v1/dossiers/:id/result-files', {
      config: { access: 'dossiers.read' },
      schema: { tags, summary: 'Upload the digitised result (multipart field "file"), reusable by the applicant’s later dossiers', params: IdParams, response: { 200: StoredFile, 201: StoredFile } },
    }, async (request, reply) => {
      const r = await uploadResultFile(deps, request.ctx, request.params.id, () => readUpload(request, maxBytes));
      reply.code(r.created ? 201 : 200);
      return r;
    });

    scope.get('/api/v1/dossiers/:id/files', {
      config: { access: 'dossiers.read' },
      schema: { tags, summary: 'The checklist with each document’s files, and the result files', params: IdParams, response: { 200: DossierFiles } },
    }, async (request) => listDossierFiles(deps, request.ctx, request.params.id));

    scope.get('/api/v1/dossiers/:id/files/:fileId', {
      config: { access: 'dossiers.read' },
      schema: { tags, summary: 'Download one file of the dossier', params: FileParams },
    }, async (request, reply) => {
      const { file, bytes } = await readDossierFile(deps, request.ctx, request.params.id, request.params.fileId);
      const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[file.mediaType] ?? 'bin';
      const name = file.fileName ?? `${file.sha256.slice(0, 12)}.${ext}`;
      return reply
        .type(file.mediaType)
        .header('content-disposition', `inline; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });

    scope.get('/api/v1/dossiers/:id/reusable-files', {
      config: { access: 'dossiers.read' },
      schema: { tags, summary: 'Earlier digitised documents and results of the same applicant (by ID number) that may be attached', params: IdParams, response: { 200: z.array(ReusableFile) } },
    }, async (request) => listReusableFor(deps, request.ctx, request.params.id));

    scope.get('/api/v1/dossiers/digitisation-rates', {
      config: { access: 'dossiers.read' },
      schema: { tags, summary: 'Digitisation of dossiers received and results returned in a period, per unit (formulas in the answer)', querystring: DigitisationQuery, response: { 200: DigitisationRatesResponse } },
    }, async (request) => {
      const q = request.query;
      if (q.to < q.from) throw new AppError('VALIDATION_FAILED', { detail: 'to before from', fields: [{ field: 'to', code: 'before_from', message: msg('Ngày kết thúc trước ngày bắt đầu', 'End date is before start date', 'La date de fin précède la date de début') }] });
      const read = await request.ctx.scope('dossiers.read');
      let unitIds: string[] | null;
      if (q.unitId) {
        await request.ctx.requireUnit('dossiers.read', q.unitId);
        unitIds = await subtreeIds(database.db, [q.unitId]);
      } else unitIds = read.all ? null : [...read.ids];
      return digitisationRates(database.db, { unitIds, from: q.from, to: q.to });
    });
  });
}
