// Small shared pieces: links, icons, verdict badges, progress bars, charts.
import type { AnchorHTMLAttributes, ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { linkClick } from './lib/router';
import { t, hasKey, lang } from './i18n';
import { ApiError } from './lib/api';
import { skillNameIn } from './lib/skills';

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={linkClick} />;
}

type IconName = 'check' | 'cross' | 'clock' | 'memory' | 'flood' | 'crash' | 'gear' | 'question' | 'dot' | 'half' | 'spinner' | 'hand' | 'comment';

const paths: Record<IconName, JSX.Element> = {
  check: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  cross: <path d="M7 7l10 10M17 7L7 17" />,
  clock: <><circle cx="12" cy="12" r="8" /><path d="M12 7.5V12l3 2" /></>,
  memory: <><rect x="5" y="6" width="14" height="12" rx="2" /><path d="M9 6v12M15 6v12" /></>,
  flood: <path d="M5 8h14M5 12h14M5 16h14M5 20h9" />,
  crash: <><path d="M12 4l9 16H3z" /><path d="M12 10v4M12 17v.5" /></>,
  gear: <><circle cx="12" cy="12" r="3" /><path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1" /></>,
  question: <><circle cx="12" cy="12" r="8" /><path d="M9.5 9.5a2.5 2.5 0 015 0c0 1.7-2.5 2-2.5 3.5M12 16.5v.5" /></>,
  dot: <circle cx="12" cy="12" r="6" />,
  half: <><circle cx="12" cy="12" r="7" /><path d="M12 5a7 7 0 010 14z" fill="currentColor" /></>,
  spinner: <path d="M12 4a8 8 0 108 8" />,
  hand: <path d="M8 13V6.5a1.5 1.5 0 013 0V12m0-6.5a1.5 1.5 0 013 0V12m0-5a1.5 1.5 0 013 0v7c0 3.5-2.5 6-6 6s-5-2-6.5-4.5L5 12.5a1.5 1.5 0 012.6-1.5L8 12" />,
  comment: <path d="M5 6h14v9H10l-4 3v-3H5z" />,
};

export function Icon({ name, class: cls }: { name: IconName; class?: string }) {
  return (
    <svg class={`icon ${cls ?? ''} ${name === 'spinner' ? 'spin' : ''}`} viewBox="0 0 24 24" width="20" height="20"
      fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
      {paths[name]}
    </svg>
  );
}

export interface VerdictLimits { time_limit?: number; memory_limit_mib?: number }

const verdictIcons: Record<string, IconName> = {
  accepted: 'check', wrong_answer: 'cross', time_limit_exceeded: 'clock', memory_limit_exceeded: 'memory',
  output_limit_exceeded: 'flood', run_time_error: 'crash', compile_error: 'gear', judging_error: 'question',
  queued: 'dot', judging: 'spinner', skipped: 'dot', ok: 'check',
};

export function verdictTone(v: string | null | undefined): 'good' | 'bad' | 'neutral' {
  if (v === 'accepted' || v === 'ok') return 'good';
  if (!v || v === 'queued' || v === 'judging' || v === 'skipped') return 'neutral';
  return 'bad';
}

/** The plain-language sentence for a verdict word. */
export function verdictText(v: string | null | undefined, limits: VerdictLimits = {}): string {
  const word = v ?? 'queued';
  if (word === 'time_limit_exceeded') return limits.time_limit ? t('v.time_limit_exceeded', { seconds: formatSeconds(limits.time_limit) }) : t('v.time_limit_exceeded.plain');
  if (word === 'memory_limit_exceeded') return limits.memory_limit_mib ? t('v.memory_limit_exceeded', { mib: limits.memory_limit_mib }) : t('v.memory_limit_exceeded.plain');
  const key = `v.${word}`;
  return hasKey(key) ? t(key) : t('v.unknown', { word });
}

/** A skill tag (exercises/skills.yaml) as its name in the UI language. */
export function skillName(tag: string): string { return skillNameIn(tag, lang()); }

export function formatSeconds(s: number): string {
  return Number.isInteger(s) ? String(s) : s.toFixed(1).replace(/\.0$/, '');
}

/** A verdict shown with an icon, the plain sentence, and the technical word beside it. */
/** `text` replaces the plain sentence where more is known (a program that was waiting). */
export function Verdict({ verdict, limits, short, text }: { verdict: string | null | undefined; limits?: VerdictLimits; short?: boolean; text?: string }) {
  const word = verdict ?? 'queued';
  const tone = verdictTone(word);
  return (
    <span class={`verdict tone-${tone}`}>
      <Icon name={verdictIcons[word] ?? 'question'} />
      {short ? null : <span class="verdict-text">{text ?? verdictText(word, limits)}</span>}
      <code class="verdict-word">{word}</code>
    </span>
  );
}

export function ProgressBar({ value, max, label, text }: { value: number; max: number; label: string; text?: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div class="progress">
      <div class="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max || 1} aria-valuenow={value}
        aria-valuetext={text}>
        <div class="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      {text ? <span class="progress-text">{text}</span> : null}
    </div>
  );
}

/** A horizontal bar chart: a picture for those who would rather look than read, with the numbers written out too. */
export function BarChart({ rows, caption }: { rows: { label: string; solved: number; total: number }[]; caption: string }) {
  return (
    <figure class="barchart">
      <figcaption>{caption}</figcaption>
      <ul>
        {rows.map((r) => {
          const pct = r.total > 0 ? Math.round((r.solved / r.total) * 100) : 0;
          return (
            <li key={r.label}>
              <span class="bar-label">{r.label}</span>
              <span class="bar-track" aria-hidden="true"><span class="bar-fill" style={{ width: `${pct}%` }} /></span>
              <span class="bar-value">{r.solved} / {r.total}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export function Loading() {
  return <p class="loading" role="status"><Icon name="spinner" /> {t('app.loading')}</p>;
}

/** An error in the user's language: an API error is worded from its word and params
 *  ("err.<word>"); the server's own sentence is shown only for a word this UI does not know. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'network') return t('app.offline');
    return apiErrorText(e) ?? (e.message || t('app.error', { message: e.code }));
  }
  return t('app.error', { message: String(e) });
}

const unfilled = /\{\w+\}/;

function apiErrorText(e: ApiError): string | null {
  const key = `err.${e.code}`;
  if (!hasKey(key)) return null;
  const text = t(key, e.params);
  if (!unfilled.test(text)) return text;
  // An answer without the params its text names (not every site gives a field's name).
  const plain = `${key}.plain`;
  return hasKey(plain) ? t(plain) : e.message || null;
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="note note-warn" role="alert">
      <Icon name="crash" /> <span>{errorMessage(error)}</span>
      {onRetry ? <button type="button" class="btn btn-small" onClick={onRetry}>{t('app.retry')}</button> : null}
    </div>
  );
}

/** Loads data on mount (and when deps change); returns state and a reload function. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; loading: boolean; reload: () => void; set: (d: T) => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const seq = useRef(0);
  const run = useCallback(() => {
    const n = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => { if (n === seq.current) setState({ data, loading: false }); },
      (error) => { if (n === seq.current) setState((s) => ({ data: s.data, error, loading: false })); },
    );
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run, set: (data: T) => setState({ data, loading: false }) };
}

let lastFocusedPath = '';
let firstPage = true;

/** Sets the document title and moves focus to the page heading on navigation, for screen readers and keyboards. */
export function PageHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => { document.title = `${title} · koodikoe`; }, [title]);
  useEffect(() => {
    // Only a real navigation moves focus (not a language switch or a reload of data).
    if (lastFocusedPath !== location.pathname) {
      lastFocusedPath = location.pathname;
      if (!firstPage) ref.current?.focus({ preventScroll: true });
      firstPage = false;
    }
  }, []);
  return <h1 ref={ref} tabIndex={-1} class="page-title">{children}</h1>;
}
