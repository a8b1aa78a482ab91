// The trainer's view of the room: who is stuck where, which tests fail most,
// the help queue in order, hints for the room and extra time for one person.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, exerciseId, type ExerciseSummary, type HeatCell, type HelpRequest, type Live, type Participant, type Workshop } from '../lib/api';
import { formatTime, minutesSince, t } from '../i18n';
import { navigate } from '../lib/router';
import { ErrorNote, errorMessage, Icon, Link, Loading, PageHeading, Verdict, useAsync } from '../components';
import { exerciseTitle } from './catalogue';

const POLL_MS = 5000;
const STUCK_MINUTES = 15;

/** Minutes since the last submission, preferring the server's count (no clock skew between machines). */
function sinceLast(p: Participant, now: number): number | null {
  return typeof p.minutes_since_last_submission === 'number' ? p.minutes_since_last_submission : minutesSince(p.last_submission_at, now);
}

function isStuck(p: Participant, now: number): boolean {
  if (!p.exercise || p.last_verdict === 'accepted') return false;
  const since = sinceLast(p, now);
  return (since !== null && since >= STUCK_MINUTES) || (since === null && (p.minutes_on_exercise ?? 0) >= STUCK_MINUTES);
}

/** Extra time for one person. A modal dialog, not a popover inside the table: the table's
 *  scroll box would clip it, and on a phone it would open off-screen. */
function ExtraTime({ workshop, p, onDone }: { workshop: string; p: Participant; onDone: (msg: string) => void }) {
  const [minutes, setMinutes] = useState(10);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const name = p.nickname || p.username;
  const id = `extra-${p.username}`;
  return (
    <div class="popover">
      <button type="button" class="btn btn-small btn-quiet" aria-haspopup="dialog" data-extra={p.username}
        onClick={() => dialog.current?.showModal()}>{t('live.extraTime')}</button>
      <dialog ref={dialog} class="popover-dialog" aria-labelledby={`${id}-h`}>
        <form class="popover-body" onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try { await api.extraTime(workshop, p.username, minutes); onDone(t('live.extraGiven', { name, n: minutes })); dialog.current?.close(); }
          catch (err) { onDone(errorMessage(err)); }
          setBusy(false);
        }}>
          <h2 id={`${id}-h`} class="small-heading">{t('live.extraTime')}</h2>
          <label for={id}>{t('live.extraMinutes', { name })}</label>
          <select id={id} value={minutes} onChange={(e) => setMinutes(Number((e.target as HTMLSelectElement).value))}>
            {[5, 10, 15, 30, 60].map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
          <div class="actions">
            <button type="submit" class="btn btn-primary btn-small" disabled={busy}>{t('live.give')}</button>
            <button type="button" class="btn btn-small btn-quiet" onClick={() => dialog.current?.close()}>{t('live.cancel')}</button>
          </div>
        </form>
      </dialog>
    </div>
  );
}

/** Answered help requests, newest answer first: who, where, when asked and answered, and the code. */
function AnsweredHelp({ answered, titleOf }: { answered: HelpRequest[]; titleOf: (id: string | null | undefined) => string }) {
  if (!answered.length) return null;
  const newestFirst = [...answered].sort((a, b) => String(b.answered_at ?? '').localeCompare(String(a.answered_at ?? '')));
  return (
    <details class="help-history">
      <summary>{t('live.answeredList', { n: answered.length })}</summary>
      <ol class="help-history-list">
        {newestFirst.map((h) => (
          <li key={h.id} data-help={h.id}>
            <strong>{h.nickname || h.username}</strong> · {titleOf(h.exercise)}
            <span class="muted small"> · {t('live.askedAt', { time: formatTime(h.created_at) })} · {t('live.answeredAt', { time: formatTime(h.answered_at) })}</span>
            {h.message ? <p class="help-message">{h.message}</p> : null}
            {h.submission_id !== undefined && h.submission_id !== null ? (
              <Link href={`/submissions/${encodeURIComponent(String(h.submission_id))}`}>{t('live.openHelpCode', { name: h.nickname || h.username })}</Link>
            ) : <span class="muted small">{t('live.noCode')}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Release each exercise's hints to the room once; a released one shows when, and its button is off. */
function HintReleases({ workshop, titleOf, onMessage }: { workshop: Workshop; titleOf: (id: string) => string; onMessage: (msg: string) => void }) {
  const [releasedAt, setReleasedAt] = useState<Record<string, string>>(() => Object.fromEntries(
    (workshop.exercise_details ?? []).filter((x) => x.hints_released_at).map((x) => [x.id, x.hints_released_at as string])));
  const [busy, setBusy] = useState('');
  return (
    <ul class="plain-list hint-releases">
      {(workshop.exercises ?? []).map((x) => {
        const eid = exerciseId(x);
        const title = titleOf(eid);
        const at = releasedAt[eid];
        return (
          <li key={eid} data-hints={eid}>
            <button type="button" class="btn btn-small" disabled={!!at || busy === eid} onClick={async () => {
              setBusy(eid);
              try {
                const r = await api.releaseHints(workshop.id, eid);
                setReleasedAt((m) => ({ ...m, [eid]: r?.hints_released_at ?? new Date().toISOString() }));
                onMessage(t('live.released', { title }));
              } catch (e) { onMessage(errorMessage(e)); }
              setBusy('');
            }}>{t('live.release', { title })}</button>
            {at ? <span class="tag tag-released"><Icon name="check" /> {t('live.hintsReleasedAt', { time: formatTime(at) })}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Heatmap({ cells, titleOf }: { cells: HeatCell[]; titleOf: (id: string) => string }) {
  const failing = cells.filter((c) => c.failures > 0);
  if (!failing.length) return <p class="muted">{t('live.noFailures')}</p>;
  const max = Math.max(...failing.map((c) => c.failures));
  const byExercise = new Map<string, HeatCell[]>();
  for (const c of cells) { if (!byExercise.has(c.exercise)) byExercise.set(c.exercise, []); byExercise.get(c.exercise)!.push(c); }
  return (
    <div class="heatmap">
      {[...byExercise.entries()].map(([ex, xs]) => (
        <div class="heat-row" key={ex}>
          <h3 class="heat-title">{titleOf(ex)}</h3>
          <ul class="heat-cells">
            {xs.map((c) => {
              const level = c.failures === 0 ? 0 : Math.max(1, Math.ceil((c.failures / max) * 4));
              return (
                <li key={c.test} class={`heat-cell heat-${level}`} title={`${c.test}: ${t('live.failures', { n: c.failures })}`}>
                  <span class="heat-test">{c.test}</span>
                  <span class="heat-n">{c.failures}</span>
                  <span class="sr-only">{t('live.failures', { n: c.failures })}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function LiveView({ id }: { id: string }) {
  const ws = useAsync<Workshop>(() => api.workshop(id), [id]);
  const all = useAsync<ExerciseSummary[]>(() => api.exercises(), []);
  const [live, setLive] = useState<Live | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updated, setUpdated] = useState<Date | null>(null);
  const [message, setMessage] = useState('');
  const [tick, setTick] = useState(0);
  const [subNo, setSubNo] = useState('');

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const load = async () => {
      try { const l = await api.live(id); if (!stop) { setLive(l); setError(null); setUpdated(new Date()); } }
      catch (e) { if (!stop) setError(e); }
      if (!stop) timer = setTimeout(load, document.hidden ? POLL_MS * 3 : POLL_MS);
    };
    load();
    return () => { stop = true; clearTimeout(timer); };
  }, [id, tick]);

  const refresh = () => setTick((n) => n + 1);
  const info = new Map((all.data ?? []).map((e) => [e.id, e]));
  const titleOf = (eid: string | null | undefined) => (eid ? (info.get(eid) ? exerciseTitle(info.get(eid)!) : eid) : '—');
  const now = Date.now();
  const w = ws.data;

  if (ws.error && !w) return <div class="page"><ErrorNote error={ws.error} onRetry={ws.reload} /></div>;
  if (!w) return <div class="page"><Loading /></div>;

  const participants = [...(live?.participants ?? [])].sort((a, b) =>
    Number(!!b.needs_help) - Number(!!a.needs_help) || Number(isStuck(b, now)) - Number(isStuck(a, now)) ||
    (a.nickname || a.username).localeCompare(b.nickname || b.username));
  const help = [...(live?.help ?? [])].sort((a, b) => Number(!!a.answered) - Number(!!b.answered) || String(a.created_at ?? '').localeCompare(String(b.created_at ?? '')));
  const waiting = help.filter((h) => !h.answered);

  return (
    <div class="page live">
      <div class="page-head">
        <PageHeading title={t('live.title', { title: w.title })}>{t('live.title', { title: w.title })}</PageHeading>
        {w.join_code ? <p class="join-banner">{t('live.codeIs')} <strong class="join-code">{w.join_code}</strong></p> : null}
      </div>
      <p class="muted small" aria-live="off">
        {w.starts_at || w.ends_at ? t('ws.time', { start: formatTime(w.starts_at), end: formatTime(w.ends_at) }) : ''}
        {updated && (w.starts_at || w.ends_at) ? ' · ' : ''}
        {updated ? t('live.updated', { time: updated.toLocaleTimeString() }) : ''}
      </p>
      {error ? <ErrorNote error={error} onRetry={refresh} /> : null}
      {message ? <p class="note note-good" role="status">{message}</p> : null}
      {!live && !error ? <Loading /> : null}

      <div class="live-grid">
        <section class="card live-help" aria-labelledby="help-h">
          <h2 id="help-h"><Icon name="hand" /> {t('live.help')} {waiting.length ? <span class="count-badge">{waiting.length}</span> : null}</h2>
          {!waiting.length ? <p class="muted">{t('live.noHelp')}</p> : null}
          <ol class="help-queue">
            {waiting.map((h) => (
              <li key={h.id}>
                <div>
                  <strong>{h.nickname || h.username}</strong> · {titleOf(h.exercise)}
                  <span class="muted small"> · {t('live.waiting', { n: minutesSince(h.created_at, now) ?? 0 })}</span>
                  {h.message ? <p class="help-message">{h.message}</p> : null}
                </div>
                <button type="button" class="btn btn-small" onClick={async () => {
                  try { await api.answerHelp(id, h.id); refresh(); } catch (e) { setMessage(errorMessage(e)); }
                }}>{t('live.markAnswered')}</button>
              </li>
            ))}
          </ol>
          <AnsweredHelp answered={help.filter((h) => h.answered)} titleOf={titleOf} />
        </section>

        <section class="card live-heat" aria-labelledby="heat-h">
          <h2 id="heat-h">{t('live.heatmap')}</h2>
          <p class="muted small">{t('live.heatmapHelp')}</p>
          {live ? <Heatmap cells={live.heatmap ?? []} titleOf={titleOf} /> : null}
        </section>
      </div>

      <section class="card" aria-labelledby="people-h">
        <h2 id="people-h">{t('live.participants')}</h2>
        {live && !participants.length ? <p class="muted">{t('live.noParticipants')}</p> : null}
        {participants.length ? (
          <div class="table-scroll">
            <table class="table live-table">
              <thead>
                <tr>
                  <th scope="col">{t('live.name')}</th><th scope="col">{t('live.exercise')}</th><th scope="col">{t('live.attempts')}</th>
                  <th scope="col">{t('live.last')}</th><th scope="col">{t('live.onExercise')}</th><th scope="col">{t('live.lastSubmit')}</th>
                  <th scope="col">{t('live.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => {
                  const stuck = isStuck(p, now);
                  const since = sinceLast(p, now);
                  return (
                    <tr key={p.username} class={p.needs_help ? 'row-help' : stuck ? 'row-stuck' : ''} data-username={p.username}>
                      <th scope="row">
                        <span class="person">{p.nickname || p.username}</span>
                        {p.nickname && p.nickname !== p.username ? <span class="muted small"> ({p.username})</span> : null}
                        {p.needs_help ? <span class="tag tag-help"><Icon name="hand" /> {t('live.needsHelp')}</span> : null}
                        {!p.needs_help && stuck ? <span class="tag tag-stuck"><Icon name="clock" /> {t('live.stuck')}</span> : null}
                      </th>
                      <td data-label={t('live.exercise')}>{titleOf(p.exercise)}</td>
                      <td data-label={t('live.attempts')}>{p.attempts ?? 0}</td>
                      <td data-label={t('live.last')}>{p.last_verdict ? <Verdict verdict={p.last_verdict} short />
                        : p.last_status && p.last_status !== 'done' ? <Verdict verdict={p.last_status} short />
                          : <span class="muted">{t('live.never')}</span>}</td>
                      <td data-label={t('live.onExercise')}>{p.minutes_on_exercise !== undefined && p.minutes_on_exercise !== null ? t('live.minutes', { n: p.minutes_on_exercise }) : '—'}</td>
                      <td data-label={t('live.lastSubmit')}>{since !== null ? t('live.minutesAgo', { n: since }) : <span class="muted">{t('live.never')}</span>}</td>
                      <td class="live-actions"><div class="actions">
                        <ExtraTime workshop={id} p={p} onDone={setMessage} />
                        <button type="button" class="btn btn-small btn-quiet" data-unlock={p.username} onClick={async () => {
                          try { await api.unlockLogin(p.username); setMessage(t('live.unlocked', { name: p.nickname || p.username })); } catch (e) { setMessage(errorMessage(e)); }
                        }}>{t('live.unlock')}</button>
                        {p.last_submission_id !== undefined && p.last_submission_id !== null ? (
                          <Link class="btn btn-small btn-quiet" href={`/submissions/${encodeURIComponent(String(p.last_submission_id))}`}>{t('live.openSubmission')}</Link>
                        ) : null}
                      </div></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <div class="live-grid">
        <section class="card" aria-labelledby="hints-h">
          <h2 id="hints-h">{t('live.hints')}</h2>
          <HintReleases workshop={w} titleOf={titleOf} onMessage={setMessage} />
        </section>
        <section class="card" aria-labelledby="open-h">
          <h2 id="open-h">{t('live.openByNumber')}</h2>
          <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (subNo.trim()) navigate(`/submissions/${encodeURIComponent(subNo.trim())}`); }}>
            <label for="sub-no">{t('live.submissionNumber')}</label>
            <input id="sub-no" inputMode="numeric" value={subNo} onInput={(e) => setSubNo((e.target as HTMLInputElement).value)} />
            <button type="submit" class="btn btn-small">{t('ws.open')}</button>
          </form>
        </section>
      </div>
    </div>
  );
}
