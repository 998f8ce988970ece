import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useEffectiveTheme } from '../../ui/theme';
import { ROOT } from '../../core/flame/window';
import { useFlame } from '../../store/flame';
import { useViewQuery } from '../../store/query';
import { selectedSnapshot, useSnapshots } from '../../store/snapshots';
import { useView } from '../../store/view';
import { Breadcrumb } from './Breadcrumb';
import { ROW } from './draw';
import { CANVAS, diffPaints, packagePaints, ROOT_PAINT, SMALL_PAINT, statePaints } from './colours';
import { ContextMenu } from './ContextMenu';
import { frameMenu } from './frame-menu';
import type { PaneLook } from './controller';
import { download, flamePng, flameSvg, type ExportScene } from './export';
import { FlamePane, type MenuRequest, type PaneRole } from './FlamePane';
import { FlameToolbar, SearchSummary } from './FlameToolbar';
import { percentLabel } from '../../core/units/scale';
import { valueLabel, valueNoun } from '../../core/units/value';
import { DiffLegend, StateLegend } from './Legend';
import { paneController } from './panes';
import { useFlameData, useFlameSearch, useLabelKeys } from './use-flame';
import { boxStyle, type ColourMode } from './style';
import { FrameTooltip } from './Tooltip';
import './flame.css';
import { visibleName } from '../../core/report/visible';

/** Windows carry twice the screen's resolution (see controller.ts). */
const DETAIL = 2;

export default function FlameView() {
  const query = useViewQuery();
  const theme = useEffectiveTheme();
  const flame = useFlame();
  const { zoomPath, focus, colour, orientation, groupBy } = flame;
  const selectedFunction = useView((s) => s.selectedFunction);
  const current = useSnapshots(selectedSnapshot);
  const stage = useRef<HTMLDivElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [menu, setMenu] = useState<(MenuRequest & { role: PaneRole }) | null>(null);
  const [sideZoom, setSideZoom] = useState<Record<'callers' | 'callees', string[] | null>>({ callers: null, callees: null });

  const spec = useMemo(() => (query ? { query, groupBy, states: colour === 'state', focus } : null), [query, groupBy, colour, focus]);
  const { data, busy, error } = useFlameData(
    spec,
    () => (stage.current?.clientWidth ?? 1200) * DETAIL,
    () => (useFlame.getState().focus ? null : useFlame.getState().zoomPath),
  );
  useEffect(() => setSideZoom({ callers: null, callees: null }), [focus]);
  const search = useFlameSearch(data?.main?.id ?? null, flame.search);
  const keyMatch = search?.ok && search.keyMatch.length > 0 ? search.keyMatch : null;
  const labelKeys = useLabelKeys(current?.id ?? null);

  const noun = data ? valueNoun(data.sampleType) : 'goroutines';
  const mode: ColourMode = data?.base ? 'diff' : colour === 'state' && data?.states && noun === 'goroutines' ? 'state' : 'package';
  const rootLabel = noun === 'goroutines' ? 'all goroutines' : 'total';
  const palette = useMemo(
    () =>
      data && {
        names: packagePaints(data.names, data.classes, theme),
        states: statePaints(data.states?.names ?? [], theme),
        diff: diffPaints(theme),
      },
    [data, theme],
  );
  const colours = CANVAS[theme];
  const lookFor = useCallback(
    (paneRoot: string, paneOrientation: PaneLook['orientation']): PaneLook | null =>
      data && palette
        ? {
            style: (win) =>
              boxStyle(
                { data, mode, namePaints: palette.names, statePaints: palette.states, diffPaints: palette.diff, root: ROOT_PAINT[theme], small: SMALL_PAINT[theme], rootLabel: paneRoot, keyMatch, selectedFunction },
                win,
              ),
            orientation: paneOrientation,
            background: colours.bg,
            accent: colours.accent,
          }
        : null,
    [data, palette, mode, theme, keyMatch, selectedFunction, colours],
  );
  const rootFrameLabel = data?.main ? `${rootLabel} · ${valueLabel(data.main.total, data.unit)}` : rootLabel;
  const mainLook = useMemo(() => lookFor(rootFrameLabel, orientation), [lookFor, rootFrameLabel, orientation]);
  const callersLook = useMemo(() => (focus ? lookFor(focus, 'flame') : null), [lookFor, focus]);
  const calleesLook = useMemo(() => (focus ? lookFor(focus, 'icicle') : null), [lookFor, focus]);

  useFlameKeys(searchInput, menu !== null, () => {
    for (const role of ['main', 'callers', 'callees'] as const) {
      const key = paneController(role)?.hoveredKey() ?? -1;
      if (data && key >= 0 && key < data.labelFrom) return data.funcs[key];
    }
    return flame.focus ?? selectedFunction;
  });

  const tooltip = useCallback(
    (paneRoot: string, selfLabel = 'self') => (target: Parameters<typeof FrameTooltip>[0]['target']) =>
      data && <FrameTooltip data={data} target={target} rootLabel={paneRoot} showDiff={mode === 'diff'} showState={mode === 'state'} theme={theme} selfLabel={selfLabel} />,
    [data, mode, theme],
  );

  const exportAs = async (kind: 'svg' | 'png') => {
    const role: PaneRole = focus ? 'callees' : 'main';
    const pane = paneController(role);
    const look = focus ? calleesLook : mainLook;
    if (!pane || !look || !data || !current) return;
    const win = pane.window;
    const total = win.width[0];
    const boxes = pane.allBoxes();
    const scene: ExportScene = {
      boxes,
      style: look.style(win),
      title: (b) => {
        const key = win.key[b.frame];
        const name = b.run > 0 ? `${b.run} smaller frames` : key === ROOT ? (focus ?? rootLabel) : data.names[key];
        const value = b.run > 0 ? b.runValue : win.width[b.frame];
        return `${name}\n${valueLabel(value, data.unit)} ${noun} (${percentLabel(value, data.total)})`;
      },
      width: stage.current?.clientWidth ?? 1200,
      rows: boxes.reduce((m, b) => Math.max(m, b.depth + 1), 1),
      orientation: focus ? 'icicle' : orientation,
      background: colours.bg,
      foreground: colours.fg,
      accent: colours.accent,
      heading: [current.name, `${valueLabel(total, data.unit)} ${noun}`, focus ? `callees of ${focus}` : zoomPath ? `zoomed to ${zoomPath[zoomPath.length - 1]}` : '', data.base ? `compared with ${data.base.name}` : ''].filter(Boolean).join(' · '),
    };
    const stem = current.name.replace(/\.(pb\.gz|pb|txt|gz)$/g, '');
    if (kind === 'svg') download(new Blob([flameSvg(scene)], { type: 'image/svg+xml' }), `${stem}.flame.svg`);
    else download(await flamePng(scene), `${stem}.flame.png`);
  };

  if (!query) return null;
  const main = data?.main;
  const showSandwich = focus !== null && data?.callers && data.callees;
  return (
    <div className="flame-view">
      <FlameToolbar searchInput={searchInput} search={search} data={data} current={current} labelKeys={labelKeys} onExport={(k) => void exportAs(k)} />
      <div className="flame-subbar">
        {focus ? (
          <div className="flame-focus">
            <button className="button small" onClick={() => flame.setFocus(null)} title="Back to the whole graph (Escape)">
              ← Whole graph
            </button>
            <span className="flame-focus-label">
              Callers and callees of <strong>{visibleName(focus)}</strong>
              {data?.callees && <span className="muted"> · {valueLabel(data.callees.total, data.unit)} {noun} ({percentLabel(data.callees.total, data.total)})</span>}
            </span>
          </div>
        ) : (
          <>
            <button className="icon flame-back" onClick={flame.zoomBack} disabled={flame.zoomHistory.length === 0} title="Back to the previous zoom" aria-label="Back">
              ←
            </button>
            <Breadcrumb rootLabel={rootLabel} path={zoomPath} onZoom={flame.zoomTo} />
          </>
        )}
        <SearchSummary search={search} data={data} />
        {data && mode === 'diff' && data.base && <DiffLegend theme={theme} baseName={data.base.name} />}
        {data && mode === 'state' && data.states && <StateLegend theme={theme} states={data.states.names} recorded={data.states.recorded} />}
        {data?.baseError && <span className="flame-note error">Cannot compare: {data.baseError}</span>}
      </div>
      {busy && <div className="busy-bar flame-busy" />}
      <div className="flame-body" ref={stage}>
        {error && <div className="view-message error">{error}</div>}
        {data && main && main.total === 0 && !showSandwich && <div className="view-message">No samples in this snapshot{query.filters && Object.keys(query.filters).length ? ' after the filters' : ''}.</div>}
        {showSandwich && callersLook && calleesLook ? (
          data.callees!.total === 0 ? (
            <div className="view-message">{focus} does not appear in this snapshot.</div>
          ) : (
            <div className="flame-sandwich">
              {data.callers!.maxDepth === 0 ? (
                <div className="flame-no-callers">
                  <strong>No callers:</strong> goroutines start in <code>{focus}</code>.
                </div>
              ) : (
                <FlamePane
                  menuOpen={menu !== null}
                  role="callers"
                  style={{ flex: `0 1 ${(data.callers!.maxDepth + 2) * ROW + 26}px`, minHeight: 80, maxHeight: '55%' }}
                  graph={data.callers!}
                  names={data.names}
                  look={callersLook}
                  zoomPath={sideZoom.callers}
                  onZoom={(p) => setSideZoom((z) => ({ ...z, callers: p }))}
                  onMenu={(m) => setMenu({ ...m, role: 'callers' })}
                  tooltip={tooltip(focus!, 'starts here')}
                  title={<>Callers ↑ <span className="muted">who calls it, up to where goroutines start</span></>}
                />
              )}
              <FlamePane
                menuOpen={menu !== null}
                role="callees"
                graph={data.callees!}
                names={data.names}
                look={calleesLook}
                zoomPath={sideZoom.callees}
                onZoom={(p) => setSideZoom((z) => ({ ...z, callees: p }))}
                onMenu={(m) => setMenu({ ...m, role: 'callees' })}
                tooltip={tooltip(focus!)}
                title={<>Callees ↓ <span className="muted">what it calls, merged over all its call sites</span></>}
              />
            </div>
          )
        ) : (
          data &&
          main &&
          main.total > 0 &&
          mainLook && (
            <FlamePane role="main" menuOpen={menu !== null} graph={main} names={data.names} look={mainLook} zoomPath={zoomPath} onZoom={flame.zoomTo} onMenu={(m) => setMenu({ ...m, role: 'main' })} tooltip={tooltip(rootLabel)} />
          )
        )}
      </div>
      {menu && data && <ContextMenu x={menu.x} y={menu.y} title={visibleName(data.names[menu.win.key[menu.box.frame]])} items={frameMenu(menu, data, { zoom: (path) => (menu.role === 'main' ? flame.zoomTo(path) : setSideZoom((z) => ({ ...z, [menu.role]: path }))) })} onClose={() => setMenu(null)} />}
    </div>
  );
}

/** Arrows pan (and scroll the rows), + and - zoom around the centre, 0 shows the whole graph. */
const KEY_MOVES: Record<string, 'left' | 'right' | 'up' | 'down' | 'in' | 'out' | 'reset'> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  '+': 'in',
  '=': 'in',
  '-': 'out',
  '0': 'reset',
};

/**
 * Ctrl/⌘+F goes to the search box; arrows, + - and 0 pan and zoom; Enter shows the callers and callees of the function under the
 * pointer (else of the selected one); Escape zooms out, then leaves the sandwich, then clears the search.
 */
function useFlameKeys(searchInput: React.RefObject<HTMLInputElement | null>, menuOpen: boolean, focusTarget: () => string | null): void {
  const target = useRef(focusTarget);
  target.current = focusTarget;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchInput.current?.focus();
        searchInput.current?.select();
        return;
      }
      const move = KEY_MOVES[e.key];
      if ((e.key !== 'Escape' && e.key !== 'Enter' && !move) || menuOpen || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.isContentEditable)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const s = useFlame.getState();
      if (move) {
        e.preventDefault();
        if (move !== 'reset') return paneController(s.focus === null ? 'main' : 'callees')?.nudge(move);
        if (s.zoomPath !== null) s.zoomTo(null);
        else paneController('main')?.resetZoom();
        return;
      }
      if (e.key === 'Enter') {
        // Enter on a button or link is that control's.
        if (t && ['BUTTON', 'A'].includes(t.tagName)) return;
        const fn = target.current();
        if (fn === null) return;
        s.setFocus(s.focus === fn ? null : fn);
        e.preventDefault();
        return;
      }
      if (s.focus === null && s.zoomPath !== null) s.zoomTo(null);
      else if (s.focus === null && paneController('main')?.resetZoom()) e.preventDefault();
      else if (s.focus !== null) s.setFocus(null);
      else if (s.search !== '') s.setSearch('');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchInput, menuOpen]);
}

