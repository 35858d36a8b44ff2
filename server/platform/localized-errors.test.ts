/**
 * Refusals speak the user's language: a rule, a conflict, a refused right or a deadline rule says what went wrong in
 * Vietnamese, English and French (the problem's `detail`), not in an English sentence only the log could read.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { AppError, conflict, ruleViolated, type LocalizedText } from './errors.ts';
import { problemBody } from '../http/problem.ts';

const SERVER = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const isLocalized = (v: unknown): v is LocalizedText =>
  !!v && typeof v === 'object' && ['vi', 'en', 'fr'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string') && Object.keys(v).length === 3;

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('localized refusals', () => {
  it('puts the sentence in the caller’s language in `detail`, placeholders filled, and keeps English in the message', () => {
    const err = ruleViolated({ vi: 'Hồ sơ {code} đã kết thúc', en: 'dossier {code} is closed', fr: 'le dossier {code} est clos' }, { code: 'X-1' });
    assert.equal(err.message, 'dossier X-1 is closed');
    assert.equal(problemBody(err, 'vi', 'r1', '/x').detail, 'Hồ sơ X-1 đã kết thúc');
    assert.equal(problemBody(err, 'en', 'r1', '/x').detail, 'dossier X-1 is closed');
    assert.equal(problemBody(err, 'fr', 'r1', '/x').detail, 'le dossier X-1 est clos');
    assert.equal(problemBody(conflict({ vi: 'Đã thay đổi', en: 'Changed', fr: 'Modifié' }), 'vi', 'r', '/x').status, 409);
  });

  it('never answers a Vietnamese or French caller with an English-only detail', () => {
    const err = new AppError('NOT_FOUND', { detail: 'dossier not found' });
    assert.equal(problemBody(err, 'vi', 'r', '/x').detail, 'Không tìm thấy');
    assert.equal(problemBody(err, 'fr', 'r', '/x').detail, 'Introuvable');
    assert.equal(problemBody(err, 'en', 'r', '/x').detail, 'dossier not found');
  });

  it('has no CONFLICT, FORBIDDEN, RULE_VIOLATED or DEADLINE_RULE raised with an English-only detail', () => {
    const english = /new AppError\(\s*'(CONFLICT|FORBIDDEN|RULE_VIOLATED|DEADLINE_RULE)',\s*\{\s*detail:\s*(['"`]|\(?\w+(\s+as\s+\w+)?\)?\.message\b)|\bforbidden\(\s*['"`]/g;
    const found: string[] = [];
    for (const file of sourceFiles(SERVER)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(english)) found.push(`${relative(SERVER, file)}:${text.slice(0, m.index).split('\n').length}`);
    }
    assert.deepEqual(found, [], `English-only refusals (give them a LocalizedText from the module's *.messages.ts):\n${found.join('\n')}`);
  });

  it('writes every sentence of the modules’ *.messages.ts in the three languages with the same placeholders', async () => {
    const files = sourceFiles(SERVER).filter((f) => f.endsWith('.messages.ts'));
    let sentences = 0;
    const bad: string[] = [];
    for (const file of files) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [exportName, table] of Object.entries(mod)) {
        if (!table || typeof table !== 'object') continue;
        for (const [key, text] of Object.entries(table as Record<string, unknown>)) {
          if (!isLocalized(text)) continue;
          sentences++;
          const where = `${relative(SERVER, file)} ${exportName}.${key}`;
          if (!text.vi.trim() || !text.en.trim() || !text.fr.trim()) bad.push(`${where}: empty`);
          if (text.vi === text.en) bad.push(`${where}: the Vietnamese is the English`);
          if (text.vi !== text.vi.normalize('NFC')) bad.push(`${where}: Vietnamese not NFC`);
          const p = placeholders(text.en).join(',');
          if (placeholders(text.vi).join(',') !== p || placeholders(text.fr).join(',') !== p) bad.push(`${where}: placeholders differ`);
        }
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(sentences > 0, 'no *.messages.ts sentence found');
  });
});
