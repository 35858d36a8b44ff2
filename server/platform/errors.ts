/**
 * The one error type of motcua. Services throw it; the HTTP edge maps it to RFC 9457 problem+json in the
 * caller's language, the CLI prints it. The codes form a closed list; each says what the caller did wrong.
 */
export const ERROR_CODES = {
  /** The request body, query or path failed validation; `fields` names each bad field. 400 */
  VALIDATION_FAILED: 400,
  /** The JSON body could not be parsed. 400 */
  MALFORMED_BODY: 400,
  /** No session, or it expired. 401 */
  UNAUTHENTICATED: 401,
  /** Username or password wrong (the message never says which). 401 */
  BAD_CREDENTIALS: 401,
  /** Too many failed logins: the account is locked for a while. 423 */
  ACCOUNT_LOCKED: 423,
  /** The account is disabled by an administrator. 403 */
  ACCOUNT_DISABLED: 403,
  /** Signed in, but the role or its unit scope does not allow this. 403 */
  FORBIDDEN: 403,
  /** No such resource, or not visible to the caller. 404 */
  NOT_FOUND: 404,
  /** The resource changed since the caller read it (stale `version`), or a unique value is taken. 409 */
  CONFLICT: 409,
  /** The same Idempotency-Key was reused with a different request. 422 */
  IDEMPOTENCY_MISMATCH: 422,
  /** A rule of the domain forbids the change (e.g. a unit valid before its parent). 422 */
  RULE_VIOLATED: 422,
  /** A calendar or deadline input is invalid (negative duration, out-of-range date, year without working day). 422 */
  DEADLINE_RULE: 422,
  /** Body larger than the limit. 413 */
  PAYLOAD_TOO_LARGE: 413,
  /** Unsupported media type of an upload or body. 415 */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Too many requests from this client. 429 */
  RATE_LIMITED: 429,
  /** An electronic-identity sign-in came back unusable: unknown, replayed or expired state, wrong nonce, provider error. 401 */
  SIGN_IN_REFUSED: 401,
  /** Reading scans is not installed on this server (tesseract-ocr, tesseract-ocr-vie, poppler-utils). 503 */
  OCR_UNAVAILABLE: 503,
  /** Every OCR worker is busy and the queue is full; Retry-After says when to try again. 503 */
  OCR_BUSY: 503,
  /** No page of the scan could be read within the time limit per page. 503 */
  OCR_TIMEOUT: 503,
  /** The file has an accepted type but no page could be rendered or read (damaged PDF or image). 422 */
  OCR_UNREADABLE: 422,
  /** Anything unexpected; the log has the detail under the request id. 500 */
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A sentence in the three interface languages (Vietnamese is the reference text); `{name}` placeholders are filled from the error's params. */
export type LocalizedText = Readonly<{ vi: string; en: string; fr: string }>;

export interface FieldError {
  field: string;
  /** Machine code of the problem (zod issue code or our own). */
  code: string;
  /** Message per language. */
  message: { vi: string; en: string; fr: string };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldError[];
  /** Values substituted into the localised title and detail (`{name}` placeholders). */
  readonly params: Record<string, string | number>;
  /** What went wrong in this occurrence, in the three languages: the problem's `detail` in the caller's language. */
  readonly localizedDetail?: LocalizedText;

  /** Seconds the client should wait before retrying (sent as Retry-After). */
  readonly retryAfter?: number;

  /**
   * `detail` is either a sentence in the three languages (what users read: the problem's `detail`) or a plain
   * English text for logs and API clients only (then a Vietnamese or French caller sees the code's title alone).
   * The error's `message` is the English text, placeholders filled.
   */
  constructor(code: ErrorCode, opts: { detail?: string | LocalizedText; fields?: FieldError[]; params?: Record<string, string | number>; retryAfter?: number } = {}) {
    const params = opts.params ?? {};
    const localized = typeof opts.detail === 'object' ? opts.detail : undefined;
    super(localized ? fillParams(localized.en, params) : ((opts.detail as string | undefined) ?? code));
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.fields = opts.fields;
    this.params = params;
    this.localizedDetail = localized;
    this.retryAfter = opts.retryAfter;
  }
}

/**
 * `text` with the placeholders whose values differ by language (a label, a list) filled now, language by language;
 * the other placeholders stay for the error's params.
 */
export function fillEach(text: LocalizedText, values: Record<string, LocalizedText>): LocalizedText {
  const pick = (lang: keyof LocalizedText) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v[lang]]));
  return { vi: fillParams(text.vi, pick('vi')), en: fillParams(text.en, pick('en')), fr: fillParams(text.fr, pick('fr')) };
}

/** Items joined language by language with `sep` (for a list inside a sentence). */
export const joinEach = (items: LocalizedText[], sep: LocalizedText): LocalizedText => ({
  vi: items.map((i) => i.vi).join(sep.vi),
  en: items.map((i) => i.en).join(sep.en),
  fr: items.map((i) => i.fr).join(sep.fr),
});

/** Replaces `{name}` placeholders (messages.ts re-exports it as `fill`). */
export function fillParams(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export const notFound = (what: string) => new AppError('NOT_FOUND', { detail: `${what} not found`, params: { what } });
export const forbidden = (detail: string | LocalizedText = 'forbidden', params: Record<string, string | number> = {}) => new AppError('FORBIDDEN', { detail, params });
/** A stale version or a taken unique value; say which in the three languages. */
export const conflict = (detail: LocalizedText, params: Record<string, string | number> = {}) => new AppError('CONFLICT', { detail, params });
/** A rule of the domain forbids the change; say which rule in the three languages (a module keeps its sentences in its `*.messages.ts`). */
export const ruleViolated = (detail: LocalizedText, params: Record<string, string | number> = {}) => new AppError('RULE_VIOLATED', { detail, params });
