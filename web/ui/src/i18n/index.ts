// Message catalogues and the current UI language. Before login the choice
// lives in localStorage; after login it is also stored on the server (PUT /me).
import { en, type MessageKey } from './en';
import { fi } from './fi';
import type { Lang } from '../lib/api';

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, fi };
const STORAGE_KEY = 'kk_lang';

function initial(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'fi' || saved === 'en') return saved;
  } catch { /* storage may be blocked */ }
  return navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'fi';
}

let current: Lang = initial();
const listeners = new Set<(l: Lang) => void>();

export function lang(): Lang { return current; }

export function setLang(l: Lang) {
  if (l === current) return;
  current = l;
  try { localStorage.setItem(STORAGE_KEY, l); } catch { /* ignore */ }
  document.documentElement.lang = l;
  listeners.forEach((f) => f(l));
}

const choiceListeners = new Set<(l: Lang) => void>();

/** A person's explicit choice (a click on the switch), even of the language already shown. */
export function chooseLang(l: Lang) {
  setLang(l);
  choiceListeners.forEach((f) => f(l));
}

export function onLangChosen(f: (l: Lang) => void): () => void {
  choiceListeners.add(f);
  return () => choiceListeners.delete(f);
}

export function onLangChange(f: (l: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let text = catalogues[current][key] ?? en[key] ?? key;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  return text;
}

export function hasKey(key: string): key is MessageKey { return key in en; }

export function formatTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(current === 'fi' ? 'fi-FI' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

export function minutesSince(iso: string | undefined | null, now = Date.now()): number | null {
  if (!iso) return null;
  const d = new Date(iso).getTime();
  if (Number.isNaN(d)) return null;
  return Math.max(0, Math.floor((now - d) / 60000));
}

document.documentElement.lang = current;
export type { MessageKey };
