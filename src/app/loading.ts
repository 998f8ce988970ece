import type { InputFile } from '../worker/load';
import { worker } from '../worker/client';
import { useSnapshots } from '../store/snapshots';

/** Sends inputs to the Worker and records the snapshots and errors they produce. */
export async function loadInputs(inputs: InputFile[]): Promise<void> {
  if (inputs.length === 0) return;
  const store = useSnapshots.getState();
  store.setPending(inputs.length);
  try {
    const results = await worker.load(inputs);
    const infos = results.flatMap((r) => (r.ok ? [r.info] : []));
    const errors = results.flatMap((r) => (r.ok ? [] : [{ name: r.name, message: r.error }]));
    useSnapshots.getState().added(infos, errors);
  } finally {
    useSnapshots.getState().setPending(-inputs.length);
  }
}

export async function loadFiles(files: File[]): Promise<void> {
  const inputs = await Promise.all(
    files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: await f.arrayBuffer(), fileTimeMs: f.lastModified })),
  );
  await loadInputs(inputs);
}

export async function loadText(text: string, name = 'pasted text'): Promise<void> {
  await loadInputs([{ name, bytes: new TextEncoder().encode(text), fileTimeMs: Date.now() }]);
}

/** The series shipped with the app, listed in demo/index.json. */
export async function loadDemo(): Promise<void> {
  const base = new URL('demo/', document.baseURI);
  const index = (await (await fetch(new URL('index.json', base))).json()) as { files: string[] };
  const inputs = await Promise.all(
    index.files.map(async (name) => ({ name, bytes: await (await fetch(new URL(name, base))).arrayBuffer() })),
  );
  await loadInputs(inputs);
}
