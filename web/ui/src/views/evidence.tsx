// The candidate's own evidence: the skill profile (introduction, which results to show,
// reflections, suggested skills to confirm, credentials), sharing with consent (a company or a
// signed link, revoking, contact requests, who has seen it), and their data (download, delete).
import { useState } from 'preact/hooks';
import { api, type Lang, type Profile, type ProfileResult, type Share, type ShareView } from '../lib/api';
import { formatTime, hasKey, lang, t } from '../i18n';
import { languageName } from '../lib/languages';
import { navigate } from '../lib/router';
import { ErrorNote, Icon, Link, Loading, PageHeading, skillName, useAsync } from '../components';
import { trackLabel } from './catalogue';

function title(r: ProfileResult): string { return r.titles?.[lang()] || r.title; }

/** What a viewer saw, as the server records it ("report", "report by link", "comparison"), in words. */
function viewedWhat(what: string): string {
  const key = `sh.viewed.${what.replace(/ /g, '_')}`;
  return hasKey(key) ? t(key) : what;
}

function Reflection({ result }: { result: ProfileResult }) {
  const [text, setText] = useState(result.reflection);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const id = `reflection-${result.exercise}`;
  return (
    <form class="form reflection-form" onSubmit={async (e) => {
      e.preventDefault();
      setState('saving'); setError(null);
      try { await api.reflect(result.exercise, text); setState('saved'); } catch (err) { setError(err); setState('idle'); }
    }}>
      <label for={id}>{t('ev.reflectionLabel')}</label>
      <textarea id={id} rows={2} maxLength={2000} value={text} onInput={(e) => { setText((e.target as HTMLTextAreaElement).value); setState('idle'); }} />
      <div class="row">
        <button type="submit" class="btn btn-small" disabled={state === 'saving'}>{t('ev.save')}</button>
        {state === 'saved' ? <span class="muted small" role="status"><Icon name="check" /> {t('ev.saved')}</span> : null}
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

async function downloadCredential(exercise: string) {
  const res = await fetch(`/api/v1/credentials/${encodeURIComponent(exercise)}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const blob = new Blob([await res.text()], { type: 'application/ld+json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `koodikoe-${exercise}.credential.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function ProfileView() {
  const p = useAsync<Profile>(() => api.profile(), []);
  const [intro, setIntro] = useState<string | null>(null);
  const [introLang, setIntroLang] = useState<Lang | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (p.error && !p.data) return <div class="page"><ErrorNote error={p.error} onRetry={p.reload} /></div>;
  if (!p.data) return <div class="page"><Loading /></div>;
  const profile = p.data;
  const update = async (patch: Parameters<typeof api.updateProfile>[0]) => {
    setError(null);
    try { p.set(await api.updateProfile(patch)); return true; } catch (e) { setError(e); return false; }
  };
  const solved = profile.results.filter((r) => r.solved);
  return (
    <div class="page narrow">
      <PageHeading title={t('ev.title')}>{t('ev.title')}</PageHeading>
      <p class="lead">{t('ev.intro')}</p>
      <p><Link href="/sharing" class="btn">{t('ev.goShare')}</Link></p>
      {error ? <ErrorNote error={error} /> : null}
      <section class="card" aria-labelledby="intro-h">
        <h2 id="intro-h">{t('ev.introTitle')}</h2>
        <form class="form" onSubmit={async (e) => {
          e.preventDefault();
          if (await update({ intro: intro ?? profile.intro, intro_language: introLang ?? profile.intro_language })) setSaved(true);
        }}>
          <label for="intro-text">{t('ev.introLabel')}</label>
          <textarea id="intro-text" rows={3} maxLength={2000} value={intro ?? profile.intro}
            onInput={(e) => { setIntro((e.target as HTMLTextAreaElement).value); setSaved(false); }} />
          <label for="intro-lang">{t('ev.introLang')}</label>
          <select id="intro-lang" value={introLang ?? profile.intro_language} onChange={(e) => setIntroLang((e.target as HTMLSelectElement).value as Lang)}>
            <option value="fi">Suomi</option>
            <option value="en">English</option>
          </select>
          <div class="row">
            <button type="submit" class="btn btn-primary">{t('ev.save')}</button>
            {saved ? <span class="muted small" role="status"><Icon name="check" /> {t('ev.saved')}</span> : null}
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="skills-h">
        <h2 id="skills-h">{t('ev.skillsTitle')}</h2>
        <p class="muted small">{t('ev.skillsHelp')}</p>
        {profile.suggested_skills.length === 0 ? <p class="muted">{t('ev.noSkills')}</p> : (
          <ul class="plain-list">
            {profile.suggested_skills.map((s) => (
              <li key={s.skill}>
                <label class="check">
                  <input type="checkbox" checked={s.confirmed} onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    const next = on ? [...profile.confirmed_skills, s.skill] : profile.confirmed_skills.filter((k) => k !== s.skill);
                    update({ confirmed_skills: next });
                  }} />
                  {' '}{skillName(s.skill)} <span class="muted small">{t('ev.skillShownBy', { n: s.exercises })}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="results-h">
        <h2 id="results-h">{t('ev.resultsTitle', { n: solved.length })}</h2>
        {solved.length === 0 ? <p class="muted">{t('ev.noResults')}</p> : null}
        {solved.map((r) => (
          <article class="card evidence" key={r.exercise} data-exercise={r.exercise}>
            <h3>{title(r)} <span class="tag">{trackLabel(r.track)}</span> <span class="tag">{t('prog.tier', { tier: r.tier })}</span></h3>
            <p class="muted small">
              {t('ev.resultLine', { date: formatTime(r.solved_at), attempts: r.attempts, languages: r.languages.map(languageName).join(', '), score: `${r.best_score} / ${r.max_score}` })}
            </p>
            <label class="check">
              <input type="checkbox" checked={r.shown} onChange={(e) => {
                const show = (e.target as HTMLInputElement).checked;
                const hidden = show ? profile.hidden_exercises.filter((x) => x !== r.exercise) : [...profile.hidden_exercises, r.exercise];
                update({ hidden_exercises: hidden });
              }} />
              {' '}{t('ev.show')}
            </label>
            <Reflection result={r} />
            <button type="button" class="btn btn-small" onClick={() => downloadCredential(r.exercise).catch(setError)}>
              {t('ev.credential')}
            </button>
          </article>
        ))}
      </section>
      <AccountData />
    </div>
  );
}

function AccountData() {
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">{t('ev.dataTitle')}</h2>
      <p>{t('ev.dataHelp')}</p>
      <p><a class="btn" href="/api/v1/me/export" download>{t('ev.download')}</a></p>
      {!confirming ? (
        <button type="button" class="btn btn-quiet" onClick={() => setConfirming(true)}>{t('ev.delete')}</button>
      ) : (
        <form class="form" onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try { await api.deleteAccount(password); navigate('/login'); location.reload(); } catch (err) { setError(err); }
        }}>
          <p class="note note-warn">{t('ev.deleteWarn')}</p>
          <label for="delete-password">{t('login.password')}</label>
          <input id="delete-password" type="password" autocomplete="current-password" value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
          <div class="row">
            <button type="submit" class="btn btn-primary" disabled={!password}>{t('ev.deleteConfirm')}</button>
            <button type="button" class="btn btn-quiet" onClick={() => setConfirming(false)}>{t('ex.cancel')}</button>
          </div>
          {error ? <ErrorNote error={error} /> : null}
        </form>
      )}
    </section>
  );
}

function contactText(s: Share): string {
  if (s.contact === 'requested') return t('sh.contactRequested');
  if (s.contact === 'accepted') return t('sh.contactAccepted');
  if (s.contact === 'declined') return t('sh.contactDeclined');
  return '';
}

export function SharingView() {
  const shares = useAsync<Share[]>(() => api.shares(), []);
  const companies = useAsync(() => api.companies(), []);
  const views = useAsync<ShareView[]>(() => api.shareViews(), []);
  const [company, setCompany] = useState('');
  const [error, setError] = useState<unknown>(null);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try { await f(); shares.reload(); views.reload(); } catch (e) { setError(e); }
  };
  if (shares.error && !shares.data) return <div class="page"><ErrorNote error={shares.error} onRetry={shares.reload} /></div>;
  if (!shares.data) return <div class="page"><Loading /></div>;
  const active = shares.data.filter((s) => s.active);
  const chosen = company || companies.data?.[0]?.username || '';
  return (
    <div class="page narrow">
      <PageHeading title={t('sh.title')}>{t('sh.title')}</PageHeading>
      <p class="lead">{t('sh.intro')}</p>
      {error ? <ErrorNote error={error} /> : null}
      <section class="card" aria-labelledby="new-share-h">
        <h2 id="new-share-h">{t('sh.new')}</h2>
        <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (chosen) run(() => api.share({ company: chosen })); }}>
          <label for="share-company">{t('sh.company')}</label>
          <select id="share-company" value={chosen} onChange={(e) => setCompany((e.target as HTMLSelectElement).value)}>
            {(companies.data ?? []).map((c) => <option value={c.username} key={c.username}>{c.name || c.username}</option>)}
          </select>
          <button type="submit" class="btn btn-primary" disabled={!chosen}>{t('sh.shareWith')}</button>
        </form>
        <p>
          <button type="button" class="btn" onClick={() => run(() => api.share({ label: t('sh.linkLabel') }))}>{t('sh.makeLink')}</button>
        </p>
      </section>
      <section aria-labelledby="shares-h">
        <h2 id="shares-h">{t('sh.active', { n: active.length })}</h2>
        {active.length === 0 ? <p class="muted">{t('sh.none')}</p> : null}
        <ul class="card-list">
          {active.map((s) => (
            <li class="card share" key={s.id} data-share={s.id} data-kind={s.kind}>
              <p>
                <strong>{s.kind === 'company' ? s.company : t('sh.link')}</strong>{' '}
                <span class="muted small">{t('sh.since', { date: formatTime(s.created_at) })}</span>
              </p>
              {s.link ? (
                <p class="small"><label for={`link-${s.id}`}>{t('sh.linkText')}</label>
                  <input id={`link-${s.id}`} class="link-input" readOnly value={location.origin + s.link} onFocus={(e) => (e.target as HTMLInputElement).select()} /></p>
              ) : null}
              {s.contact ? <p class="note note-info">{contactText(s)}{s.contact_message ? <> — “{s.contact_message}”</> : null}</p> : null}
              <div class="row">
                {s.contact === 'requested' ? (
                  <>
                    <button type="button" class="btn btn-primary btn-small" onClick={() => run(() => api.answerContact(s.id, true))}>{t('sh.accept')}</button>
                    <button type="button" class="btn btn-small" onClick={() => run(() => api.answerContact(s.id, false))}>{t('sh.decline')}</button>
                  </>
                ) : null}
                <button type="button" class="btn btn-quiet btn-small revoke" onClick={() => run(() => api.revokeShare(s.id))}>{t('sh.revoke')}</button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="views-h">
        <h2 id="views-h">{t('sh.views')}</h2>
        {!views.data || views.data.length === 0 ? <p class="muted">{t('sh.noViews')}</p> : (
          <div class="table-scroll">
            <table class="table views-table">
              <thead><tr><th scope="col">{t('sh.viewWhen')}</th><th scope="col">{t('sh.viewWho')}</th><th scope="col">{t('sh.viewWhat')}</th></tr></thead>
              <tbody>
                {views.data.map((v, i) => (
                  <tr key={i}><td>{formatTime(v.viewed_at)}</td><td>{v.viewer ?? t('sh.linkHolder')}</td><td>{viewedWhat(v.what)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
