import { useEffect, useState } from 'preact/hooks';
import { api, setCsrf, setUnauthorizedHandler, type Lang, type Me } from './lib/api';
import { chooseLang, lang, onLangChange, setLang, t } from './i18n';
import { match, navigate, useLocation } from './lib/router';
import { ErrorNote, Link, Loading, PageHeading } from './components';
import { LoginView } from './views/login';
import { CatalogueView } from './views/catalogue';
import type { ComponentType } from 'preact';
import { ProgressView } from './views/progress';
import { JoinView, WorkshopsView, WorkshopView } from './views/workshops';
import { CreateWorkshopView } from './views/create-workshop';
import { LiveView } from './views/live';

/** Views with the editor or highlighting load CodeMirror on first use, so the first page is small. */
function lazyView<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  return function Lazy(props: P) {
    const [, ready] = useState(0);
    const [failed, setFailed] = useState<unknown>(null);
    if (loaded) { const C = loaded; return <C {...(props as P & object)} />; }
    if (!pending) pending = load().then((c) => { loaded = c; });
    pending.then(() => ready((n) => n + 1), (e) => { pending = null; setFailed(e); });
    return failed ? <ErrorNote error={failed} /> : <Loading />;
  };
}

const ExerciseView = lazyView(() => import('./views/exercise').then((m) => m.ExerciseView));
const SubmissionView = lazyView(() => import('./views/submission').then((m) => m.SubmissionView));
const AuthorListView = lazyView(() => import('./views/author').then((m) => m.AuthorListView));
const AuthorEditView = lazyView(() => import('./views/author').then((m) => m.AuthorEditView));
const SetsView = lazyView(() => import('./views/sets').then((m) => m.SetsView));
const ExerciseAnalyticsView = lazyView(() => import('./views/analytics').then((m) => m.ExerciseAnalyticsView));
const WorkshopAnalyticsView = lazyView(() => import('./views/analytics').then((m) => m.WorkshopAnalyticsView));
const CandidateView = lazyView(() => import('./views/company').then((m) => m.CandidateView));
const CompanyView = lazyView(() => import('./views/company').then((m) => m.CompanyView));
const CompareView = lazyView(() => import('./views/company').then((m) => m.CompareView));
const SharedLinkView = lazyView(() => import('./views/public').then((m) => m.SharedLinkView));
const VerifyView = lazyView(() => import('./views/public').then((m) => m.VerifyView));
const SimilarityView = lazyView(() => import('./views/similarity').then((m) => m.SimilarityView));
const TrialsView = lazyView(() => import('./views/trials').then((m) => m.TrialsView));
const TrialResultsView = lazyView(() => import('./views/trials').then((m) => m.TrialResultsView));
const OpenTrialView = lazyView(() => import('./views/trials').then((m) => m.OpenTrialView));
const TrialSimilarityView = lazyView(() => import('./views/similarity').then((m) => m.TrialSimilarityView));
const ProfileView = lazyView(() => import('./views/evidence').then((m) => m.ProfileView));
const SharingView = lazyView(() => import('./views/evidence').then((m) => m.SharingView));
const TeamView = lazyView(() => import('./views/team').then((m) => m.TeamView));

export function LanguageSwitch({ me }: { me: Me | null }) {
  const current = lang();
  const choose = (l: Lang) => {
    chooseLang(l);
    if (me) api.updateMe({ language: l }).catch(() => { /* kept locally; the server copy updates next time */ });
  };
  return (
    <div class="lang-switch" role="group" aria-label={t('nav.language')}>
      <button type="button" lang="fi" aria-pressed={current === 'fi'} onClick={() => choose('fi')}>Suomi</button>
      <button type="button" lang="en" aria-pressed={current === 'en'} onClick={() => choose('en')}>English</button>
    </div>
  );
}

function Header({ me, path, onLogout }: { me: Me | null; path: string; onLogout: () => void }) {
  const isTrainer = me && (me.role === 'trainer' || me.role === 'admin');
  const item = (href: string, label: string, active: boolean) => (
    <li><Link href={href} aria-current={active ? 'page' : undefined}>{label}</Link></li>
  );
  return (
    <header class="topbar">
      <a class="skip-link" href="#main">{t('app.skip')}</a>
      <Link href="/" class="brand"><span class="brand-mark" aria-hidden="true">k</span>koodikoe</Link>
      {me ? (
        <nav aria-label={t('nav.main')}>
          <ul>
            {item('/', t('nav.exercises'), path === '/' || path.startsWith('/exercises'))}
            {me.role === 'candidate' ? item('/progress', t('nav.progress'), path === '/progress') : null}
            {me.role === 'candidate' ? item('/profile', t('nav.profile'), path === '/profile') : null}
            {me.role === 'candidate' ? item('/sharing', t('nav.sharing'), path === '/sharing') : null}
            {me.role === 'company' ? item('/company', t('nav.candidates'), path.startsWith('/company')) : null}
            {me.role !== 'candidate' ? item('/trials', t('nav.trials'), path.startsWith('/trials')) : null}
            {item('/workshops', t('nav.workshops'), path.startsWith('/workshops'))}
            {isTrainer ? item('/author', t('nav.author'), path.startsWith('/author')) : null}
            {!isTrainer ? item('/join', t('nav.join'), path === '/join') : null}
          </ul>
        </nav>
      ) : <span class="spacer" />}
      <div class="topbar-end">
        <LanguageSwitch me={me} />
        {me ? (
          <>
            <span class="who" title={t('nav.signedInAs', { name: me.username })}>{me.nickname || me.username}</span>
            <button type="button" class="btn btn-quiet btn-small" onClick={onLogout}>{t('nav.logout')}</button>
          </>
        ) : null}
      </div>
    </header>
  );
}

function NotFound() {
  return (
    <div class="page narrow">
      <PageHeading title={t('app.notFound')}>{t('app.notFound')}</PageHeading>
      <p><Link href="/">{t('app.backHome')}</Link></p>
    </div>
  );
}

export function App() {
  const loc = useLocation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [, setLangTick] = useState(0);

  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => onLangChange(() => setLangTick((n) => n + 1)), []);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => { window.removeEventListener('online', up); window.removeEventListener('offline', down); };
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    api.me().then((m) => { setMe(m); if (m.language) setLang(m.language); }, () => setMe(null));
  }, []);

  const onLogin = async (m: Me, chosenLang: Lang | null) => {
    if (chosenLang && chosenLang !== m.language) {
      // A language picked on the login page is the person's choice: keep it on the server too.
      api.updateMe({ language: chosenLang }).catch(() => {});
      m = { ...m, language: chosenLang };
    } else if (m.language) setLang(m.language);
    setMe(m);
    const next = new URLSearchParams(location.search).get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  };

  const onLogout = async () => {
    try { await api.logout(); } catch { /* the cookie is dropped anyway */ }
    setCsrf('');
    setMe(null);
    navigate('/login');
  };

  if (me === undefined) return <main id="main"><Loading /></main>;

  const path = loc.path;
  let view;
  let wide = false;
  let m: Record<string, string> | null;
  if ((m = match('/shared/:token', path))) {
    // Open to anyone holding the link, logged in or not.
    view = <SharedLinkView key={m.token} token={m.token} />;
  } else if (path === '/verify') {
    view = <VerifyView />;
  } else if (!me) {
    view = <LoginView onLogin={onLogin} />;
  } else if (path === '/login') {
    view = <CatalogueView me={me} />;
  } else if (path === '/' || path === '/exercises') {
    view = <CatalogueView me={me} />;
  } else if ((m = match('/exercises/:id', path))) {
    view = <ExerciseView key={m.id} id={m.id} me={me} workshopId={loc.query.get('workshop')} />;
    wide = true;
  } else if ((m = match('/submissions/:id', path))) {
    view = <SubmissionView key={m.id} id={m.id} me={me} />;
  } else if ((m = match('/exercises/:id/similarity', path))) {
    view = <SimilarityView key={m.id} id={m.id} />;
  } else if (path === '/progress') {
    view = <ProgressView />;
  } else if (path === '/trials') {
    view = <TrialsView />;
  } else if ((m = match('/trials/open/:code', path))) {
    view = <OpenTrialView key={m.code} code={m.code} />;
  } else if ((m = match('/trials/:id/similarity', path))) {
    view = <TrialSimilarityView key={m.id} id={m.id} />;
  } else if ((m = match('/trials/:id', path))) {
    view = <TrialResultsView key={m.id} id={m.id} />;
  } else if (path === '/profile') {
    view = <ProfileView />;
  } else if (path === '/sharing') {
    view = <SharingView />;
  } else if (path === '/company') {
    view = <CompanyView />;
  } else if (path === '/company/compare') {
    view = <CompareView shares={loc.query.get('shares') ?? ''} />;
  } else if ((m = match('/company/candidates/:share', path))) {
    view = <CandidateView key={m.share} share={m.share} />;
  } else if (path === '/join') {
    view = <JoinView me={me} />;
  } else if (path === '/workshops') {
    view = <WorkshopsView me={me} />;
  } else if (path === '/workshops/new') {
    view = <CreateWorkshopView />;
  } else if (path === '/author' && (me.role === 'trainer' || me.role === 'admin')) {
    view = <AuthorListView />;
    wide = true;
  } else if (path === '/author/sets') {
    view = <SetsView />;
  } else if ((m = match('/author/:id/analytics', path))) {
    view = <ExerciseAnalyticsView key={m.id} id={m.id} />;
  } else if ((m = match('/author/:id', path))) {
    view = <AuthorEditView key={m.id} id={m.id} />;
    wide = true;
  } else if ((m = match('/workshops/:id/analytics', path))) {
    view = <WorkshopAnalyticsView key={m.id} id={m.id} />;
  } else if ((m = match('/workshops/:id/live', path))) {
    view = <LiveView key={m.id} id={m.id} />;
    wide = true;
  } else if ((m = match('/teams/:id', path))) {
    view = <TeamView key={m.id} id={m.id} me={me} />;
    wide = true;
  } else if ((m = match('/workshops/:id', path))) {
    view = <WorkshopView key={m.id} id={m.id} me={me} />;
  } else {
    view = <NotFound />;
  }

  return (
    <>
      <Header me={me} path={path} onLogout={onLogout} />
      {!online ? <p class="offline-banner" role="status">{t('app.offline')}</p> : null}
      <main id="main" class={wide ? 'main wide' : 'main'}>{view}</main>
    </>
  );
}
