import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { locales } from 'zod';
import { AppError, type FieldError } from '../platform/errors.ts';
import { ERROR_TITLES, fill, pickLang, type Lang } from '../platform/messages.ts';
import { CUSTOM_MESSAGES, stringLengthMessage } from '../platform/validation-messages.ts';
import { HTTP_REFUSALS } from './http.messages.ts';

/** A request validation failure that keeps zod's issues, so messages can be given in the caller's language. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('request validation failed');
  }
}

const zodLocales = { vi: locales.vi(), en: locales.en(), fr: locales.fr() };

function zodMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  // Our own messages (refinements, regex checks) are written in English in contracts/ and translated here;
  // zod's built-in checks are translated by its locale, with friendlier wording for string lengths.
  const custom = CUSTOM_MESSAGES[issue.message];
  if (custom) return lang === 'en' ? issue.message : custom[lang];
  const length = stringLengthMessage(issue as never, lang);
  if (length) return length;
  if (issue.code === 'custom' || (issue.code === 'invalid_format' && issue.message && !issue.message.startsWith('Invalid'))) return issue.message;
  const fn = zodLocales[lang].localeError as (i: unknown) => { message: string } | string | undefined;
  const out = fn({ ...issue, input: (issue as { input?: unknown }).input });
  const msg = typeof out === 'string' ? out : out?.message;
  return msg ?? issue.message;
}

export function fieldsFromZod(issues: z.core.$ZodIssue[], part: string): FieldError[] {
  return issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
    const path = [...issue.path.map(String), ...(keys.length === 1 ? keys : [])];
    const field = path.length ? path.join('.') : part;
    return {
      field,
      code: issue.code,
      message: { vi: zodMessage(issue, 'vi'), en: zodMessage(issue, 'en'), fr: zodMessage(issue, 'fr') },
    };
  });
}

/** Turns any error into an AppError (unknown ones become INTERNAL). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof RequestValidationError) return new AppError('VALIDATION_FAILED', { fields: fieldsFromZod(err.issues, err.part), detail: 'request validation failed' });
  const e = err as FastifyError & { code?: string; constraint?: string };
  if (e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e?.statusCode === 400 && e instanceof SyntaxError)) return new AppError('MALFORMED_BODY', { detail: e.message });
  if (e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('MALFORMED_BODY', { detail: e.message });
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', { detail: e.message });
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: e.message });
  if (e?.statusCode === 429) return new AppError('RATE_LIMITED', { detail: e.message });
  if (e?.code === '23505') return new AppError('CONFLICT', { detail: HTTP_REFUSALS.duplicateValue, params: { constraint: e.constraint ?? 'unique' } });
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('VALIDATION_FAILED', { detail: e.message });
  return new AppError('INTERNAL');
}

/**
 * The problem's `detail` in the caller's language: the error's own sentence when it has one in the three languages;
 * otherwise its English text for an English caller, and the title for the others (never English in a Vietnamese
 * answer); the title alone for an internal error, whose detail stays in the log.
 */
function detailOf(err: AppError, lang: Lang, title: string, params: Record<string, string | number>): string {
  if (err.code === 'INTERNAL') return title;
  if (err.localizedDetail) return fill(err.localizedDetail[lang], { ...err.params, ...params });
  return lang === 'en' ? err.message : title;
}

/** RFC 9457 problem+json body in the request's language. */
export function problemBody(err: AppError, lang: Lang, requestId: string, instance: string, params: Record<string, string | number> = {}) {
  const title = fill(ERROR_TITLES[err.code][lang], { ...err.params, ...params });
  return {
    type: `https://motcua.vn/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status: err.status,
    code: err.code,
    detail: detailOf(err, lang, title, params),
    instance,
    requestId,
    ...(err.fields ? { errors: err.fields.map((f) => ({ field: f.field, code: f.code, message: f.message[lang] })) } : {}),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown, params: Record<string, string | number> = {}) {
  const err = toAppError(error);
  const lang = pickLang(request.headers['accept-language']);
  if (err.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code: err.code, detail: err.message, params: err.params }, 'request refused');
  if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
  return reply
    .code(err.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', lang)
    .send(problemBody(err, lang, request.id, request.url.split('?')[0], params));
}
