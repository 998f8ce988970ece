import { Duplex } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { GunzipStream } from '../src/core/decode';

/**
 * Node's zlib with 1 MiB output chunks. Node's own DecompressionStream hands out 16 KiB chunks
 * through its web-stream adapter, which makes it three to five times slower on large profiles.
 */
export const zlibGunzip: GunzipStream = () => Duplex.toWeb(createGunzip({ chunkSize: 1024 * 1024 })) as ReadableWritablePair<Uint8Array, Uint8Array>;
