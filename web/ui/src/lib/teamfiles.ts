// A team's repository in the browser: the file tree, the edits not yet committed, and what
// a commit sends (API.md: POST /api/v1/teams/{id}/commits).

export interface TeamFile { path: string; size: number; executable?: boolean; link?: boolean }

export interface TreeFolder { name: string; path: string; folders: TreeFolder[]; files: TeamFile[] }

/** The files as nested folders, folders first, each level in name order. */
export function buildTree(files: TeamFile[]): TreeFolder {
  const root: TreeFolder = { name: '', path: '', folders: [], files: [] };
  for (const file of files) {
    const parts = file.path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.find((f) => f.name === part);
      if (!next) {
        next = { name: part, path: folder.path ? `${folder.path}/${part}` : part, folders: [], files: [] };
        folder.folders.push(next);
      }
      folder = next;
    }
    folder.files.push(file);
  }
  const sort = (folder: TreeFolder) => {
    folder.folders.sort((a, b) => a.name.localeCompare(b.name));
    folder.files.sort((a, b) => a.path.localeCompare(b.path));
    folder.folders.forEach(sort);
  };
  sort(root);
  return root;
}

/** The last part of a path: what the tree shows. */
export function baseName(path: string): string { return path.slice(path.lastIndexOf('/') + 1); }

/** Why a new file's path would be refused by the server (the same rules), or '' if fine. */
export function pathProblem(path: string): 'empty' | 'absolute' | 'parts' | 'git' | 'characters' | '' {
  if (path === '') return 'empty';
  if (path.startsWith('/')) return 'absolute';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return 'characters';
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return 'parts';
  if (parts.some((p) => p.toLowerCase() === '.git')) return 'git';
  return '';
}

/** The editor's language for a file, from its extension ('' = plain text). */
export function editorLanguage(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const known: Record<string, string> = {
    py: 'python', js: 'javascript', mjs: 'javascript', ts: 'javascript', java: 'java', c: 'c', h: 'c',
    cc: 'cpp', cpp: 'cpp', hpp: 'cpp', go: 'go', rs: 'rust', rb: 'ruby', kt: 'kotlin', cs: 'csharp', sh: 'bash',
  };
  if (baseName(path) === 'run') return 'bash';
  return known[ext] ?? '';
}

/** Edits not yet committed: a file's new text, or null when it is to be deleted. */
export type Drafts = Record<string, string | null>;

export type Change = { path: string; content: string } | { path: string; delete: true };

/** What a commit sends for the drafts: files whose text is as it was are left out, and a new
 *  file deleted again is nothing. `original` holds the committed text of the files opened. */
export function commitChanges(drafts: Drafts, original: Record<string, string>, existing: Set<string>): Change[] {
  const changes: Change[] = [];
  for (const path of Object.keys(drafts).sort()) {
    const text = drafts[path];
    if (text === null) {
      if (existing.has(path)) changes.push({ path, delete: true });
    } else if (!existing.has(path) || original[path] !== text) {
      changes.push({ path, content: text });
    }
  }
  return changes;
}

/** After someone else's commit: the drafts that still apply on top of it (their file is as
 *  it was when the draft began), and the paths whose drafts are dropped because the other
 *  commit changed the same file. `before` and `after` are the committed texts (undefined: no
 *  such file). */
export function rebaseDrafts(drafts: Drafts, before: Record<string, string | undefined>, after: Record<string, string | undefined>): { kept: Drafts; dropped: string[] } {
  const kept: Drafts = {};
  const dropped: string[] = [];
  for (const [path, text] of Object.entries(drafts)) {
    if (before[path] === after[path]) kept[path] = text;
    else dropped.push(path);
  }
  return { kept, dropped: dropped.sort() };
}
