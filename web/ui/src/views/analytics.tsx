// Trainers' analytics: one exercise (attempts, acceptance, failing tests, time to solve,
// languages) and one workshop (the room's progress over time). Tables with simple SVG charts,
// and CSV downloads.
import { authoring, type ExerciseStats, type WorkshopStats } from '../lib/api';
import { t, formatTime } from '../i18n';
import { BarChart, ErrorNote, Link, Loading, PageHeading, Verdict, useAsync } from '../components';

function percent(x: number): string { return `${Math.round(x * 100)} %`; }

export function ExerciseAnalyticsView({ id }: { id: string }) {
  const stats = useAsync<ExerciseStats>(() => authoring.stats(id), [id]);
  if (stats.error && !stats.data) return <div class="page"><ErrorNote error={stats.error} onRetry={stats.reload} /></div>;
  if (!stats.data) return <div class="page"><Loading /></div>;
  const s = stats.data;
  const total = s.languages.reduce((n, l) => n + l.submissions, 0);
  const maxFail = Math.max(1, ...s.failing_tests.map((f) => f.failures));
  return (
    <div class="page">
      <div class="page-head">
        <PageHeading title={t('stats.title', { id })}>{t('stats.title', { id })}</PageHeading>
        <div class="row">
          <a class="btn btn-small" href={`/api/v1/exercises/${encodeURIComponent(id)}/analytics?format=csv`} download>{t('stats.csv')}</a>
          <Link class="btn btn-small btn-quiet" href={`/author/${encodeURIComponent(id)}`}>{t('stats.back')}</Link>
        </div>
      </div>
      <dl class="stat-grid" data-testid="exercise-stats">
        <div><dt>{t('stats.attempts')}</dt><dd>{s.attempts}</dd></div>
        <div><dt>{t('stats.people')}</dt><dd>{s.people}</dd></div>
        <div><dt>{t('stats.acceptance')}</dt><dd>{percent(s.acceptance_rate)}</dd></div>
        <div><dt>{t('stats.solvedBy')}</dt><dd>{s.solved_by}</dd></div>
        <div><dt>{t('stats.median')}</dt><dd>{s.median_minutes_to_solve === null ? '–' : t('stats.minutes', { n: Math.round(s.median_minutes_to_solve * 10) / 10 })}</dd></div>
      </dl>
      <section aria-labelledby="fail-h">
        <h2 id="fail-h">{t('stats.failing')}</h2>
        {s.failing_tests.length ? (
          <table class="table">
            <thead><tr><th scope="col">{t('stats.test')}</th><th scope="col">{t('stats.verdict')}</th><th scope="col">{t('stats.failures')}</th></tr></thead>
            <tbody>{s.failing_tests.map((f) => (
              <tr key={f.test + f.verdict}>
                <td><code>{f.test}</code></td>
                <td><Verdict verdict={f.verdict} short /></td>
                <td>
                  <svg width="120" height="12" aria-hidden="true" class="inline-bar"><rect width={Math.round((f.failures / maxFail) * 120)} height="12" rx="2" /></svg> {f.failures}
                </td>
              </tr>
            ))}</tbody>
          </table>
        ) : <p class="muted">{t('stats.noFailures')}</p>}
      </section>
      <BarChart caption={t('stats.languages')} rows={s.languages.map((l) => ({ label: l.language, solved: l.submissions, total }))} />
      <BarChart caption={t('stats.verdicts')} rows={Object.entries(s.verdicts).map(([v, n]) => ({ label: v, solved: n, total: s.attempts }))} />
    </div>
  );
}

/** A line chart of the room: solved (person, exercise) pairs and people with a solve. */
function Timeline({ rows }: { rows: WorkshopStats['timeline'] }) {
  if (rows.length < 2) return <p class="muted">{t('stats.tooEarly')}</p>;
  const w = 640, h = 200, pad = 28;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.solved, r.people_started)));
  const x = (i: number) => pad + (i / (rows.length - 1)) * (w - 2 * pad);
  const y = (v: number) => h - pad - (v / max) * (h - 2 * pad);
  const line = (f: (r: WorkshopStats['timeline'][number]) => number) => rows.map((r, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(f(r)).toFixed(1)}`).join(' ');
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={t('stats.timelineLabel', { solved: rows[rows.length - 1].solved, people: rows[rows.length - 1].people_started })}>
        <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} class="axis" />
        <line x1={pad} y1={pad} x2={pad} y2={h - pad} class="axis" />
        <text x={4} y={pad + 4} class="tick">{max}</text>
        <text x={4} y={h - pad} class="tick">0</text>
        <path d={line((r) => r.people_started)} class="series started" fill="none" />
        <path d={line((r) => r.solved)} class="series solved" fill="none" />
        <text x={pad} y={h - 6} class="tick">{formatTime(rows[0].at)}</text>
        <text x={w - pad} y={h - 6} class="tick" text-anchor="end">{formatTime(rows[rows.length - 1].at)}</text>
      </svg>
      <figcaption>
        <span class="key solved">{t('stats.solvedLine')}</span> <span class="key started">{t('stats.startedLine')}</span>
      </figcaption>
    </figure>
  );
}

export function WorkshopAnalyticsView({ id }: { id: string }) {
  const stats = useAsync<WorkshopStats>(() => authoring.workshopStats(id), [id]);
  if (stats.error && !stats.data) return <div class="page"><ErrorNote error={stats.error} onRetry={stats.reload} /></div>;
  if (!stats.data) return <div class="page"><Loading /></div>;
  const s = stats.data;
  return (
    <div class="page">
      <div class="page-head">
        <PageHeading title={t('stats.workshopTitle', { title: s.title })}>{t('stats.workshopTitle', { title: s.title })}</PageHeading>
        <div class="row">
          <a class="btn btn-small" href={`/api/v1/workshops/${encodeURIComponent(id)}/analytics?format=csv`} download>{t('stats.csv')}</a>
          <Link class="btn btn-small btn-quiet" href={`/workshops/${encodeURIComponent(id)}/live`}>{t('stats.live')}</Link>
        </div>
      </div>
      <p>{t('stats.room', { people: s.participants, exercises: s.exercises })}</p>
      <Timeline rows={s.timeline} />
      <BarChart caption={t('stats.perExercise')} rows={s.per_exercise.map((e) => ({ label: e.title || e.exercise, solved: e.solved_by, total: Math.max(s.participants, 1) }))} />
      <table class="table">
        <thead><tr><th scope="col">{t('author.exercise')}</th><th scope="col">{t('stats.solvedBy')}</th><th scope="col">{t('stats.triedBy')}</th></tr></thead>
        <tbody>{s.per_exercise.map((e) => <tr key={e.exercise} data-exercise={e.exercise}><td><Link href={`/author/${encodeURIComponent(e.exercise)}/analytics`}>{e.title || e.exercise}</Link></td><td>{e.solved_by}</td><td>{e.tried_by}</td></tr>)}</tbody>
      </table>
    </div>
  );
}
