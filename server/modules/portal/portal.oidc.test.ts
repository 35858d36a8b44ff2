import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { identityOf, SignInRefused } from './portal.oidc.ts';

describe('identity claims under configurable names', () => {
  test('default names: sub, name, cccd, phone_number, email', () => {
    const id = identityOf({ sub: 'u-1', name: 'Nguyễn Văn Hùng', cccd: '022 090 000 000', phone_number: '0912345670', email: 'a@example.vn' }, loadConfig({}));
    assert.deepEqual(id, { subject: 'u-1', name: 'Nguyễn Văn Hùng', idNumber: '022090000000', phone: '0912345670', email: 'a@example.vn' });
  });

  test('a provider with other claim names (e.g. a national identity service) is mapped by configuration', () => {
    const cfg = loadConfig({ OIDC_CLAIM_SUBJECT: 'uid', OIDC_CLAIM_NAME: 'ho_ten', OIDC_CLAIM_ID_NUMBER: 'so_dinh_danh', OIDC_CLAIM_PHONE: 'so_dien_thoai', OIDC_CLAIM_EMAIL: 'thu_dien_tu' });
    // Decomposed Vietnamese (NFD) from the provider comes out NFC.
    const id = identityOf({ sub: 'ignored', uid: 'vneid-77', ho_ten: 'Trần Thị Mai'.normalize('NFD'), so_dinh_danh: 22090104729, so_dien_thoai: '0912353589' }, cfg);
    assert.deepEqual(id, { subject: 'vneid-77', name: 'Trần Thị Mai', idNumber: '22090104729', phone: '0912353589', email: null });
    assert.equal(id.name, id.name.normalize('NFC'));
  });

  test('no subject at all is refused; a missing name falls back to the subject', () => {
    assert.throws(() => identityOf({ name: 'X' }, loadConfig({})), (e) => e instanceof SignInRefused && e.reason === 'provider_error');
    assert.equal(identityOf({ sub: 's-9' }, loadConfig({})).name, 's-9');
  });
});
