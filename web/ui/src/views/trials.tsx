// Coding trials: the company builds one and sends its invitation link; the candidate opens it
// and their time starts; the company reads the results per candidate, downloads them as CSV or
// prints a one-page report, and sees the score distribution per exercise.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type ExerciseSummary, type OpenedTrialReply, type Trial, type TrialResults } from '../lib/api';
import { formatTime, lang, t } from '../i18n';
import { navigate } from '../lib/router';
import { ErrorNote, Link, Loading, PageHeading, useAsync } from '../components';
import { exerciseTitle } from './catalogue';
import { openedTrial, rememberTrial, type OpenedTrial } from '../lib/trial';

export function TrialsView() {
  const trials = useAsync<Trial[]>(() => api.trials(), []);
  const list = useAsync<ExerciseSummary[]>(() => api.exercises(), []);
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [picked, setPicked] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<unknown>(null);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (list.data ?? []).filter((e) => !f || [e.id, e.title, e.track, ...(e.skills ?? [])].some((s) => s?.toLowerCase().includes(f)));
  }, [list.data, filter]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  return (
    <div class="page narrow">
      <PageHeading title={t('tr.title')}>{t('tr.title')}</PageHeading>
      <p class="lead">{t('tr.intro')}</p>
      {trials.data && trials.data.length ? (
        <ul class="card-list">
          {trials.data.map((tr) => (
            <li class="card trial-card" key={tr.id}>
              <h2><Link href={`/trials/${tr.id}`}>{tr.title}</Link></h2>
              <p class="muted small">{t('tr.facts', { minutes: tr.minutes, n: tr.exercises.length })}</p>
              <p class="small"><label for={`invite-${tr.id}`}>{t('tr.invite')}</label>
                <input id={`invite-${tr.id}`} class="link-input" readOnly value={location.origin + tr.invite} onFocus={(e) => (e.target as HTMLInputElement).select()} /></p>
            </li>
          ))}
        </ul>
      ) : null}
      <form class="form card" onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          const made = await api.createTrial({ title: title.trim(), exercises: picked, minutes });
          navigate(`/trials/${made.id}`);
        } catch (err) { setError(err); }
      }}>
        <h2>{t('tr.new')}</h2>
        <label for="trial-title">{t('tr.name')}</label>
        <input id="trial-title" value={title} maxLength={200} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        <label for="trial-minutes">{t('tr.minutes')}</label>
        <input id="trial-minutes" type="number" min={5} max={480} value={minutes} onInput={(e) => setMinutes(Number((e.target as HTMLInputElement).value))} />
        <fieldset class="picker">
          <legend>{t('create.pick')} <span class="muted small">({t('create.picked', { count: picked.length })})</span></legend>
          <label for="trial-filter" class="sr-only">{t('create.search')}</label>
          <input id="trial-filter" type="search" placeholder={t('create.search')} value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
          {!list.data ? <Loading /> : null}
          <ul class="pick-list">
            {shown.map((e) => (
              <li key={e.id}>
                <label class="check">
                  <input type="checkbox" value={e.id} checked={picked.includes(e.id)} onChange={() => toggle(e.id)} />
                  <span>{exerciseTitle(e)} <span class="muted small">· {e.track} · {t('cat.tier', { tier: e.tier })}</span></span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {error ? <ErrorNote error={error} /> : null}
        <button type="submit" class="btn btn-primary" disabled={!title.trim() || !picked.length}>{t('tr.create')}</button>
      </form>
    </div>
  );
}

/** Scores of one exercise as a histogram in five bands, with the counts written out. */
function Distribution({ title, values }: { title: string; values: number[] }) {
  const bands = [0, 0, 0, 0, 0];
  for (const v of values) bands[Math.min(4, Math.floor(v * 5))]++;
  const most = Math.max(1, ...bands);
  const labels = ['0–19 %', '20–39 %', '40–59 %', '60–79 %', '80–100 %'];
  return (
    <figure class="barchart">
      <figcaption>{title}</figcaption>
      <ul>
        {bands.map((n, i) => (
          <li key={i}>
            <span class="bar-label">{labels[i]}</span>
            <span class="bar-track" aria-hidden="true"><span class="bar-fill" style={{ width: `${Math.round((n / most) * 100)}%` }} /></span>
            <span class="bar-value">{n}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** An exercise's column in the results, titled in the reader's language. */
function columnTitle(column: TrialResults['columns'][number]): string {
  return column.titles?.[lang()] || column.title;
}

export function TrialResultsView({ id }: { id: string }) {
  const r = useAsync<TrialResults>(() => api.trialResults(id), [id]);
  if (r.error && !r.data) return <div class="page"><ErrorNote error={r.error} onRetry={r.reload} /></div>;
  if (!r.data) return <div class="page"><Loading /></div>;
  const d = r.data;
  return (
    <div class="page trial-report">
      <p class="crumbs"><Link href="/trials">{t('tr.title')}</Link></p>
      <PageHeading title={d.title}>{d.title}</PageHeading>
      <p class="muted">{t('tr.facts', { minutes: d.minutes, n: d.exercises.length })}</p>
      <p class="row">
        <a class="btn" href={`/api/v1/trials/${encodeURIComponent(id)}/results.csv`} download>{t('tr.csv')}</a>
        <button type="button" class="btn" onClick={() => window.print()}>{t('tr.print')}</button>
        <Link class="btn btn-quiet" href={`/trials/${encodeURIComponent(id)}/similarity`}>{t('sim.link')}</Link>
      </p>
      {d.candidates.length === 0 ? <p class="muted">{t('tr.nobody')}</p> : (
        <div class="table-scroll">
          <table class="table trial-table">
            <thead>
              <tr>
                <th scope="col">{t('tr.candidate')}</th>
                <th scope="col">{t('tr.window')}</th>
                {d.columns.map((c) => <th scope="col" key={c.id}>{columnTitle(c)} <span class="scale">({t('tr.percentOfMax')})</span></th>)}
                <th scope="col">{t('tr.totalShare')}</th>
              </tr>
            </thead>
            <tbody>
              {d.candidates.map((c) => (
                <tr key={c.username} data-username={c.username}>
                  <th scope="row">{c.name}</th>
                  <td class="small">{formatTime(c.opened_at)} – {formatTime(c.ends_at)}{c.finished ? '' : ` (${t('tr.running')})`}</td>
                  {d.columns.map((col) => {
                    const x = c.exercises[col.id];
                    return <td key={col.id}>{x && x.verdict ? <>{percent(x.percent)} <span class="muted small">({x.score} / {x.max_score})</span></> : '—'}</td>;
                  })}
                  <td class="trial-total"><strong>{percent(c.total)}</strong></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.candidates.length ? (
        <div class="charts">
          {d.columns.map((c) => <Distribution key={c.id} title={t('tr.distribution', { title: columnTitle(c) })} values={d.distribution[c.id] ?? []} />)}
        </div>
      ) : null}
    </div>
  );
}

/** A share of the maximum as the server counted it (one decimal), written in the UI's language. */
function percent(value: number | undefined): string {
  return `${(value ?? 0).toLocaleString(lang() === 'fi' ? 'fi-FI' : 'en-GB', { maximumFractionDigits: 1 })} %`;
}

export function OpenTrialView({ code }: { code: string }) {
  // A trial opened before (Back from one of its exercises) is shown at once, not "Start" again.
  const [trial, setTrial] = useState<OpenedTrial | null>(() => openedTrial(code));
  const [preview, setPreview] = useState<OpenedTrialReply | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const keep = (opened: OpenedTrialReply & { ends_at: string }) => {
    const kept: OpenedTrial = { code, title: opened.title, owner: opened.owner, ends_at: opened.ends_at, exercises: opened.exercises, titles: opened.titles };
    rememberTrial(kept);
    setTrial(kept);
  };
  useEffect(() => {
    if (trial) return;
    // What the trial is before it starts; one opened on another device goes straight to its exercises.
    api.previewTrial(code).then((p) => (p.opened && p.ends_at ? keep({ ...p, ends_at: p.ends_at }) : setPreview(p)), setError);
  }, [code]);
  const open = async () => {
    setError(null);
    try { keep(await api.openTrial(code)); } catch (e) { setError(e); }
  };
  if (!trial) {
    if (!preview) {
      return (
        <div class="page narrow">
          <PageHeading title={t('tr.openTitle')}>{t('tr.openTitle')}</PageHeading>
          {error ? <ErrorNote error={error} /> : <Loading />}
        </div>
      );
    }
    const company = preview.owner ?? '';
    return (
      <div class="page narrow trial-landing">
        <PageHeading title={preview.title}>{preview.title}</PageHeading>
        {company ? <p class="muted">{t('tr.by', { company })}</p> : null}
        <p class="lead trial-about">{t('tr.about', { n: preview.exercises.length, minutes: preview.minutes })}</p>
        <section class="card trial-shared" aria-labelledby="trial-shared-heading">
          <h2 id="trial-shared-heading">{t('tr.sharedHeading', { company: company || t('tr.theCompany') })}</h2>
          <ul>
            <li>{t('tr.sharedName')}</li>
            <li>{t('tr.sharedResults')}</li>
            <li>{t('tr.sharedCode')}</li>
          </ul>
          <p class="muted small">{t('tr.sharedNothingElse')}</p>
        </section>
        {error ? <ErrorNote error={error} /> : null}
        <button type="button" class="btn btn-primary" onClick={open}>{t('tr.start')}</button>
      </div>
    );
  }
  const left = Math.max(0, Math.round((new Date(trial.ends_at).getTime() - now) / 1000));
  return (
    <div class="page narrow">
      <PageHeading title={trial.title}>{trial.title}</PageHeading>
      {trial.owner ? <p class="muted">{t('tr.by', { company: trial.owner })}</p> : null}
      <p class="note note-info" role="timer">{left > 0 ? t('tr.left', { minutes: Math.floor(left / 60), seconds: String(left % 60).padStart(2, '0') }) : t('tr.over')}</p>
      <ul class="card-list">
        {trial.exercises.map((e) => (
          <li class="card" key={e}><Link href={`/exercises/${encodeURIComponent(e)}?trial=${encodeURIComponent(code)}`}>{trial.titles[e] ?? e}</Link></li>
        ))}
      </ul>
    </div>
  );
}
