// Drafts are kept per exercise and language in localStorage, so nothing is
// lost when the page is reloaded, the Wi-Fi drops or the laptop is shared.
const PREFIX = 'kk_draft:';
const LANG_PREFIX = 'kk_lastlang:';

export function draftKey(user: string, exercise: string, language: string): string {
  return `${PREFIX}${user}:${exercise}:${language}`;
}

export function loadDraft(user: string, exercise: string, language: string): string | null {
  try { return localStorage.getItem(draftKey(user, exercise, language)); } catch { return null; }
}

export function saveDraft(user: string, exercise: string, language: string, source: string): boolean {
  try { localStorage.setItem(draftKey(user, exercise, language), source); return true; } catch { return false; }
}

export function clearDraft(user: string, exercise: string, language: string) {
  try { localStorage.removeItem(draftKey(user, exercise, language)); } catch { /* ignore */ }
}

export function lastLanguage(user: string, exercise: string): string | null {
  try { return localStorage.getItem(`${LANG_PREFIX}${user}:${exercise}`) ?? localStorage.getItem(`${LANG_PREFIX}${user}`); }
  catch { return null; }
}

export function rememberLanguage(user: string, exercise: string, language: string) {
  try {
    localStorage.setItem(`${LANG_PREFIX}${user}:${exercise}`, language);
    localStorage.setItem(`${LANG_PREFIX}${user}`, language);
  } catch { /* ignore */ }
}
