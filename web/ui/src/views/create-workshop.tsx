import { useMemo, useState } from 'preact/hooks';
import { api, authoring, type ExerciseSet, type ExerciseSummary } from '../lib/api';
import { t } from '../i18n';
import { navigate } from '../lib/router';
import { ErrorNote, Loading, PageHeading, useAsync } from '../components';
import { exerciseTitle } from './catalogue';

/** "YYYY-MM-DDTHH:MM" in local time, as <input type="datetime-local"> wants it. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function CreateWorkshopView() {
  const list = useAsync<ExerciseSummary[]>(() => api.exercises(), []);
  const sets = useAsync<ExerciseSet[]>(() => authoring.sets().catch(() => [] as ExerciseSet[]), []);
  const [title, setTitle] = useState('');
  const [starts, setStarts] = useState(() => { const d = new Date(); d.setSeconds(0, 0); return localInput(d); });
  const [ends, setEnds] = useState(() => { const d = new Date(Date.now() + 3 * 3600e3); d.setSeconds(0, 0); return localInput(d); });
  const [scoreboard, setScoreboard] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | unknown>(null);
  const [busy, setBusy] = useState(false);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (list.data ?? [])
      .filter((e) => !f || [e.id, e.title, e.track, ...(e.skills ?? [])].some((s) => s?.toLowerCase().includes(f)))
      .sort((a, b) => (a.track ?? '').localeCompare(b.track ?? '') || a.tier - b.tier || a.title.localeCompare(b.title));
  }, [list.data, filter]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!title.trim()) return setError(t('create.needTitle'));
    if (!picked.length) return setError(t('create.needExercise'));
    const s = new Date(starts), en = new Date(ends);
    if (!(en > s)) return setError(t('create.badTime'));
    setBusy(true); setError(null);
    try {
      const res = await api.createWorkshop({ title: title.trim(), exercises: picked, starts_at: s.toISOString(), ends_at: en.toISOString(), scoreboard });
      navigate(`/workshops/${encodeURIComponent(String(res.id))}/live`);
    } catch (err) { setError(err); setBusy(false); }
  };

  return (
    <div class="page narrow">
      <PageHeading title={t('create.title')}>{t('create.title')}</PageHeading>
      <form class="form card" onSubmit={submit} noValidate>
        <label for="ws-title">{t('create.name')}</label>
        <input id="ws-title" required value={title} maxLength={120} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        <div class="two-col">
          <div>
            <label for="ws-starts">{t('create.starts')}</label>
            <input id="ws-starts" type="datetime-local" value={starts} onInput={(e) => setStarts((e.target as HTMLInputElement).value)} />
          </div>
          <div>
            <label for="ws-ends">{t('create.ends')}</label>
            <input id="ws-ends" type="datetime-local" value={ends} onInput={(e) => setEnds((e.target as HTMLInputElement).value)} />
          </div>
        </div>
        <label class="check"><input type="checkbox" checked={scoreboard} onChange={(e) => setScoreboard((e.target as HTMLInputElement).checked)} /> {t('create.scoreboard')}</label>
        {sets.data?.length ? (
          <>
            <label for="ws-set">{t('create.fromSet')}</label>
            <select id="ws-set" onChange={(e) => {
              const set = sets.data?.find((s) => s.id === (e.target as HTMLSelectElement).value);
              if (set) setPicked(set.items.map((i) => i.exercise));
            }}>
              <option value="">{t('create.noSet')}</option>
              {sets.data.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
            </select>
          </>
        ) : null}
        <fieldset class="picker">
          <legend>{t('create.pick')} <span class="muted small" aria-live="polite">({t('create.picked', { count: picked.length })})</span></legend>
          <label for="ws-filter" class="sr-only">{t('create.search')}</label>
          <input id="ws-filter" type="search" placeholder={t('create.search')} value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
          {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
          {!list.data && !list.error ? <Loading /> : null}
          <ul class="pick-list">
            {shown.map((e) => (
              <li key={e.id}>
                <label class="check">
                  <input type="checkbox" name="exercise" value={e.id} checked={picked.includes(e.id)} onChange={() => toggle(e.id)} />
                  <span>{exerciseTitle(e)} <span class="muted small">· {e.track} · {t('cat.tier', { tier: e.tier })}</span></span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {error ? (typeof error === 'string' ? <p class="form-error" role="alert">{error}</p> : <ErrorNote error={error} />) : null}
        <button type="submit" class="btn btn-primary" disabled={busy}>{t('create.submit')}</button>
      </form>
    </div>
  );
}
