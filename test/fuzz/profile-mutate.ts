import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { HOSTILE_TOKENS } from './mutate';

const Profile = protobuf.loadSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../proto/profile.proto')).lookupType('perftools.profiles.Profile');

/** Int64 values that have broken readers: sign, 2^31, 2^32, 2^53, 2^62, 2^63 - 1. */
const HOSTILE_INTS = [0, 1, -1, 2 ** 31, 2 ** 32, 2 ** 53 + 2, 2 ** 62, -(2 ** 62), 2 ** 63 - 1024, 1e15];

type Repeated = 'sampleType' | 'sample' | 'location' | 'function' | 'stringTable' | 'mapping';

export type ProfileMutation =
  | { kind: 'string'; nth: number; token: string }
  | { kind: 'rename'; nth: number; token: string }
  | { kind: 'value'; nth: number; index: number; value: number }
  | { kind: 'locationRef'; nth: number; index: number; value: number }
  | { kind: 'label'; nth: number; key: number; str: number; num: number; unit: number }
  | { kind: 'function'; nth: number; field: 'id' | 'name' | 'systemName' | 'filename' | 'startLine'; value: number }
  | { kind: 'line'; nth: number; field: 'functionId' | 'line'; value: number }
  | { kind: 'drop'; field: Repeated; nth: number }
  | { kind: 'scalar'; field: 'timeNanos' | 'durationNanos' | 'period' | 'defaultSampleType'; value: number };

const nth = fc.nat({ max: 10_000 });
const int = fc.oneof(fc.constantFrom(...HOSTILE_INTS), fc.integer({ min: -3, max: 40 }));

const token = fc.oneof(fc.constantFrom(...HOSTILE_TOKENS), fc.string({ maxLength: 6 }));

export const profileMutation: fc.Arbitrary<ProfileMutation> = fc.oneof(
  fc.record({ kind: fc.constant('string' as const), nth, token }),
  fc.record({ kind: fc.constant('rename' as const), nth, token }),
  fc.record({ kind: fc.constant('value' as const), nth, index: fc.nat({ max: 4 }), value: int }),
  fc.record({ kind: fc.constant('locationRef' as const), nth, index: fc.nat({ max: 64 }), value: int }),
  fc.record({ kind: fc.constant('label' as const), nth, key: int, str: int, num: int, unit: int }),
  fc.record({ kind: fc.constant('function' as const), nth, field: fc.constantFrom('id' as const, 'name' as const, 'systemName' as const, 'filename' as const, 'startLine' as const), value: int }),
  fc.record({ kind: fc.constant('line' as const), nth, field: fc.constantFrom('functionId' as const, 'line' as const), value: int }),
  fc.record({ kind: fc.constant('drop' as const), field: fc.constantFrom<Repeated>('sampleType', 'sample', 'location', 'function', 'stringTable', 'mapping'), nth }),
  fc.record({ kind: fc.constant('scalar' as const), field: fc.constantFrom('timeNanos' as const, 'durationNanos' as const, 'period' as const, 'defaultSampleType' as const), value: int }),
);

type Obj = Record<string, unknown>;
const pick = <T>(list: T[] | undefined, n: number): T | undefined => (list?.length ? list[n % list.length] : undefined);

/** Decodes a raw pprof protobuf, applies field-level mutations and encodes it again. */
export function mutateProfile(raw: Uint8Array, mutations: ProfileMutation[]): Uint8Array {
  const p = Profile.toObject(Profile.decode(raw), { defaults: false, arrays: true }) as Obj & { stringTable: string[] } & Record<Exclude<Repeated, 'stringTable'>, Obj[]>;
  for (const m of mutations) {
    switch (m.kind) {
      case 'string':
        if (p.stringTable.length) p.stringTable[m.nth % p.stringTable.length] = m.token;
        break;
      case 'rename': {
        const name = pick(p.function, m.nth)?.name as number | undefined;
        if (name !== undefined && name < p.stringTable.length) p.stringTable[name] = m.token;
        break;
      }
      case 'value': {
        const s = pick(p.sample, m.nth);
        const v = s?.value as number[] | undefined;
        if (v?.length) v[m.index % v.length] = m.value;
        break;
      }
      case 'locationRef': {
        const ids = pick(p.sample, m.nth)?.locationId as number[] | undefined;
        if (ids) ids[m.index % (ids.length + 1)] = m.value;
        break;
      }
      case 'label': {
        const s = pick(p.sample, m.nth);
        if (s) s.label = [...((s.label as Obj[]) ?? []), { key: m.key, str: m.str, num: m.num, numUnit: m.unit }];
        break;
      }
      case 'function': {
        const f = pick(p.function, m.nth);
        if (f) f[m.field] = m.value;
        break;
      }
      case 'line': {
        const lines = pick(p.location, m.nth)?.line as Obj[] | undefined;
        const l = pick(lines, m.nth);
        if (l) l[m.field] = m.value;
        break;
      }
      case 'drop':
        if ((p[m.field] as unknown[]).length) (p[m.field] as unknown[]).splice(m.nth % (p[m.field] as unknown[]).length, 1);
        break;
      case 'scalar':
        p[m.field] = m.value;
        break;
    }
  }
  return Profile.encode(Profile.fromObject(p)).finish();
}
