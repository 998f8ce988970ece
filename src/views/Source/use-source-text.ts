import { useEffect, useState } from 'react';
import { highlightLines, type Token } from './highlight';
import { sourceText, type SourceText } from '../../actions/sources';
import { useSources } from '../../store/sources';

/** A file's text (null while it is being looked for), asked again whenever the sources change. */
export function useSourceText(file: string): SourceText | null {
  const version = useSources((s) => s.version);
  const [text, setText] = useState<{ file: string; version: number; text: SourceText } | null>(null);
  useEffect(() => {
    let live = true;
    void sourceText(file).then((t) => live && setText({ file, version, text: t }));
    return () => {
      live = false;
    };
  }, [file, version]);
  return text && text.file === file ? text.text : null;
}

/** Go tokens per line once the highlighter has loaded; null until then (and for other languages). */
export function useHighlighted(file: string, lines: string[] | null): Token[][] | null {
  const [tokens, setTokens] = useState<{ lines: string[]; tokens: Token[][] | null } | null>(null);
  useEffect(() => {
    if (!lines) return;
    let live = true;
    void highlightLines(file, lines).then((t) => live && setTokens({ lines, tokens: t }));
    return () => {
      live = false;
    };
  }, [file, lines]);
  return tokens && tokens.lines === lines ? tokens.tokens : null;
}
