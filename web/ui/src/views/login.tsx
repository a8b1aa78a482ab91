import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, setCsrf, type Lang, type Me } from '../lib/api';
import { lang, onLangChosen, t } from '../i18n';
import { navigate } from '../lib/router';
import { errorMessage, Link, PageHeading } from '../components';

export function LoginView({ onLogin }: { onLogin: (me: Me, chosenLang: Lang | null) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [chosen, setChosen] = useState<Lang | null>(null);

  useEffect(() => {
    if (location.pathname !== '/login') {
      const next = location.pathname + location.search;
      navigate(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`, { replace: true });
    }
    return onLangChosen((l) => setChosen(l));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const res = await api.login(username.trim(), password, lang());
      setCsrf(res.csrf);
      let me: Me;
      try { me = await api.me(); } catch { me = { username: res.username ?? username, role: res.role, language: lang() }; }
      onLogin(me, chosen);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('login.wrong'));
      else setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <div class="page login-page">
      <div class="card login-card">
        <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
        <p class="lead">{t('login.intro')}</p>
        <form onSubmit={submit} class="form" noValidate>
          <label for="login-username">{t('login.username')}</label>
          <input id="login-username" name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required
            value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
          <label for="login-password">{t('login.password')}</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" required
            value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
          {error ? <p class="form-error" role="alert">{error}</p> : null}
          <button type="submit" class="btn btn-primary" disabled={busy || !username || !password}>{t('login.submit')}</button>
        </form>
        <p class="small"><Link href="/verify">{t('pub.verifyTitle')}</Link></p>
      </div>
    </div>
  );
}
