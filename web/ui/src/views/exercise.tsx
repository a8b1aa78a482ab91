import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, exerciseId, follow, type Exercise, type ExerciseSummary, type Me, type SubmissionSummary, type Workshop } from '../lib/api';
import { formatTime, lang, t } from '../i18n';
import { renderMarkdown } from '../lib/markdown';
import { createEditor, type CodeEditor } from '../lib/editor';
import { languageName, sortLanguages, starterCode, startingText } from '../lib/languages';
import { timeLeft, trialOf, type OpenedTrial } from '../lib/trial';
import { lastLanguage, loadDraft, rememberLanguage, saveDraft } from '../lib/drafts';
import { errorLines } from '../lib/compile';
import { ErrorNote, errorMessage, Icon, Link, Loading, PageHeading, Verdict, formatSeconds, useAsync } from '../components';
import { catalogueOrder, exerciseTitle, trackLabel } from './catalogue';
import { mergeTest, ResultsPanel, type ResultState } from './results';

const MAX_SOURCE = 256 * 1024;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function Statement({ ex }: { ex: Exercise }) {
  const available = (['fi', 'en'] as const).filter((l) => ex.statement?.[l]);
  const [chosen, setChosen] = useState<'fi' | 'en'>(available.includes(lang()) ? lang() : available[0] ?? lang());
  useEffect(() => { if (available.includes(lang())) setChosen(lang()); }, [lang()]);
  const md = ex.statement?.[chosen];
  const html = useMemo(() => (md ? renderMarkdown(md) : ''), [md]);
  const hints = ex.hints_released && ex.hints ? (ex.hints[chosen] ?? ex.hints.fi ?? ex.hints.en) : null;
  const hintsHtml = useMemo(() => (hints ? renderMarkdown(hints) : ''), [hints]);
  return (
    <>
      <div class="statement-tools">
        <h2 class="small-heading">{t('ex.statement')}</h2>
        {available.length > 1 ? (
          <div class="seg" role="group" aria-label={t('ex.statementLang')}>
            <button type="button" lang="fi" aria-pressed={chosen === 'fi'} onClick={() => setChosen('fi')}>Suomeksi</button>
            <button type="button" lang="en" aria-pressed={chosen === 'en'} onClick={() => setChosen('en')}>In English</button>
          </div>
        ) : null}
      </div>
      {md ? <div class="markdown" lang={chosen} dangerouslySetInnerHTML={{ __html: html }} /> : <p class="muted">{t('ex.noStatement')}</p>}
      {ex.samples?.length ? (
        <section aria-labelledby="samples-h">
          <h2 id="samples-h" class="small-heading">{t('ex.samples')}</h2>
          {ex.samples.map((s) => (
            <div class="sample" key={s.name}>
              <h3 class="sample-title">{t('ex.sample', { name: s.name.replace(/^sample\//, '') })}</h3>
              {ex.kind === 'game' ? (
                <div><h4>{t('ex.world')}</h4><pre class="output-pre">{s.input}</pre></div>
              ) : (
                <div class="compare-grid">
                  <div><h4>{t('ex.input')}</h4><pre class="output-pre">{s.input === '' ? t('ex.noInput') : s.input}</pre></div>
                  <div><h4>{t('ex.output')}</h4><pre class="output-pre">{s.output}</pre></div>
                </div>
              )}
            </div>
          ))}
        </section>
      ) : null}
      {hints ? (
        <section class="hints" aria-labelledby="hints-h">
          <h2 id="hints-h" class="small-heading">{t('ex.hints')}</h2>
          <div class="markdown" dangerouslySetInnerHTML={{ __html: hintsHtml }} />
        </section>
      ) : null}
      {ex.time_limit || ex.memory_limit_mib ? (
        <p class="muted small">{t('ex.limits', { seconds: formatSeconds(ex.time_limit ?? 1), mib: ex.memory_limit_mib ?? 256 })}</p>
      ) : null}
    </>
  );
}

function History({ exercise, reloadKey, onLoad }: { exercise: Exercise; reloadKey: number; onLoad: (id: string | number) => void }) {
  const list = useAsync<SubmissionSummary[]>(() => api.submissions(exercise.id), [exercise.id, reloadKey]);
  if (list.error && !list.data) return <ErrorNote error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  if (!list.data.length) return <p class="muted">{t('hist.empty')}</p>;
  return (
    <table class="table history">
      <caption class="sr-only">{t('hist.title')}</caption>
      <thead><tr><th scope="col">#</th><th scope="col">{t('hist.when')}</th><th scope="col">{t('hist.language')}</th><th scope="col">{t('hist.result')}</th><th scope="col">{t('hist.score')}</th><th scope="col"><span class="sr-only">{t('hist.open')}</span></th></tr></thead>
      <tbody>
        {list.data.map((s) => (
          <tr key={s.id}>
            <td><Link href={`/submissions/${encodeURIComponent(String(s.id))}`}>{s.id}</Link></td>
            <td>{formatTime(s.created_at)}</td>
            <td>{languageName(s.language)}</td>
            <td><Verdict verdict={s.status === 'done' ? s.verdict : s.status} limits={exercise} /></td>
            <td>{s.max_score ? `${s.score ?? 0} / ${s.max_score}` : ''}</td>
            <td><button type="button" class="btn btn-small btn-quiet" onClick={() => onLoad(s.id)}>{t('ex.loadCode')}</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HelpButton({ workshop, exercise }: { workshop: Workshop; exercise: string }) {
  const [open, setOpen] = useState(false);
  const [msg, setMsg] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<unknown>(null);
  const send = async (e: Event) => {
    e.preventDefault();
    setState('sending'); setError(null);
    try { await api.askHelp(workshop.id, exercise, msg.trim() || undefined); setState('sent'); setOpen(false); }
    catch (err) { setError(err); setState('idle'); }
  };
  if (state === 'sent') return <p class="note note-good help-sent" role="status"><Icon name="hand" /> {t('ex.helpAsked')}</p>;
  return (
    <div class="help-box">
      {!open ? (
        <button type="button" class="btn btn-quiet" onClick={() => setOpen(true)}><Icon name="hand" /> {t('ex.help')}</button>
      ) : (
        <form class="help-form" onSubmit={send}>
          <label for="help-msg">{t('ex.helpMessage')}</label>
          <input id="help-msg" value={msg} maxLength={500} onInput={(e) => setMsg((e.target as HTMLInputElement).value)} />
          <div class="row">
            <button type="submit" class="btn btn-primary btn-small" disabled={state === 'sending'}>{t('ex.helpSend')}</button>
            <button type="button" class="btn btn-quiet btn-small" onClick={() => setOpen(false)}>{t('ex.cancel')}</button>
          </div>
          {error ? <ErrorNote error={error} /> : null}
        </form>
      )}
    </div>
  );
}

/** After an accepted answer: the next exercise not yet solved, in the workshop's order or the
 *  catalogue's. */
function NextExercise({ current, workshop }: { current: string; workshop: Workshop | null }) {
  const list = useAsync<ExerciseSummary[]>(() => api.exercises(), [current]);
  if (!list.data) return null;
  const order = workshop?.exercises?.length
    ? workshop.exercises.map((e) => list.data!.find((x) => x.id === exerciseId(e))).filter((x): x is ExerciseSummary => !!x)
    : catalogueOrder(list.data);
  const at = order.findIndex((e) => e.id === current);
  const open = (e: ExerciseSummary) => e.id !== current && e.status !== 'solved';
  const next = order.slice(at + 1).find(open) ?? order.find(open);
  if (!next) return <p class="next-exercise">{t('ex.allSolved')}</p>;
  const href = `/exercises/${encodeURIComponent(next.id)}${workshop ? `?workshop=${encodeURIComponent(String(workshop.id))}` : ''}`;
  return (
    <p class="next-exercise">
      <Link href={href} class="btn btn-primary">{t('ex.next', { title: exerciseTitle(next) })}</Link>
    </p>
  );
}

async function findWorkshop(exercise: string, preferred: string | null): Promise<Workshop | null> {
  if (preferred) { try { return await api.workshop(preferred); } catch { /* fall through */ } }
  const list = await api.workshops().catch(() => [] as Workshop[]);
  const now = Date.now();
  const current = list.filter((w) => !w.ends_at || new Date(w.ends_at).getTime() > now);
  for (const w of current) {
    const full = w.exercises ? w : await api.workshop(w.id).catch(() => null);
    if (full?.exercises?.some((e) => exerciseId(e) === exercise)) return full;
  }
  return null;
}

function Workspace({ ex, me, workshopId }: { ex: Exercise; me: Me; workshopId: string | null }) {
  const languages = useMemo(() => sortLanguages(ex.languages?.length ? ex.languages : ['python']), [ex]);
  const [language, setLanguage] = useState(() => {
    const last = lastLanguage(me.username, ex.id);
    return last && languages.includes(last) ? last : languages[0];
  });
  const editorHost = useRef<HTMLDivElement>(null);
  const editor = useRef<CodeEditor | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopFollow = useRef<(() => void) | null>(null);
  const [saved, setSaved] = useState(false);
  const [result, setResult] = useState<ResultState | null>(null);
  const [tab, setTab] = useState<'results' | 'history'>('results');
  const [customOpen, setCustomOpen] = useState(false);
  const [customInput, setCustomInput] = useState(() => ex.samples?.[0]?.input ?? '');
  const [historyKey, setHistoryKey] = useState(0);
  const [workshop, setWorkshop] = useState<Workshop | null>(null);
  const [notice, setNotice] = useState('');
  const langRef = useRef(language);
  langRef.current = language;
  const runRef = useRef((_custom: boolean) => {});

  const initialText = (l: string) => startingText(l, loadDraft(me.username, ex.id, l), ex.starters);

  useEffect(() => {
    if (!editorHost.current) return;
    editor.current = createEditor(editorHost.current, {
      text: initialText(language),
      language,
      label: `${t('ex.editor')} (${languageName(language)})`,
      describedBy: 'editor-help',
      onChange: (text) => {
        setSaved(false);
        clearTimeout(saveTimer.current);
        const l = langRef.current;
        saveTimer.current = setTimeout(() => setSaved(saveDraft(me.username, ex.id, l, text)), 400);
      },
      onRun: () => runRef.current(false),
    });
    return () => {
      clearTimeout(saveTimer.current);
      if (editor.current) saveDraft(me.username, ex.id, langRef.current, editor.current.getText());
      editor.current?.destroy();
      stopFollow.current?.();
    };
  }, []);

  // The editor's name says which language it holds, in the UI's language.
  useEffect(() => { editor.current?.setLabel(`${t('ex.editor')} (${languageName(language)})`); }, [language, lang()]);

  useEffect(() => { if (me.role === 'candidate') findWorkshop(ex.id, workshopId).then(setWorkshop); }, [ex.id, workshopId]);

  const changeLanguage = (l: string) => {
    if (!editor.current || l === language) return;
    clearTimeout(saveTimer.current);
    saveDraft(me.username, ex.id, language, editor.current.getText());
    rememberLanguage(me.username, ex.id, l);
    setLanguage(l);
    langRef.current = l;
    editor.current.setLanguage(l);
    editor.current.setText(initialText(l));
    setSaved(false);
  };

  const busy = result !== null && (result.status === 'sending' || result.status === 'queued' || result.status === 'judging');

  const start = async (kind: ResultState['kind'], send: () => Promise<{ id: string | number }>) => {
    const source = editor.current?.getText() ?? '';
    setNotice('');
    if (!source.trim()) { setNotice(t('ex.emptySource')); return; }
    const bytes = new Blob([source]).size;
    if (bytes > MAX_SOURCE) { setNotice(t('ex.tooLarge', { size: formatBytes(bytes) })); return; }
    saveDraft(me.username, ex.id, language, source);
    stopFollow.current?.();
    editor.current?.markLines([]);
    setTab('results');
    setResult({ kind, status: 'sending', done: 0, total: kind === 'run' ? ex.samples?.length ?? 0 : 0, tests: [] });
    let id: string | number;
    try { id = (await send()).id; }
    catch (e) {
      const message = e instanceof ApiError && e.status === 413 ? t('ex.tooLarge', { size: formatBytes(new Blob([source]).size) }) : errorMessage(e);
      setResult({ kind, status: 'failed', done: 0, total: 0, tests: [], error: message });
      return;
    }
    setResult((r) => r && { ...r, id, status: 'queued' });
    stopFollow.current = follow(
      id,
      (p) => setResult((r) => r && {
        ...r,
        status: 'judging',
        done: p.done ?? r.done,
        total: p.total ?? r.total,
        tests: p.test ? mergeTest(r.tests, p.test) : r.tests,
      }),
      (s) => {
        setResult((r) => r && { ...r, status: 'done', final: s, done: s.tests?.length ?? r.done, total: s.tests?.length ?? r.total });
        if (s.compile?.output && s.verdict === 'compile_error') editor.current?.markLines(errorLines(s.compile.output));
        if (kind === 'submission') setHistoryKey((k) => k + 1);
      },
      (e) => setResult((r) => r && { ...r, status: 'failed', error: kind === 'submission' ? t('res.lost') : errorMessage(e) }),
    );
  };

  const run = (custom: boolean) => {
    if (busy) return;
    const source = () => editor.current?.getText() ?? '';
    if (custom) start('custom', () => api.run(ex.id, langRef.current, source(), customInput));
    else start('run', () => api.run(ex.id, langRef.current, source()));
  };
  runRef.current = run;

  const startOver = () => {
    if (!editor.current || !window.confirm(t('ex.resetConfirm'))) return;
    editor.current.setText(starterCode(language, ex.starters));
    editor.current.view.focus();
  };
  const submit = () => start('submission', () => api.submit(ex.id, langRef.current, editor.current?.getText() ?? ''));

  const loadSubmission = async (id: string | number) => {
    try {
      const s = await api.submission(id);
      if (s.source === undefined) return;
      if (languages.includes(s.language) && s.language !== language) changeLanguage(s.language);
      editor.current?.setText(s.source);
      editor.current?.view.focus();
    } catch (e) { setNotice(errorMessage(e)); }
  };


  return (
    <section class={`work-pane ${result || tab === 'history' ? 'has-results' : ''}`} aria-label={t('ex.editor')}>
      <div class="editor-toolbar">
        <label for="language-select">{t('ex.language')}</label>
        <select id="language-select" value={language} onChange={(e) => changeLanguage((e.target as HTMLSelectElement).value)}>
          {languages.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
        </select>
        <span class="draft-state muted small" aria-live="polite">{saved ? <><Icon name="check" /> {t('ex.draftSaved')}</> : ''}</span>

      </div>
      <div class="editor-host" ref={editorHost} />
      <p id="editor-help" class="muted small editor-help">{t('ex.editorHelp')}</p>
      <div class="action-bar">
        <button type="button" class="btn" onClick={() => run(false)} disabled={busy} aria-keyshortcuts="Control+Enter">{t('ex.runSamples')}</button>
        <button type="button" class="btn" aria-expanded={customOpen} aria-controls="custom-input-box" onClick={() => setCustomOpen(!customOpen)}>
          {t('ex.runInput')}
        </button>
        <button type="button" class="btn btn-primary" onClick={submit} disabled={busy}>{t('ex.submit')}</button>
        <span class="grow" />
        <button type="button" class="btn btn-quiet" onClick={startOver}>{t('ex.resetCode')}</button>
        {workshop && !trialOf(ex.id) ? <HelpButton workshop={workshop} exercise={ex.id} /> : null}
      </div>
      {customOpen ? (
        <div class="custom-input" id="custom-input-box">
          <label for="custom-input">{t('ex.myInput')}</label>
          <div class="custom-input-row">
            <textarea id="custom-input" rows={2} spellcheck={false} value={customInput}
              onInput={(e) => setCustomInput((e.target as HTMLTextAreaElement).value)} />
            <button type="button" class="btn" onClick={() => run(true)} disabled={busy}>{t('ex.runThis')}</button>
          </div>
        </div>
      ) : null}
      {notice ? <p class="note note-info" role="status">{notice}</p> : null}
      <div class="results-area">
      <div class="tabs" role="tablist" aria-label={t('ex.tabResults')}>
        <button type="button" role="tab" id="tab-results" aria-selected={tab === 'results'} aria-controls="panel-results"
          tabIndex={tab === 'results' ? 0 : -1} onClick={() => setTab('results')}
          onKeyDown={(e) => { if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { setTab('history'); document.getElementById('tab-history')?.focus(); } }}>
          {t('ex.tabResults')}
        </button>
        <button type="button" role="tab" id="tab-history" aria-selected={tab === 'history'} aria-controls="panel-history"
          tabIndex={tab === 'history' ? 0 : -1} onClick={() => setTab('history')}
          onKeyDown={(e) => { if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { setTab('results'); document.getElementById('tab-results')?.focus(); } }}>
          {t('ex.tabHistory')}
        </button>
      </div>
      <div role="tabpanel" id="panel-results" aria-labelledby="tab-results" hidden={tab !== 'results'} class="tab-panel">
        <ResultsPanel result={result} samples={ex.samples ?? []} limits={ex} onLine={(l) => editor.current?.goToLine(l)}
          next={<NextExercise current={ex.id} workshop={workshop} />} />
      </div>
      <div role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={tab !== 'history'} class="tab-panel">
        {tab === 'history' ? <History exercise={ex} reloadKey={historyKey} onLoad={loadSubmission} /> : null}
      </div>
      </div>
    </section>
  );
}

/** In a coding trial: its name, the company and the time left, always in view. */
function TrialBanner({ trial }: { trial: OpenedTrial }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const timer = setInterval(() => setNow(Date.now()), 1000); return () => clearInterval(timer); }, []);
  const left = timeLeft(trial, now);
  return (
    <div class="trial-banner note note-info">
      <Link href={`/trials/open/${encodeURIComponent(trial.code)}`}><strong>{trial.title}</strong></Link>
      {trial.owner ? <span> · {t('tr.by', { company: trial.owner })}</span> : null}
      <span role="timer"> · {left ? t('tr.left', left) : t('tr.over')}</span>
    </div>
  );
}

export function ExerciseView({ id, me, workshopId }: { id: string; me: Me; workshopId: string | null }) {
  const ex = useAsync<Exercise>(() => api.exercise(id), [id]);
  // Hints a trainer releases to the room appear without a reload.
  const hintsShown = !!ex.data?.hints_released;
  useEffect(() => {
    if (me.role !== 'candidate' || hintsShown) return;
    const timer = setInterval(() => {
      api.exercise(id).then((fresh) => { if (fresh.hints_released) ex.set(fresh); }, () => {});
    }, 45000);
    return () => clearInterval(timer);
  }, [id, hintsShown]);
  if (ex.error && !ex.data) return <div class="page"><ErrorNote error={ex.error} onRetry={ex.reload} /><p><Link href="/">{t('app.backHome')}</Link></p></div>;
  if (!ex.data) return <div class="page"><Loading /></div>;
  const e = ex.data;
  return (
    <div class="exercise-layout">
      <section class="statement-pane" aria-labelledby="exercise-title">
        <p class="crumbs small"><Link href={workshopId ? `/workshops/${encodeURIComponent(workshopId)}` : '/'}>{workshopId ? t('nav.workshops') : t('nav.exercises')}</Link> · {trackLabel(e.track)} · {t('cat.tier', { tier: e.tier })}
          {me.role === 'trainer' || me.role === 'admin' ? <> · <Link href={`/exercises/${encodeURIComponent(e.id)}/similarity`}>{t('sim.link')}</Link></> : null}</p>
        {trialOf(e.id) ? <TrialBanner trial={trialOf(e.id)!} /> : null}
        <div id="exercise-title"><PageHeading title={exerciseTitle(e)}>{exerciseTitle(e)}</PageHeading></div>
        <Statement ex={e} />
      </section>
      <Workspace ex={e} me={me} workshopId={workshopId} />
    </div>
  );
}
