// A shared candidate's report, as a company or a link holder sees it: anonymised until the
// candidate accepts contact; per exercise the score by test group, the timeline of attempts,
// the time spent and the final code with highlighting; skills by track and tier as a chart.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { type CandidateReport, type ReportExercise } from '../lib/api';
import { formatTime, lang, t } from '../i18n';
import { highlightLines, plainLines, type Token } from '../lib/highlight';
import { languageName } from '../lib/languages';
import { BarChart, Verdict, skillName } from '../components';
import { trackLabel } from './catalogue';

export function CodeBlock({ source, language, marks }: { source: string; language: string; marks?: [number, number][] }) {
  const [lines, setLines] = useState<Token[][]>(() => plainLines(source));
  useEffect(() => {
    let live = true;
    highlightLines(source, language).then((l) => { if (live) setLines(l); }, () => {});
    return () => { live = false; };
  }, [source, language]);
  const marked = (n: number) => (marks ?? []).some(([a, b]) => n >= a && n <= b);
  return (
    <div class="codeview" role="region" aria-label={t('sub.code')}>
      {lines.map((tokens, i) => (
        <div class={`code-line ${marked(i + 1) ? 'code-match' : ''}`} key={i}>
          <span class="line-no" aria-hidden="true">{i + 1}</span>
          <code class="code-text">{tokens.length ? tokens.map((tk, j) => <span key={j} class={tk.cls}>{tk.text}</span>) : '\u200b'}</code>
        </div>
      ))}
    </div>
  );
}

export function reportName(r: { alias: string; name: string | null }): string {
  return r.name ? r.name : t('co.alias', { n: r.alias.replace(/^\D+/, '') });
}

function title(e: { title: string; titles?: Partial<Record<'fi' | 'en', string>> }): string {
  return e.titles?.[lang()] || e.title;
}

function ExerciseEvidence({ e }: { e: ReportExercise }) {
  const [open, setOpen] = useState(false);
  return (
    <article class="card evidence" data-exercise={e.exercise}>
      <h3>{title(e)} <span class="tag">{trackLabel(e.track)}</span> <span class="tag">{t('prog.tier', { tier: e.tier })}</span></h3>
      <dl class="facts">
        <div><dt>{t('hist.score')}</dt><dd>{e.best_score} / {e.max_score}</dd></div>
        <div><dt>{t('ev.solvedAt')}</dt><dd>{formatTime(e.solved_at)}</dd></div>
        <div><dt>{t('ev.attempts')}</dt><dd>{e.attempts}</dd></div>
        <div><dt>{t('ev.minutes')}</dt><dd>{t('ev.minutesValue', { n: e.minutes_spent })}</dd></div>
        <div><dt>{t('hist.language')}</dt><dd>{e.languages.map(languageName).join(', ')}</dd></div>
      </dl>
      {e.skills.length ? <p class="skills">{e.skills.map((s) => <span class="tag" key={s}>{skillName(s)}</span>)}</p> : null}
      {e.reflection ? <blockquote class="reflection"><p class="small muted">{t('ev.reflection')}</p><p>{e.reflection}</p></blockquote> : null}
      {e.final ? (
        <table class="table groups">
          <caption>{t('co.groups')}</caption>
          <thead><tr><th scope="col">{t('co.group')}</th><th scope="col">{t('co.passed')}</th><th scope="col">{t('hist.score')}</th></tr></thead>
          <tbody>
            {e.final.groups.map((g) => (
              <tr key={g.group}><td>{g.group}</td><td>{g.passed} / {g.total}</td><td>{g.score}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h4>{t('co.timeline')}</h4>
      <ol class="timeline">
        {e.timeline.map((a) => (
          <li key={a.id}><span class="muted small">{formatTime(a.at)}</span> <Verdict verdict={a.verdict} short /> {a.score} / {a.max_score} · {languageName(a.language)}</li>
        ))}
      </ol>
      {e.final ? (
        <>
          <button type="button" class="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('co.hideCode') : t('co.showCode')}
          </button>
          {open ? <CodeBlock source={e.final.source} language={e.final.language} /> : null}
        </>
      ) : null}
    </article>
  );
}

export function Report({ report, children }: { report: CandidateReport; children?: ComponentChildren }) {
  const tracks = Object.entries(report.by_track ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const tiers = Object.entries(report.by_tier ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  return (
    <div class="report" data-share={report.share}>
      {!report.name ? <p class="note note-info">{t('co.anonymous')}</p> : null}
      {report.intro ? <blockquote class="intro" lang={report.intro_language}>{report.intro}</blockquote> : null}
      {report.skills.length ? (
        <p class="skills"><span class="muted small">{t('ev.confirmedSkills')}:</span> {report.skills.map((s) => <span class="tag" key={s}>{skillName(s)}</span>)}</p>
      ) : null}
      {children}
      <div class="charts">
        <BarChart caption={t('prog.byTrack')} rows={tracks.map(([k, c]) => ({ label: trackLabel(k), solved: c.solved, total: c.total }))} />
        <BarChart caption={t('prog.byTier')} rows={tiers.map(([k, c]) => ({ label: t('prog.tier', { tier: k }), solved: c.solved, total: c.total }))} />
      </div>
      <h2>{t('co.exercises', { n: report.exercises.length })}</h2>
      {report.exercises.length === 0 ? <p class="muted">{t('co.noExercises')}</p> : null}
      {report.exercises.map((e) => <ExerciseEvidence e={e} key={e.exercise} />)}
    </div>
  );
}
