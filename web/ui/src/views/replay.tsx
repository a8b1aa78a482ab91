// The replay viewer of game exercises: the world drawn in SVG, play, pause, step and speed,
// the turn and the move of each step, the moment it went wrong marked, and the whole game as
// a list of moves and events for screen readers. The format is judge/PACKAGES.md.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lang, t } from '../i18n';
import type { MessageKey } from '../i18n/en';
import {
  BASE_FPS, SPEEDS, failureFrame, resolveStates, textIn, trailOf,
  type Frame, type Line, type Replay, type ResolvedState, type World,
} from '../lib/replay';

const MAX_LISTED = 1000;
const SPEED_KEY = 'kk_replay_speed';

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

function savedSpeed(): number {
  try {
    const value = Number(localStorage.getItem(SPEED_KEY));
    return (SPEEDS as readonly number[]).includes(value) ? value : 1;
  } catch { return 1; }
}

// ------------------------------------------------------------------ words

function whoMoved(frame: Frame): string {
  if (frame.by === 'program') return t('replay.by.program');
  if (frame.by === 'bot') return t('replay.by.bot');
  return t('replay.by.world');
}

/** "Turn 3 · Your program: FORWARD" */
export function frameSummary(frame: Frame): string {
  const turn = t('replay.turn', { turn: frame.turn });
  if (frame.move === undefined) return frame.turn === 0 ? `${turn} · ${t('replay.start')}` : turn;
  return `${turn} · ${whoMoved(frame)}: ${frame.move}`;
}

function dirWord(dir?: string): string {
  return dir === 'N' || dir === 'E' || dir === 'S' || dir === 'W' ? t(`replay.dir.${dir}` as MessageKey) : '';
}

const MARK_KINDS = new Set(['item', 'apple', 'body', 'stone', 'x', 'o', 'visited', 'wall', 'goal', 'target']);

function markWord(kind: string): string {
  return MARK_KINDS.has(kind) ? t(`replay.mark.${kind}` as MessageKey) : kind;
}

/** What the picture shows, in words (the picture's accessible name). */
function describe(world: World, state: ResolvedState, drawn: number): string {
  if (world.kind === 'grid') {
    const parts = [t('replay.grid', { width: world.width, height: world.height })];
    for (const a of state.agents.slice(0, 4)) {
      const who = t(`replay.agent.${a.kind ?? 'robot'}` as MessageKey);
      const facing = a.dir ? `, ${t('replay.facing', { dir: dirWord(a.dir) })}` : '';
      parts.push(`${t('replay.agentAt', { who, x: a.x, y: a.y })}${facing}.`);
    }
    if (state.marks.length && state.marks.length <= 12) {
      parts.push(state.marks.map((m) => `${markWord(m.kind)} (${m.x}, ${m.y})`).join(', ') + '.');
    } else if (state.marks.length) {
      const counts = new Map<string, number>();
      for (const m of state.marks) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
      parts.push([...counts].map(([k, n]) => `${markWord(k)} × ${n}`).join(', ') + '.');
    }
    return parts.join(' ');
  }
  if (world.kind === 'plane') {
    const parts = [t('replay.plane', { n: drawn })];
    const tu = state.turtle;
    if (tu) {
      parts.push(t('replay.turtle', { x: round(tu.x), y: round(tu.y), heading: round(tu.heading ?? 0),
        pen: tu.pen === false ? t('replay.penUp') : t('replay.penDown') }));
    }
    return parts.join(' ');
  }
  const parts = [t('replay.range', { min: world.min, max: world.max, low: state.low ?? world.min, high: state.high ?? world.max })];
  if (state.guess !== undefined) parts.push(t('replay.guess', { guess: state.guess }));
  return parts.join(' ');
}

function round(v: number): number { return Math.round(v * 10) / 10; }

// ------------------------------------------------------------------ pictures

function FailCross({ x, y, size }: { x: number; y: number; size: number }) {
  return (
    <g class="replay-fail">
      <circle cx={x} cy={y} r={size * 0.62} />
      <path d={`M${x - size / 2} ${y - size / 2}L${x + size / 2} ${y + size / 2}M${x + size / 2} ${y - size / 2}L${x - size / 2} ${y + size / 2}`} />
    </g>
  );
}

const ARROW: Record<string, number> = { N: -90, E: 0, S: 90, W: 180 };

function MarkShape({ kind, x, y }: { kind: string; x: number; y: number }) {
  const cx = x + 0.5, cy = y + 0.5;
  switch (kind) {
    case 'item': return <path class="mk-item" d={`M${cx} ${y + 0.15}L${x + 0.85} ${cy}L${cx} ${y + 0.85}L${x + 0.15} ${cy}Z`} />;
    case 'apple': return <g class="mk-apple"><circle cx={cx} cy={cy + 0.04} r={0.32} /><path d={`M${cx} ${cy - 0.26}q.1 -.18 .22 -.16`} /></g>;
    case 'body': return <rect class="mk-body" x={x + 0.08} y={y + 0.08} width={0.84} height={0.84} rx={0.18} />;
    case 'stone': return <circle class="mk-stone" cx={cx} cy={cy} r={0.36} />;
    case 'x': return <path class="mk-x" d={`M${x + 0.2} ${y + 0.2}L${x + 0.8} ${y + 0.8}M${x + 0.8} ${y + 0.2}L${x + 0.2} ${y + 0.8}`} />;
    case 'o': return <circle class="mk-o" cx={cx} cy={cy} r={0.3} />;
    case 'visited': return <circle class="mk-visited" cx={cx} cy={cy} r={0.1} />;
    case 'wall': return <rect class="cell-wall" x={x} y={y} width={1} height={1} />;
    case 'goal': return <rect class="mk-goal" x={x + 0.06} y={y + 0.06} width={0.88} height={0.88} />;
    default: return <circle class="mk-target" cx={cx} cy={cy} r={0.32} />;
  }
}

function GridPicture({ world, state, index, trail, fail }: {
  world: Extract<World, { kind: 'grid' }>; state: ResolvedState; index: number; trail: Map<string, number> | null; fail: [number, number] | null;
}) {
  const { width, height, cells } = world;
  const walls = useMemo(() => {
    let d = '';
    cells?.forEach((row, y) => { for (let x = 0; x < row.length; x++) if (row[x] === '#') d += `M${x} ${y}h1v1h-1z`; });
    return d;
  }, [cells]);
  const goals = useMemo(() => {
    const list: [number, number][] = [];
    cells?.forEach((row, y) => { for (let x = 0; x < row.length; x++) if (row[x] === 'G') list.push([x, y]); });
    return list;
  }, [cells]);
  const gridLines = useMemo(() => {
    let d = '';
    for (let x = 1; x < width; x++) d += `M${x} 0V${height}`;
    for (let y = 1; y < height; y++) d += `M0 ${y}H${width}`;
    return d;
  }, [width, height]);
  const trailDots: JSX.Element[] = [];
  if (trail) {
    for (const [key, first] of trail) {
      if (first > index) continue;
      const [x, y] = key.split(',').map(Number);
      trailDots.push(<circle key={key} class="mk-trail" cx={x + 0.5} cy={y + 0.5} r={0.11} />);
    }
  }
  return (
    <svg viewBox={`-0.1 -0.1 ${width + 0.2} ${height + 0.2}`} class="replay-svg" aria-hidden="true" focusable="false">
      <rect class="cell-floor" x={0} y={0} width={width} height={height} />
      {width * height <= 2500 ? <path class="grid-lines" d={gridLines} /> : null}
      {goals.map(([x, y]) => (
        <g key={`g${x},${y}`} class="cell-goal"><rect x={x} y={y} width={1} height={1} /><path d={`M${x + 0.3} ${y + 0.85}V${y + 0.15}l.45 .17l-.45 .17`} /></g>
      ))}
      <path class="cell-wall" d={walls} />
      {trailDots}
      {state.marks.map((m, i) => <MarkShape key={`m${i}`} kind={m.kind} x={m.x} y={m.y} />)}
      {state.agents.map((a, i) => (
        <g key={`a${i}`} class={`agent agent-${a.kind ?? 'robot'}`} transform={`translate(${a.x + 0.5} ${a.y + 0.5})`}>
          {a.kind === 'snake' ? <rect x={-0.44} y={-0.44} width={0.88} height={0.88} rx={0.25} /> : <circle r={0.4} />}
          {a.dir ? <path class="agent-dir" transform={`rotate(${ARROW[a.dir]})`} d="M.3 0L-.12 -.22V.22Z" /> : null}
        </g>
      ))}
      {fail ? <FailCross x={fail[0] + 0.5} y={fail[1] + 0.5} size={0.7} /> : null}
    </svg>
  );
}

function PlanePicture({ world, state, lines, drawn, fail }: {
  world: Extract<World, { kind: 'plane' }>; state: ResolvedState; lines: Line[]; drawn: number; fail: [number, number] | null;
}) {
  const [x0, y0] = world.min, [x1, y1] = world.max;
  const size = Math.max(x1 - x0, y1 - y0);
  const path = (ls: Line[]) => ls.map(([a, b, c, d]) => `M${a} ${-b}L${c} ${-d}`).join('');
  const target = useMemo(() => path(world.target ?? []), [world.target]);
  const ink = useMemo(() => path(lines.slice(0, drawn)), [lines, drawn]);
  const tu = state.turtle;
  const s = size * 0.035;
  return (
    <svg viewBox={`${x0} ${-y1} ${x1 - x0} ${y1 - y0}`} class="replay-svg" aria-hidden="true" focusable="false">
      <rect class="cell-floor" x={x0} y={-y1} width={x1 - x0} height={y1 - y0} />
      <path class="plane-target" d={target} />
      <path class="plane-ink" d={ink} />
      {tu ? (
        <path class={`turtle ${tu.pen === false ? 'pen-up' : ''}`}
          transform={`translate(${tu.x} ${-tu.y}) rotate(${-(tu.heading ?? 0)})`} d={`M${s} 0L${-s * 0.7} ${-s * 0.6}L${-s * 0.7} ${s * 0.6}Z`} />
      ) : null}
      {fail ? <FailCross x={fail[0]} y={-fail[1]} size={s * 1.6} /> : null}
    </svg>
  );
}

function RangePicture({ world, state }: { world: Extract<World, { kind: 'range' }>; state: ResolvedState }) {
  const span = world.max - world.min || 1;
  const at = (v: number) => 4 + (92 * (v - world.min)) / span;
  const low = state.low ?? world.min, high = state.high ?? world.max;
  return (
    <svg viewBox="0 0 100 26" class="replay-svg replay-range" aria-hidden="true" focusable="false">
      <rect class="range-all" x={4} y={11} width={92} height={4} rx={1} />
      {low <= high ? <rect class="range-open" x={at(low) - 0.6} y={10} width={Math.max(1.2, at(high) - at(low) + 1.2)} height={6} rx={1} /> : null}
      {state.guess !== undefined ? (
        <g class="range-guess"><path d={`M${at(state.guess)} 7V19`} /><text x={at(state.guess)} y={5.5}>{state.guess}</text></g>
      ) : null}
      <text class="range-end" x={4} y={24}>{world.min}</text>
      <text class="range-end range-end-max" x={96} y={24}>{world.max}</text>
    </svg>
  );
}

// ------------------------------------------------------------------ the viewer

function ControlIcon({ d }: { d: string }) {
  return <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d={d} /></svg>;
}
const ICONS = {
  start: 'M5 5h3v14H5zM19 5L9 12l10 7z',
  back: 'M16 5L7 12l9 7z',
  play: 'M8 5l11 7-11 7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  forward: 'M8 5l9 7-9 7z',
  end: 'M16 5h3v14h-3zM5 5l10 7-10 7z',
};

export function ReplayViewer({ replay, label, autoplay }: { replay: Replay; label: string; autoplay: boolean }) {
  const last = replay.frames.length - 1;
  const fail = failureFrame(replay);
  const still = !autoplay || prefersReducedMotion() || last === 0;
  const [index, setIndex] = useState(still ? (fail ?? last) : 0);
  const [playing, setPlaying] = useState(!still);
  const [speed, setSpeed] = useState(savedSpeed);
  const { states, lines, drawn } = useMemo(() => resolveStates(replay), [replay]);
  const trail = useMemo(() => (replay.world.kind === 'grid' && replay.world.trail ? trailOf(states) : null), [replay, states]);
  const language = lang();

  const root = useRef<HTMLElement>(null);
  // Write, run, watch: a replay that starts playing is brought into view (focus stays put).
  useEffect(() => {
    if (!still) root.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);

  useEffect(() => {
    if (!playing) return;
    if (index >= last) { setPlaying(false); return; }
    const timer = setTimeout(() => setIndex((i) => Math.min(last, i + 1)), 1000 / (BASE_FPS * speed));
    return () => clearTimeout(timer);
  }, [playing, index, speed, last]);

  const go = (i: number) => { setPlaying(false); setIndex(Math.max(0, Math.min(last, i))); };
  const toggle = () => {
    if (playing) { setPlaying(false); return; }
    if (index >= last) setIndex(0);
    setPlaying(true);
  };
  const changeSpeed = (value: number) => {
    setSpeed(value);
    try { localStorage.setItem(SPEED_KEY, String(value)); } catch { /* storage may be blocked */ }
  };
  const onKey = (e: KeyboardEvent) => {
    const tag = (e.target as HTMLElement).tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => go(index - 1), ArrowRight: () => go(index + 1), Home: () => go(0), End: () => go(last),
    };
    if (moves[e.key]) { e.preventDefault(); moves[e.key](); }
  };

  const frame = replay.frames[index];
  const state = states[index];
  const failedHere = fail !== null && index >= fail;
  const at = failedHere && replay.outcome.at ? replay.outcome.at : null;
  const world = replay.world;
  const title = textIn(replay.title, language);
  const outcomeText = textIn(replay.outcome.text, language);
  // The outcome is said at the failure, or at the end of a game that went well; an event of
  // that frame with the same words is not said twice.
  const showsOutcome = fail !== null ? index === fail : index === last;

  return (
    <section class="replay" aria-label={label} onKeyDown={onKey} ref={root}>
      <div class="replay-head">
        <h4 class="replay-title">{title ? t('replay.title', { title }) : t('replay.untitled')}</h4>
        {fail !== null ? (
          <button type="button" class="btn btn-small btn-quiet" onClick={() => go(fail)}>{t('replay.goToFailure')}</button>
        ) : null}
      </div>
      <div class="replay-stage" role="img" aria-label={describe(world, state, drawn[index])}>
        {world.kind === 'grid' ? <GridPicture world={world} state={state} index={index} trail={trail} fail={at} /> : null}
        {world.kind === 'plane' ? <PlanePicture world={world} state={state} lines={lines} drawn={drawn[index]} fail={at} /> : null}
        {world.kind === 'range' ? <RangePicture world={world} state={state} /> : null}
      </div>
      <div class="replay-status" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
        <p class="replay-step"><strong>{t('replay.step', { n: index + 1, total: last + 1 })}</strong> · {frameSummary(frame)}</p>
        {(frame.events ?? []).filter((ev) => !(showsOutcome && textIn(ev.text, language) === outcomeText)).map((ev, i) => (
          <p key={i} class={`replay-event tone-${ev.tone ?? 'info'}`}>{textIn(ev.text, language)}</p>
        ))}
        {fail !== null && index === fail ? (
          <p class="replay-failure"><span class="replay-cross" aria-hidden="true">✗</span> <strong>{t('replay.wentWrong')}:</strong> {outcomeText}</p>
        ) : null}
        {index === last && fail === null ? <p class="replay-event tone-good">{outcomeText}</p> : null}
      </div>
      <div class="replay-controls" role="group" aria-label={t('replay.controls')}>
        <button type="button" class="btn btn-small btn-quiet" aria-label={t('replay.toStart')} title={t('replay.toStart')} onClick={() => go(0)} aria-disabled={index === 0}><ControlIcon d={ICONS.start} /></button>
        <button type="button" class="btn btn-small btn-quiet" aria-label={t('replay.back')} title={t('replay.back')} onClick={() => go(index - 1)} aria-disabled={index === 0}><ControlIcon d={ICONS.back} /></button>
        <button type="button" class="btn btn-small replay-play" aria-label={playing ? t('replay.pause') : t('replay.play')} title={playing ? t('replay.pause') : t('replay.play')} onClick={toggle}>
          <ControlIcon d={playing ? ICONS.pause : ICONS.play} />
        </button>
        <button type="button" class="btn btn-small btn-quiet" aria-label={t('replay.forward')} title={t('replay.forward')} onClick={() => go(index + 1)} aria-disabled={index === last}><ControlIcon d={ICONS.forward} /></button>
        <button type="button" class="btn btn-small btn-quiet" aria-label={t('replay.toEnd')} title={t('replay.toEnd')} onClick={() => go(last)} aria-disabled={index === last}><ControlIcon d={ICONS.end} /></button>
        <label class="replay-speed">{t('replay.speed')}{' '}
          <select value={String(speed)} onChange={(e) => changeSpeed(Number((e.target as HTMLSelectElement).value))}>
            {SPEEDS.map((s) => <option key={s} value={String(s)}>{`${s}×`}</option>)}
          </select>
        </label>
      </div>
      <input type="range" class="replay-slider" min={0} max={last} value={index} aria-label={t('replay.slider')}
        aria-valuetext={`${t('replay.step', { n: index + 1, total: last + 1 })}, ${frameSummary(frame)}`}
        onInput={(e) => go(Number((e.target as HTMLInputElement).value))} />
      <p class="muted small replay-keys">{t('replay.keys')}</p>
      <details class="replay-text">
        <summary>{t('replay.text')}</summary>
        <ol class="replay-list">
          {replay.frames.slice(0, MAX_LISTED).map((f, i) => (
            <li key={i} aria-current={i === index ? 'step' : undefined} class={i === fail ? 'is-failure' : undefined}>
              <span class="replay-list-head">{frameSummary(f)}</span>
              {(f.events ?? []).map((ev, j) => <span key={j} class={`replay-list-event tone-${ev.tone ?? 'info'}`}> — {textIn(ev.text, language)}</span>)}
              {i === fail ? <strong class="replay-list-fail"> ✗ {t('replay.wentWrong')}</strong> : null}
            </li>
          ))}
        </ol>
        {last + 1 > MAX_LISTED ? <p class="muted small">{t('replay.more', { n: last + 1 - MAX_LISTED })}</p> : null}
        <p class={`replay-outcome tone-${replay.outcome.result === 'success' ? 'good' : 'bad'}`}>
          <strong>{t(`replay.outcome.${replay.outcome.result}` as MessageKey)}:</strong> {outcomeText}
        </p>
      </details>
    </section>
  );
}
