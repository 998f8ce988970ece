import { expect, test } from 'vitest';
import { filesFromEntries } from '../../src/actions/drop';
import { listFixtures, readFixture } from '../fixtures';

interface FakeEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?: (ok: (f: File) => void) => void;
  createReader?: () => { readEntries: (ok: (e: FakeEntry[]) => void) => void };
}

function fileEntry(dir: string, name: string, bytes: Uint8Array): FakeEntry {
  return { isFile: true, isDirectory: false, name, fullPath: `${dir}/${name}`, file: (ok) => ok(new File([new Uint8Array(bytes)], name)) };
}

/** A directory whose reader hands out entries in batches of `batch`, like Chromium's (100). */
function dirEntry(fullPath: string, children: FakeEntry[], batch = 2): FakeEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop()!,
    fullPath,
    createReader: () => {
      let at = 0;
      return { readEntries: (ok) => ok(children.slice(at, (at += batch))) };
    },
  };
}

test('a dropped folder is walked through every readEntries batch in name order, sub-folders included, dot-files skipped', async () => {
  const series = listFixtures('seed/timeout', /\.pb\.gz$/);
  const files = series.map((p) => fileEntry('/timeout', p.split('/').pop()!, readFixture(p)));
  const nested = dirEntry('/timeout/more', [fileEntry('/timeout/more', 'goroutine.timeout.debug2.txt', readFixture('seed/timeout/goroutine.timeout.debug2.txt'))]);
  const hidden = fileEntry('/timeout', '.DS_Store', new Uint8Array([0]));
  const root = dirEntry('/timeout', [...files.slice().reverse(), hidden, nested]);
  const picked = await filesFromEntries([root as never, fileEntry('', 'loose.txt', new Uint8Array([1])) as never]);
  expect(picked.map((p) => p.path)).toEqual([
    'timeout/more/goroutine.timeout.debug2.txt',
    ...series.map((p) => `timeout/${p.split('/').pop()}`),
    'loose.txt',
  ]);
  expect(picked[1].file.size).toBe(readFixture(series[0]).length);
});
