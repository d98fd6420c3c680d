import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretBox, SecretKeyError } from '../../src/deliver/secrets.js';
import { Store } from '../../src/store/store.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'spool-secret-'));
  dirs.push(d);
  return d;
};

describe('tokens at rest', () => {
  it('makes a key file readable by its owner only, and seals a value bound to its record', () => {
    const dir = temp();
    const box = SecretBox.open(dir, {});
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    const sealed = box.seal('tok-123', 'account:a');
    expect(sealed).not.toContain('tok-123');
    expect(SecretBox.open(dir, {}).open(sealed, 'account:a')).toBe('tok-123');
    // Copied into another row, it does not open.
    expect(() => box.open(sealed, 'account:b')).toThrow(SecretKeyError);
  });

  it('uses SPOOL_SECRET_KEY when set, refuses a short one, and says what to do when the key changed', () => {
    const dir = temp();
    expect(() => SecretBox.open(dir, { SPOOL_SECRET_KEY: 'short' })).toThrow(/at least 32 random characters/);
    const a = SecretBox.open(dir, { SPOOL_SECRET_KEY: 'a'.repeat(40) });
    const sealed = a.seal('tok', 'x');
    expect(() => SecretBox.open(dir, { SPOOL_SECRET_KEY: 'b'.repeat(40) }).open(sealed, 'x')).toThrow(/changed since it was saved; connect the account again/);
  });

  it('tightens a key file others could read', () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'secret.key'), Buffer.alloc(32, 7), { mode: 0o644 });
    SecretBox.open(dir, {});
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('keeps an account’s token sealed in the database, and gives it back whole', () => {
    const dir = temp();
    const store = Store.open({ dataDir: dir, env: {} });
    try {
      const account = store.accounts.upsert({ platform: 'linkedin', name: 'Ada', subject: 'urn:li:person:abc', secret: { accessToken: 'AQV-secret-token-value', clientSecret: 'app-secret-value' } });
      expect(JSON.stringify(store.accounts.list())).not.toMatch(/secret-(token|value)/);
      expect(store.accounts.secret(account.id)).toEqual({ accessToken: 'AQV-secret-token-value', clientSecret: 'app-secret-value' });
      // The same platform, author and profile: the token is replaced, not a second account made.
      const again = store.accounts.upsert({ platform: 'linkedin', name: 'Ada L.', subject: 'urn:li:person:abc', secret: { accessToken: 'AQV-new' } });
      expect(again.id).toBe(account.id);
      expect(store.accounts.list()).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
