import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { ProfileError } from '../src/core/decode';
import { nameMatcher } from '../src/core/query/source/list';
import { listText, type SourceLines } from '../src/core/report/list-text';
import { splitSourceLines } from '../src/core/source/lines';
import { pprofTrimPath } from '../src/core/source/paths';
import { OPTIONS } from '../src/core/options/table';
import { parseArgs, UsageError } from './args';
import { REFINE_OPTIONS, REFINE_USAGE } from './refine';
import { reportQuery } from './report-query';

export const LIST_USAGE = `parkview list [--source_path DIR] [--trim_path PREFIX] [--sample_index=NAME] ${REFINE_USAGE} REGEX FILE|URL`;

/** pprof's openSourceFile: a relative path is looked for under each search dir and its parents. */
function readSource(path: string, searchPath: string): SourceLines {
  const bases = searchPath.split(':').filter(Boolean);
  const gopath = process.env.GOPATH;
  if (gopath) {
    bases.push(join(gopath, 'pkg', 'mod'));
    if (process.env.GOROOT) bases.push(join(process.env.GOROOT, 'src'));
  }
  const candidates: string[] = [];
  if (isAbsolute(path)) candidates.push(path);
  else {
    for (let dir of bases) {
      for (;;) {
        candidates.push(join(dir, path));
        const parent = dirname(dir);
        if (parent === dir) break;
        dir = parent;
      }
    }
  }
  for (const c of candidates) {
    try {
      return { lines: splitSourceLines(readFileSync(c, 'utf8')) };
    } catch {
      // Not there: try the next place.
    }
  }
  return { error: isAbsolute(path) ? `open ${path}: no such file or directory` : `could not find file ${path} on path ${searchPath}` };
}

export async function listCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, [], [OPTIONS.sample_index, OPTIONS.source_path, OPTIONS.trim_path, ...REFINE_OPTIONS]);
  if (positional.length !== 2) throw new UsageError(`usage: ${LIST_USAGE}`);
  const [pattern, file] = positional;
  let matches: (name: string) => boolean;
  try {
    matches = nameMatcher(pattern);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { engine, query } = await reportQuery(opts, file);
  const { routines: found, total, sampleUnit } = engine.list(query, matches);
  const searchPath = opts.source_path ?? process.cwd();
  const trim = opts.trim_path ?? '';
  const routines = found.map((r) => ({
    ...r,
    file: r.file && normalize(pprofTrimPath(r.file, trim, searchPath)),
  }));
  if (routines.length === 0) throw new ProfileError(`no matches found for regexp: ${pattern}`);
  const cache = new Map<string, SourceLines>();
  const source = (path: string) => {
    let s = cache.get(path);
    if (!s) cache.set(path, (s = readSource(path, searchPath)));
    return s;
  };
  return listText(routines, total, sampleUnit, source);
}
