import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainModule = path.join(packageDir, 'src', 'cli', 'main.ts');

export interface SpawnedCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** `spool <args>` as its own process, run from source, with only the environment given (and PATH, HOME). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): SpawnedCli {
  const script = `import(${JSON.stringify(mainModule)}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(args)}); })`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: packageDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (err += c));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Polls `fn` until it gives a value. */
export async function waitFor<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 30_000, what = 'the condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
