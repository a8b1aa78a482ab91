// The coding trial a candidate has opened, kept on this device so that its name, its company
// and the time left stay in view on its exercises, and Back shows the trial, not "Start" again.
export interface OpenedTrial { code: string; title: string; owner?: string; ends_at: string; exercises: string[]; titles: Record<string, string> }

const KEY = 'kk_trials';

function all(): OpenedTrial[] {
  try { return JSON.parse(localStorage.getItem(KEY) ?? '[]') as OpenedTrial[]; } catch { return []; }
}

export function rememberTrial(trial: OpenedTrial) {
  const kept = all().filter((x) => x.code !== trial.code && new Date(x.ends_at).getTime() > Date.now());
  try { localStorage.setItem(KEY, JSON.stringify([...kept, trial])); } catch { /* private mode: not kept */ }
}

export function openedTrial(code: string): OpenedTrial | null {
  return all().find((x) => x.code === code) ?? null;
}

/** The running trial this exercise belongs to, if any. */
export function trialOf(exercise: string, now = Date.now()): OpenedTrial | null {
  return all().find((x) => x.exercises.includes(exercise) && new Date(x.ends_at).getTime() > now) ?? null;
}

export function timeLeft(trial: OpenedTrial, now: number): { minutes: number; seconds: string } | null {
  const left = Math.max(0, Math.round((new Date(trial.ends_at).getTime() - now) / 1000));
  return left > 0 ? { minutes: Math.floor(left / 60), seconds: String(left % 60).padStart(2, '0') } : null;
}
