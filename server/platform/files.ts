import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from './errors.ts';

/** The media types motcua accepts for scans and results, recognised by their first bytes, never by name. */
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

/** Sniffs the real type of a file from its magic bytes; undefined when it is none of the accepted types. */
export function sniffType(bytes: Uint8Array): AcceptedType | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: AcceptedType;
}

/**
 * Content-addressed file store: a file is kept once under its SHA-256, so the same scan uploaded twice costs
 * nothing and a stored file can never change under its name. Metadata (who, which dossier, which document)
 * lives in the database; this only holds bytes.
 */
export interface FileStore {
  /** Checks type and size, then stores; throws UNSUPPORTED_MEDIA_TYPE or PAYLOAD_TOO_LARGE and stores nothing. */
  put(bytes: Uint8Array, opts?: { maxBytes?: number; field?: string }): Promise<StoredFile>;
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): boolean;
}

export function diskFileStore(root: string, defaultMaxBytes = 20 * 1024 * 1024): FileStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  return {
    async put(bytes, opts = {}) {
      const field = opts.field ?? 'file';
      const max = opts.maxBytes ?? defaultMaxBytes;
      if (bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', { detail: 'empty file', fields: [{ field, code: 'empty', message: { vi: 'Tệp rỗng', en: 'The file is empty', fr: 'Le fichier est vide' } }] });
      if (bytes.byteLength > max) throw new AppError('PAYLOAD_TOO_LARGE', { detail: `file of ${bytes.byteLength} bytes exceeds ${max}`, params: { limit: max } });
      const mediaType = sniffType(bytes);
      if (!mediaType) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'only PDF, JPEG and PNG files are accepted', fields: [{ field, code: 'type', message: { vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG', en: 'Only PDF, JPEG or PNG files are accepted', fr: 'Seuls les fichiers PDF, JPEG ou PNG sont acceptés' } }] });
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const path = pathOf(sha256);
      if (!existsSync(path)) {
        mkdirSync(join(path, '..'), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes);
        renameSync(tmp, path); // atomic: a reader never sees half a file
      }
      return { sha256, size: bytes.byteLength, mediaType };
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('NOT_FOUND', { params: { what: 'file' } });
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch {
        throw new AppError('NOT_FOUND', { detail: 'file not found', params: { what: 'file' } });
      }
    },
    has: (sha) => /^[0-9a-f]{64}$/.test(sha) && existsSync(pathOf(sha)),
  };
}

/** Reads a file synchronously (fonts, fixtures). */
export const readBytes = (path: string) => new Uint8Array(readFileSync(path));
