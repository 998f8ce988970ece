import { vi } from 'vitest';
import { main } from '../../cli/main';

/** Runs the parkview command line in process, capturing what it writes (restore the spies after each test). */
export async function runCli(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  const status = await main(argv);
  return { status, stdout, stderr };
}
