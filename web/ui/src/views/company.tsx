// The company's side: only the candidates who shared with it, as anonymised cards first; a
// candidate's report with a contact request, shortlist and private note; several candidates
// compared on the same exercises.
import { useState } from 'preact/hooks';
import { api, type CandidateCard, type CandidateReport, type Comparison } from '../lib/api';
import { lang, t } from '../i18n';
import { navigate } from '../lib/router';
import { ErrorNote, Icon, Link, Loading, PageHeading, skillName, useAsync } from '../components';
import { trackLabel } from './catalogue';
import { Report, reportName } from './report';

export function CompanyView() {
  const list = useAsync<CandidateCard[]>(() => api.candidates(), []);
  const [picked, setPicked] = useState<number[]>([]);
  if (list.error && !list.data) return <div class="page"><ErrorNote error={list.error} onRetry={list.reload} /></div>;
  if (!list.data) return <div class="page"><Loading /></div>;
  const toggle = (id: number, on: boolean) => setPicked(on ? [...picked, id] : picked.filter((x) => x !== id));
  return (
    <div class="page">
      <PageHeading title={t('co.title')}>{t('co.title')}</PageHeading>
      <p class="lead">{t('co.intro')}</p>
      {list.data.length === 0 ? <p class="muted">{t('co.none')}</p> : null}
      {list.data.length > 1 ? (
        <p>
          <button type="button" class="btn" disabled={picked.length < 2 || picked.length > 6}
            onClick={() => navigate(`/company/compare?shares=${picked.join(',')}`)}>
            {t('co.compare', { n: picked.length })}
          </button>
        </p>
      ) : null}
      <ul class="card-list candidate-cards">
        {list.data.map((c) => (
          <li class="card candidate-card" key={c.share} data-share={c.share}>
            <h2><Link href={`/company/candidates/${c.share}`}>{reportName(c)}</Link>
              {c.shortlisted ? <span class="tag"><Icon name="check" /> {t('co.shortlisted')}</span> : null}</h2>
            <p>{t('co.solved', { n: c.solved })}</p>
            {c.skills.length ? <p class="skills">{c.skills.map((s) => <span class="tag" key={s}>{skillName(s)}</span>)}</p> : null}
            {c.note ? <p class="muted small">{t('co.note')}: {c.note}</p> : null}
            {list.data!.length > 1 ? (
              <label class="check"><input type="checkbox" checked={picked.includes(c.share)}
                onChange={(e) => toggle(c.share, (e.target as HTMLInputElement).checked)} /> {t('co.pick')}</label>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CandidateView({ share }: { share: string }) {
  const r = useAsync<CandidateReport>(() => api.candidate(share), [share]);
  const [note, setNote] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  if (r.error && !r.data) {
    return (
      <div class="page narrow">
        <PageHeading title={t('co.title')}>{t('co.title')}</PageHeading>
        <ErrorNote error={r.error} onRetry={r.reload} />
        <p><Link href="/company">{t('co.back')}</Link></p>
      </div>
    );
  }
  if (!r.data) return <div class="page"><Loading /></div>;
  const report = r.data;
  const act = async (f: () => Promise<unknown>, what: string) => {
    setError(null); setDone('');
    try { await f(); setDone(what); r.reload(); } catch (e) { setError(e); }
  };
  return (
    <div class="page">
      <p class="crumbs"><Link href="/company">{t('co.back')}</Link></p>
      <PageHeading title={reportName(report)}>{reportName(report)}</PageHeading>
      <Report report={report}>
        <section class="card" aria-labelledby="actions-h">
          <h2 id="actions-h" class="small-heading">{t('co.actions')}</h2>
          {error ? <ErrorNote error={error} /> : null}
          {done ? <p class="note note-good" role="status"><Icon name="check" /> {done}</p> : null}
          {!report.name ? (
            report.contact === 'requested' ? <p class="muted">{t('co.contactPending')}</p>
              : report.contact === 'declined' ? <p class="muted">{t('co.contactDeclined')}</p> : (
                <form class="form" onSubmit={(e) => { e.preventDefault(); act(() => api.requestContact(report.share, message), t('co.contactSent')); }}>
                  <label for="contact-message">{t('co.contactMessage')}</label>
                  <textarea id="contact-message" rows={2} value={message} onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)} />
                  <button type="submit" class="btn btn-primary">{t('co.askContact')}</button>
                </form>
              )
          ) : <p>{t('co.contactAcceptedNote')}</p>}
          <form class="form" onSubmit={(e) => { e.preventDefault(); act(() => api.shortlist(report.share, note ?? report.note ?? ''), t('co.savedShortlist')); }}>
            <label for="note">{t('co.noteLabel')}</label>
            <textarea id="note" rows={2} value={note ?? report.note ?? ''} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
            <div class="row">
              <button type="submit" class="btn">{report.shortlisted ? t('co.saveNote') : t('co.addShortlist')}</button>
              {report.shortlisted ? (
                <button type="button" class="btn btn-quiet" onClick={() => act(() => api.unshortlist(report.share), t('co.removedShortlist'))}>{t('co.removeShortlist')}</button>
              ) : null}
            </div>
          </form>
        </section>
      </Report>
    </div>
  );
}

export function CompareView({ shares }: { shares: string }) {
  const ids = shares.split(',').filter(Boolean);
  const c = useAsync<Comparison>(() => api.compare(ids), [shares]);
  if (c.error && !c.data) return <div class="page"><ErrorNote error={c.error} onRetry={c.reload} /><p><Link href="/company">{t('co.back')}</Link></p></div>;
  if (!c.data) return <div class="page"><Loading /></div>;
  const data = c.data;
  return (
    <div class="page">
      <p class="crumbs"><Link href="/company">{t('co.back')}</Link></p>
      <PageHeading title={t('co.compareTitle')}>{t('co.compareTitle')}</PageHeading>
      <div class="table-scroll">
        <table class="table compare-table">
          <thead>
            <tr>
              <th scope="col">{t('sub.exercise')}</th>
              {data.candidates.map((k) => <th scope="col" key={k.share}><Link href={`/company/candidates/${k.share}`}>{reportName(k)}</Link></th>)}
            </tr>
          </thead>
          <tbody>
            {data.exercises.map((e) => (
              <tr key={e.exercise}>
                <th scope="row">{e.titles?.[lang()] || e.title} <span class="muted small">{trackLabel(e.track)} · {t('prog.tier', { tier: e.tier })}</span></th>
                {data.candidates.map((k) => {
                  const x = e.results[String(k.share)];
                  return <td key={k.share}>{x ? t('co.cell', { score: x.score, max: x.max_score, attempts: x.attempts, minutes: x.minutes_spent }) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
