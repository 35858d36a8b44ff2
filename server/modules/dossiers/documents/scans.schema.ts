import { boolean, index, integer, pgTable, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id } from '../../../db/columns.ts';
import { dossierDocuments, dossiers } from '../dossiers.schema.ts';

/**
 * Files of a dossier (tệp đính kèm): scans of the required documents made at receipt or later (số hóa, TT 01/2023
 * Art. 8) and the result files. The bytes live in the content-addressed file store under their SHA-256
 * (platform/files.ts); a row says which dossier and which required document they belong to, who uploaded them and
 * whether they are reusable. The same bytes may belong to many dossiers (reuse never copies a file).
 */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    /** The dossier's competent authority, like the other dossier tables (partitioning key). */
    unitId: uuid('unit_id').notNull(),
    /** The required document (checklist line) this file digitises; null for a result file. */
    documentId: uuid('document_id').references(() => dossierDocuments.id),
    /** A result of the procedure (kết quả giải quyết), digitised for the applicant's later dossiers. */
    isResult: boolean('is_result').notNull().default(false),
    sha256: text('sha256').notNull(),
    /** Media type sniffed from the magic bytes (never the name the client gave). */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** The name the file had on the uploader's machine, for display only. */
    fileName: text('file_name'),
    /**
     * Part of the digitised copy of its document (or the result), and so reusable by the same applicant's later
     * dossiers (DuocSoHoa). False for a page uploaded before the official confirmed the document digitised.
     */
    digitised: boolean('digitised').notNull().default(true),
    /** The earlier file this row reuses without re-upload (DuocTaiSuDung); same `sha256`. */
    reusedFromId: uuid('reused_from_id').references((): AnyPgColumn => dossierFiles.id),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('dossier_files_dossier_idx').on(t.dossierId),
    index('dossier_files_sha_idx').on(t.sha256),
    /** The same bytes once per document (or once as the result) of a dossier: a repeated upload is a no-op. */
    unique('dossier_files_slot_uq').on(t.dossierId, t.documentId, t.isResult, t.sha256).nullsNotDistinct(),
  ],
);

export type DossierFileRow = typeof dossierFiles.$inferSelect;
