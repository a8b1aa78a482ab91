import { useState } from 'preact/hooks';
import { api, exerciseId, type ExerciseSummary, type Me, type ScoreRow, type Workshop } from '../lib/api';
import { formatTime, t } from '../i18n';
import { navigate } from '../lib/router';
import { ErrorNote, errorMessage, Link, Loading, PageHeading, skillName, useAsync } from '../components';
import { exerciseTitle, StatusMark } from './catalogue';

const isTrainerRole = (me: Me) => me.role === 'trainer' || me.role === 'admin';

export function JoinView({ me }: { me: Me }) {
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get('code') ?? '');
  const [nickname, setNickname] = useState(me.nickname ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true); setError('');
    try {
      const res = await api.join(code.trim().toUpperCase(), nickname.trim());
      navigate(`/workshops/${encodeURIComponent(String(res.id))}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div class="page narrow">
      <div class="card">
        <PageHeading title={t('join.title')}>{t('join.title')}</PageHeading>
        <p class="lead">{t('join.intro')}</p>
        <form class="form" onSubmit={submit}>
          <label for="join-code">{t('join.code')}</label>
          <input id="join-code" class="code-input" autocomplete="off" autocapitalize="characters" spellcheck={false} required
            value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          <label for="join-nickname">{t('join.nickname')}</label>
          <input id="join-nickname" autocomplete="nickname" maxLength={40} required
            value={nickname} onInput={(e) => setNickname((e.target as HTMLInputElement).value)} />
          {error ? <p class="form-error" role="alert">{error}</p> : null}
          <button type="submit" class="btn btn-primary" disabled={busy || !code.trim() || !nickname.trim()}>{t('join.submit')}</button>
        </form>
      </div>
    </div>
  );
}

export function WorkshopsView({ me }: { me: Me }) {
  const list = useAsync<Workshop[]>(() => api.workshops(), []);
  const trainer = isTrainerRole(me);
  return (
    <div class="page">
      <div class="page-head">
        <PageHeading title={t('ws.title')}>{trainer ? t('ws.mine') : t('ws.title')}</PageHeading>
        {trainer ? <Link href="/workshops/new" class="btn btn-primary">{t('ws.new')}</Link> : <Link href="/join" class="btn">{t('nav.join')}</Link>}
      </div>
      {list.error && !list.data ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && !list.data.length ? <p class="muted">{t('ws.none')}</p> : null}
      {list.data?.length ? (
        <ul class="card-list">
          {list.data.map((w) => (
            <li key={w.id} class="card workshop-card">
              <h2><Link href={trainer ? `/workshops/${encodeURIComponent(String(w.id))}/live` : `/workshops/${encodeURIComponent(String(w.id))}`}>{w.title}</Link></h2>
              {w.starts_at || w.ends_at ? <p class="muted small">{t('ws.time', { start: formatTime(w.starts_at), end: formatTime(w.ends_at) })}</p> : null}
              {trainer && w.join_code ? <p>{t('ws.joinCode')}: <strong class="join-code">{w.join_code}</strong></p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Scoreboard({ id }: { id: string }) {
  const rows = useAsync<ScoreRow[]>(() => api.scoreboard(id), [id]);
  if (!rows.data?.length) return null;
  return (
    <section aria-labelledby="scoreboard-h">
      <h2 id="scoreboard-h">{t('ws.scoreboard')}</h2>
      <table class="table">
        <thead><tr><th scope="col">#</th><th scope="col">{t('ws.nickname')}</th><th scope="col">{t('ws.solved')}</th><th scope="col">{t('ws.score')}</th></tr></thead>
        <tbody>{rows.data.map((r, i) => <tr key={i}><td>{i + 1}</td><td>{r.nickname}</td><td>{r.solved}</td><td>{r.score}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

export function WorkshopView({ id, me }: { id: string; me: Me }) {
  const w = useAsync<Workshop>(() => api.workshop(id), [id]);
  const all = useAsync<ExerciseSummary[]>(() => api.exercises(), []);
  if (w.error && !w.data) return <div class="page"><ErrorNote error={w.error} onRetry={w.reload} /></div>;
  if (!w.data) return <div class="page"><Loading /></div>;
  const ws = w.data;
  const info = new Map((all.data ?? []).map((e) => [e.id, e]));
  return (
    <div class="page">
      <div class="page-head">
        <PageHeading title={ws.title}>{ws.title}</PageHeading>
        {isTrainerRole(me) ? <Link href={`/workshops/${encodeURIComponent(id)}/live`} class="btn btn-primary">{t('ws.liveView')}</Link> : null}
        {isTrainerRole(me) ? <Link href={`/workshops/${encodeURIComponent(id)}/analytics`} class="btn">{t('ws.analytics')}</Link> : null}
      </div>
      {ws.starts_at || ws.ends_at ? <p class="muted">{t('ws.time', { start: formatTime(ws.starts_at), end: formatTime(ws.ends_at) })}</p> : null}
      {ws.join_code ? <p>{t('ws.joinCode')}: <strong class="join-code">{ws.join_code}</strong></p> : null}
      <h2>{t('ws.exercises')}</h2>
      <ul class="exercise-grid">
        {(ws.exercises ?? []).map((x) => {
          const eid = exerciseId(x);
          const e = info.get(eid);
          const title = e ? exerciseTitle(e) : typeof x === 'object' && x.title ? x.title : eid;
          return (
            <li key={eid}>
              <Link href={`/exercises/${encodeURIComponent(eid)}?workshop=${encodeURIComponent(id)}`} class={`exercise-card status-${e?.status ?? 'new'}`}>
                <span class="exercise-title">{title}</span>
                {e ? <span class="skills">{t('cat.tier', { tier: e.tier })}{e.skills?.length ? ` · ${e.skills.map(skillName).join(' · ')}` : ''}</span> : null}
                {me.role === 'candidate' ? <StatusMark status={e?.status} /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
      {ws.scoreboard ? <Scoreboard id={id} /> : null}
    </div>
  );
}
