import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { doc, para, post, words } from '../helpers/documents.js';
import { exited, serveInChild } from './child-server.js';

const data = mkdtempSync(path.join(tmpdir(), 'spool-crash-'));

afterAll(() => rmSync(data, { recursive: true, force: true }));

const serve = () => serveInChild(data);
const killed = exited;

describe('SIGKILL in the middle of a burst of saves', () => {
  it('keeps every acknowledged save, whole, and leaves a sound database', async () => {
    const first = await serve();
    const json = { 'content-type': 'application/json' };
    const target = await (await fetch(`${first.url}/api/projects`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'rev-1' }) })).json();

    const created = new Map<string, ReturnType<typeof doc>>();
    let lastAckedRevision = 1;
    let acks = 0;
    let stop = false;
    const creator = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const document = doc([post('1', [para(`${worker}-${i} ${words(60, i)}`)]), post('2', [para(words(80, worker))])]);
        try {
          const res = await fetch(`${first.url}/api/projects`, { method: 'POST', headers: json, body: JSON.stringify({ name: `w${worker}-${i}`, document }) });
          if (res.status !== 201) continue;
          const body = await res.json();
          created.set(body.id, document);
          acks++;
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const updater = async () => {
      while (!stop) {
        const next = lastAckedRevision + 1;
        try {
          const res = await fetch(`${first.url}/api/projects/${target.id}`, { method: 'PUT', headers: json, body: JSON.stringify({ name: `rev-${next}`, revision: lastAckedRevision }) });
          if (res.status !== 200) continue;
          lastAckedRevision = (await res.json()).revision;
          acks++;
        } catch {
          return;
        }
      }
    };
    const burst = Promise.all([creator(1), creator(2), creator(3), creator(4), updater()]);
    while (acks < 60) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await killed(first.child);
    stop = true;
    await burst;
    expect(created.size).toBeGreaterThan(20);
    // The kill left committed saves in the write-ahead log, not yet folded into spool.db.
    expect(statSync(path.join(data, 'spool.db-wal')).size).toBeGreaterThan(0);

    const second = await serve();
    try {
      const list: { id: string }[] = await (await fetch(`${second.url}/api/projects`)).json();
      const ids = new Set(list.map((p) => p.id));
      for (const [id, document] of created) {
        expect(ids.has(id)).toBe(true);
        expect((await (await fetch(`${second.url}/api/projects/${id}`)).json()).document).toEqual(document);
      }
      // The save in flight when the process died may or may not have landed, but never half of it.
      const saved = await (await fetch(`${second.url}/api/projects/${target.id}`)).json();
      expect(saved.revision).toBeGreaterThanOrEqual(lastAckedRevision);
      expect(saved.revision).toBeLessThanOrEqual(lastAckedRevision + 1);
      expect(saved.name).toBe(`rev-${saved.revision}`);
    } finally {
      second.child.kill('SIGKILL');
      await killed(second.child);
    }
    const store = Store.open({ dataDir: data });
    try {
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      store.close();
    }
  });
});
