import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process with captured streams. */
export async function runCli(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}
