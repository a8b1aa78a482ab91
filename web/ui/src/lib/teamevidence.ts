// A team's judgings, each member's contribution and the reflections, as the team page shows
// them (API.md: /api/v1/teams/{id}/judge, /judgements, /contributions, /reflection).
import type { TeamContribution, TeamJudgement, TeamReflection } from './api';

/** The most a reflection and a trainer's note may be, in UTF-8 bytes (web/src/projects/projects.h). */
export const kMaxReflectionBytes = 4000;
export const kMaxTrainerNoteBytes = 1000;

/** A commit's id as the page shows it. */
export function shortSha(sha: string): string { return sha.slice(0, 8); }

/** What POST .../judge sends: main when no commit is chosen, else that commit. */
export function judgeRequest(commit?: string | null): { commit?: string } {
  const c = (commit ?? '').trim();
  return c ? { commit: c } : {};
}

/** The judgings still waiting or being judged: while there are any the page asks again. */
export function pendingJudgements(list: TeamJudgement[]): number {
  return list.filter((j) => j.status !== 'done').length;
}

/** "3 / 5", or '' when the judging has no score yet. */
export function scoreText(j: Pick<TeamJudgement, 'status' | 'score' | 'max_score'>): string {
  if (j.status !== 'done' || j.max_score === null || j.max_score === undefined) return '';
  return `${j.score ?? 0} / ${j.max_score}`;
}

/** Every member of the team once, in the team's order, with zeros for a member the server
 *  has no row for; a row for someone no longer in the team comes last. */
export function contributionRows(members: string[], rows: TeamContribution[]): TeamContribution[] {
  const byName = new Map(rows.map((r) => [r.username, r]));
  const zero = (username: string): TeamContribution =>
    ({ username, commits: 0, files: 0, lines_added: 0, lines_removed: 0, scenarios_fixed: [] });
  const known = members.map((m) => byName.get(m) ?? zero(m));
  const others = rows.filter((r) => !members.includes(r.username)).sort((a, b) => a.username.localeCompare(b.username));
  return [...known, ...others];
}

/** A scenario's name without its folder: "scenarios/2-version" -> "2-version". */
export function scenarioName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Bytes of text in UTF-8, as the server counts a limit. */
export function utf8Bytes(text: string): number { return new TextEncoder().encode(text).length; }

/** How many bytes over the limit the text is (0 = fits). */
export function bytesOver(text: string, limit: number): number { return Math.max(0, utf8Bytes(text) - limit); }

/** Each member's reflection row, in the team's order; members without one get an empty row. */
export function reflectionRows(members: string[], reflections: TeamReflection[] | undefined): TeamReflection[] {
  const byName = new Map((reflections ?? []).map((r) => [r.username, r]));
  return members.map((username) => byName.get(username) ?? { username, reflection: '', trainer_note: '', updated_at: null });
}
