// Exercise sets: ordered lists with a tier per exercise. Tracks of the catalogue are read-only;
// a trainer clones one (or another set) and edits the copy: order, tiers, what is in it.
import { useEffect, useState } from 'preact/hooks';
import { api, authoring, type ExerciseSet, type ExerciseSummary, type SetItem } from '../lib/api';
import { t } from '../i18n';
import { ErrorNote, Link, Loading, PageHeading, errorMessage, useAsync } from '../components';
import { exerciseTitle } from './catalogue';

function SetEditor({ set, all, onSaved }: { set: ExerciseSet; all: ExerciseSummary[]; onSaved: (s: ExerciseSet) => void }) {
  const [title, setTitle] = useState(set.title);
  const [items, setItems] = useState<SetItem[]>(set.items);
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => { setTitle(set.title); setItems(set.items); }, [set]);
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= items.length) return;
    const next = items.slice();
    [next[i], next[j]] = [next[j], next[i]];
    setItems(next);
  };
  const save = async () => {
    setMessage(null);
    try {
      const saved = await authoring.saveSet(set.id, { title, items: items.map(({ exercise, tier }) => ({ exercise, tier })) });
      setMessage({ ok: true, text: t('sets.saved') });
      onSaved(saved);
    } catch (e) { setMessage({ ok: false, text: errorMessage(e) }); }
  };
  const names = new Map(all.map((e) => [e.id, exerciseTitle(e)]));
  return (
    <div class="card author">
      <label for="set-title">{t('sets.name')}</label>
      <input id="set-title" value={title} maxLength={200} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      <ol class="set-items">
        {items.map((item, i) => (
          <li key={item.exercise}>
            <span class="set-title">{names.get(item.exercise) ?? item.exercise} <code class="muted small">{item.exercise}</code></span>
            <label class="sr-only" for={`tier-${i}`}>{t('sets.tierOf', { name: item.exercise })}</label>
            <select id={`tier-${i}`} value={String(item.tier)} onChange={(e) => setItems(items.map((x, k) => (k === i ? { ...x, tier: Number((e.target as HTMLSelectElement).value) } : x)))}>
              {[1, 2, 3, 4, 5].map((n) => <option key={n} value={String(n)}>{t('cat.tier', { tier: n })}</option>)}
            </select>
            <button type="button" class="btn btn-small btn-quiet" aria-label={t('sets.up', { name: item.exercise })} onClick={() => move(i, -1)} disabled={i === 0}>↑</button>
            <button type="button" class="btn btn-small btn-quiet" aria-label={t('sets.down', { name: item.exercise })} onClick={() => move(i, 1)} disabled={i === items.length - 1}>↓</button>
            <button type="button" class="btn btn-small btn-quiet" onClick={() => setItems(items.filter((_, k) => k !== i))}>{t('author.remove')}</button>
          </li>
        ))}
      </ol>
      <div class="row">
        <label for="set-add" class="sr-only">{t('sets.add')}</label>
        <select id="set-add" value={adding} onChange={(e) => setAdding((e.target as HTMLSelectElement).value)}>
          <option value="">{t('sets.pick')}</option>
          {all.filter((e) => !items.some((x) => x.exercise === e.id)).map((e) => <option key={e.id} value={e.id}>{exerciseTitle(e)} ({e.id})</option>)}
        </select>
        <button type="button" class="btn btn-small" onClick={() => {
          const e = all.find((x) => x.id === adding);
          if (e) { setItems([...items, { exercise: e.id, tier: e.tier || 1 }]); setAdding(''); }
        }}>{t('sets.add')}</button>
      </div>
      <button type="button" class="btn btn-primary" onClick={save}>{t('sets.save')}</button>
      {message ? <p class={message.ok ? 'note note-good' : 'form-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </div>
  );
}

export function SetsView() {
  const sets = useAsync<ExerciseSet[]>(() => authoring.sets(), []);
  const all = useAsync<ExerciseSummary[]>(() => api.exercises(), []);
  const [open, setOpen] = useState<string | null>(null);
  const [copyFrom, setCopyFrom] = useState('');
  const [newId, setNewId] = useState('');
  const [newTitle, setNewTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (sets.error && !sets.data) return <div class="page"><ErrorNote error={sets.error} onRetry={sets.reload} /></div>;
  if (!sets.data) return <div class="page"><Loading /></div>;
  const copy = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const made = await authoring.copySet(copyFrom || sets.data![0].id, newId.trim().toLowerCase(), newTitle.trim() || undefined);
      sets.reload();
      setOpen(made.id);
    } catch (err) { setError(err); }
  };
  const current = sets.data.find((s) => s.id === open);
  return (
    <div class="page">
      <div class="page-head">
        <PageHeading title={t('sets.title')}>{t('sets.title')}</PageHeading>
        <Link class="btn btn-small btn-quiet" href="/author">{t('author.title')}</Link>
      </div>
      <p class="muted">{t('sets.intro')}</p>
      <form class="form card" onSubmit={copy}>
        <h2>{t('sets.copy')}</h2>
        <label for="copy-from">{t('sets.from')}</label>
        <select id="copy-from" value={copyFrom || sets.data[0]?.id} onChange={(e) => setCopyFrom((e.target as HTMLSelectElement).value)}>
          {sets.data.map((s) => <option key={s.id} value={s.id}>{s.title} ({s.id})</option>)}
        </select>
        <label for="copy-id">{t('sets.newId')}</label>
        <input id="copy-id" value={newId} maxLength={64} onInput={(e) => setNewId((e.target as HTMLInputElement).value)} />
        <label for="copy-title">{t('sets.name')}</label>
        <input id="copy-title" value={newTitle} maxLength={200} onInput={(e) => setNewTitle((e.target as HTMLInputElement).value)} />
        <button type="submit" class="btn">{t('sets.copyButton')}</button>
        {error ? <ErrorNote error={error} /> : null}
      </form>
      <table class="table">
        <thead><tr><th scope="col">{t('sets.name')}</th><th scope="col">{t('sets.count')}</th><th scope="col"><span class="sr-only">{t('author.actions')}</span></th></tr></thead>
        <tbody>{sets.data.map((s) => (
          <tr key={s.id}>
            <td>{s.title} <code class="muted small">{s.id}</code></td>
            <td>{s.items.length}</td>
            <td>{s.editable ? <button type="button" class="btn btn-small" onClick={() => setOpen(s.id)}>{t('sets.edit')}</button> : <span class="muted small">{t('sets.readOnly')}</span>}</td>
          </tr>
        ))}</tbody>
      </table>
      {current && all.data ? <SetEditor set={current} all={all.data} onSaved={() => sets.reload()} /> : null}
    </div>
  );
}
