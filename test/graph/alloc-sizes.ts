import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

/**
 * An alloc_space profile of one stack (main.main → main.alloc → runtime.mallocgc) with allocations
 * of thirteen sizes (the `bytes` numeric label), six of them under the label pool=a, from a binary
 * with a build id.
 */
export function allocSizesProfile(): Uint8Array {
  const strings = [''];
  const str = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const fns = ['runtime.mallocgc', 'main.alloc', 'main.main'];
  const sizes: [number, number, string?][] = [
    [16, 100000],
    [32, 300000],
    [48, 50000],
    [1024, 800000],
    [2048, 200000],
    [65536, 700000],
    [1048576, 2100000],
    [64, 90000, 'a'],
    [4096, 500000, 'a'],
    [8192, 400000, 'a'],
    [128, 60000, 'a'],
    [256, 70000, 'a'],
    [96, 80000, 'a'],
  ];
  const profile = {
    sampleType: [{ type: str('alloc_space'), unit: str('bytes') }],
    mapping: [{ id: 1, memoryStart: 0x400000, memoryLimit: 0x500000, filename: str('/srv/bin/allocator'), buildId: str('6f1e2c3b4a5d') }],
    sample: sizes.map(([size, v, pool]) => ({ locationId: [1, 2, 3], value: [v], label: [{ key: str('bytes'), num: size }, ...(pool ? [{ key: str('pool'), str: str(pool) }] : [])] })),
    location: fns.map((_, i) => ({ id: i + 1, mappingId: 1, address: 0x401000 + i * 16, line: [{ functionId: i + 1, line: 10 + i }] })),
    function: fns.map((name, i) => ({ id: i + 1, name: str(name), systemName: str(name), filename: str('/src/main.go') })),
    timeNanos: Date.UTC(2026, 0, 1) * 1e6,
    periodType: { type: str('space'), unit: str('bytes') },
    period: 524288,
    stringTable: strings,
  };
  const type = protobuf.loadSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../proto/profile.proto')).lookupType('perftools.profiles.Profile');
  return type.encode(type.fromObject(profile)).finish();
}
