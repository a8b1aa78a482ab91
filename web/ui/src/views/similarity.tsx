// For a trainer: pairs of final submissions of one exercise that are suspiciously alike, side by
// side with the matching lines marked.
import { useState } from 'preact/hooks';
import { api, type SimilarPair } from '../lib/api';
import { t } from '../i18n';
import { languageName } from '../lib/languages';
import { ErrorNote, Link, Loading, PageHeading, useAsync } from '../components';
import { CodeBlock } from './report';

function Pair({ pair }: { pair: SimilarPair }) {
  const [open, setOpen] = useState(false);
  const name = (s: SimilarPair['a']) => s.nickname || s.username;
  return (
    <li class="card similar-pair">
      <p>
        <strong>{t('sim.pair', { a: name(pair.a), b: name(pair.b), score: pair.score })}</strong>{' '}
        <span class="muted small">{languageName(pair.a.language)}</span>
      </p>
      <button type="button" class="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('co.hideCode') : t('sim.sideBySide')}
      </button>
      {open ? (
        <div class="compare-grid">
          <section aria-label={name(pair.a)}>
            <h3 class="small-heading"><Link href={`/submissions/${pair.a.submission}`}>{name(pair.a)}</Link></h3>
            <CodeBlock source={pair.a.source} language={pair.a.language} marks={pair.regions.map((r) => r.a)} />
          </section>
          <section aria-label={name(pair.b)}>
            <h3 class="small-heading"><Link href={`/submissions/${pair.b.submission}`}>{name(pair.b)}</Link></h3>
            <CodeBlock source={pair.b.source} language={pair.b.language} marks={pair.regions.map((r) => r.b)} />
          </section>
        </div>
      ) : null}
    </li>
  );
}

export function SimilarityView({ id }: { id: string }) {
  const s = useAsync(() => api.similarity(id), [id]);
  if (s.error && !s.data) return <div class="page"><ErrorNote error={s.error} onRetry={s.reload} /></div>;
  if (!s.data) return <div class="page"><Loading /></div>;
  return (
    <div class="page">
      <PageHeading title={t('sim.title', { id })}>{t('sim.title', { id })}</PageHeading>
      <p class="lead">{t('sim.intro', { n: s.data.compared })}</p>
      {s.data.pairs.length === 0 ? <p class="note note-good">{t('sim.none')}</p> : null}
      <ul class="card-list">{s.data.pairs.map((p) => <Pair pair={p} key={`${p.a.submission}-${p.b.submission}`} />)}</ul>
    </div>
  );
}

export function TrialSimilarityView({ id }: { id: string }) {
  const s = useAsync(() => api.trialSimilarity(id), [id]);
  if (s.error && !s.data) return <div class="page"><ErrorNote error={s.error} onRetry={s.reload} /></div>;
  if (!s.data) return <div class="page"><Loading /></div>;
  return (
    <div class="page">
      <p class="crumbs"><Link href={`/trials/${encodeURIComponent(id)}`}>{t('tr.title')}</Link></p>
      <PageHeading title={t('sim.title', { id })}>{t('sim.title', { id })}</PageHeading>
      {s.data.pairs.length === 0 ? <p class="note note-good">{t('sim.none')}</p> : null}
      <ul class="card-list">{s.data.pairs.map((p) => <Pair pair={p} key={`${p.exercise}-${p.a.submission}-${p.b.submission}`} />)}</ul>
    </div>
  );
}
