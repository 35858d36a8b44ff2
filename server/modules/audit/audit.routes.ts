import { z } from 'zod';
import { Uuid } from '../../../contracts/common.ts';
import type { App, Deps } from '../../http/types.ts';
import { forbidden } from '../../platform/errors.ts';
import { AUDIT_REFUSALS } from './audit.messages.ts';
import { listAudit, verifyAuditChain } from './audit.service.ts';

const AuditQuery = z.strictObject({
  actorId: Uuid.optional(),
  action: z.string().max(100).optional(),
  subjectType: z.string().max(50).optional(),
  subjectId: z.string().max(100).optional(),
  unitId: Uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function auditRoutes(app: App, { database }: Deps) {
  app.get('/api/v1/audit', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: 'Audit rows, newest first, within your units (page with beforeSeq)', querystring: AuditQuery },
  }, async (request) => {
    const q = request.query;
    const scope = await request.ctx.scope('audit.read');
    let unitIds: string[] | 'all' = scope.all ? 'all' : [...scope.ids];
    if (q.unitId) {
      await request.ctx.requireUnit('audit.read', q.unitId);
      unitIds = [q.unitId];
    }
    const rows = await listAudit(database.db, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, unitIds });
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  });

  app.get('/api/v1/audit/verify', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: 'Recompute the hash chain (global auditors only)' },
  }, async (request) => {
    if (!(await request.ctx.scope('audit.read')).all) {
      throw forbidden(AUDIT_REFUSALS.verifyNeedsGlobalRights);
    }
    return verifyAuditChain(database.db);
  });
}
