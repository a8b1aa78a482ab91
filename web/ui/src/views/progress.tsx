import { api, type Progress } from '../lib/api';
import { t } from '../i18n';
import { BarChart, ErrorNote, Loading, PageHeading, ProgressBar, skillName, useAsync } from '../components';

export function ProgressView() {
  const p = useAsync<Progress>(() => api.progress(), []);
  if (p.error && !p.data) return <div class="page"><ErrorNote error={p.error} onRetry={p.reload} /></div>;
  if (!p.data) return <div class="page"><Loading /></div>;
  const { by_tier, by_skill, by_track } = p.data;
  const tiers = Object.entries(by_tier ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  const total = tiers.reduce((n, [, c]) => n + (c.total ?? 0), 0);
  const solved = tiers.reduce((n, [, c]) => n + (c.solved ?? 0), 0);
  const skills = Object.entries(by_skill ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const tracks = Object.entries(by_track ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div class="page narrow">
      <PageHeading title={t('prog.title')}>{t('prog.title')}</PageHeading>
      <p class="lead">{t('prog.intro')}</p>
      <div class="card">
        <ProgressBar value={solved} max={total} label={t('prog.title')} text={t('prog.total', { solved, total })} />
        {solved === 0 ? <p class="muted">{t('prog.empty')}</p> : null}
      </div>
      <div class="charts">
        <BarChart caption={t('prog.byTier')} rows={tiers.map(([tier, c]) => ({ label: t('prog.tier', { tier }), solved: c.solved, total: c.total }))} />
        {skills.length ? <BarChart caption={t('prog.bySkill')} rows={skills.map(([k, c]) => ({ label: skillName(k), solved: c.solved, total: c.total }))} /> : null}
        {tracks.length ? <BarChart caption={t('prog.byTrack')} rows={tracks.map(([k, c]) => ({ label: k, solved: c.solved, total: c.total }))} /> : null}
      </div>
    </div>
  );
}
