// Trainers' exercise tools: import a package, create or edit an exercise in the browser
// (statement with a live preview, metadata, limits, tests, checker, solutions), follow the
// check of every save, publish to a workshop, export, versions and rejudging.
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  api, authoring, followCheck, type CheckState, type ExerciseSource, type ExerciseSummary, type Lang,
  type SourceEdit, type Versions, type Workshop,
} from '../lib/api';
import { lang, t } from '../i18n';
import { navigate } from '../lib/router';
import { ErrorNote, Icon, Link, Loading, PageHeading, ProgressBar, errorMessage, useAsync } from '../components';
import { renderMarkdown } from '../lib/markdown';
import { exerciseTitle } from './catalogue';
import { zipFolder } from '../lib/zip';

const KINDS = ['batch', 'interactive', 'grader', 'service', 'iot', 'game'];
const SOLUTION_FOLDERS = ['accepted', 'wrong_answer', 'time_limit_exceeded', 'run_time_error', 'memory_limit_exceeded'];

/** A new exercise starts as a small working example (double a number) for the trainer to change. */
const STARTER_FILES: Record<string, string> = {
  'data/sample/1.in': '2\n',
  'data/sample/1.ans': '4\n',
  'data/secret/1.in': '21\n',
  'data/secret/1.ans': '42\n',
  'submissions/accepted/solution.py': 'print(2 * int(input()))\n',
  'submissions/wrong_answer/same.py': 'print(int(input()))\n',
  'input_validators/validate.py':
    '# Exit 42 if the input is valid, 43 if not. Change this to describe your input exactly.\n'
    + 'import re, sys\n'
    + 'sys.exit(42 if re.fullmatch(r"(-?\\d+\\n)+", sys.stdin.read()) else 43)\n',
};

/** The list of exercises with import and "new exercise". */
export function AuthorListView() {
  const list = useAsync<(ExerciseSummary & { stored?: boolean; version?: number })[]>(() => api.exercises(), []);
  const [file, setFile] = useState<File | null>(null);
  const [folder, setFolder] = useState<File[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [newId, setNewId] = useState('');
  const [newTitle, setNewTitle] = useState('');

  const doImport = async (e: Event) => {
    e.preventDefault();
    if (!file && !folder?.length) return setError(t('author.pickZip'));
    setBusy(true); setError(null);
    try {
      const saved = await authoring.importZip(folder?.length ? await zipFolder(folder) : file!);
      navigate(`/author/${encodeURIComponent(saved.id)}`);
    } catch (err) { setError(err); setBusy(false); }
  };

  const doCreate = async (e: Event) => {
    e.preventDefault();
    const id = newId.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9_.-]{0,63}$/.test(id)) return setError(t('author.badId'));
    setBusy(true); setError(null);
    const title = newTitle.trim() || id;
    try {
      await authoring.create({
        id, titles: { fi: title, en: title }, statement: { fi: `# ${title}\n`, en: `# ${title}\n` },
        kind: 'batch', tier: 1, track: 'basics', skills: [], time_limit: 1, memory_limit_mib: 256,
        checker: { type: 'default' }, files: STARTER_FILES,
      });
      navigate(`/author/${encodeURIComponent(id)}`);
    } catch (err) { setError(err); setBusy(false); }
  };

  return (
    <div class="page">
      <div class="page-head">
        <PageHeading title={t('author.title')}>{t('author.title')}</PageHeading>
        <Link class="btn btn-small" href="/author/sets">{t('sets.link')}</Link>
      </div>
      <p class="muted">{t('author.intro')}</p>
      <div class="two-col">
        <form class="form card" onSubmit={doImport} aria-labelledby="import-h">
          <h2 id="import-h">{t('author.import')}</h2>
          <p class="muted small">{t('author.importHelp')}</p>
          <label for="import-file">{t('author.zipFile')}</label>
          <input id="import-file" type="file" accept=".zip,application/zip"
            onChange={(e) => { setFile((e.target as HTMLInputElement).files?.[0] ?? null); setFolder(null); }} />
          <label for="import-folder">{t('author.orFolder')}</label>
          <input id="import-folder" type="file" multiple {...{ webkitdirectory: true }}
            onChange={(e) => { const f = (e.target as HTMLInputElement).files; setFolder(f ? Array.from(f) : null); }} />
          <button type="submit" class="btn btn-primary" disabled={busy}>{t('author.importButton')}</button>
        </form>
        <form class="form card" onSubmit={doCreate} aria-labelledby="new-h">
          <h2 id="new-h">{t('author.new')}</h2>
          <label for="new-id">{t('author.id')}</label>
          <input id="new-id" value={newId} maxLength={64} onInput={(e) => setNewId((e.target as HTMLInputElement).value)} />
          <label for="new-title">{t('author.titleFi')}</label>
          <input id="new-title" value={newTitle} maxLength={120} onInput={(e) => setNewTitle((e.target as HTMLInputElement).value)} />
          <button type="submit" class="btn" disabled={busy}>{t('author.create')}</button>
        </form>
      </div>
      {error ? (typeof error === 'string'
        ? <p class="form-error" role="alert">{error}</p>
        : <div class="note note-warn" role="alert" data-testid="import-error"><Icon name="crash" /> <span>{errorMessage(error)}</span></div>) : null}
      <h2>{t('author.yours')}</h2>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      <table class="table">
        <thead><tr><th scope="col">{t('author.exercise')}</th><th scope="col">{t('author.track')}</th><th scope="col">{t('author.tier')}</th><th scope="col">{t('author.version')}</th><th scope="col"><span class="sr-only">{t('author.actions')}</span></th></tr></thead>
        <tbody>
          {(list.data ?? []).slice().sort((a, b) => Number(!!b.stored) - Number(!!a.stored) || a.id.localeCompare(b.id)).map((e) => (
            <tr key={e.id}>
              <td><Link href={`/author/${encodeURIComponent(e.id)}`}>{exerciseTitle(e)}</Link> <code class="muted small">{e.id}</code></td>
              <td>{e.track}</td>
              <td>{e.tier}</td>
              <td>{e.stored ? `v${e.version}` : t('author.bundled')}</td>
              <td><Link href={`/author/${encodeURIComponent(e.id)}/analytics`}>{t('author.analytics')}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CheckPanel({ check, onRecheck }: { check: CheckState | null; onRecheck?: () => void }) {
  if (!check) return null;
  const status = check.status;
  const icon = status === 'passed' || status === 'bundled' ? 'check' : status === 'failed' ? 'cross' : status === 'running' ? 'spinner' : 'dot';
  return (
    <section class="card" aria-labelledby="check-h" data-testid="check-panel" data-status={status}>
      <h2 id="check-h">{t('author.check')}</h2>
      <p class={`verdict tone-${status === 'passed' || status === 'bundled' ? 'good' : status === 'failed' ? 'bad' : 'neutral'}`} role="status">
        <Icon name={icon} /> <span>{t(`author.check.${status}` as 'author.check.passed')}</span> <code class="verdict-word">{status}</code>
      </p>
      {status === 'running' ? (
        <ProgressBar value={check.done} max={check.total} label={t('author.checkProgress')}
          text={t('author.steps', { done: check.done, total: check.total })} />
      ) : null}
      {check.output ? (
        <details open={status === 'failed'}>
          <summary>{t('author.report')}</summary>
          <pre class="check-report">{check.output}</pre>
        </details>
      ) : null}
      {onRecheck && status !== 'running' && status !== 'bundled' ? <button type="button" class="btn btn-small" onClick={onRecheck}>{t('author.recheck')}</button> : null}
    </section>
  );
}

function PublishPanel({ id, check }: { id: string; check: CheckState | null }) {
  const workshops = useAsync<Workshop[]>(() => api.workshops(), []);
  const [target, setTarget] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const publish = async () => {
    const w = target || String(workshops.data?.[0]?.id ?? '');
    if (!w) return;
    try {
      await authoring.publish(w, id);
      setResult({ ok: true, text: t('author.published') });
    } catch (e) { setResult({ ok: false, text: errorMessage(e) }); }
  };
  const blocked = check && check.status !== 'passed' && check.status !== 'bundled';
  return (
    <section class="card" aria-labelledby="publish-h">
      <h2 id="publish-h">{t('author.publish')}</h2>
      {blocked ? <p class="muted small">{t('author.publishNeedsCheck')}</p> : null}
      {workshops.data?.length ? (
        <div class="row">
          <label for="publish-ws" class="sr-only">{t('author.workshop')}</label>
          <select id="publish-ws" value={target || String(workshops.data[0].id)} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
            {workshops.data.map((w) => <option key={w.id} value={String(w.id)}>{w.title}</option>)}
          </select>
          <button type="button" class="btn btn-primary" onClick={publish}>{t('author.publishButton')}</button>
        </div>
      ) : <p class="muted">{t('author.noWorkshops')}</p>}
      {result ? <p class={result.ok ? 'note note-good' : 'form-error'} role={result.ok ? 'status' : 'alert'}>{result.text}</p> : null}
    </section>
  );
}

/** checkStatus: the newest version's check as followed live; the table is read again when it
 *  changes, so a finished check does not stay "running" here. */
function VersionsPanel({ id, reloadKey, checkStatus }: { id: string; reloadKey: number; checkStatus?: string }) {
  const versions = useAsync<Versions>(() => authoring.versions(id), [id, reloadKey, checkStatus]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rejudge = async () => {
    setError(null);
    try {
      const r = await authoring.rejudge(id);
      setProgress({ done: 0, total: r.queued });
      const tick = async () => {
        const p = await authoring.rejudgeProgress(id);
        setProgress({ done: p.total - p.pending, total: p.total });
        if (p.pending > 0) setTimeout(tick, 1000); else versions.reload();
      };
      setTimeout(tick, 500);
    } catch (e) { setError(e); }
  };
  const v = versions.data;
  return (
    <section class="card" aria-labelledby="versions-h">
      <h2 id="versions-h">{t('author.versions')}</h2>
      {v ? (
        <table class="table small">
          <thead><tr><th scope="col">{t('author.version')}</th><th scope="col">{t('author.origin')}</th><th scope="col">{t('author.check')}</th><th scope="col">{t('author.judged')}</th></tr></thead>
          <tbody>{v.versions.slice().reverse().map((x) => (
            <tr key={x.hash + x.number} aria-current={x.hash === v.current_hash ? 'true' : undefined}>
              <td>{x.number ? `v${x.number}` : t('author.bundled')} <code class="muted">{x.hash.slice(0, 8)}</code></td>
              <td>{x.origin}{x.author ? ` · ${x.author}` : ''}</td>
              <td>{x.check.status}</td>
              <td>{x.submissions}</td>
            </tr>
          ))}</tbody>
        </table>
      ) : <Loading />}
      <button type="button" class="btn btn-small" onClick={rejudge}>{t('author.rejudgeAll')}</button>
      {progress ? <ProgressBar value={progress.done} max={progress.total} label={t('author.rejudgeProgress')} text={t('author.steps', { done: progress.done, total: progress.total })} /> : null}
      {error ? <ErrorNote error={error} /> : null}
    </section>
  );
}

function fileText(f: File): Promise<string> { return f.text(); }

/** Any other file of the package (input validators, graders, include files...), as text. */
function OtherFiles({ files, editable, onChange }: { files: { path: string; size: number; text?: string }[]; editable: boolean; onChange: (path: string, text: string | null) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [newPath, setNewPath] = useState('');
  const start = (path: string, text: string) => { setOpen(path); setDraft(text); };
  return (
    <section class="card" aria-labelledby="other-h">
      <h2 id="other-h">{t('author.otherFiles')}</h2>
      <ul class="plain">{files.map((f) => (
        <li key={f.path}>
          <code>{f.path}</code> <span class="muted small">{f.size} B</span>{' '}
          {editable && f.text !== undefined ? <button type="button" class="btn btn-small btn-quiet" onClick={() => start(f.path, f.text ?? '')}>{t('author.editFile')}</button> : null}
          {editable ? <button type="button" class="btn btn-small btn-quiet" onClick={() => onChange(f.path, null)}>{t('author.remove')}</button> : null}
        </li>
      ))}</ul>
      {editable ? (
        <div class="row">
          <label for="new-path" class="sr-only">{t('author.newFile')}</label>
          <input id="new-path" placeholder="input_validators/validate.py" value={newPath} onInput={(e) => setNewPath((e.target as HTMLInputElement).value)} />
          <button type="button" class="btn btn-small" onClick={() => { if (newPath.trim()) start(newPath.trim(), ''); setNewPath(''); }}>{t('author.newFile')}</button>
        </div>
      ) : null}
      {open ? (
        <div>
          <label for="file-text">{open}</label>
          <textarea id="file-text" rows={10} class="code" value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
          <button type="button" class="btn btn-small" onClick={() => { onChange(open, draft); setOpen(null); }}>{t('author.keepFile')}</button>
        </div>
      ) : null}
    </section>
  );
}

/** Edits an exercise; every save is a new version that the server checks. */
export function AuthorEditView({ id }: { id: string }) {
  const source = useAsync<ExerciseSource>(() => authoring.source(id), [id]);
  const [form, setForm] = useState<ExerciseSource | null>(null);
  const [files, setFiles] = useState<Record<string, string | null>>({});
  const [tab, setTab] = useState<Lang>(lang());
  const [check, setCheck] = useState<CheckState | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [testGroup, setTestGroup] = useState('secret');
  const [solution, setSolution] = useState({ folder: 'accepted', name: 'solution.py', text: '' });
  const [validator, setValidator] = useState<string | null>(null);
  const [copyId, setCopyId] = useState('');

  useEffect(() => { if (source.data) setForm(source.data); }, [source.data]);
  useEffect(() => {
    authoring.check(id).then(setCheck, () => {});
  }, [id]);
  useEffect(() => {
    if (check?.status !== 'running') return;
    return followCheck(id, setCheck);
  }, [id, check?.status === 'running', reloadKey]);

  const statementHtml = useMemo(() => renderMarkdown(form?.statement[tab] ?? ''), [form?.statement[tab]]);

  if (source.error && !source.data) return <div class="page"><ErrorNote error={source.error} onRetry={source.reload} /></div>;
  if (!form) return <div class="page"><Loading /></div>;
  const editable = form.editable;
  const set = (patch: Partial<ExerciseSource>) => setForm({ ...form, ...patch });
  const title = form.titles[lang()] || form.titles.en || form.titles.fi || id;
  const validatorPath = form.format === 'legacy' ? 'output_validators/check/check.py' : 'output_validator/validate.py';
  const allFiles = new Map(form.files.map((f) => [f.path, f]));
  for (const [p, c] of Object.entries(files)) {
    if (c === null) allFiles.delete(p); else allFiles.set(p, { path: p, size: new Blob([c]).size, text: c });
  }
  const tests = [...allFiles.values()].filter((f) => f.path.startsWith('data/') && /\.(in|ans)$/.test(f.path));
  const solutions = [...allFiles.values()].filter((f) => f.path.startsWith('submissions/'));

  const addTestFiles = async (list: FileList | null) => {
    if (!list) return;
    const added: Record<string, string> = {};
    for (const f of Array.from(list)) added[`data/${testGroup}/${f.name}`] = await fileText(f);
    setFiles({ ...files, ...added });
  };
  const uploadTestZip = async (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    setMessage(null);
    try {
      const saved = await authoring.uploadTests(id, testGroup, f);
      setMessage({ ok: true, text: t('author.saved', { version: saved.version }) });
      setCheck({ status: 'running', done: 0, total: 1, output: '' });
      source.reload(); setFiles({}); setReloadKey((k) => k + 1);
    } catch (e) { setMessage({ ok: false, text: errorMessage(e) }); }
  };

  const save = async () => {
    setSaving(true); setMessage(null);
    const edit: SourceEdit = {
      base_version: form.version, titles: form.titles, statement: form.statement, kind: form.kind, tier: form.tier,
      track: form.track, skills: form.skills, time_limit: form.time_limit, memory_limit_mib: form.memory_limit_mib,
      checker: form.checker,
    };
    const changed = { ...files };
    if (validator !== null) changed[validatorPath] = validator;
    if (Object.keys(changed).length) edit.files = changed;
    try {
      const saved = await authoring.save(id, edit);
      setMessage({ ok: true, text: t('author.saved', { version: saved.version }) });
      setCheck({ status: 'running', done: 0, total: 1, output: '' });
      setFiles({}); setValidator(null);
      source.reload(); setReloadKey((k) => k + 1);
    } catch (e) { setMessage({ ok: false, text: errorMessage(e) }); }
    setSaving(false);
  };

  const copy = async () => {
    const newId = copyId.trim().toLowerCase();
    if (!newId) return;
    try {
      await authoring.copy(id, newId);
      navigate(`/author/${encodeURIComponent(newId)}`);
    } catch (e) { setMessage({ ok: false, text: errorMessage(e) }); }
  };

  return (
    <div class="page author">
      <div class="page-head">
        <PageHeading title={title}>{title} <span class="muted small">{form.version ? `v${form.version}` : t('author.bundled')}</span></PageHeading>
        <div class="row">
          <a class="btn btn-small" href={authoring.exportUrl(id)} download>{t('author.export')}</a>
          <Link class="btn btn-small" href={`/author/${encodeURIComponent(id)}/analytics`}>{t('author.analytics')}</Link>
          <Link class="btn btn-small btn-quiet" href={`/exercises/${encodeURIComponent(id)}`}>{t('author.open')}</Link>
        </div>
      </div>
      {!editable ? (
        <div class="note" role="note">
          <span>{t('author.readOnly')}</span>
          <label for="copy-id" class="sr-only">{t('author.id')}</label>
          <input id="copy-id" placeholder={t('author.id')} value={copyId} onInput={(e) => setCopyId((e.target as HTMLInputElement).value)} />
          <button type="button" class="btn btn-small" onClick={copy}>{t('author.copy')}</button>
        </div>
      ) : null}

      <div class="author-grid">
        <div>
          <section class="card" aria-labelledby="statement-h">
            <h2 id="statement-h">{t('author.statement')}</h2>
            <div class="tabs" role="tablist" aria-label={t('author.statementLanguage')}>
              {(['fi', 'en'] as Lang[]).map((l) => (
                <button key={l} type="button" role="tab" id={`tab-${l}`} aria-selected={tab === l} aria-controls="statement-panel" onClick={() => setTab(l)}>
                  {l === 'fi' ? 'Suomi' : 'English'}
                </button>
              ))}
            </div>
            <div id="statement-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
              <label for="title-input">{t('author.exerciseTitle')}</label>
              <input id="title-input" value={form.titles[tab] ?? ''} disabled={!editable} maxLength={120}
                onInput={(e) => set({ titles: { ...form.titles, [tab]: (e.target as HTMLInputElement).value } })} />
              <div class="statement-editor">
                <div>
                  <label for="statement-input">{t('author.markdown')}</label>
                  <textarea id="statement-input" rows={16} value={form.statement[tab] ?? ''} disabled={!editable}
                    onInput={(e) => set({ statement: { ...form.statement, [tab]: (e.target as HTMLTextAreaElement).value } })} />
                </div>
                <div>
                  <p class="label">{t('author.preview')}</p>
                  <div class="statement preview" data-testid="statement-preview" aria-live="polite" dangerouslySetInnerHTML={{ __html: statementHtml }} />
                </div>
              </div>
            </div>
          </section>

          <section class="card" aria-labelledby="meta-h">
            <h2 id="meta-h">{t('author.details')}</h2>
            <div class="three-col">
              <div>
                <label for="kind">{t('author.kind')}</label>
                <select id="kind" value={form.kind} disabled={!editable} onChange={(e) => set({ kind: (e.target as HTMLSelectElement).value })}>
                  {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
                </select>
              </div>
              <div>
                <label for="tier">{t('author.tier')}</label>
                <select id="tier" value={String(form.tier || 1)} disabled={!editable} onChange={(e) => set({ tier: Number((e.target as HTMLSelectElement).value) })}>
                  {[1, 2, 3, 4, 5].map((n) => <option key={n} value={String(n)}>{n}</option>)}
                </select>
              </div>
              <div>
                <label for="track">{t('author.track')}</label>
                <input id="track" value={form.track} disabled={!editable} onInput={(e) => set({ track: (e.target as HTMLInputElement).value })} />
              </div>
            </div>
            <label for="skills">{t('author.skills')}</label>
            <input id="skills" value={form.skills.join(', ')} disabled={!editable}
              onInput={(e) => set({ skills: (e.target as HTMLInputElement).value.split(',').map((s) => s.trim()).filter(Boolean) })} />
            <div class="two-col">
              <div>
                <label for="time-limit">{t('author.timeLimit')}</label>
                <input id="time-limit" type="number" min="0.1" max="60" step="0.1" value={form.time_limit ?? ''} disabled={!editable}
                  onInput={(e) => { const v = (e.target as HTMLInputElement).value; set({ time_limit: v ? Number(v) : null }); }} />
              </div>
              <div>
                <label for="memory">{t('author.memory')}</label>
                <input id="memory" type="number" min="16" max="8192" value={form.memory_limit_mib} disabled={!editable}
                  onInput={(e) => set({ memory_limit_mib: Number((e.target as HTMLInputElement).value) })} />
              </div>
            </div>
          </section>

          <section class="card" aria-labelledby="checker-h">
            <h2 id="checker-h">{t('author.checker')}</h2>
            <fieldset disabled={!editable}>
              <legend class="sr-only">{t('author.checker')}</legend>
              <label class="check"><input type="radio" name="checker" checked={form.checker.type === 'default'} onChange={() => set({ checker: { ...form.checker, type: 'default' } })} /> {t('author.checkerDefault')}</label>
              {form.checker.type === 'default' ? (
                <div class="indent">
                  <label class="check"><input type="checkbox" checked={!!form.checker.case_sensitive} onChange={(e) => set({ checker: { ...form.checker, case_sensitive: (e.target as HTMLInputElement).checked } })} /> {t('author.caseSensitive')}</label>
                  <label class="check"><input type="checkbox" checked={!!form.checker.space_change_sensitive} onChange={(e) => set({ checker: { ...form.checker, space_change_sensitive: (e.target as HTMLInputElement).checked } })} /> {t('author.spaceSensitive')}</label>
                  <label for="tolerance">{t('author.tolerance')}</label>
                  <input id="tolerance" type="number" step="any" min="0" value={form.checker.float_tolerance ?? ''}
                    onInput={(e) => { const v = (e.target as HTMLInputElement).value; set({ checker: { ...form.checker, float_tolerance: v ? Number(v) : null } }); }} />
                </div>
              ) : null}
              <label class="check"><input type="radio" name="checker" checked={form.checker.type === 'custom'} onChange={() => set({ checker: { ...form.checker, type: 'custom' } })} /> {t('author.checkerCustom')}</label>
              {form.checker.type === 'custom' ? (
                <div class="indent">
                  <label for="validator">{t('author.validatorSource', { path: validatorPath })}</label>
                  <textarea id="validator" rows={8} class="code" value={validator ?? allFiles.get(validatorPath)?.text ?? ''}
                    onInput={(e) => setValidator((e.target as HTMLTextAreaElement).value)} />
                </div>
              ) : null}
            </fieldset>
          </section>

          <section class="card" aria-labelledby="tests-h">
            <h2 id="tests-h">{t('author.tests')}</h2>
            <table class="table small">
              <thead><tr><th scope="col">{t('author.file')}</th><th scope="col">{t('author.size')}</th><th scope="col"><span class="sr-only">{t('author.actions')}</span></th></tr></thead>
              <tbody>{tests.map((f) => (
                <tr key={f.path}><td><code>{f.path}</code></td><td>{f.size}</td>
                  <td>{editable ? <button type="button" class="btn btn-small btn-quiet" onClick={() => setFiles({ ...files, [f.path]: null })}>{t('author.remove')}</button> : null}</td></tr>
              ))}</tbody>
            </table>
            {editable ? (
              <div class="row wrap">
                <label for="test-group">{t('author.group')}</label>
                <select id="test-group" value={testGroup} onChange={(e) => setTestGroup((e.target as HTMLSelectElement).value)}>
                  <option value="sample">sample</option><option value="secret">secret</option>
                </select>
                <label for="test-files">{t('author.addFiles')}</label>
                <input id="test-files" type="file" multiple accept=".in,.ans" onChange={(e) => addTestFiles((e.target as HTMLInputElement).files)} />
                <label for="test-zip">{t('author.addZip')}</label>
                <input id="test-zip" type="file" accept=".zip" onChange={(e) => uploadTestZip((e.target as HTMLInputElement).files)} />
              </div>
            ) : null}
          </section>

          <section class="card" aria-labelledby="solutions-h">
            <h2 id="solutions-h">{t('author.solutions')}</h2>
            <ul class="plain">{solutions.map((f) => (
              <li key={f.path}><code>{f.path}</code> {editable ? <button type="button" class="btn btn-small btn-quiet" onClick={() => setFiles({ ...files, [f.path]: null })}>{t('author.remove')}</button> : null}</li>
            ))}</ul>
            {editable ? (
              <div>
                <div class="two-col">
                  <div>
                    <label for="sol-folder">{t('author.expected')}</label>
                    <select id="sol-folder" value={solution.folder} onChange={(e) => setSolution({ ...solution, folder: (e.target as HTMLSelectElement).value })}>
                      {SOLUTION_FOLDERS.map((f) => <option key={f} value={f}>{f}</option>)}
                    </select>
                  </div>
                  <div>
                    <label for="sol-name">{t('author.fileName')}</label>
                    <input id="sol-name" value={solution.name} onInput={(e) => setSolution({ ...solution, name: (e.target as HTMLInputElement).value })} />
                  </div>
                </div>
                <label for="sol-text">{t('author.code')}</label>
                <textarea id="sol-text" rows={6} class="code" value={solution.text} onInput={(e) => setSolution({ ...solution, text: (e.target as HTMLTextAreaElement).value })} />
                <button type="button" class="btn btn-small" onClick={() => {
                  if (!solution.name.trim() || !solution.text) return;
                  setFiles({ ...files, [`submissions/${solution.folder}/${solution.name.trim()}`]: solution.text });
                  setSolution({ ...solution, text: '' });
                }}>{t('author.addSolution')}</button>
              </div>
            ) : null}
          </section>
          <OtherFiles files={[...allFiles.values()].filter((f) => !f.path.startsWith('data/') && !f.path.startsWith('submissions/')
            && f.path !== 'problem.yaml' && !/^(problem_)?statement\//.test(f.path))}
            editable={editable} onChange={(path, text) => setFiles({ ...files, [path]: text })} />
        </div>

        <aside>
          {editable ? (
            <div class="card save-bar">
              <button type="button" class="btn btn-primary" onClick={save} disabled={saving}>{saving ? t('author.saving') : t('author.save')}</button>
              {Object.keys(files).length ? <p class="muted small">{t('author.pendingFiles', { count: Object.keys(files).length })}</p> : null}
              {message ? <p class={message.ok ? 'note note-good' : 'form-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
            </div>
          ) : null}
          <CheckPanel check={check} onRecheck={editable ? async () => {
            try { await authoring.recheck(id); setCheck({ status: 'running', done: 0, total: 1, output: '' }); } catch (e) { setMessage({ ok: false, text: errorMessage(e) }); }
          } : undefined} />
          <PublishPanel id={id} check={check} />
          <VersionsPanel id={id} reloadKey={reloadKey} checkStatus={check?.status} />
        </aside>
      </div>
    </div>
  );
}
