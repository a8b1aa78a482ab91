// A team's page: its members and clone URL, the repository's files in a tree, an editor per
// file, a commit of the changes with a message, and the history; judging a commit, the team's
// judgings, each member's contribution and the reflections (team-evidence.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Me, type Team, type TeamCommit, type TeamTree } from '../lib/api';
import { formatTime, t } from '../i18n';
import { createEditor, type CodeEditor } from '../lib/editor';
import { baseName, buildTree, commitChanges, editorLanguage, pathProblem, rebaseDrafts, type Drafts, type TeamFile, type TreeFolder } from '../lib/teamfiles';
import { ErrorNote, Loading, PageHeading, useAsync } from '../components';
import type { MessageKey } from '../i18n/en';
import { Contributions, Judgings, Reflections, useJudge } from './team-evidence';

type Mark = 'changed' | 'added' | 'deleted' | '';

function FolderList({ folder, selected, marks, onOpen }: { folder: TreeFolder; selected: string | null; marks: Record<string, Mark>; onOpen: (path: string) => void }) {
  return (
    <ul class="file-tree">
      {folder.folders.map((sub) => (
        <li key={sub.path}>
          <span class="file-tree-folder">{sub.name}/</span>
          <FolderList folder={sub} selected={selected} marks={marks} onOpen={onOpen} />
        </li>
      ))}
      {folder.files.map((file) => {
        const mark = marks[file.path] ?? '';
        return (
          <li key={file.path}>
            <button type="button" class={`file-tree-file${mark ? ` file-${mark}` : ''}`} aria-current={selected === file.path ? 'true' : undefined}
              onClick={() => onOpen(file.path)}>
              {baseName(file.path)}{mark ? <span class="muted small"> ({t(`team.${mark}` as MessageKey)})</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function History({ commits, judge }: { commits: TeamCommit[]; judge: ReturnType<typeof useJudge> | null }) {
  if (!commits.length) return <p class="muted">{t('team.noHistory')}</p>;
  return (
    <ol class="commit-list">
      {commits.map((c) => (
        <li key={c.sha} class="commit-item">
          <strong>{c.message}</strong>{' '}
          <code title={c.sha}>{c.sha.slice(0, 8)}</code>
          <div class="muted small">{t('team.by', { author: c.author, time: formatTime(c.time) })}</div>
          {c.files.length ? <div class="small">{t('team.filesChanged', { files: c.files.join(', ') })}</div> : null}
          {judge ? (
            <button type="button" class="btn btn-small btn-quiet" disabled={judge.busy} onClick={() => judge.judge(c.sha)}
              aria-label={t('team.judgeCommitLabel', { sha: c.sha.slice(0, 8) })}>
              {t('team.judgeCommit')}
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function TeamView({ id, me }: { id: string; me: Me }) {
  const team = useAsync<Team>(() => api.team(id), [id]);
  // Grows with each judging asked for or commit made: the judgings and contributions reload.
  const [evidenceVersion, setEvidenceVersion] = useState(0);
  const judge = useJudge(id, () => setEvidenceVersion((v) => v + 1));
  const [tree, setTree] = useState<TeamTree | null>(null);
  const [history, setHistory] = useState<TeamCommit[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  // The committed text of each file opened, at tree.commit.
  const [original, setOriginal] = useState<Record<string, string>>({});
  const [drafts, setDrafts] = useState<Drafts>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [commitError, setCommitError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [newPath, setNewPath] = useState('');
  const [newPathError, setNewPathError] = useState('');
  const editorHost = useRef<HTMLDivElement>(null);
  const editor = useRef<CodeEditor | null>(null);
  const selectedRef = useRef<string | null>(null);
  const settingText = useRef(false);

  const loadRepo = async () => {
    const [nextTree, nextHistory] = await Promise.all([api.teamTree(id), api.teamCommits(id)]);
    setTree(nextTree);
    setHistory(nextHistory.commits);
    return nextTree;
  };

  useEffect(() => { loadRepo().catch(setLoadError); }, [id]);

  useEffect(() => {
    if (!editorHost.current) return;
    editor.current = createEditor(editorHost.current, {
      text: '',
      language: '',
      label: t('team.pickFile'),
      onChange: (text) => {
        const path = selectedRef.current;
        if (settingText.current || path === null) return;
        setDrafts((d) => ({ ...d, [path]: text }));
      },
    });
    return () => editor.current?.destroy();
  }, []);

  const show = (path: string, text: string) => {
    selectedRef.current = path;
    setSelected(path);
    setFileError(null);
    if (!editor.current) return;
    settingText.current = true;
    editor.current.setText(text);
    settingText.current = false;
    editor.current.setLanguage(editorLanguage(path));
    editor.current.setLabel(t('team.editorFor', { path }));
  };

  const open = async (path: string, at = tree, drafted = drafts, known = original) => {
    const draft = drafted[path];
    if (typeof draft === 'string') return show(path, draft);
    if (path in known) return show(path, known[path]);
    if (!at) return;
    try {
      const file = await api.teamFile(id, path, at.commit);
      setOriginal((o) => ({ ...o, [path]: file.content }));
      show(path, file.content);
    } catch (e) {
      selectedRef.current = null;
      setSelected(path);
      setFileError(e);
    }
  };

  if (team.error && !team.data) return <div class="page"><ErrorNote error={team.error} onRetry={team.reload} /></div>;

  const existing = new Set((tree?.files ?? []).map((f) => f.path));
  const changes = commitChanges(drafts, original, existing);
  const marks: Record<string, Mark> = {};
  for (const c of changes) marks[c.path] = 'delete' in c ? 'deleted' : existing.has(c.path) ? 'changed' : 'added';
  const newFiles: TeamFile[] = Object.keys(drafts).filter((p) => !existing.has(p) && drafts[p] !== null).map((path) => ({ path, size: 0 }));
  const folder = buildTree([...(tree?.files ?? []), ...newFiles]);
  const canCommit = tree?.can_commit ?? false;
  const stale = commitError instanceof ApiError && commitError.code === 'stale_parent';

  const addFile = (e: Event) => {
    e.preventDefault();
    const path = newPath.trim();
    const problem = pathProblem(path);
    if (problem) return setNewPathError(t(`team.path.${problem}` as MessageKey));
    if (existing.has(path) || path in drafts) return setNewPathError(t('team.path.exists'));
    setNewPathError('');
    setNewPath('');
    setDrafts((d) => ({ ...d, [path]: '' }));
    show(path, '');
  };

  const remove = () => {
    if (selected === null) return;
    setDrafts((d) => ({ ...d, [selected]: null }));
  };

  const commit = async (e: Event) => {
    e.preventDefault();
    if (!tree) return;
    setBusy(true); setCommitError(null); setNotice('');
    try {
      const made = await api.commitTeam(id, tree.commit, message.trim(), changes);
      setDrafts({});
      setOriginal({});
      setMessage('');
      const next = await loadRepo();
      setNotice(t('team.committed', { sha: made.commit.slice(0, 8) }));
      setEvidenceVersion((v) => v + 1);
      if (selected !== null && next.files.some((f) => f.path === selected)) open(selected, next, {}, {});
    } catch (err) {
      setCommitError(err);
    }
    setBusy(false);
  };

  // After someone else's commit: the newest files, with the drafts that still apply.
  const reload = async () => {
    setCommitError(null); setNotice('');
    try {
      const next = await loadRepo();
      const names = new Set(next.files.map((f) => f.path));
      const after: Record<string, string | undefined> = {};
      for (const path of Object.keys(drafts)) {
        after[path] = names.has(path) ? (await api.teamFile(id, path, next.commit)).content : undefined;
      }
      const before: Record<string, string | undefined> = {};
      for (const path of Object.keys(drafts)) before[path] = existing.has(path) ? original[path] : undefined;
      const { kept, dropped } = rebaseDrafts(drafts, before, after);
      const known: Record<string, string> = {};
      for (const [path, text] of Object.entries(after)) if (text !== undefined) known[path] = text;
      setDrafts(kept);
      setOriginal(known);
      setNotice(dropped.length ? t('team.dropped', { paths: dropped.join(', ') }) : t('team.reloaded'));
      if (selected !== null && (names.has(selected) || selected in kept)) open(selected, next, kept, known);
    } catch (err) {
      setLoadError(err);
    }
  };

  const title = team.data ? t('team.title', { name: team.data.name }) : t('app.loading');
  const members = team.data?.members.map((m) => m.username) ?? [];
  const isMember = members.includes(me.username);
  const isTrainer = !isMember && (me.role === 'trainer' || me.role === 'admin');
  return (
    <div class="page team-page">
      <PageHeading title={title}>{title}</PageHeading>
      {team.data ? (
        <p>
          {t('team.members')}: {team.data.members.map((m) => m.username).join(', ')}
          <br />
          <label for="clone-url">{t('team.cloneUrl')}</label>{' '}
          <input id="clone-url" class="clone-url" readOnly value={team.data.clone_url} aria-describedby="clone-help" />{' '}
          <span id="clone-help" class="muted small">{t('team.cloneHelp')}</span>
        </p>
      ) : <Loading />}
      {loadError ? <ErrorNote error={loadError} onRetry={() => { setLoadError(null); loadRepo().catch(setLoadError); }} /> : null}
      {tree && !canCommit ? <p class="note">{t('team.readOnly')}</p> : null}
      <div class="team-workspace">
        <nav class="team-files" aria-labelledby="team-files-h">
          <h2 id="team-files-h">{t('team.files')}</h2>
          {tree ? <p class="muted small">{t('team.commitShort', { sha: tree.commit.slice(0, 8) })}</p> : null}
          <FolderList folder={folder} selected={selected} marks={marks} onOpen={(p) => open(p)} />
          {canCommit ? (
            <form class="form" onSubmit={addFile}>
              <label for="new-file">{t('team.newFile')}</label>
              <input id="new-file" value={newPath} spellcheck={false} aria-invalid={newPathError ? 'true' : undefined}
                aria-describedby={newPathError ? 'new-file-error' : undefined}
                onInput={(e) => setNewPath((e.target as HTMLInputElement).value)} />
              {newPathError ? <p id="new-file-error" class="form-error" role="alert">{newPathError}</p> : null}
              <button type="submit" class="btn btn-small">{t('team.add')}</button>
            </form>
          ) : null}
        </nav>
        <section class="team-editor" aria-label={selected ?? t('team.pickFile')}>
          {selected === null ? <p class="muted">{t('team.pickFile')}</p> : <h2 class="file-name"><code>{selected}</code></h2>}
          {fileError ? <ErrorNote error={fileError} /> : null}
          <div class="editor-host" ref={editorHost} hidden={selected === null || !!fileError || drafts[selected] === null} />
          {selected !== null && drafts[selected] === null ? <p class="muted">{t('team.deleted')}</p> : null}
          {canCommit && selected !== null && !fileError && drafts[selected] !== null ? (
            <button type="button" class="btn btn-small" onClick={remove}>{t('team.delete')}</button>
          ) : null}
        </section>
      </div>
      {canCommit ? (
        <section aria-labelledby="team-changes-h" class="card">
          <h2 id="team-changes-h">{t('team.changes')}</h2>
          {changes.length ? (
            <ul>{changes.map((c) => <li key={c.path}><code>{c.path}</code> ({t(`team.${marks[c.path] || 'changed'}` as MessageKey)})</li>)}</ul>
          ) : <p class="muted">{t('team.noChanges')}</p>}
          <form class="form" onSubmit={commit}>
            <label for="commit-message">{t('team.message')}</label>
            <textarea id="commit-message" rows={2} maxLength={4000} value={message}
              onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)} />
            {commitError ? <ErrorNote error={commitError} /> : null}
            {stale ? <button type="button" class="btn" onClick={reload}>{t('team.reload')}</button> : null}
            <button type="submit" class="btn btn-primary" disabled={busy || !changes.length || !message.trim()}>
              {busy ? t('team.committing') : t('team.commit')}
            </button>
          </form>
        </section>
      ) : null}
      {notice ? <p class="note" role="status">{notice}</p> : null}
      <section aria-labelledby="team-history-h">
        <h2 id="team-history-h">{t('team.history')}</h2>
        <History commits={history} judge={isMember ? judge : null} />
      </section>
      {team.data ? (
        <>
          <Judgings id={id} member={isMember} judge={judge} version={evidenceVersion} />
          <Contributions id={id} members={members} version={evidenceVersion} />
          <Reflections team={team.data} me={me.username} trainer={isTrainer} onSaved={team.reload} />
        </>
      ) : null}
    </div>
  );
}
