import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { suspectsCommand } from '../../cli/suspects';
import { goRegex } from '../../src/core/query/refine-regex';
import { runCli } from '../cli/run';
import { analyzeLeaks } from '../../src/core/analysis/analyze';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { renamedSeries } from './rename';

const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function loadDir(dir: string): Promise<Session> {
  const session = new Session();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.pb.gz')).sort()) await decodeInput(readFileSync(join(dir, f)), session, { name: f });
  return session;
}

describe('function names that are Object.prototype properties', () => {
  for (const name of NAMES) {
    it(`a frame named ${name} in one snapshot of service leaves the analysis and parkview suspects whole`, async () => {
      // The goroutine writing the profile blocks on nothing, so the state lookup reads each of its frames.
      const dir = renamedSeries('service', 'runtime/pprof.writeRuntimeProfile', name, (f) => f.endsWith('.020.pb.gz'));
      made.push(dir);
      const a = analyzeLeaks(await loadDir(dir));
      expect(a.series.snapshots).toHaveLength(40);
      expect(a.groups.filter((g) => g.verdict.suspect).map((g) => g.function)).toEqual(['main.(*exporter).send', 'main.(*service).lookupInventory.func1']);
      const renamed = a.groups.find((g) => g.function === name || g.label.includes(name));
      expect(renamed).toBeDefined();
      const items = JSON.parse(await suspectsCommand(['--json', '--all', dir])) as { function: string; stack: string[] }[];
      expect(items.slice(0, 2).map((i) => i.function)).toEqual(['main.(*exporter).send', 'main.(*service).lookupInventory.func1']);
      expect(items.some((i) => i.stack.includes(name))).toBe(true);
    });
  }
});

describe('other lookups keyed by text from outside', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a POSIX class named like an Object.prototype property stays literal, as no class', () => {
    for (const name of NAMES) {
      const { source } = goRegex(`[[:${name}:]]`);
      expect(source).toBe(`[[:${name}:]]`);
      expect(new RegExp(source).test('{')).toBe(false);
    }
    expect(goRegex('[[:digit:]]+').source).toBe('[0-9]+');
  });

  it('parkview toString is an unknown command, not a crash', async () => {
    for (const name of NAMES) {
      const r = await runCli([name]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`parkview: unknown command "${name}"`);
    }
  });
});
