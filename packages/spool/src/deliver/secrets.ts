/**
 * Tokens at rest: AES-256-GCM with a key from `SPOOL_SECRET_KEY`, or from a key file made once in the
 * data folder with mode 0600. Each value is bound to the record it belongs to (the GCM additional
 * data), so a ciphertext copied into another row does not decrypt.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export const SECRET_KEY_FILE = 'secret.key';
const VERSION = 'v1';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** The key `SPOOL_SECRET_KEY` names (any string of 32 or more characters), else the data folder's key file. */
  static open(dataDir: string, env: NodeJS.ProcessEnv = process.env): SecretBox {
    const given = env.SPOOL_SECRET_KEY;
    if (given !== undefined && given !== '') {
      if (given.length < 32) throw new SecretKeyError('SPOOL_SECRET_KEY is too short: use at least 32 random characters (for example: openssl rand -hex 32)');
      return new SecretBox(createHash('sha256').update(`spool-secret-key:${given}`).digest());
    }
    return new SecretBox(keyFile(path.join(dataDir, SECRET_KEY_FILE)));
  }

  static fromKey(key: Uint8Array): SecretBox {
    if (key.length !== 32) throw new SecretKeyError('a secret key is 32 bytes');
    return new SecretBox(Buffer.from(key));
  }

  seal(plain: string, bindTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(bindTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  open(sealed: string, bindTo: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretKeyError('a stored secret is not in a form this Spool reads');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(bindTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError('a stored token cannot be decrypted with this key: SPOOL_SECRET_KEY or secret.key changed since it was saved; connect the account again');
    }
  }
}

/** Reads the key file, or makes it (32 random bytes, readable by this user only). */
function keyFile(file: string): Buffer {
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777;
    // A key others can read protects nothing: tighten it rather than refuse to start.
    if (mode & 0o077) chmodSync(file, 0o600);
    const key = readFileSync(file);
    if (key.length !== 32) throw new SecretKeyError(`${file} is not a Spool key (32 bytes): move it away and connect your accounts again`);
    return key;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    const fd = openSync(file, 'wx', 0o600);
    writeSync(fd, key);
    closeSync(fd);
    return key;
  } catch (err) {
    // Another process made it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file);
    throw err;
  }
}
