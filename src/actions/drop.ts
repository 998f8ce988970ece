/** A file from a drop or a picker, named by its path inside any dropped folder. */
export interface PickedFile {
  path: string;
  file: File;
}

/** The parts of the File and Directory Entries API a drop walk needs. */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntry extends Entry {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirectoryEntry extends Entry {
  createReader(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void };
}

/** Dot-files (.DS_Store, .git…) are never profiles. */
function isHidden(name: string): boolean {
  return name.startsWith('.');
}

function fileOf(entry: FileEntry): Promise<File> {
  return new Promise((ok, fail) => entry.file(ok, fail));
}

/** All entries of a directory: readEntries returns them in batches until an empty one. */
async function childrenOf(dir: DirectoryEntry): Promise<Entry[]> {
  const reader = dir.createReader();
  const all: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Every file under the entries, depth first, folders sorted by name. */
export async function filesFromEntries(entries: Entry[]): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const walk = async (entry: Entry): Promise<void> => {
    if (isHidden(entry.name)) return;
    if (entry.isFile) {
      out.push({ path: entry.fullPath.replace(/^\//, ''), file: await fileOf(entry as FileEntry) });
    } else if (entry.isDirectory) {
      const children = await childrenOf(entry as DirectoryEntry);
      children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const child of children) await walk(child);
    }
  };
  for (const e of entries) await walk(e);
  return out;
}

/**
 * The files of a drop, walking dropped folders. Entries must be taken while the drop event is
 * dispatched (the list empties afterwards), so call this synchronously from the handler.
 */
export function filesFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries: Entry[] = [];
  const loose: PickedFile[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() as Entry | null | undefined;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push({ path: file.name, file });
    }
  }
  if (entries.length === 0 && loose.length === 0) {
    for (const file of Array.from(data.files)) loose.push({ path: file.name, file });
  }
  return filesFromEntries(entries).then((walked) => [...walked, ...loose]);
}

/** The files of a file or folder picker (`webkitRelativePath` is set for folders). */
export function filesFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [])
    .map((file) => ({ path: file.webkitRelativePath || file.name, file }))
    .filter((f) => !f.path.split('/').some(isHidden));
}

/** Whether a drag carries files (and not, say, selected text). */
export function dragHasFiles(data: DataTransfer | null): boolean {
  return !!data && Array.from(data.types).includes('Files');
}
