import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainModule = path.join(packageDir, 'src', 'cli', 'main.ts');

/** `spool serve` over `data` in its own process, so it can be killed without warning. */
export async function serveInChild(data: string): Promise<{ child: ChildProcess; url: string }> {
  const script = `import(${JSON.stringify(mainModule)}).then(async (m) => { process.exitCode = await m.main(['serve', '--port', '0', '--data', ${JSON.stringify(data)}]); })`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: packageDir, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', () => {});
  const end = Date.now() + 30_000;
  for (;;) {
    const url = /Spool studio: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    if (url) return { child, url };
    if (Date.now() > end || child.exitCode !== null) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves once the process has exited. */
export const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', () => resolve())));
