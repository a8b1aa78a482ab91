// One submission: its verdict and tests, the code with line numbers, and
// line comments — a trainer comments on any line; the candidate answers.
import { useEffect, useState } from 'preact/hooks';
import { api, type Comment, type Me, type Submission } from '../lib/api';
import { formatTime, t } from '../i18n';
import { highlightLines, plainLines, type Token } from '../lib/highlight';
import { languageName } from '../lib/languages';
import { ErrorNote, Icon, Link, Loading, PageHeading, Verdict, useAsync } from '../components';
import { RejudgeControl } from './rejudge';
import { CompileOutput, TestRows } from './results';

function CommentForm({ line, label, onSend, onCancel }: { line: number; label: string; onSend: (text: string) => Promise<void>; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `comment-${line}`;
  return (
    <form class="comment-form" onSubmit={async (e) => {
      e.preventDefault();
      if (!text.trim()) return;
      setBusy(true); setError(null);
      try { await onSend(text.trim()); setText(''); } catch (err) { setError(err); }
      setBusy(false);
    }}>
      <label for={id}>{label}</label>
      <textarea id={id} rows={2} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} ref={(el) => el?.focus()} />
      <div class="row">
        <button type="submit" class="btn btn-primary btn-small" disabled={busy || !text.trim()}>{t('sub.send')}</button>
        <button type="button" class="btn btn-quiet btn-small" onClick={onCancel}>{t('ex.cancel')}</button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

function Thread({ comments }: { comments: Comment[] }) {
  return (
    <ul class="thread">
      {comments.map((c) => (
        <li key={c.id} class={`comment role-${c.role ?? 'candidate'}`}>
          <p class="comment-meta"><Icon name="comment" /> <strong>{c.author}</strong> <span class="muted small">{formatTime(c.created_at)}</span></p>
          <p class="comment-text">{c.text}</p>
        </li>
      ))}
    </ul>
  );
}

function CodeWithComments({ sub, me, comments, onAdd }: {
  sub: Submission; me: Me; comments: Comment[]; onAdd: (line: number, text: string) => Promise<void>;
}) {
  const [lines, setLines] = useState<Token[][]>(() => plainLines(sub.source ?? ''));
  useEffect(() => {
    let live = true;
    highlightLines(sub.source ?? '', sub.language).then((l) => { if (live) setLines(l); });
    return () => { live = false; };
  }, [sub.source, sub.language]);
  const [editing, setEditing] = useState<number | null>(null);
  const canStart = me.role === 'trainer' || me.role === 'admin';
  const canAnswer = canStart || sub.user === undefined || sub.user === me.username;
  const byLine = new Map<number, Comment[]>();
  for (const c of comments) { if (!byLine.has(c.line)) byLine.set(c.line, []); byLine.get(c.line)!.push(c); }

  return (
    <div class="codeview" role="region" aria-label={t('sub.code')}>
      {lines.map((tokens, i) => {
        const n = i + 1;
        const thread = byLine.get(n);
        return (
          <div class="code-block" key={n}>
            <div class={`code-line ${thread ? 'has-comments' : ''}`}>
              {canStart ? (
                <button type="button" class="line-no" aria-label={t('sub.commentOn', { line: n })} onClick={() => setEditing(editing === n ? null : n)}>{n}</button>
              ) : <span class="line-no" aria-hidden="true">{n}</span>}
              <code class="code-text">{tokens.length ? tokens.map((tk, j) => <span key={j} class={tk.cls}>{tk.text}</span>) : '\u200b'}</code>
            </div>
            {thread || editing === n ? (
              <div class="line-comments" aria-label={t('sub.lineLabel', { line: n })} role="group">
                {thread ? <Thread comments={thread} /> : null}
                {editing === n ? (
                  <CommentForm line={n} label={thread ? t('sub.answer') : t('sub.commentOn', { line: n })}
                    onSend={async (text) => { await onAdd(n, text); setEditing(null); }} onCancel={() => setEditing(null)} />
                ) : thread && canAnswer ? (
                  <button type="button" class="btn btn-quiet btn-small" onClick={() => setEditing(n)}>{t('sub.answer')}</button>
                ) : null}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

export function SubmissionView({ id, me }: { id: string; me: Me }) {
  const sub = useAsync<Submission>(() => api.submission(id), [id]);
  const comments = useAsync<Comment[]>(() => api.comments(id).catch(() => [] as Comment[]), [id]);
  // Not judged yet (e.g. a team's judging just asked for): ask again until it is.
  const waiting = !!sub.data && sub.data.status !== 'done';
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(sub.reload, 2000);
    return () => clearTimeout(timer);
  }, [waiting, sub.data]);
  if (sub.error && !sub.data) return <div class="page"><ErrorNote error={sub.error} onRetry={sub.reload} /></div>;
  if (!sub.data) return <div class="page"><Loading /></div>;
  const s = sub.data;
  const isTrainer = me.role === 'trainer' || me.role === 'admin';
  const add = async (line: number, text: string) => {
    await api.addComment(id, line, text);
    comments.reload();
  };
  return (
    <div class="page">
      <PageHeading title={t('sub.title', { id: s.id })}>{t('sub.title', { id: s.id })}</PageHeading>
      <dl class="facts">
        <div><dt>{t('sub.exercise')}</dt><dd><Link href={`/exercises/${encodeURIComponent(s.exercise)}`}>{s.exercise}</Link></dd></div>
        {s.user ? <div><dt>{t('sub.by')}</dt><dd>{s.user}</dd></div> : null}
        {s.team ? (
          <div><dt>{t('sub.team')}</dt><dd>
            <Link href={`/teams/${encodeURIComponent(String(s.team))}`}>{t('sub.teamLink', { id: s.team })}</Link>{' '}
            {s.commit ? <code title={s.commit}>{s.commit.slice(0, 8)}</code> : null}
          </dd></div>
        ) : null}
        <div><dt>{t('hist.language')}</dt><dd>{languageName(s.language)}</dd></div>
        <div><dt>{t('hist.when')}</dt><dd>{formatTime(s.created_at)}</dd></div>
        <div><dt>{t('hist.result')}</dt><dd><Verdict verdict={s.status === 'done' ? s.verdict : s.status} /></dd></div>
        {s.max_score ? <div><dt>{t('hist.score')}</dt><dd>{s.score ?? 0} / {s.max_score}</dd></div> : null}
      </dl>
      {isTrainer && s.kind !== 'run' ? <RejudgeControl sub={s} onDone={sub.reload} /> : null}
      <div class="submission-layout">
        <section aria-labelledby="code-h" class="submission-code">
          <h2 id="code-h">{t('sub.code')}</h2>
          <p class="muted small">{isTrainer ? t('sub.commentHelpTrainer') : t('sub.commentHelpCandidate')}</p>
          {comments.data && comments.data.length === 0 && !isTrainer ? <p class="muted small">{t('sub.noComments')}</p> : null}
          <CodeWithComments sub={s} me={me} comments={comments.data ?? []} onAdd={add} />
        </section>
        <section aria-labelledby="tests-h" class="submission-tests">
          <h2 id="tests-h">{t('sub.tests')}</h2>
          {s.compile?.output && s.verdict === 'compile_error' ? <CompileOutput output={s.compile.output} /> : null}
          {s.tests?.length ? <TestRows tests={s.tests} limits={{}} /> : <p class="muted">—</p>}
        </section>
      </div>
    </div>
  );
}
