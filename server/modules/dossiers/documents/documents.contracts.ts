/**
 * Request and response shapes of the slips and scans routes (zod, like contracts/dossiers.ts; kept here until they
 * move there).
 *
 *   GET  /api/v1/dossiers/:id/slips/:kind                  dossiers.read  kind = receipt | control | supplement |
 *                                                          refusal | apology | return → 200 application/pdf (audited)
 *   GET  /api/v1/dossier-guidance/:id/slip                 dossiers.read  → 200 application/pdf (audited)
 *   POST /api/v1/dossiers/:id/documents/:documentId/files  receive (reception) | process (competent); multipart
 *                                                          field `file` (PDF, JPEG, PNG) → 201 StoredFile (200 when
 *                                                          the same bytes were already attached); ?digitised=false
 *                                                          for a page that does not complete the document
 *   POST /api/v1/dossiers/:id/documents/:documentId/digitised   same rule → 200 DossierFiles
 *   POST /api/v1/dossiers/:id/documents/:documentId/reuse  same rule  ReuseBody → 201 StoredFile (200 if attached)
 *   POST /api/v1/dossiers/:id/result-files                 same rule; multipart `file` → 201 StoredFile
 *   GET  /api/v1/dossiers/:id/files                        dossiers.read  → 200 DossierFiles
 *   GET  /api/v1/dossiers/:id/files/:fileId                dossiers.read  → 200 the bytes (their media type)
 *   GET  /api/v1/dossiers/:id/reusable-files               same rule as uploading → 200 ReusableFile[]
 *   GET  /api/v1/dossiers/digitisation-rates               dossiers.read  DigitisationQuery → 200 DigitisationRates
 */
import { z } from 'zod';
import { IsoDate, Uuid } from '../../../../contracts/common.ts';
import { DOSSIER_SLIP_KINDS } from './slips.ts';

export const SlipParams = z.object({ id: Uuid, kind: z.enum(DOSSIER_SLIP_KINDS) });
export const SlipQuery = z.strictObject({
  /** The supplement request to print (its `seq`); default the latest. */
  supplementSeq: z.coerce.number().int().min(1).max(1000).optional(),
});

export const DossierFile = z.object({
  id: Uuid,
  dossierId: Uuid,
  documentId: Uuid.nullable(),
  isResult: z.boolean(),
  sha256: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  fileName: z.string().nullable(),
  digitised: z.boolean(),
  reusedFromId: Uuid.nullable(),
  uploadedBy: Uuid.nullable(),
  uploadedAt: z.string(),
});

export const StoredFile = z.object({ created: z.boolean(), file: DossierFile });

export const DossierFiles = z.object({
  dossierId: Uuid,
  code: z.string(),
  /** Every received document needing a scan is digitised (and there is one). */
  digitised: z.boolean(),
  documents: z.array(
    z.object({
      id: Uuid,
      index: z.number(),
      name: z.string(),
      form: z.string(),
      received: z.boolean(),
      scanRequired: z.boolean(),
      digitised: z.boolean(),
      fileSha256: z.string().nullable(),
      files: z.array(DossierFile),
    }),
  ),
  results: z.array(DossierFile),
});

export const ReusableFile = z.object({
  fileId: Uuid,
  dossierId: Uuid,
  dossierCode: z.string(),
  procedureName: z.string(),
  isResult: z.boolean(),
  documentName: z.string().nullable(),
  sha256: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  fileName: z.string().nullable(),
  uploadedAt: z.string(),
  /** The same content is already attached to this dossier. */
  attached: z.boolean(),
});

export const UploadQuery = z.strictObject({
  /** false: a page of a document scanned page by page; confirm with …/digitised when all pages are in. */
  digitised: z.enum(['true', 'false']).default('true'),
});

export const ReuseBody = z.strictObject({ fileId: Uuid });

export const DigitisationQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  /** A unit and its subtree (within the caller's read scope); default: every unit the caller may read. */
  unitId: Uuid.optional(),
});

const Counts = z.object({
  received: z.number(),
  nothingToScan: z.number(),
  digitised: z.number(),
  reused: z.number(),
  returned: z.number(),
  resultsDigitised: z.number(),
  rate: z.number().nullable(),
  rateAll: z.number().nullable(),
  resultRate: z.number().nullable(),
  reuseRate: z.number().nullable(),
});

export const DigitisationRatesResponse = z.object({
  from: z.string(),
  to: z.string(),
  totals: Counts,
  byUnit: z.array(Counts.extend({ unitId: Uuid })),
  formula: z.object({ dossiers: z.string(), dossiersAll: z.string(), results: z.string(), reuse: z.string() }),
});

export const DocumentParams = z.object({ id: Uuid, documentId: Uuid });
export const FileParams = z.object({ id: Uuid, fileId: Uuid });
export const IdParams = z.object({ id: Uuid });
