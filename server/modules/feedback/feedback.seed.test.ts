import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDossierServer, type DossierTestServer } from '../dossiers/test-helpers.ts';
import { makeDossier } from '../satisfaction/test-helpers.ts';
import { seedDemoFeedback } from './feedback.seed.ts';

describe('demo feedback and ratings', () => {
  let s: DossierTestServer;
  before(async () => {
    s = await startDossierServer();
  });
  after(() => s.close());

  test('rates some returned dossiers and puts items of every channel in the inbox, once; published items carry no personal data', async () => {
    for (let i = 0; i < 3; i++) await makeDossier(s);
    const first = await seedDemoFeedback(s.database);
    assert.equal(first.feedback, 6);
    assert.equal(first.ratings, 1);
    assert.deepEqual(await seedDemoFeedback(s.database), { ratings: 0, feedback: 0 });
    const { rows } = await s.database.query('SELECT DISTINCT channel FROM feedback_items WHERE is_demo');
    assert.equal(rows.length, 6);
    const pub = (await s.app.inject({ url: '/api/v1/feedback/published' })).json();
    assert.equal(pub.items.length, 2);
    assert.ok(!JSON.stringify(pub).includes('0912000111') && !JSON.stringify(pub).includes('Nguyễn Thị Mai'));
  });
});
