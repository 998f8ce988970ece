/** Source URLs built from templates: `{path}` is the file's path, `{version}` a Go release. */

/** A user's rule: profile paths starting with `from` get it replaced by `to`, then fill `{path}`. */
export interface UrlRule {
  template: string;
  from: string;
  to: string;
}

/** Go's source at a release tag; both hosts allow cross-origin reads. */
export const GO_SOURCE_TEMPLATES = {
  github: 'https://raw.githubusercontent.com/golang/go/{version}/src/{path}',
  googlesource: 'https://go.googlesource.com/go/+/refs/tags/{version}/src/{path}?format=TEXT',
} as const;

/** What is wrong with a template, or null when it can be used. */
export function templateProblem(template: string): string | null {
  if (!template.includes('{path}')) return 'The template needs {path} where the file path goes.';
  let url: URL;
  try {
    url = new URL(template.replace(/\{(path|version)\}/g, 'x'));
  } catch {
    return 'The template is not a URL: it should start with https://';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'The template should start with https://';
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((p) => encodeURIComponent(p).replace(/%40/g, '@'))
    .join('/');
}

function fill(template: string, path: string, version = ''): string {
  return template.replace(/\{path\}/g, encodePath(path.replace(/^\/+/, ''))).replace(/\{version\}/g, encodeURIComponent(version));
}

/** The URL of `profilePath` under a rule, or null when the path does not start with the rule's `from`. */
export function ruleUrl(rule: UrlRule, profilePath: string): string | null {
  if (templateProblem(rule.template)) return null;
  const path = profilePath.replace(/\\/g, '/');
  if (!path.startsWith(rule.from)) return null;
  return fill(rule.template, rule.to + path.slice(rule.from.length));
}

/**
 * A Go release as its tag: `1.23` and `go1.23` become `go1.23.0` (from Go 1.21 on, a release's
 * first tag has `.0`), `1.20` stays `go1.20`, `go1.23.4` stays; other refs (`master`) are kept.
 */
export function goTag(version: string): string {
  const v = version.trim();
  const m = /^(?:go)?(\d+)\.(\d+)(\.\d+)?((?:rc|beta)\d+)?$/.exec(v);
  if (!m) return v;
  const [, major, minor, patch, pre] = m;
  if (pre) return `go${major}.${minor}${patch ?? ''}${pre}`;
  if (patch) return `go${major}.${minor}${patch}`;
  return Number(major) === 1 && Number(minor) < 21 ? `go${major}.${minor}` : `go${major}.${minor}.0`;
}

/** The URL of a standard library file (`runtime/proc.go`) of a Go release. */
export function goSourceUrl(template: string, version: string, stdPath: string): string {
  return fill(template, stdPath, goTag(version));
}

/** The file text from a response body: Gitiles' `?format=TEXT` answers in base64. */
export function sourceFromBody(url: string, body: string): string {
  if (!/[?&]format=TEXT(&|$)/.test(url)) return body;
  const bin = atob(body.replace(/\s+/g, ''));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
