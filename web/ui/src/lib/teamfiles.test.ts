import { describe, expect, it } from 'vitest';
import { buildTree, commitChanges, editorLanguage, pathProblem, rebaseDrafts } from './teamfiles';

describe('buildTree', () => {
  it('nests folders, folders first and in name order', () => {
    const root = buildTree([
      { path: 'static/index.html', size: 3 }, { path: 'app.py', size: 1 }, { path: 'run', size: 2 },
      { path: 'static/js/booking.js', size: 4 }, { path: 'bookings.py', size: 5 },
    ]);
    expect(root.files.map((f) => f.path)).toEqual(['app.py', 'bookings.py', 'run']);
    expect(root.folders.map((f) => f.path)).toEqual(['static']);
    expect(root.folders[0].files.map((f) => f.path)).toEqual(['static/index.html']);
    expect(root.folders[0].folders[0].path).toBe('static/js');
    expect(root.folders[0].folders[0].files[0].size).toBe(4);
  });
});

describe('pathProblem', () => {
  it('refuses what the server refuses', () => {
    expect(pathProblem('web/api.py')).toBe('');
    expect(pathProblem('')).toBe('empty');
    expect(pathProblem('/etc/passwd')).toBe('absolute');
    expect(pathProblem('../x')).toBe('parts');
    expect(pathProblem('a//b')).toBe('parts');
    expect(pathProblem('a/')).toBe('parts');
    expect(pathProblem('src/.GIT/config')).toBe('git');
    expect(pathProblem('a\\b')).toBe('characters');
    expect(pathProblem('a\u0000b')).toBe('characters');
  });
});

describe('editorLanguage', () => {
  it('follows the extension, and the run script is shell', () => {
    expect(editorLanguage('app.py')).toBe('python');
    expect(editorLanguage('public/board.js')).toBe('javascript');
    expect(editorLanguage('run')).toBe('bash');
    expect(editorLanguage('README.md')).toBe('');
  });
});

describe('commitChanges', () => {
  const existing = new Set(['app.py', 'README.md']);
  const original = { 'app.py': 'print(1)\n', 'README.md': '# hi\n' };
  it('sends changed, new and deleted files, in path order', () => {
    expect(commitChanges({ 'app.py': 'print(2)\n', 'web/api.py': '', 'README.md': null }, original, existing)).toEqual([
      { path: 'README.md', delete: true },
      { path: 'app.py', content: 'print(2)\n' },
      { path: 'web/api.py', content: '' },
    ]);
  });
  it('leaves out files edited back to their text and new files deleted again', () => {
    expect(commitChanges({ 'app.py': 'print(1)\n', 'new.py': null }, original, existing)).toEqual([]);
  });
});

describe('rebaseDrafts', () => {
  it('keeps drafts of files the other commit left alone, drops the others', () => {
    const drafts = { 'app.py': 'mine', 'api.py': 'mine too', 'new.py': 'new' };
    const before = { 'app.py': 'a', 'api.py': 'b', 'new.py': undefined };
    const after = { 'app.py': 'a', 'api.py': 'theirs', 'new.py': 'theirs as well' };
    expect(rebaseDrafts(drafts, before, after)).toEqual({ kept: { 'app.py': 'mine' }, dropped: ['api.py', 'new.py'] });
  });
});
