import { useEffect, useMemo, useState } from 'react';
import { visibleName } from '../../core/report/visible';
import { useView } from '../../store/view';
import { useSourceView } from '../../store/source';

/** Suggestions offered while typing; a profile can have tens of thousands of functions. */
const MAX_SUGGESTIONS = 1000;

/**
 * Chooses what to list: a function (shared with the other views) or a `pprof -list` regex. `names` go
 * hottest first; they are offered and typed as shown (hidden characters escaped).
 */
export function FunctionPicker({ names }: { names: string[] }) {
  const byShown = useMemo(() => new Map(names.map((n) => [visibleName(n), n])), [names]);
  const mode = useSourceView((s) => s.mode);
  const setMode = useSourceView((s) => s.setMode);
  const regex = useSourceView((s) => s.regex);
  const setRegex = useSourceView((s) => s.setRegex);
  const selected = useView((s) => s.selectedFunction);
  const select = useView((s) => s.selectFunction);
  const [draft, setDraft] = useState(mode === 'regex' ? regex : visibleName(selected ?? ''));

  useEffect(() => setDraft(mode === 'regex' ? regex : visibleName(selected ?? '')), [mode, regex, selected]);

  const commit = (value: string) => {
    if (mode === 'regex') setRegex(value);
    else if (value) select(byShown.get(value) ?? value);
  };

  return (
    <div className="function-picker">
      <div className="segmented" role="radiogroup" aria-label="List by">
        {(['function', 'regex'] as const).map((m) => (
          <button key={m} role="radio" aria-checked={mode === m} className={mode === m ? 'active' : ''} onClick={() => setMode(m)} title={m === 'function' ? 'List the selected function' : 'List every function a regular expression matches, like pprof -list'}>
            {m === 'function' ? 'Function' : 'Regex'}
          </button>
        ))}
      </div>
      <div className="filter-box">
        <input
          type="search"
          aria-label={mode === 'regex' ? 'Function regex' : 'Function'}
          list={mode === 'function' ? 'source-functions' : undefined}
          placeholder={mode === 'regex' ? 'Regex, as pprof -list takes it: main\\.' : 'Pick a function…'}
          spellCheck={false}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            const name = mode === 'function' ? byShown.get(e.target.value) : undefined;
            if (name !== undefined) select(name);
          }}
          onKeyDown={(e) => e.key === 'Enter' && commit(draft)}
          onBlur={() => mode === 'regex' && commit(draft)}
        />
        <datalist id="source-functions">
          {[...byShown.keys()].slice(0, MAX_SUGGESTIONS).map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </div>
    </div>
  );
}
