import { z } from 'zod';
import {
  AcknowledgeBody,
  AnswerBody,
  AssignBody,
  FeedbackDetail,
  FeedbackOptions,
  FeedbackPage,
  FeedbackReceipt,
  FeedbackRule,
  ListFeedbackQuery,
  Mailbox,
  MailboxBody,
  MailboxUpdateBody,
  MergeBody,
  MyFeedback,
  OfficialFeedbackBody,
  PollResult,
  PublicFeedbackBody,
  PublishedPage,
  PublishedQuery,
  ReasonBody,
  RuleBody,
  VerdictBody,
  VerdictResult,
  VersionBody,
} from '../../../contracts/feedback.ts';
import { Uuid } from '../../../contracts/common.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import './feedback.figures.ts';
import { createMailbox, listMailboxes, pollNow, updateMailbox } from './feedback.mailboxes.ts';
import * as f from './feedback.service.ts';

const tags = ['feedback'];
const Id = z.object({ id: Uuid });
const publicRateLimit = () => ({ max: Number(process.env.FEEDBACK_RATE_LIMIT_PER_MINUTE ?? 10) || 10, timeWindow: '1 minute' });

export async function feedbackRoutes(app: App, { database, queue }: Deps) {
  const deps: f.FeedbackDeps = { database, queue };

  app.get('/api/v1/feedback/options', {
    config: { access: 'public' },
    schema: { tags, summary: 'Units, types and fields for the public feedback form', response: { 200: FeedbackOptions } },
  }, async (request) => f.feedbackOptions(database.db, request.ctx.lang));

  app.post('/api/v1/feedback/public', {
    config: { access: 'public', rateLimit: publicRateLimit() },
    schema: { tags, summary: 'Send feedback from the public web form (signed-in citizens: through the portal channel)', body: PublicFeedbackBody, response: { 201: FeedbackReceipt } },
  }, async (request, reply) => {
    reply.code(201);
    return f.submitPublicFeedback(deps, request.ctx, request.body);
  });

  app.get('/api/v1/feedback/published', {
    config: { access: 'public' },
    schema: { tags, summary: 'Answered feedback whose senders agreed to publication, personal data removed', querystring: PublishedQuery, response: { 200: PublishedPage } },
  }, async (request) => f.listPublished(database.db, request.query));

  app.post('/api/v1/feedback/verdict', {
    config: { access: 'public', rateLimit: publicRateLimit() },
    schema: { tags, summary: 'The sender likes or dislikes the answer (link sent with the answer; once)', body: VerdictBody, response: { 200: VerdictResult } },
  }, async (request) => f.recordVerdict(database, request.ctx, request.body.token, request.body.verdict));

  app.get('/api/v1/feedback/mine', {
    config: { access: 'portal.self' },
    schema: { tags, summary: 'The signed-in citizen’s feedback and the answers (the portal channel)', response: { 200: z.array(MyFeedback) } },
  }, async (request) => f.listMine(database.db, request.ctx));

  app.post('/api/v1/feedback', {
    config: { access: 'feedback.handle' },
    schema: { tags, summary: 'Enter feedback received by book, box, hotline, visit or letter (Idempotency-Key supported)', body: OfficialFeedbackBody, response: { 201: FeedbackDetail } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => f.enterFeedback({ ...deps, database }, request.ctx, request.body)));

  app.get('/api/v1/feedback', {
    config: { access: 'feedback.handle' },
    schema: { tags, summary: 'The feedback inbox of the caller’s units', querystring: ListFeedbackQuery, response: { 200: FeedbackPage } },
  }, async (request) => f.listFeedback(database.db, request.ctx, request.query));

  app.get('/api/v1/feedback/:id', {
    config: { access: 'feedback.handle' },
    schema: { tags, summary: 'One feedback item with its timeline', params: Id, response: { 200: FeedbackDetail } },
  }, async (request) => f.getFeedback(database.db, request.ctx, request.params.id));

  const action = <B extends z.ZodType>(path: string, summary: string, body: B, run: (id: string, b: z.infer<B>, ctx: Parameters<typeof f.getFeedback>[1]) => Promise<unknown>) =>
    app.post(`/api/v1/feedback/:id/${path}`, {
      config: { access: 'feedback.handle' },
      schema: { tags, summary, params: Id, body, response: { 200: FeedbackDetail } },
    }, async (request) => run(request.params.id, request.body as z.infer<B>, request.ctx) as never);

  action('acknowledge', 'Acknowledge and classify (type, field)', AcknowledgeBody, (id, b, ctx) => f.acknowledge(deps, ctx, id, b));
  action('assign', 'Assign to the responsible unit and/or official', AssignBody, (id, b, ctx) => f.assign(deps, ctx, id, b));
  action('answer', 'Answer (sent back through the channel it came from)', AnswerBody, (id, b, ctx) => f.answer(deps, ctx, id, b));
  action('refuse', 'Refuse: out of scope, with the reason (sent to the sender)', ReasonBody, (id, b, ctx) => f.refuse(deps, ctx, id, b));
  action('close', 'Close an answered or refused item', VersionBody, (id, b, ctx) => f.close(deps, ctx, id, b.version));
  action('publish', 'Publish the answer (sender consented; personal data removed)', VersionBody, (id, b, ctx) => f.publish(deps, ctx, id, b.version));
  action('merge', 'Merge this duplicate into another item', MergeBody, (id, b, ctx) => f.merge(deps, ctx, id, b));

  app.get('/api/v1/feedback-rules', {
    config: { access: 'feedback.handle' },
    schema: { tags, summary: 'Time limits per type (working days), with their source and certainty', response: { 200: z.array(FeedbackRule) } },
  }, async () => f.getRules(database.db));

  app.put('/api/v1/feedback-rules/:type', {
    config: { access: 'feedback.configure' },
    schema: { tags, summary: 'Change a type’s time limits (applies to items received afterwards)', params: z.object({ type: z.string().max(40) }), body: RuleBody, response: { 200: FeedbackRule } },
  }, async (request) => f.updateRule(database, request.ctx, request.params.type, request.body));

  app.get('/api/v1/feedback-mailboxes', {
    config: { access: 'feedback.configure' },
    schema: { tags, summary: 'Leaders’ mailboxes polled over IMAP (no passwords)', response: { 200: z.array(Mailbox) } },
  }, async (request) => listMailboxes(database.db, request.ctx));

  app.post('/api/v1/feedback-mailboxes', {
    config: { access: 'feedback.configure' },
    schema: { tags, summary: 'Add a leader’s mailbox of a unit', body: MailboxBody, response: { 201: Mailbox } },
  }, async (request, reply) => {
    reply.code(201);
    return createMailbox(database, request.ctx, request.body);
  });

  app.put('/api/v1/feedback-mailboxes/:id', {
    config: { access: 'feedback.configure' },
    schema: { tags, summary: 'Enable, disable, rename or change the password of a mailbox', params: Id, body: MailboxUpdateBody, response: { 200: Mailbox } },
  }, async (request) => updateMailbox(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/feedback-mailboxes/:id/poll', {
    config: { access: 'feedback.configure' },
    schema: { tags, summary: 'Poll a mailbox now', params: Id, response: { 200: PollResult } },
  }, async (request) => pollNow(database, request.ctx, request.params.id));
}
