// The team page's evidence: judging a commit and the team's judgings, each member's
// contribution, and the reflections (each member's own, the trainer's note per member).
import { useEffect, useState } from 'preact/hooks';
import { api, type Team, type TeamContributions, type TeamJudgement } from '../lib/api';
import { formatTime, t } from '../i18n';
import { ErrorNote, Link, Loading, Verdict, useAsync } from '../components';
import {
  bytesOver, contributionRows, judgeRequest, kMaxReflectionBytes, kMaxTrainerNoteBytes, pendingJudgements, reflectionRows,
  scenarioName, scoreText, shortSha,
} from '../lib/teamevidence';

const kPollMs = 3000;

/** Judges main (commit unset) or a chosen commit; `onQueued` runs once it is in the queue. */
export function useJudge(id: string, onQueued: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const judge = async (commit?: string) => {
    setBusy(true); setError(null);
    try {
      await api.judgeTeam(id, judgeRequest(commit));
      onQueued();
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  return { busy, error, judge };
}

export function Judgings({ id, member, judge, version }: {
  id: string; member: boolean; judge: ReturnType<typeof useJudge>; version: number;
}) {
  const list = useAsync<TeamJudgement[]>(() => api.teamJudgements(id), [id, version]);
  const pending = pendingJudgements(list.data ?? []);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(list.reload, kPollMs);
    return () => clearTimeout(timer);
  }, [pending, list.data]);
  return (
    <section aria-labelledby="team-judgings-h" class="card">
      <h2 id="team-judgings-h">{t('team.judgings')}</h2>
      {member ? (
        <p>
          <button type="button" class="btn btn-primary" disabled={judge.busy} onClick={() => judge.judge()}>
            {judge.busy ? t('team.judging') : t('team.judgeLatest')}
          </button>
        </p>
      ) : null}
      {judge.error ? <ErrorNote error={judge.error} /> : null}
      {list.error && !list.data ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && !list.data.length ? <p class="muted">{t('team.noJudgings')}</p> : null}
      {list.data?.length ? (
        <table class="table team-judgings">
          <caption class="sr-only">{t('team.judgings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.judging.id')}</th>
              <th scope="col">{t('team.judging.result')}</th>
              <th scope="col">{t('team.judging.score')}</th>
              <th scope="col">{t('team.judging.who')}</th>
              <th scope="col">{t('team.judging.commit')}</th>
              <th scope="col">{t('team.judging.when')}</th>
              <th scope="col">{t('team.judging.scenarios')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((j) => (
              <tr key={j.id}>
                <th scope="row"><Link href={`/submissions/${encodeURIComponent(String(j.id))}`}>{j.id}</Link></th>
                <td><Verdict verdict={j.status === 'done' ? j.verdict : j.status} /></td>
                <td>{scoreText(j)}</td>
                <td>{j.user}</td>
                <td><code title={j.commit}>{shortSha(j.commit)}</code></td>
                <td>{formatTime(j.created_at)}</td>
                <td class="small">
                  {(j.scenarios ?? []).map((s) => <span key={s.name} class="scenario">{scenarioName(s.name)}: <Verdict verdict={s.verdict} short /> </span>)}
                  {j.message ? <span class="muted">{j.message}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export function Contributions({ id, members, version }: { id: string; members: string[]; version: number }) {
  const data = useAsync<TeamContributions>(() => api.teamContributions(id), [id, version]);
  return (
    <section aria-labelledby="team-contribution-h" class="card">
      <h2 id="team-contribution-h">{t('team.contribution')}</h2>
      {data.error && !data.data ? <ErrorNote error={data.error} onRetry={data.reload} /> : null}
      {!data.data && !data.error ? <Loading /> : null}
      {data.data ? (
        <>
          <table class="table team-contribution">
            <caption class="sr-only">{t('team.contribution')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.contrib.member')}</th>
                <th scope="col">{t('team.contrib.commits')}</th>
                <th scope="col">{t('team.contrib.files')}</th>
                <th scope="col">{t('team.contrib.lines')}</th>
                <th scope="col">{t('team.contrib.scenarios')}</th>
              </tr>
            </thead>
            <tbody>
              {contributionRows(members, data.data.members).map((r) => (
                <tr key={r.username}>
                  <th scope="row">{r.username}</th>
                  <td>{r.commits}</td>
                  <td>{r.files}</td>
                  <td>
                    <span aria-hidden="true">+{r.lines_added} / −{r.lines_removed}</span>
                    <span class="sr-only">{t('team.contrib.linesLabel', { added: r.lines_added, removed: r.lines_removed })}</span>
                  </td>
                  <td>{r.scenarios_fixed.length ? r.scenarios_fixed.map(scenarioName).join(', ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.data.unattributed_commits ? (
            <p class="muted small">{t('team.contrib.unattributed', { count: data.data.unattributed_commits })}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function SaveText({ id, label, initial, limit, rows, onSave }: {
  id: string; label: string; initial: string; limit: number; rows: number; onSave: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const over = bytesOver(text, limit);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true); setError(null); setSaved(false);
    try { await onSave(text); setSaved(true); } catch (err) { setError(err); }
    setBusy(false);
  };
  return (
    <form class="form" onSubmit={save}>
      <label for={id}>{label}</label>
      <textarea id={id} rows={rows} value={text} aria-invalid={over ? 'true' : undefined} aria-describedby={over ? `${id}-over` : undefined}
        onInput={(e) => { setText((e.target as HTMLTextAreaElement).value); setSaved(false); }} />
      {over ? <p id={`${id}-over`} class="form-error" role="alert">{t('team.tooLong', { limit, over })}</p> : null}
      {error ? <ErrorNote error={error} /> : null}
      <button type="submit" class="btn btn-small" disabled={busy || over > 0}>
        {busy ? t('team.saving') : t('team.save')}
      </button>
      {saved ? <span class="muted small" role="status"> {t('team.saved')}</span> : null}
    </form>
  );
}

export function Reflections({ team, me, trainer, onSaved }: { team: Team; me: string; trainer: boolean; onSaved: () => void }) {
  const members = team.members.map((m) => m.username);
  const rows = reflectionRows(members, team.reflections);
  return (
    <section aria-labelledby="team-reflections-h" class="card">
      <h2 id="team-reflections-h">{t('team.reflections')}</h2>
      <p class="muted small">{t('team.reflectionsHelp')}</p>
      {rows.map((r) => (
        <article key={r.username} class="team-reflection" aria-labelledby={`reflection-h-${r.username}`}>
          <h3 id={`reflection-h-${r.username}`}>{r.username}</h3>
          {r.username === me ? (
            <SaveText id="my-reflection" label={t('team.myReflection')} initial={r.reflection} limit={kMaxReflectionBytes} rows={5}
              onSave={async (text) => { await api.saveTeamReflection(team.id, text); onSaved(); }} />
          ) : r.reflection ? <p class="reflection-text">{r.reflection}</p> : <p class="muted">{t('team.noReflection')}</p>}
          {r.updated_at ? <p class="muted small">{t('team.updated', { time: formatTime(r.updated_at) })}</p> : null}
          {trainer ? (
            <SaveText id={`note-${r.username}`} label={t('team.noteFor', { name: r.username })} initial={r.trainer_note}
              limit={kMaxTrainerNoteBytes} rows={2}
              onSave={async (note) => { await api.saveTrainerNote(team.id, r.username, note); onSaved(); }} />
          ) : r.trainer_note ? <p class="note"><strong>{t('team.trainerNote')}:</strong> {r.trainer_note}</p> : null}
        </article>
      ))}
    </section>
  );
}
