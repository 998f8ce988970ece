const JAVA = /^(?:[a-z]\w*\.)*([A-Z][\w$]*\.(?:<init>|[a-z][\w$]*(?:\$\d+)?))(?:\(|$)/;
const GO = /^(?:[\w\-.]+\/)+([^.]+\..+)/;
const GO_MAJOR_VERSION = /^(.*?)\/v(?:[2-9]|[1-9][0-9]+)([./].*)$/;
const CPP = /^(?:[_a-zA-Z]\w*::)+(_*[A-Z]\w*::~?[_a-zA-Z]\w*(?:<.*>)?)/;
const CPP_ANONYMOUS = /^\(anonymous namespace\)::/;

/** pprof's ShortenFunctionName: drops the package path (and a Go module's /vN, C++ namespaces, Java packages). */
export function shortenFunctionName(name: string): string {
  const f = name.replace(CPP_ANONYMOUS, '').replace(GO_MAJOR_VERSION, '$1$2');
  for (const re of [GO, JAVA, CPP]) {
    const m = re.exec(f);
    if (m) return m.slice(1).join('');
  }
  return f;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Longest label line; longer ones (generic instantiations, closures of closures) lose their middle. */
export const MAX_LINE = 60;

export function clipLine(line: string): string {
  if (line.length <= MAX_LINE) return line;
  const half = (MAX_LINE - 1) / 2;
  return `${line.slice(0, Math.ceil(half))}…${line.slice(line.length - Math.floor(half))}`;
}
