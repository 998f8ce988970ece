import type { Session } from '../model/session';

import type { Granularity } from '../options/table';

/** Report node keys: every session frame mapped to the node it belongs to at a granularity. */
export interface NodeKeys {
  ofFrame: Int32Array;
  name: string[];
  /** Source file of the node ("" when it spans files or has none). */
  file: string[];
  /** Line of the node for `lines`, else 0. */
  line: number[];
}

export function nodeKeys(session: Session, granularity: Granularity): NodeKeys {
  const frames = session.frames;
  const fns = session.functions;
  const strings = session.strings;
  const ofFrame = new Int32Array(frames.size);
  const ids = new Map<string, number>();
  const name: string[] = [];
  const file: string[] = [];
  const line: number[] = [];
  for (let f = 0; f < frames.size; f++) {
    const fn = frames.func.data[f];
    const fnName = strings.get(fns.name.data[fn]);
    const fnFile = strings.get(fns.file.data[fn]);
    const ln = frames.line.data[f];
    let key: string;
    let label: string;
    switch (granularity) {
      case 'functions':
        key = fnName;
        label = fnName;
        break;
      case 'filefunctions':
        key = `${fnName}\u0000${fnFile}`;
        label = fnFile ? `${fnName} ${fnFile}` : fnName;
        break;
      case 'files':
        key = fnFile;
        label = fnFile || fnName;
        break;
      case 'lines':
        key = `${fnName}\u0000${fnFile}\u0000${ln}`;
        label = fnFile ? `${fnName} ${fnFile}:${ln}` : fnName;
        break;
    }
    let id = ids.get(key);
    if (id === undefined) {
      id = name.length;
      ids.set(key, id);
      name.push(label || '<unknown>');
      file.push(fnFile);
      line.push(granularity === 'lines' ? ln : 0);
    }
    ofFrame[f] = id;
  }
  return { ofFrame, name, file, line };
}

/** The function name of each node at a granularity (its label, for `functions` and `files`): what selecting the node selects. */
export function nodeFunctions(session: Session, keys: NodeKeys, granularity: Granularity): string[] {
  if (granularity === 'functions' || granularity === 'files') return keys.name;
  const out = new Array<string>(keys.name.length);
  for (let f = 0; f < keys.ofFrame.length; f++) out[keys.ofFrame[f]] ??= session.funcName(f);
  return out;
}
