// Pages anyone can open without an account: the report behind a signed share link, and the
// verification of an Open Badges credential.
import { useState } from 'preact/hooks';
import { api, type CandidateReport, type VerifyResult } from '../lib/api';
import { formatTime, t } from '../i18n';
import { ErrorNote, Icon, Loading, PageHeading, useAsync } from '../components';
import { Report, reportName } from './report';

export function SharedLinkView({ token }: { token: string }) {
  const r = useAsync<CandidateReport>(() => api.sharedByLink(token), [token]);
  if (r.error && !r.data) {
    return (
      <div class="page narrow">
        <PageHeading title={t('pub.sharedTitle')}>{t('pub.sharedTitle')}</PageHeading>
        <ErrorNote error={r.error} />
      </div>
    );
  }
  if (!r.data) return <div class="page"><Loading /></div>;
  return (
    <div class="page">
      <PageHeading title={reportName(r.data)}>{reportName(r.data)}</PageHeading>
      <p class="muted">{t('pub.sharedNote')}</p>
      <Report report={r.data} />
    </div>
  );
}

export function VerifyView() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = async (json: string) => {
    setResult(null); setError(null);
    let credential: unknown;
    try { credential = JSON.parse(json); } catch {
      setResult({ valid: false, reason: t('pub.notJson'), issuer: '', issued_here: false });
      return;
    }
    try { setResult(await api.verifyCredential(credential)); } catch (e) { setError(e); }
  };
  return (
    <div class="page narrow">
      <PageHeading title={t('pub.verifyTitle')}>{t('pub.verifyTitle')}</PageHeading>
      <p class="lead">{t('pub.verifyIntro')}</p>
      <form class="form" onSubmit={(e) => { e.preventDefault(); verify(text); }}>
        <label for="credential-file">{t('pub.file')}</label>
        <input id="credential-file" type="file" accept=".json,application/json,application/ld+json" onChange={async (e) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (file) { const content = await file.text(); setText(content); verify(content); }
        }} />
        <label for="credential-text">{t('pub.paste')}</label>
        <textarea id="credential-text" rows={8} class="link-input" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <button type="submit" class="btn btn-primary" disabled={!text.trim()}>{t('pub.verify')}</button>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {result ? (
        <div class={`note ${result.valid ? 'note-good' : 'note-warn'} verify-result`} role="status" data-valid={String(result.valid)}>
          <Icon name={result.valid ? 'check' : 'cross'} />{' '}
          {result.valid ? (
            <span>
              {t('pub.valid', { name: result.achievement?.name ?? '', date: formatTime(result.valid_from) })}{' '}
              {result.issued_here ? t('pub.issuedHere') : t('pub.otherIssuer', { issuer: result.issuer })}
            </span>
          ) : <span>{t('pub.invalid')} {result.reason}</span>}
        </div>
      ) : null}
      <p class="muted small">{t('pub.offline')}</p>
    </div>
  );
}
