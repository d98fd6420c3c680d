import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/** `npm install` warns EBADENGINE when a locked package wants a newer Node than we say we run on. */
const root = path.resolve(__dirname, '../../../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe('the Node versions Spool runs on', () => {
  const declared: string = read('package.json').engines.node;
  const oldest = semver.minVersion(declared)!.version;

  it('are declared alike in every package', () => {
    for (const file of ['packages/spool/package.json', 'packages/studio/package.json']) expect(read(file).engines.node, file).toBe(declared);
  });

  it('are supported by every locked package, so npm install never warns EBADENGINE', () => {
    const lock = read('package-lock.json') as { packages: Record<string, { version?: string; engines?: unknown }> };
    const wanting: string[] = [];
    for (const [name, entry] of Object.entries(lock.packages)) {
      const engines = entry.engines;
      const node = engines && typeof engines === 'object' && !Array.isArray(engines) ? (engines as { node?: string }).node : undefined;
      if (node && !semver.satisfies(oldest, node)) wanting.push(`${name}@${entry.version}: node ${node}`);
      if (node && !semver.satisfies(process.version, node)) wanting.push(`${name}@${entry.version}: node ${node} (this machine runs ${process.version})`);
    }
    expect(wanting).toEqual([]);
  });
});
