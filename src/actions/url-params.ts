/** What the page address asks to load: `?url=<encoded>` (repeatable) and `?demo`. */
export interface StartupRequest {
  urls: string[];
  demo: boolean;
}

/** Reads the page's query string; relative URLs resolve against `base`, duplicates are dropped. */
export function startupRequest(search: string, base: string): StartupRequest {
  const params = new URLSearchParams(search);
  const urls: string[] = [];
  for (const raw of params.getAll('url')) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    let resolved: string;
    try {
      resolved = new URL(trimmed, base).href;
    } catch {
      resolved = trimmed;
    }
    if (!urls.includes(resolved)) urls.push(resolved);
  }
  return { urls, demo: params.has('demo') };
}

/** A short, readable name for a fetched profile: host and path, without the scheme. */
export function nameFromUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}
