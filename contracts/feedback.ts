/**
 * Feedback and recommendations (phản ánh, kiến nghị — PAKN): one inbox for every channel.
 *
 *   GET  /api/v1/feedback/options            public          → FeedbackOptions (units, types, fields for the form)
 *   POST /api/v1/feedback/public             public (rate-limited; signed-in citizen → channel `portal`)
 *                                            PublicFeedbackBody → 201 FeedbackReceipt (code + due dates)
 *   POST /api/v1/feedback                    feedback.handle  OfficialFeedbackBody → 201 FeedbackDetail: an official
 *                                            transcribes the suggestion book/box (with the date written), a hotline
 *                                            call, a visit, a letter (Idempotency-Key)
 *   GET  /api/v1/feedback                    feedback.handle  ListFeedbackQuery → FeedbackPage (the inbox)
 *   GET  /api/v1/feedback/:id                feedback.handle  → FeedbackDetail (with its events)
 *   POST /api/v1/feedback/:id/acknowledge    feedback.handle  AcknowledgeBody (classify: type, field)
 *   POST /api/v1/feedback/:id/assign         feedback.handle  AssignBody (responsible unit and/or official)
 *   POST /api/v1/feedback/:id/answer         feedback.handle  AnswerBody (sent back through the channel it came from)
 *   POST /api/v1/feedback/:id/refuse         feedback.handle  ReasonBody (out of scope)
 *   POST /api/v1/feedback/:id/close          feedback.handle  VersionBody
 *   POST /api/v1/feedback/:id/publish        feedback.handle  VersionBody (answered, with consent; personal data removed)
 *   POST /api/v1/feedback/:id/merge          feedback.handle  MergeBody (this item is a duplicate of `intoId`)
 *   GET  /api/v1/feedback/published          public          → PublishedPage (no personal data)
 *   POST /api/v1/feedback/verdict            public (rate-limited)  VerdictBody: the sender likes or dislikes the answer
 *                                            (link in the answer message; once per item)
 *   GET  /api/v1/feedback/mine               portal.self     → MyFeedback[] (the signed-in citizen's items and answers:
 *                                            how the answer reaches the `portal` channel)
 *   GET  /api/v1/feedback-rules              feedback.handle  → FeedbackRule[]
 *   PUT  /api/v1/feedback-rules/:type        feedback.configure  RuleBody
 *   GET  /api/v1/feedback-mailboxes          feedback.configure  → Mailbox[] (passwords never returned)
 *   POST /api/v1/feedback-mailboxes          feedback.configure  MailboxBody → 201 Mailbox
 *   PUT  /api/v1/feedback-mailboxes/:id      feedback.configure  MailboxUpdateBody
 *   POST /api/v1/feedback-mailboxes/:id/poll feedback.configure  → PollResult (poll now)
 */
import { z } from 'zod';
import { IsoDate, Uuid, Version } from './common.ts';
import { PlainText } from './satisfaction.ts';

export const FEEDBACK_TYPE_CODES = ['complaint', 'recommendation', 'question', 'praise'] as const;
export const FEEDBACK_FIELD_CODES = ['regulation', 'conduct', 'dossier_handling', 'online_service', 'facilities', 'other'] as const;
export const FEEDBACK_CHANNEL_CODES = ['web', 'portal', 'book', 'box', 'hotline', 'in_person', 'email', 'open311'] as const;
export const OFFICIAL_CHANNEL_CODES = ['book', 'box', 'hotline', 'in_person', 'email'] as const;
export const FEEDBACK_STATUS_CODES = ['new', 'in_progress', 'answered', 'closed', 'refused', 'merged'] as const;

export const MAX_FEEDBACK_TEXT = 10_000;
export const Phone = z.string().trim().regex(/^(\+84|0)\d{9,10}$/, 'expected a Vietnamese phone number, e.g. 0912345678');
const Email = z.email().max(200);

const SenderFields = {
  name: PlainText(200).optional(),
  phone: Phone.optional(),
  email: Email.optional(),
  address: PlainText(500).optional(),
};
export const Sender = z.strictObject(SenderFields);

const Common = {
  type: z.enum(FEEDBACK_TYPE_CODES),
  field: z.enum(FEEDBACK_FIELD_CODES),
  unitId: Uuid,
  title: PlainText(200).optional(),
  body: PlainText(MAX_FEEDBACK_TEXT),
  dossierCode: z.string().trim().min(3).max(80).optional(),
  consentPublish: z.boolean().default(false),
};

/** The public web form: a name and a way to answer (phone or e-mail) are required. */
export const PublicFeedbackBody = z.strictObject({
  ...Common,
  sender: z.strictObject({ ...SenderFields, name: PlainText(200) }).refine((s) => !!s.phone || !!s.email, { message: 'give a phone number or an e-mail address for the answer', path: ['phone'] }),
});

/** An official's entry: the channel it came through, when it was written and received, the contact if any. */
export const OfficialFeedbackBody = z.strictObject({
  ...Common,
  channel: z.enum(OFFICIAL_CHANNEL_CODES),
  sender: Sender.default({}),
  /** Date written in the suggestion book, on the letter or on the slip from the box. */
  writtenOn: IsoDate.optional(),
  /** When it reached the centre (the hotline call, the opening of the box); default now; never in the future. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** Call log reference, letter number. */
  externalRef: PlainText(200).optional(),
});

export const ListFeedbackQuery = z.strictObject({
  status: z.enum(FEEDBACK_STATUS_CODES).optional(),
  channel: z.enum(FEEDBACK_CHANNEL_CODES).optional(),
  type: z.enum(FEEDBACK_TYPE_CODES).optional(),
  unitId: Uuid.optional(),
  q: z.string().trim().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const FeedbackSummary = z.object({
  id: z.string(),
  code: z.string(),
  channel: z.string(),
  type: z.string(),
  field: z.string(),
  title: z.string().nullable(),
  status: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  senderName: z.string().nullable(),
  receivedAt: z.string(),
  ackDueAt: z.string(),
  answerDueAt: z.string(),
  answeredAt: z.string().nullable(),
  overdue: z.boolean(),
  dossierCode: z.string().nullable(),
  version: z.number(),
});

export const FeedbackPage = z.object({ items: z.array(FeedbackSummary), total: z.number() });

export const FeedbackDetail = FeedbackSummary.extend({
  body: z.string(),
  dossierId: z.string().nullable(),
  sender: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }),
  consentPublish: z.boolean(),
  writtenOn: z.string().nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  acknowledgedAt: z.string().nullable(),
  answer: z.string().nullable(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publicBody: z.string().nullable(),
  publicAnswer: z.string().nullable(),
  mergedInto: z.object({ id: z.string(), code: z.string() }).nullable(),
  duplicates: z.array(z.object({ id: z.string(), code: z.string() })),
  externalRef: z.string().nullable(),
  rule: z.object({ ackDays: z.number(), answerDays: z.number() }),
  events: z.array(z.object({ kind: z.string(), label: z.string(), at: z.string(), actorName: z.string().nullable(), note: z.string().nullable() })),
  allowedActions: z.array(z.string()),
});

export const FeedbackReceipt = z.object({ id: z.string(), code: z.string(), ackDueAt: z.string(), answerDueAt: z.string() });

export const VersionBody = z.strictObject({ version: Version });
export const AcknowledgeBody = z.strictObject({ version: Version, type: z.enum(FEEDBACK_TYPE_CODES).optional(), field: z.enum(FEEDBACK_FIELD_CODES).optional(), note: PlainText(1000).optional() });
export const AssignBody = z.strictObject({ version: Version, unitId: Uuid.optional(), assigneeId: Uuid.optional(), note: PlainText(1000).optional() });
export const AnswerBody = z.strictObject({ version: Version, answer: PlainText(MAX_FEEDBACK_TEXT) });
export const ReasonBody = z.strictObject({ version: Version, reason: PlainText(2000) });
export const MergeBody = z.strictObject({ version: Version, intoId: Uuid });

export const FeedbackOptions = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string(), code: z.string().nullable() })),
  types: z.array(z.object({ code: z.string(), label: z.string() })),
  fields: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const PublishedQuery = z.strictObject({ unitId: Uuid.optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) });
export const PublishedPage = z.object({
  items: z.array(z.object({ code: z.string(), type: z.string(), field: z.string(), unitName: z.string(), receivedOn: z.string(), answeredOn: z.string().nullable(), title: z.string().nullable(), body: z.string(), answer: z.string() })),
  total: z.number(),
});

export const FeedbackRule = z.object({ type: z.string(), ackDays: z.number(), answerDays: z.number(), remindDaysBefore: z.number(), source: z.string(), verified: z.boolean(), version: z.number() });
export const RuleBody = z.strictObject({ version: Version, ackDays: z.number().int().min(0).max(60), answerDays: z.number().int().min(1).max(120), remindDaysBefore: z.number().int().min(0).max(30), source: PlainText(500), verified: z.boolean() });

export const MailboxBody = z.strictObject({
  unitId: Uuid,
  label: PlainText(200),
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean().default(true),
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(500),
  mailbox: z.string().trim().min(1).max(200).default('INBOX'),
  enabled: z.boolean().default(true),
});
export const MailboxUpdateBody = z.strictObject({ version: Version, enabled: z.boolean().optional(), password: z.string().min(1).max(500).optional(), label: PlainText(200).optional() });
export const Mailbox = z.object({ id: z.string(), unitId: z.string(), label: z.string(), host: z.string(), port: z.number(), secure: z.boolean(), username: z.string(), mailbox: z.string(), enabled: z.boolean(), lastUid: z.number(), lastPolledAt: z.string().nullable(), lastError: z.string().nullable(), version: z.number() });
export const PollResult = z.object({ received: z.number(), skipped: z.number() });

export const MyFeedback = z.object({ code: z.string(), type: z.string(), field: z.string(), unitName: z.string(), title: z.string().nullable(), body: z.string(), status: z.string(), receivedAt: z.string(), answerDueAt: z.string(), answeredAt: z.string().nullable(), answer: z.string().nullable() });
export const VerdictBody = z.strictObject({ token: z.string().regex(/^[a-f0-9]{32}$/, 'invalid link'), verdict: z.enum(['satisfied', 'unsatisfied']) });
export const VerdictResult = z.object({ code: z.string(), verdict: z.string() });
