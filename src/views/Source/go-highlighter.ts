import go from 'highlight.js/lib/languages/go';
import { createLowlight } from 'lowlight';

// Its own module, loaded on demand: a named import lets the bundler drop lowlight's other grammars.
const lowlight = createLowlight({ go });

export function highlightGo(code: string) {
  return lowlight.highlight('go', code);
}
