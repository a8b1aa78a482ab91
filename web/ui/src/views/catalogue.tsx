import { useState } from 'preact/hooks';
import { api, type ExerciseSummary, type Me } from '../lib/api';
import { hasKey, lang, t } from '../i18n';
import { ErrorNote, Icon, Link, Loading, PageHeading, ProgressBar, skillName, useAsync } from '../components';

export function exerciseTitle(e: { title: string; titles?: Partial<Record<'fi' | 'en', string>> }): string {
  return e.titles?.[lang()] || e.title;
}

export function StatusMark({ status }: { status?: string }) {
  const s = status ?? 'new';
  const icon = s === 'solved' ? 'check' : s === 'attempted' ? 'half' : 'dot';
  const label = s === 'solved' ? t('status.solved') : s === 'attempted' ? t('status.attempted') : t('status.new');
  return <span class={`status status-${s}`}><Icon name={icon} /><span>{label}</span></span>;
}

/** Beginners' track first. */
const TRACK_ORDER = ['basics', 'games', 'algorithms', 'fullstack', 'iot'];
function trackOrder(track: string): number { const i = TRACK_ORDER.indexOf(track); return i < 0 ? TRACK_ORDER.length : i; }

/** A track's name in the user's language; a track of its own (a trainer's) keeps its id. */
export function trackLabel(track: string): string {
  const key = `track.${track}`;
  return hasKey(key) ? t(key) : track;
}

/** The catalogue's order: tracks beginners first, then tiers, then as listed. */
export function catalogueOrder<T extends { track: string; tier: number }>(items: T[]): T[] {
  return items.map((e, i) => ({ e, i }))
    .sort((a, b) => trackOrder(a.e.track || 'basics') - trackOrder(b.e.track || 'basics')
      || (a.e.track || 'basics').localeCompare(b.e.track || 'basics') || a.e.tier - b.e.tier || a.i - b.i)
    .map(({ e }) => e);
}

function group<T>(items: T[], key: (x: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const x of items) { const k = key(x); if (!m.has(k)) m.set(k, []); m.get(k)!.push(x); }
  return [...m.entries()];
}

export function CatalogueView({ me }: { me: Me }) {
  const list = useAsync<ExerciseSummary[]>(() => api.exercises(), []);
  const [track, setTrack] = useState<string>(() => sessionStorage.getItem('kk_track') ?? '');
  const showProgress = me.role === 'candidate';

  if (list.error && !list.data) return <div class="page"><ErrorNote error={list.error} onRetry={list.reload} /></div>;
  if (!list.data) return <div class="page"><Loading /></div>;

  const exercises = list.data;
  const tracks = group(exercises, (e) => e.track || 'basics').map(([k]) => k).sort((a, b) => trackOrder(a) - trackOrder(b) || a.localeCompare(b));
  const shown = track && tracks.includes(track) ? exercises.filter((e) => (e.track || 'basics') === track) : exercises;
  const byTrack = group(shown, (e) => e.track || 'basics').sort(([a], [b]) => trackOrder(a) - trackOrder(b) || a.localeCompare(b));

  return (
    <div class="page">
      <PageHeading title={t('cat.title')}>{t('cat.title')}</PageHeading>
      <p class="lead">{t('cat.intro')}</p>
      {tracks.length > 1 ? (
        <div class="filter-row">
          <label for="track-filter">{t('cat.filter')}</label>
          <select id="track-filter" value={track} onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value; setTrack(v); sessionStorage.setItem('kk_track', v);
          }}>
            <option value="">{t('cat.all')}</option>
            {tracks.map((tr) => <option value={tr} key={tr}>{trackLabel(tr)}</option>)}
          </select>
        </div>
      ) : null}
      {exercises.length === 0 ? <p>{t('cat.empty')}</p> : null}
      {byTrack.map(([trackName, items]) => {
        const solved = items.filter((e) => e.status === 'solved').length;
        const tiers = group([...items].sort((a, b) => a.tier - b.tier), (e) => String(e.tier));
        return (
          <section class="track" key={trackName} aria-labelledby={`track-${trackName}`}>
            <div class="track-head">
              <h2 id={`track-${trackName}`}>{t('cat.track', { track: trackLabel(trackName) })}</h2>
              {showProgress ? (
                <ProgressBar value={solved} max={items.length} label={t('cat.track', { track: trackLabel(trackName) })}
                  text={t('cat.solvedOf', { solved, total: items.length })} />
              ) : null}
            </div>
            {tiers.map(([tier, xs]) => (
              <div class="tier" key={tier}>
                <h3>{t('cat.tier', { tier })} {showProgress ? <span class="tier-count">· {t('cat.solvedOf', { solved: xs.filter((e) => e.status === 'solved').length, total: xs.length })}</span> : null}</h3>
                <ul class="exercise-grid">
                  {xs.map((e) => (
                    <li key={e.id}>
                      <Link href={`/exercises/${encodeURIComponent(e.id)}`} class={`exercise-card status-${e.status ?? 'new'}`}>
                        <span class="exercise-title">{exerciseTitle(e)}</span>
                        {e.skills && e.skills.length ? <span class="skills">{e.skills.map(skillName).join(' · ')}</span> : null}
                        {showProgress ? <StatusMark status={e.status} /> : null}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
