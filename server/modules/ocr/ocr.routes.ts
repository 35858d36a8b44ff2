import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, Deps } from '../../http/types.ts';
import { readUpload, uploadLimitBytes } from '../dossiers/documents/scans.routes.ts';
import { OcrExtraction, OcrStatus, OpenDossiers, OpenDossiersQuery } from './ocr.contracts.ts';
import { createOcrEngine, ocrOptionsFromEnv, type OcrEngine } from './ocr.engine.ts';
import { extractFromScan, findOpenDossiers, ocrStatus, type OcrDeps } from './ocr.service.ts';

const tags = ['ocr'];

/**
 * OCR assist at the counter and the duplicate warning at receipt (ocr.contracts.ts lists the routes). The engine is
 * configured from the environment (OCR_WORKERS, OCR_QUEUE_LIMIT, OCR_PAGE_TIMEOUT_MS, OCR_TESSERACT, OCR_PDFTOPPM;
 * docs/ocr.md); `engine` replaces it (tests, bench).
 */
export async function ocrRoutes(app: App, { config, database }: Deps, engine: OcrEngine = createOcrEngine(ocrOptionsFromEnv())) {
  const maxBytes = uploadLimitBytes(config);
  const deps: OcrDeps = { database, engine, maxBytes };

  app.get('/api/v1/ocr/status', {
    config: { access: 'dossiers.receive' },
    schema: { tags, summary: 'Whether scans can be read here (tesseract with Vietnamese data, pdftoppm for PDFs), and the pool’s size', response: { 200: OcrStatus } },
  }, async () => ocrStatus(deps));

  // Multipart parsing exists only inside this scope, as for the scans.
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });
    scope.post('/api/v1/ocr/extract', {
      config: { access: 'dossiers.receive' },
      schema: {
        tags,
        summary: 'Read the applicant’s details from a scan (multipart field "file": PDF — first 2 pages —, JPEG, PNG): a proposal, nothing saved; audited as ocr.extract',
        response: { 200: OcrExtraction },
      },
    }, async (request) => extractFromScan(deps, request.ctx, await readUpload(request, maxBytes)));
  });

  app.get('/api/v1/assist/open-dossiers', {
    config: { access: 'dossiers.receive' },
    schema: { tags: ['assist'], summary: 'Open dossiers of the same applicant ID number under the same procedure (duplicate warning at receipt)', querystring: OpenDossiersQuery, response: { 200: OpenDossiers } },
  }, async (request) => findOpenDossiers(deps, request.ctx, request.query));
}
