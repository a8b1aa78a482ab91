import { describe, expect, it } from 'vitest';
import { bytesOver, contributionRows, judgeRequest, pendingJudgements, reflectionRows, scenarioName, scoreText, shortSha, utf8Bytes } from './teamevidence';
import type { TeamJudgement } from './api';

const judging = (over: Partial<TeamJudgement>): TeamJudgement => ({
  id: 1, commit: 'abcdef0123456789', user: 'aino', status: 'done', verdict: 'accepted', score: 5, max_score: 5, created_at: '', ...over,
});

describe('judgeRequest', () => {
  it('judges main when no commit is chosen', () => {
    expect(judgeRequest()).toEqual({});
    expect(judgeRequest('  ')).toEqual({});
    expect(judgeRequest(null)).toEqual({});
  });
  it('sends the chosen commit', () => {
    expect(judgeRequest(' abc123 ')).toEqual({ commit: 'abc123' });
  });
});

describe('judgings', () => {
  it('shortens a commit id to 8 characters', () => {
    expect(shortSha('abcdef0123456789')).toBe('abcdef01');
  });
  it('counts the ones not done', () => {
    expect(pendingJudgements([judging({}), judging({ status: 'queued' }), judging({ status: 'judging' })])).toBe(2);
    expect(pendingJudgements([])).toBe(0);
  });
  it('shows a score only when judged', () => {
    expect(scoreText(judging({ score: 3, max_score: 5 }))).toBe('3 / 5');
    expect(scoreText(judging({ score: null, max_score: 5 }))).toBe('0 / 5');
    expect(scoreText(judging({ status: 'queued', score: null, max_score: null }))).toBe('');
    expect(scoreText(judging({ max_score: null }))).toBe('');
  });
});

describe('contributionRows', () => {
  const row = (username: string, commits: number) =>
    ({ username, commits, files: 1, lines_added: 2, lines_removed: 3, scenarios_fixed: [] as string[] });
  it('lists every member in the team order, zeros for one without a row', () => {
    const rows = contributionRows(['aino', 'bertta'], [row('bertta', 2)]);
    expect(rows.map((r) => [r.username, r.commits])).toEqual([['aino', 0], ['bertta', 2]]);
    expect(rows[0].scenarios_fixed).toEqual([]);
  });
  it('keeps a row of someone no longer in the team, last', () => {
    const rows = contributionRows(['aino'], [row('zed', 1), row('aino', 4), row('cid', 1)]);
    expect(rows.map((r) => r.username)).toEqual(['aino', 'cid', 'zed']);
  });
});

describe('scenarioName', () => {
  it('leaves out the folder', () => {
    expect(scenarioName('scenarios/2-version')).toBe('2-version');
    expect(scenarioName('scenarios/2-version/')).toBe('2-version');
    expect(scenarioName('plain')).toBe('plain');
  });
});

describe('byte limits', () => {
  it('counts UTF-8 bytes as the server does', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('ä')).toBe(2);
    expect(bytesOver('ää', 3)).toBe(1);
    expect(bytesOver('ab', 3)).toBe(0);
  });
});

describe('reflectionRows', () => {
  it('gives every member a row in the team order', () => {
    const rows = reflectionRows(['aino', 'bertta'], [{ username: 'bertta', reflection: 'I wrote the API', trainer_note: 'good', updated_at: 'x' }]);
    expect(rows.map((r) => [r.username, r.reflection, r.trainer_note])).toEqual([['aino', '', ''], ['bertta', 'I wrote the API', 'good']]);
    expect(reflectionRows(['aino'], undefined)[0].updated_at).toBeNull();
  });
});
