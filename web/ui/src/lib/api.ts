// The HTTP API v1 (web/API.md): typed calls, CSRF header on cookie writes,
// errors as ApiError with the server's error word, params and message, retries for reads.

import type { FeedbackCode } from './feedback';

export type Role = 'candidate' | 'trainer' | 'company' | 'admin';
export type Lang = 'fi' | 'en';

export interface Me { username: string; role: Role; language: Lang; nickname?: string | null }

export interface ExerciseSummary {
  id: string; title: string; titles?: Partial<Record<Lang, string>>; track: string; tier: number; kind: string;
  languages: string[]; skills?: string[]; status?: 'solved' | 'attempted' | 'new';
}

export interface Sample { name: string; input: string; output: string }

export interface Exercise extends ExerciseSummary {
  time_limit?: number; memory_limit_mib?: number;
  statement: Partial<Record<Lang, string>>;
  samples: Sample[];
  hints_released?: boolean;
  hints?: Partial<Record<Lang, string>> | null;
  /** The package's starting code by language id (starter/ in the package); the editor's own
   *  template for the languages it leaves out. */
  starters?: Partial<Record<string, string>>;
}

export interface TestResult {
  name: string; group?: string; verdict: string; score?: number;
  cpu_ms?: number; wall_ms?: number; memory_kib?: number; feedback?: string;
  /** The note as a code with parameters (judge/include/judge/feedback_code.h), worded by the UI. */
  feedback_code?: FeedbackCode | null;
  /** What the program printed, its stderr and the expected output, each cut to 4 KiB: only for
   *  examples and test groups that give full feedback. */
  output?: string; stderr?: string; expected?: string;
  /** A game exercise's replay (judge/PACKAGES.md); checked with isReplay before it is shown. */
  replay?: unknown;
}

export interface Submission {
  id: string | number; exercise: string; user?: string; language: string; source?: string;
  status: 'queued' | 'judging' | 'done'; verdict?: string | null; score?: number | null; max_score?: number | null;
  compile?: { status?: string; output?: string } | null;
  tests?: TestResult[]; created_at?: string; kind?: 'submission' | 'run' | 'team';
  /** A team's judging: the team and the full id of the commit judged (its source is empty). */
  team?: number; commit?: string;
  output?: string;
  /** A sentence from the server about the whole run (e.g. why it could not be judged). */
  message?: string;
}

export interface SubmissionSummary {
  id: string | number; exercise: string; language: string; status: string;
  verdict?: string | null; score?: number | null; max_score?: number | null; created_at?: string;
}

export interface Count { solved: number; total: number }
export interface Progress {
  solved: string[]; by_tier: Record<string, Count>; by_skill: Record<string, Count>; by_track?: Record<string, Count>;
}

export type WorkshopExercise = string | { id: string; title?: string };
export interface Workshop {
  id: string | number; title: string; exercises?: WorkshopExercise[]; starts_at?: string; ends_at?: string;
  join_code?: string; scoreboard?: boolean;
  exercise_details?: WorkshopExerciseDetail[];
}
/** One exercise of a workshop; hints_released_at is when the trainer released its hints to the room. */
export interface WorkshopExerciseDetail { id: string; title?: string; hints_released?: boolean; hints_released_at?: string | null }

export interface Participant {
  username: string; nickname?: string; exercise?: string | null; attempts?: number; last_verdict?: string | null;
  last_submission_at?: string | null; minutes_on_exercise?: number | null; needs_help?: boolean;
  last_submission_id?: string | number | null;
  minutes_since_last_submission?: number | null; last_status?: string | null; extra_minutes?: number;
}
export interface HeatCell { exercise: string; test: string; failures: number }
export interface HelpRequest {
  id: string | number; username: string; nickname?: string; exercise?: string; created_at?: string; answered?: boolean;
  message?: string;
  /** When the trainer marked it helped; the answered requests stay as the room's history. */
  answered_at?: string | null; submission_id?: string | number | null;
}
export interface Live { participants: Participant[]; heatmap: HeatCell[]; help: HelpRequest[] }

export interface Comment { id: string | number; line: number; author: string; role?: string; text: string; created_at?: string }
export interface ScoreRow { nickname: string; solved: number; score: number }

export interface ProfileResult {
  exercise: string; title: string; titles?: Partial<Record<Lang, string>>; track: string; tier: number; skills: string[];
  solved: boolean; solved_at: string; first_attempt_at: string; languages: string[]; attempts: number;
  best_score: number; max_score: number; minutes_spent: number; reflection: string; shown?: boolean; final_submission?: number;
}
export interface Profile {
  username: string; nickname: string; intro: string; intro_language: Lang; hidden_exercises: string[]; confirmed_skills: string[];
  suggested_skills: { skill: string; exercises: number; confirmed: boolean }[]; solved: number; results: ProfileResult[];
}
export interface Share {
  id: number; kind: 'company' | 'link'; company: string | null; label: string; contact: '' | 'requested' | 'accepted' | 'declined';
  contact_message: string; created_at: string; revoked_at: string; active: boolean; link?: string;
}
export interface ShareView { share: number; via: string; viewer: string | null; what: string; viewed_at: string }
export interface GroupScore { group: string; passed: number; total: number; score: number }
export interface ReportExercise extends ProfileResult {
  timeline: { id: number; at: string; language: string; verdict: string; score: number; max_score: number }[];
  final?: { id: number; language: string; verdict: string; score: number; max_score: number; created_at: string; source: string; groups: GroupScore[]; tests: TestResult[] };
}
export interface CandidateReport {
  share: number; alias: string; name: string | null; contact: string; intro: string; intro_language: Lang; skills: string[]; solved: number;
  by_track: Record<string, Count>; by_tier: Record<string, Count>; solved_by_track_tier: Record<string, Record<string, number>>;
  exercises: ReportExercise[]; shortlisted?: boolean; note?: string;
}
export interface CandidateCard {
  share: number; alias: string; name: string | null; contact: string; shared_at: string; solved: number; skills: string[];
  by_track: Record<string, Count>; shortlisted: boolean; note: string;
}
export interface Comparison {
  candidates: { share: number; alias: string; name: string | null; solved: number }[];
  exercises: { exercise: string; title: string; titles?: Partial<Record<Lang, string>>; track: string; tier: number;
    results: Record<string, { score: number; max_score: number; attempts: number; minutes_spent: number; languages: string[]; solved_at: string }> }[];
}
export interface Trial { id: number; title: string; minutes: number; exercises: string[]; owner: string; created_at: string; code?: string; invite: string }
export interface OpenedTrialReply extends Omit<Trial, 'owner' | 'invite' | 'created_at'> {
  owner?: string; opened: boolean; opened_at?: string; ends_at?: string; seconds_left?: number; titles: Record<string, string>;
}
export interface TrialResults extends Trial {
  /** `titles`: the exercise's title in each language it has (`title` is the English one). */
  columns: { id: string; title: string; titles?: Partial<Record<Lang, string>> }[];
  /** `total`: the mean over the trial's exercises of each one's `percent` (its score as a % of its maximum). */
  candidates: { username: string; name: string; opened_at: string; ends_at: string; finished: boolean; total: number;
    exercises: Record<string, { score: number; max_score: number; percent: number; verdict: string | null; attempts: number; submission?: number }> }[];
  distribution: Record<string, number[]>;
}
export interface VerifyResult { valid: boolean; reason: string; issuer: string; issued_here: boolean; achievement?: { name?: string; description?: string }; valid_from?: string }
export interface SimilarPair {
  score: number; shared_fingerprints: number;
  a: { submission: number; username: string; nickname: string; language: string; source: string };
  b: { submission: number; username: string; nickname: string; language: string; source: string };
  regions: { a: [number, number]; b: [number, number] }[];
}

export interface TeamReflection { username: string; reflection: string; trainer_note: string; updated_at: string | null }
export interface Team {
  id: number; project: number; name: string; join_code: string; members: { username: string; joined_at: string }[]; clone_url: string;
  reflections?: TeamReflection[];
}
export interface TeamJudgement {
  id: string | number; commit: string; user: string; status: string; verdict: string | null; score: number | null; max_score: number | null;
  created_at: string; message?: string; scenarios?: { name: string; verdict: string; score?: number }[];
}
export interface TeamContribution {
  username: string; commits: number; files: number; lines_added: number; lines_removed: number; scenarios_fixed: string[];
}
export interface TeamContributions { members: TeamContribution[]; unattributed_commits: number }
export interface TeamTree { ref: string; commit: string; files: { path: string; size: number; executable: boolean; link: boolean }[]; can_commit: boolean }
export interface TeamFileText { path: string; commit: string; size: number; content: string }
export interface TeamCommit { sha: string; author: string; email: string; time: string; message: string; files: string[] }
export type TeamChange = { path: string; content: string } | { path: string; delete: true };

/** The values an error's message names (API.md: "params"), e.g. { limit_kib: 256 }. */
export type ErrorParams = Record<string, string | number>;

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public params: ErrorParams = {}) { super(message); }
}

interface ErrorBody { error?: string; message?: string; params?: unknown }

function errorParams(params: unknown): ErrorParams {
  const out: ErrorParams = {};
  if (!params || typeof params !== 'object') return out;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

function errorFrom(status: number, data: unknown): ApiError {
  const err = (data ?? {}) as ErrorBody;
  return new ApiError(status, err.error ?? `http_${status}`, err.message ?? '', errorParams(err.params));
}

let csrfToken = '';

function cookie(name: string): string {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return '';
}

export function setCsrf(token: string | undefined) { csrfToken = token ?? ''; }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Called when any request answers 401, so the app can show the login page. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(f: () => void) { onUnauthorized = f; }

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  if (method !== 'GET') {
    const token = cookie('kk_csrf') || csrfToken;
    if (token) headers['X-CSRF-Token'] = token;
  }
  // Reads are retried a few times so a dropped Wi-Fi connection does not
  // lose the page; writes are sent once and the person decides to retry.
  const attempts = method === 'GET' ? 4 : 1;
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    let res: Response;
    try {
      res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    } catch (e) {
      lastError = e;
      if (i + 1 < attempts) await sleep(500 * 2 ** i);
      continue;
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown = undefined;
    try { data = text ? JSON.parse(text) : undefined; } catch { data = undefined; }
    if (!res.ok) {
      if (res.status === 401 && path !== '/api/v1/session') onUnauthorized();
      throw errorFrom(res.status, data);
    }
    return data as T;
  }
  throw new ApiError(0, 'network', String(lastError ?? ''));
}

const enc = encodeURIComponent;

export const api = {
  // `language`: the login page's language, for the server's messages (e.g. after wrong passwords).
  login: (username: string, password: string, language?: Lang) =>
    request<{ token: string; role: Role; username: string; csrf?: string }>('POST', '/api/v1/session', { username, password, language }),
  logout: () => request<void>('DELETE', '/api/v1/session'),
  me: () => request<Me>('GET', '/api/v1/me'),
  updateMe: (patch: { language?: Lang; nickname?: string }) => request<Me | undefined>('PUT', '/api/v1/me', patch),
  exercises: () => request<ExerciseSummary[]>('GET', '/api/v1/exercises'),
  exercise: (id: string) => request<Exercise>('GET', `/api/v1/exercises/${enc(id)}`),
  submit: (exercise: string, language: string, source: string) =>
    request<{ id: string | number }>('POST', '/api/v1/submissions', { exercise, language, source }),
  run: (exercise: string, language: string, source: string, input?: string) =>
    request<{ id: string | number }>('POST', '/api/v1/runs', input === undefined ? { exercise, language, source } : { exercise, language, source, input }),
  submissions: (exercise: string) => request<SubmissionSummary[]>('GET', `/api/v1/submissions?exercise=${enc(exercise)}`),
  submission: (id: string | number) => request<Submission>('GET', `/api/v1/submissions/${enc(String(id))}`),
  progress: () => request<Progress>('GET', '/api/v1/progress'),
  workshops: () => request<Workshop[]>('GET', '/api/v1/workshops'),
  workshop: (id: string | number) => request<Workshop>('GET', `/api/v1/workshops/${enc(String(id))}`),
  createWorkshop: (w: { title: string; exercises: string[]; starts_at: string; ends_at: string; scoreboard: boolean }) =>
    request<{ id: string | number; join_code: string }>('POST', '/api/v1/workshops', w),
  join: (code: string, nickname: string) => request<{ id: string | number }>('POST', '/api/v1/workshops/join', { code, nickname }),
  live: (id: string | number) => request<Live>('GET', `/api/v1/workshops/${enc(String(id))}/live`),
  askHelp: (id: string | number, exercise: string, message?: string) =>
    request<{ id: string | number }>('POST', `/api/v1/workshops/${enc(String(id))}/help`, message ? { exercise, message } : { exercise }),
  answerHelp: (id: string | number, hid: string | number) =>
    request<void>('POST', `/api/v1/workshops/${enc(String(id))}/help/${enc(String(hid))}/answer`),
  releaseHints: (id: string | number, exercise: string) =>
    request<{ hints_released_at?: string; already_released?: boolean }>('POST', `/api/v1/workshops/${enc(String(id))}/hints`, { exercise }),
  // Ends a member's wrong-password delays at once (trainer of their workshop, or admin).
  unlockLogin: (username: string) =>
    request<{ username: string; unlocked: boolean }>('POST', `/api/v1/users/${enc(username)}/unlock`, {}),
  extraTime: (id: string | number, username: string, minutes: number) =>
    request<void>('POST', `/api/v1/workshops/${enc(String(id))}/extra-time`, { username, minutes }),
  scoreboard: (id: string | number) => request<ScoreRow[]>('GET', `/api/v1/workshops/${enc(String(id))}/scoreboard`),
  comments: (sid: string | number) => request<Comment[]>('GET', `/api/v1/submissions/${enc(String(sid))}/comments`),
  addComment: (sid: string | number, line: number, text: string) =>
    request<Comment | { id: string | number }>('POST', `/api/v1/submissions/${enc(String(sid))}/comments`, { line, text }),
  profile: () => request<Profile>('GET', '/api/v1/profile'),
  updateProfile: (patch: { intro?: string; intro_language?: Lang; hidden_exercises?: string[]; confirmed_skills?: string[] }) =>
    request<Profile>('PUT', '/api/v1/profile', patch),
  reflect: (exercise: string, text: string) => request<{ reflection: string }>('PUT', `/api/v1/profile/reflections/${enc(exercise)}`, { text }),
  companies: () => request<{ username: string; name: string }[]>('GET', '/api/v1/companies'),
  shares: () => request<Share[]>('GET', '/api/v1/shares'),
  share: (body: { company?: string; label?: string }) => request<Share>('POST', '/api/v1/shares', body),
  revokeShare: (id: number) => request<void>('DELETE', `/api/v1/shares/${id}`),
  answerContact: (id: number, accept: boolean) => request<void>('POST', `/api/v1/shares/${id}/contact`, { accept }),
  shareViews: () => request<ShareView[]>('GET', '/api/v1/shares/views'),
  sharedByLink: (token: string) => request<CandidateReport>('GET', `/api/v1/shared/${enc(token)}`),
  candidates: () => request<CandidateCard[]>('GET', '/api/v1/company/candidates'),
  candidate: (share: number | string) => request<CandidateReport>('GET', `/api/v1/company/candidates/${enc(String(share))}`),
  requestContact: (share: number, message: string) => request<void>('POST', `/api/v1/company/candidates/${share}/contact`, { message }),
  shortlist: (share: number, note: string) => request<void>('PUT', `/api/v1/company/shortlist/${share}`, { note }),
  unshortlist: (share: number) => request<void>('DELETE', `/api/v1/company/shortlist/${share}`),
  compare: (shares: (number | string)[]) => request<Comparison>('GET', `/api/v1/company/compare?shares=${shares.map(String).map(enc).join(',')}`),
  verifyCredential: (credential: unknown) => request<VerifyResult>('POST', '/api/v1/credentials/verify', credential),
  similarity: (exercise: string) => request<{ exercise: string; compared: number; pairs: SimilarPair[] }>('GET', `/api/v1/exercises/${enc(exercise)}/similarity`),
  trials: () => request<Trial[]>('GET', '/api/v1/trials'),
  createTrial: (body: { title: string; exercises: string[]; minutes: number }) => request<Trial>('POST', '/api/v1/trials', body),
  openTrial: (code: string) => request<OpenedTrialReply & { opened: true; opened_at: string; ends_at: string }>('POST', '/api/v1/trials/open', { code }),
  /** What the trial is, without starting it; the window's times only if it was opened before. */
  previewTrial: (code: string) => request<OpenedTrialReply>('POST', '/api/v1/trials/open', { code, preview: true }),
  trialResults: (id: string) => request<TrialResults>('GET', `/api/v1/trials/${enc(id)}/results`),
  trialSimilarity: (id: string) => request<{ trial: number; pairs: (SimilarPair & { exercise: string })[] }>('GET', `/api/v1/trials/${enc(id)}/similarity`),
  deleteAccount: (password: string) => request<void>('DELETE', '/api/v1/me', { password }),
  team: (id: string | number) => request<Team>('GET', `/api/v1/teams/${enc(String(id))}`),
  teamTree: (id: string | number, ref = 'main') => request<TeamTree>('GET', `/api/v1/teams/${enc(String(id))}/tree?ref=${enc(ref)}`),
  teamFile: (id: string | number, path: string, ref: string) =>
    request<TeamFileText>('GET', `/api/v1/teams/${enc(String(id))}/file?path=${enc(path)}&ref=${enc(ref)}`),
  teamCommits: (id: string | number) => request<{ commit: string; commits: TeamCommit[] }>('GET', `/api/v1/teams/${enc(String(id))}/commits`),
  commitTeam: (id: string | number, parent: string, message: string, changes: TeamChange[]) =>
    request<{ commit: string; parent: string; author: string }>('POST', `/api/v1/teams/${enc(String(id))}/commits`, { parent, message, changes }),
  judgeTeam: (id: string | number, body: { commit?: string }) =>
    request<{ id: string | number; status: string; kind: 'team'; team: number; commit: string }>('POST', `/api/v1/teams/${enc(String(id))}/judge`, body),
  teamJudgements: (id: string | number) => request<TeamJudgement[]>('GET', `/api/v1/teams/${enc(String(id))}/judgements`),
  teamContributions: (id: string | number) => request<TeamContributions>('GET', `/api/v1/teams/${enc(String(id))}/contributions`),
  saveTeamReflection: (id: string | number, text: string) => request<unknown>('PUT', `/api/v1/teams/${enc(String(id))}/reflection`, { text }),
  saveTrainerNote: (id: string | number, user: string, note: string) =>
    request<unknown>('PUT', `/api/v1/teams/${enc(String(id))}/members/${enc(user)}/note`, { note }),
};

export interface CheckState {
  id?: string; version?: number; status: 'none' | 'running' | 'passed' | 'failed' | 'bundled';
  done: number; total: number; output: string; finished_at?: string | null;
}
export interface Checker { type: 'default' | 'custom'; case_sensitive?: boolean; space_change_sensitive?: boolean; float_tolerance?: number | null }
export interface PackageFile { path: string; size: number; text?: string }
export interface ExerciseSource {
  id: string; version: number; hash: string; editable: boolean; format: string;
  titles: Partial<Record<Lang, string>>; statement: Partial<Record<Lang, string>>;
  kind: string; tier: number; track: string; skills: string[];
  time_limit: number | null; memory_limit_mib: number; checker: Checker; files: PackageFile[];
}
export interface SourceEdit {
  base_version?: number; titles?: Partial<Record<Lang, string>>; statement?: Partial<Record<Lang, string>>;
  kind?: string; tier?: number; track?: string; skills?: string[]; time_limit?: number | null; memory_limit_mib?: number;
  checker?: Checker; files?: Record<string, string | null>;
}
export interface SavedVersion { id: string; version: number; hash: string; replaced?: boolean; check: { status: string }; files_added?: number }
export interface VersionInfo { number: number; hash: string; author?: string; origin: string; created_at?: string; check: { status: string }; submissions: number }
export interface Versions { id: string; current: number; current_hash: string; versions: VersionInfo[] }
export interface RejudgeProgress { exercise: string; total: number; pending: number; on_current_version: number }
export interface ExerciseStats {
  exercise: string; attempts: number; people: number; solved_by: number; accepted: number; acceptance_rate: number;
  median_minutes_to_solve: number | null; verdicts: Record<string, number>;
  failing_tests: { test: string; verdict: string; failures: number }[];
  languages: { language: string; submissions: number }[];
}
export interface WorkshopStats {
  workshop: number; title: string; participants: number; exercises: number;
  /** title: in the reader's language (the id when the exercise is gone). */
  per_exercise: { exercise: string; solved_by: number; tried_by: number; title?: string }[];
  timeline: { at: string; solved: number; people_with_a_solve: number; people_started: number }[];
}

async function upload<T>(path: string, file: Blob): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/zip' };
  const token = cookie('kk_csrf') || csrfToken;
  if (token) headers['X-CSRF-Token'] = token;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', String(e));
  }
  const text = await res.text();
  let data: unknown;
  try { data = text ? JSON.parse(text) : undefined; } catch { data = undefined; }
  if (!res.ok) {
    if (res.status === 401) onUnauthorized();
    throw errorFrom(res.status, data);
  }
  return data as T;
}

export interface SetItem { exercise: string; tier: number; title?: string; available?: boolean }
export interface ExerciseSet { id: string; title: string; description?: string; author?: string; editable: boolean; items: SetItem[] }

export const authoring = {
  sets: () => request<ExerciseSet[]>('GET', '/api/v1/exercise-sets'),
  set: (id: string) => request<ExerciseSet>('GET', `/api/v1/exercise-sets/${enc(id)}`),
  saveSet: (id: string, patch: { title?: string; description?: string; items?: SetItem[] }) =>
    request<ExerciseSet>('PUT', `/api/v1/exercise-sets/${enc(id)}`, patch),
  copySet: (id: string, newId: string, title?: string) =>
    request<ExerciseSet>('POST', `/api/v1/exercise-sets/${enc(id)}/copy`, title ? { new_id: newId, title } : { new_id: newId }),
  importZip: (file: Blob) => upload<SavedVersion>('/api/v1/exercises/import', file),
  uploadTests: (id: string, group: string, file: Blob) =>
    upload<SavedVersion>(`/api/v1/exercises/${enc(id)}/tests?group=${enc(group)}`, file),
  source: (id: string) => request<ExerciseSource>('GET', `/api/v1/exercises/${enc(id)}/source`),
  save: (id: string, edit: SourceEdit) => request<SavedVersion>('PUT', `/api/v1/exercises/${enc(id)}/source`, edit),
  create: (form: SourceEdit & { id: string }) => request<SavedVersion>('POST', '/api/v1/exercises', form),
  copy: (id: string, newId: string) => request<SavedVersion>('POST', `/api/v1/exercises/${enc(id)}/copy`, { new_id: newId }),
  check: (id: string) => request<CheckState>('GET', `/api/v1/exercises/${enc(id)}/check`),
  recheck: (id: string) => request<CheckState>('POST', `/api/v1/exercises/${enc(id)}/check`),
  versions: (id: string) => request<Versions>('GET', `/api/v1/exercises/${enc(id)}/versions`),
  rejudge: (id: string, submission?: number) =>
    request<{ queued: number }>('POST', `/api/v1/exercises/${enc(id)}/rejudge`, submission ? { submission } : {}),
  rejudgeProgress: (id: string) => request<RejudgeProgress>('GET', `/api/v1/exercises/${enc(id)}/rejudge`),
  publish: (workshop: string | number, exercise: string) =>
    request<{ added: boolean }>('POST', `/api/v1/workshops/${enc(String(workshop))}/exercises`, { exercise }),
  stats: (id: string) => request<ExerciseStats>('GET', `/api/v1/exercises/${enc(id)}/analytics`),
  workshopStats: (id: string | number) => request<WorkshopStats>('GET', `/api/v1/workshops/${enc(String(id))}/analytics`),
  exportUrl: (id: string) => `/api/v1/exercises/${enc(id)}/export`,
};

/** Follows the check of an exercise's newest version: SSE, with polling if the stream breaks. */
export function followCheck(id: string, onUpdate: (c: CheckState) => void): () => void {
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSource | null = null;
  const poll = async () => {
    if (closed) return;
    try {
      const c = await authoring.check(id);
      onUpdate(c);
      if (c.status === 'running') timer = setTimeout(poll, 800);
    } catch { timer = setTimeout(poll, 2000); }
  };
  if (typeof EventSource === 'undefined') poll();
  else {
    source = new EventSource(`/api/v1/exercises/${enc(id)}/check/events`);
    source.addEventListener('progress', (ev) => {
      try { onUpdate({ output: '', ...JSON.parse((ev as MessageEvent).data) }); } catch { /* skipped */ }
    });
    source.addEventListener('done', (ev) => {
      source?.close();
      try { onUpdate(JSON.parse((ev as MessageEvent).data)); } catch { poll(); }
    });
    source.onerror = () => { if (closed) return; source?.close(); source = null; poll(); };
  }
  return () => { closed = true; source?.close(); clearTimeout(timer); };
}

export function exerciseId(e: WorkshopExercise): string { return typeof e === 'string' ? e : e.id; }

/**
 * Follows a submission while it is judged: Server-Sent Events first; if the
 * stream breaks before the end, polling GET /submissions/{id} takes over so
 * a dropped connection never leaves the page waiting forever.
 */
export function follow(
  id: string | number,
  onProgress: (p: { done: number; total: number; test?: TestResult }) => void,
  onDone: (s: Submission) => void,
  onError: (e: unknown) => void,
): () => void {
  let closed = false;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const finish = (s: Submission) => { if (closed) return; closed = true; source?.close(); clearTimeout(timer); onDone(s); };

  const poll = async (delay: number, failures: number) => {
    if (closed) return;
    try {
      const s = await api.submission(id);
      if (s.status === 'done') return finish(s);
      const tests = s.tests ?? [];
      onProgress({ done: tests.length, total: Math.max(tests.length, 0), test: undefined });
      timer = setTimeout(() => poll(Math.min(delay * 1.5, 4000), 0), delay);
    } catch (e) {
      if (failures >= 8) { closed = true; onError(e); return; }
      timer = setTimeout(() => poll(Math.min(delay * 2, 8000), failures + 1), delay);
    }
  };

  if (typeof EventSource === 'undefined') { poll(700, 0); }
  else {
    source = new EventSource(`/api/v1/submissions/${encodeURIComponent(String(id))}/events`);
    source.addEventListener('progress', (ev) => {
      try { onProgress(JSON.parse((ev as MessageEvent).data)); } catch { /* a malformed event is skipped */ }
    });
    source.addEventListener('done', (ev) => {
      try { finish(JSON.parse((ev as MessageEvent).data)); } catch { source?.close(); poll(300, 0); }
    });
    source.onerror = () => {
      if (closed) return;
      source?.close();
      source = null;
      poll(600, 0);
    };
  }
  return () => { closed = true; source?.close(); clearTimeout(timer); };
}
