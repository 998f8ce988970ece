import { useEffect, useState } from 'react';
import { dragHasFiles, filesFromDrop } from './drop';
import { loadDemo, loadPicked, loadText, loadUrl, loadUrls, looksLikeUrl } from './loading';
import { useUi } from '../store/ui';
import { startupRequest } from './url-params';

/** Accepts files and folders dropped anywhere on the page; true while files are dragged over it. */
export function useFileDrop(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!e.dataTransfer) return;
      e.preventDefault();
      void filesFromDrop(e.dataTransfer).then(loadPicked);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
}

/** Ctrl/Cmd+V anywhere (outside a text field): pasted files, a URL, or a dump's text load at once. */
export function usePasteAnywhere(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isField(e.target) || useUi.getState().dialog !== null || !e.clipboardData) return;
      const files = Array.from(e.clipboardData.files);
      const text = e.clipboardData.getData('text/plain');
      if (files.length === 0 && !text.trim()) return;
      e.preventDefault();
      if (files.length) void loadPicked(files.map((file) => ({ path: file.name, file })));
      else if (looksLikeUrl(text)) void loadUrl(text.trim());
      else void loadText(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}

let started = false;

/** Loads what the page address asks for (`?demo`, `?url=`), once per page. */
export function useStartupLoads(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    const req = startupRequest(location.search, document.baseURI);
    if (req.demo) void loadDemo();
    void loadUrls(req.urls);
  }, []);
}
