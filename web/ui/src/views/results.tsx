// The results panel: a live progress bar, a row per test as verdicts arrive,
// the program's output beside the expected output, and compile errors with
// line numbers that jump to the line in the editor.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Sample, Submission, TestResult } from '../lib/api';
import { hasKey, lang, t } from '../i18n';
import { errorLines, parseCompileOutput } from '../lib/compile';
import { Icon, Link, ProgressBar, Verdict, verdictTone, type VerdictLimits } from '../components';
import { isReplay } from '../lib/replay';
import { feedbackText } from '../lib/feedback';
import { firstDifference, outputLines, splitCut, type Difference } from '../lib/diff';
import { ReplayViewer } from './replay';

export interface ResultState {
  kind: 'run' | 'custom' | 'submission';
  id?: string | number;
  status: 'sending' | 'queued' | 'judging' | 'done' | 'failed';
  done: number;
  total: number;
  tests: TestResult[];
  final?: Submission;
  error?: string;
}

export function mergeTest(tests: TestResult[], test: TestResult): TestResult[] {
  const i = tests.findIndex((x) => x.name === test.name && (x.group ?? '') === (test.group ?? ''));
  if (i < 0) return [...tests, test];
  const copy = tests.slice();
  copy[i] = test;
  return copy;
}

/** A time limit hit with little CPU used: the program was waiting (for input, a partner, a
 *  sleep), not computing. */
export function waitedText(test: TestResult | undefined, limits: VerdictLimits, short = false): string | undefined {
  if (!test || test.verdict !== 'time_limit_exceeded' || test.cpu_ms === undefined) return undefined;
  const limitMs = (limits.time_limit ?? 1) * 1000;
  if (test.cpu_ms * 2 >= limitMs) return undefined;
  return t(short ? 'v.waitedShort' : 'v.waited', { cpu: formatMs(test.cpu_ms) });
}

/** Python's syntax errors (SyntaxError, IndentationError, TabError) named as such, with the line. */
export function syntaxErrorText(output: string | undefined): string | undefined {
  if (!output || !/^(SyntaxError|IndentationError|TabError)\b/m.test(output)) return undefined;
  const line = errorLines(output)[0];
  return line ? t('v.syntaxErrorAt', { line }) : t('v.syntaxError');
}

/** A test's note in the user's language: its code worded, else the default checker's old
 *  English note read, else the note as it is. */
export function testNoteText(test: TestResult): string {
  return feedbackText(test, t, lang(), hasKey);
}

function formatMs(ms?: number) { return ms === undefined || ms === null ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms} ms`; }
function formatKib(kib?: number) { return kib === undefined || kib === null ? '' : kib >= 1024 ? `${(kib / 1024).toFixed(1)} MiB` : `${kib} KiB`; }

export function CompileOutput({ output, onLine }: { output: string; onLine?: (line: number) => void }) {
  const lines = parseCompileOutput(output);
  return (
    <div class="compile-output">
      <h3 class="small-heading">{t('res.compileOutput')}</h3>
      <pre class="output-pre">
        {lines.map((l, i) => (
          <div class={l.line !== null ? 'compile-line has-line' : 'compile-line'} key={i}>
            {l.line !== null ? (
              onLine ? (
                <button type="button" class="line-ref" onClick={() => onLine(l.line!)} aria-label={t('res.goToLine', { line: l.line })}>
                  {t('res.line', { line: l.line })}
                </button>
              ) : <span class="line-ref">{t('res.line', { line: l.line })}</span>
            ) : <span class="line-ref-empty" />}
            <span>{l.text}</span>
          </div>
        ))}
      </pre>
    </div>
  );
}

/** A program's output or the expected output, the first differing line marked from its column. */
function OutputText({ text, diff }: { text: string; diff: Difference | null }) {
  const { text: body, more } = splitCut(text);
  if (body === '' && !more) return <pre class="output-pre">{t('res.emptyOutput')}</pre>;
  const lines = body.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return (
    <pre class="output-pre">
      {lines.map((l, i) => (diff && i + 1 === diff.line ? (
        <span class="diff-line" key={i}>{l.slice(0, diff.column - 1)}<mark class="diff-at">{l.slice(diff.column - 1) || ' '}</mark>{'\n'}</span>
      ) : `${l}\n`))}
      {more ? <span class="muted">{t('res.moreBytes', { bytes: more })}</span> : null}
    </pre>
  );
}

function DifferenceNote({ diff, printed, expected }: { diff: Difference; printed: string; expected: string }) {
  const counts = { printed: outputLines(printed).length, expected: outputLines(expected).length };
  return (
    <p class="diff-note">
      <strong>{t('res.diffAt', { line: diff.line, column: diff.column })}</strong>
      {diff.kind === 'text' ? null : ` ${t(diff.kind === 'missing' ? 'res.diffMissing' : 'res.diffExtra', counts)}`}
    </p>
  );
}

function OutputCompare({ test, sample }: { test: TestResult; sample?: Sample }) {
  const printed = test.output;
  const expected = test.expected ?? sample?.output;
  const diff = test.verdict === 'wrong_answer' && printed !== undefined && expected !== undefined
    ? firstDifference(splitCut(printed).text, splitCut(expected).text) : null;
  return (
    <div class="compare">
      {diff && printed !== undefined && expected !== undefined ? <DifferenceNote diff={diff} printed={printed} expected={expected} /> : null}
      {printed !== undefined || expected !== undefined ? (
        <div class="compare-grid">
          {printed !== undefined ? (
            <div class="compare-printed">
              <h4>{t('res.yourOutput')}</h4>
              <OutputText text={printed} diff={diff?.kind === 'missing' ? null : diff} />
            </div>
          ) : null}
          {expected !== undefined ? (
            <div class="compare-expected">
              <h4>{t('res.expected')}</h4>
              <OutputText text={expected} diff={diff?.kind === 'extra' ? null : diff} />
            </div>
          ) : null}
        </div>
      ) : null}
      {test.stderr ? (
        <div class="compare-stderr">
          <h4>{t('res.stderr')}</h4>
          <OutputText text={test.stderr} diff={null} />
        </div>
      ) : null}
      {test.feedback && test.feedback !== printed ? (
        <p class="feedback"><strong>{t('res.note')}:</strong> <span class="feedback-text">{testNoteText(test)}</span></p>
      ) : null}
    </div>
  );
}

/** `replays`: how a game's replays start: playing at once (a run on the examples), or still at
 *  the moment it ended. The first test with a replay is open either way. */
export function TestRows({ tests, samples, limits, expandAll, replays = 'still' }: {
  tests: TestResult[]; samples?: Sample[]; limits: VerdictLimits; expandAll?: boolean; replays?: 'play' | 'still';
}) {
  const sampleFor = (name: string) => samples?.find((s) => s.name === name || `sample/${s.name}` === name || name.endsWith(`/${s.name}`));
  const firstReplay = tests.findIndex((test) => isReplay(test.replay));
  // Failing tests first: the one to look at is at the top, not below the passing rows.
  const order = tests.map((_, i) => i).sort((a, b) => Number(verdictTone(tests[b].verdict) === 'bad') - Number(verdictTone(tests[a].verdict) === 'bad') || a - b);
  return (
    <ol class="test-rows">
      {order.map((i) => {
        const test = tests[i];
        const replay = isReplay(test.replay) ? test.replay : null;
        const sample = samples && !replay ? sampleFor(test.name) : undefined;
        const detail = sample !== undefined || test.output !== undefined || test.expected !== undefined || !!test.stderr || !!test.feedback || !!replay;
        const open = expandAll || verdictTone(test.verdict) === 'bad' || i === firstReplay;
        const head = (
          <>
            <span class="test-name">{test.group && !test.name.startsWith(`${test.group}/`) ? `${test.group}/` : ''}{test.name}</span>
            <Verdict verdict={test.verdict} limits={limits} text={waitedText(test, limits, true)} />
            <span class="test-stats">{formatMs(test.cpu_ms ?? test.wall_ms)}{test.memory_kib ? ` · ${formatKib(test.memory_kib)}` : ''}</span>
          </>
        );
        return (
          <li key={`${test.group ?? ''}/${test.name}/${i}`} class={`test-row tone-${verdictTone(test.verdict)}`}>
            {detail ? (
              <details open={open}>
                <summary class="test-head">{head}</summary>
                <OutputCompare test={test} sample={sample} />
                {replay ? (
                  <ReplayViewer replay={replay} label={t('replay.label', { name: test.name })}
                    autoplay={replays === 'play' && i === firstReplay} />
                ) : null}
              </details>
            ) : <div class="test-head" tabIndex={-1}>{head}</div>}
          </li>
        );
      })}
    </ol>
  );
}

/** Once the verdict is in: the focus (and the view, on a phone) to the first failing test (a hidden
 *  test has no details to open, so its row's head takes the focus), or to the verdict. */
function useFocusOnVerdict(box: { current: HTMLDivElement | null }, finished: boolean) {
  useEffect(() => {
    if (!finished || !box.current) return;
    const target = box.current.querySelector<HTMLElement>('.test-row.tone-bad > details > summary, .test-row.tone-bad > .test-head') ?? box.current.querySelector<HTMLElement>('.overall');
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'nearest' });
  }, [finished]);
}

export function ResultsPanel({ result, samples, limits, onLine, next }: {
  result: ResultState | null; samples: Sample[]; limits: VerdictLimits; onLine: (line: number) => void; next?: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  const sub = result?.final;
  const finished = result?.status === 'done' && !!sub;
  useFocusOnVerdict(box, finished);
  if (!result) return <p class="muted empty-results">{t('res.nothing')}</p>;
  // A run on the candidate's own input has no answer to be right or wrong against.
  const verdict = result.kind === 'custom' && (!sub?.verdict || sub.verdict === 'accepted') ? 'ok' : sub?.verdict ?? null;
  const compileOut = sub?.compile?.output;
  const compileFailed = sub?.verdict === 'compile_error' || sub?.compile?.status === 'compile_error' || sub?.compile?.status === 'error';
  const tests = sub?.tests ?? result.tests;
  const overallText = compileFailed ? syntaxErrorText(compileOut) : waitedText(tests.find((x) => x.verdict === verdict), limits);
  const total = Math.max(result.total, tests.length);
  const statusText = result.status === 'sending' || result.status === 'queued' ? t('res.queued')
    : result.status === 'judging' ? (total ? t('res.judging', { done: result.done, total }) : t('res.judgingNoTotal'))
      : t('res.done');
  const customOutput = result.kind === 'custom' ? splitCut(sub?.output ?? sub?.tests?.[0]?.output ?? sub?.tests?.[0]?.feedback ?? '').text : '';

  return (
    <div class="results" data-status={result.status} ref={box}>
      <div class="results-head">
        <h3 class="small-heading">
          {result.kind === 'submission' && result.id !== undefined ? t('res.submissionKind', { id: result.id }) : t('res.runKind')}
        </h3>
        {result.kind === 'submission' && result.id !== undefined && finished ? (
          <Link href={`/submissions/${encodeURIComponent(String(result.id))}`} class="small-link">{t('res.openSubmission')}</Link>
        ) : null}
      </div>
      {result.status === 'failed' ? (
        <div class="note note-warn" role="alert"><Icon name="crash" /> <span>{result.error}</span></div>
      ) : null}
      {result.status !== 'failed' ? (
        <div aria-live="polite" aria-atomic="true" class="live-status">
          {!finished ? (
            <ProgressBar value={result.done} max={total || 1} label={t('res.progress')} text={statusText} />
          ) : (
            <div class={`overall tone-${verdictTone(verdict)}`} data-verdict={verdict ?? ''} tabIndex={-1}>
              <Verdict verdict={verdict} limits={limits} text={overallText} />
              {sub?.max_score && result.kind === 'submission' ? <span class="score">{t('res.score', { score: sub.score ?? 0, max: sub.max_score })}</span> : null}
            </div>
          )}
        </div>
      ) : null}
      {finished && result.kind === 'submission' && verdict === 'accepted' && next ? next : null}
      {finished && sub?.message ? <p class="note note-info">{sub.message}</p> : null}
      {finished && compileFailed && compileOut ? <CompileOutput output={compileOut} onLine={onLine} /> : null}
      {finished && result.kind === 'custom' && !compileFailed && sub?.verdict !== 'judging_error' ? (
        <div class="custom-output">
          <h4>{t('res.customOutput')}</h4>
          <pre class="output-pre">{customOutput === '' ? t('res.emptyOutput') : customOutput}</pre>
        </div>
      ) : null}
      {result.kind !== 'custom' && tests.length ? (
        <TestRows tests={tests} samples={samples} limits={limits} replays={result.kind === 'run' ? 'play' : 'still'} />
      ) : null}
    </div>
  );
}
