/**
 * One server per data folder. Two servers on one SQLite file would each keep their own view of the
 * projects and take turns failing with "database is locked"; the second is refused at start
 * instead, naming the first. The lock is a file holding the owner's process id: a server killed
 * without a chance to clean up leaves it behind, and the next start takes it over once that
 * process is gone.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ServerConfigError } from './config-error.js';

const LOCK_FILE = 'spool.lock';
/** Folders this process holds, so a second server in the same process is refused too. */
const held = new Set<string>();

/** Takes the folder for this server; returns what gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(dir, { recursive: true });
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(dir);
      return () => {
        held.delete(dir);
        if (ownerOf(file) === process.pid) unlinkSync(file);
      };
    } catch (err) {
      // A folder that cannot be written to (read-only, not a folder, missing rights) cannot be
      // written by two servers either; opening the store then says what is wrong with it.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return () => undefined;
      const owner = ownerOf(file);
      if (owner !== undefined && (owner === process.pid ? held.has(dir) : isRunning(owner))) {
        throw new ServerConfigError(
          `another Spool server (process ${owner}) is using ${dir}: stop it first, or give this one its own folder with --data or SPOOL_DATA_DIR`,
        );
      }
      // Left by a server that is gone: take it over.
      try {
        unlinkSync(file);
      } catch {
        // Someone else took it over first; the next attempt says who.
      }
    }
  }
  throw new ServerConfigError(`could not take ${file}: another Spool server is starting on the same folder`);
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of that id runs (as this user or another). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lease owners at work in this process: the publishers and export queues started and not stopped. */
const liveOwners = new Set<string>();

/** Marks a lease owner of this process as at work (true) or stopped (false). */
export function leaseOwnerAtWork(owner: string, atWork: boolean): void {
  if (atWork) liveOwners.add(owner);
  else liveOwners.delete(owner);
}

/**
 * Whether a job's lease owner (`<pid>:<uuid>`) is still there. One of this process is there while it
 * is at work; a process of the same id that is not this one is there while it runs. A server that
 * died and came back under its old id (as in a container) does not hold its old leases.
 * Shared by the publisher and the export queue.
 */
export function leaseOwnerAlive(self: string): (owner: string) => boolean {
  return (owner) => {
    if (owner === self) return true;
    const pid = Number(owner.split(':')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    return pid === process.pid ? liveOwners.has(owner) : isRunning(pid);
  };
}

/** The process id of the server using the folder, if one is running. */
export function serverUsing(dataDir: string): number | undefined {
  const owner = ownerOf(path.join(path.resolve(dataDir), LOCK_FILE));
  return owner !== undefined && owner !== process.pid && isRunning(owner) ? owner : undefined;
}
