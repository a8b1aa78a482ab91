// A test's note in the user's language. The judge gives it as a code with parameters
// ("feedback_code", judge/include/judge/feedback_code.h) beside the English "feedback"; reports
// judged before codes existed have only the English, which the default checker's patterns
// (checker.ts) still read; any other note is shown as the judge or the validator wrote it.
import type { MessageKey } from '../i18n/en';
import type { Lang } from './api';
import { parseCheckerNote } from './checker';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface FeedbackCode { code: string; params?: Record<string, unknown> }

type Params = Record<string, unknown>;

const quote = (s: unknown) => `“${String(s ?? '')}”`;

/** The message key of a code ("fb.token_differs"), or null for a code this UI does not know. */
export function feedbackKey(code: string, has: (key: string) => boolean): MessageKey | null {
  const key = `fb.${code}`;
  return has(key) ? (key as MessageKey) : null;
}

function numberText(value: unknown, lang: Lang): string {
  return typeof value === 'number'
    ? value.toLocaleString(lang === 'fi' ? 'fi-FI' : 'en-GB', { maximumSignificantDigits: 3 })
    : String(value ?? '');
}

// The parameters as the sentences show them: texts of the program's output quoted, numbers
// in the language's own way.
function shownParams(code: string, p: Params, lang: Lang, tr: Translate): Record<string, string | number> {
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p)) {
    shown[name] = typeof value === 'number' ? numberText(value, lang) : String(value ?? '');
  }
  for (const name of ['expected', 'got', 'pattern', 'field', 'variable']) {
    if (typeof p[name] === 'string') shown[name] = quote(p[name]);
  }
  if (code === 'service_stopped') {
    shown.how = 'signal' in p ? tr('fb.how.signal', { signal: String(p.signal) })
      : tr('fb.how.exit', { code: numberText(p.exit_code, lang) });
  }
  return shown;
}

/** One coded note in the user's language, or null when the code is unknown. */
export function codeText(feedback: FeedbackCode, tr: Translate, lang: Lang, has: (key: string) => boolean): string | null {
  const key = feedbackKey(feedback.code, has);
  if (!key) return null;
  const p: Params = feedback.params && typeof feedback.params === 'object' ? feedback.params : {};
  const shown = shownParams(feedback.code, p, lang, tr);
  let text = tr(key, shown);
  if ('concurrency' in p) text = tr('fb.concurrent', shown) + ' ' + text;
  if ('step' in p) {
    const step = p.step_name ? tr('fb.stepNamed', { step: shown.step, name: String(p.step_name) }) : tr('fb.step', { step: shown.step });
    text = `${step}: ${text}`;
  }
  const lines = [text];
  if ('request' in p) lines.push(tr('fb.sent', { request: String(p.request) }), tr('fb.response', { response: String(p.response ?? '') }));
  if (p.log) lines.push(tr('fb.log', { log: String(p.log) }));
  return lines.join('\n');
}

const oldKinds = { token: 'token_differs', number: 'number_expected', space: 'whitespace_differs', extra: 'extra_output', ended: 'output_ended' } as const;

/** A test's note: its code worded, else the old English note read by its pattern, else as it is. */
export function feedbackText(test: { feedback?: string; feedback_code?: FeedbackCode | null }, tr: Translate, lang: Lang,
  has: (key: string) => boolean): string {
  if (test.feedback_code && typeof test.feedback_code.code === 'string') {
    const worded = codeText(test.feedback_code, tr, lang, has);
    if (worded !== null) return worded;
  }
  const note = test.feedback ?? '';
  const old = parseCheckerNote(note);
  if (!old) return note;
  const { kind, ...params } = old;
  return codeText({ code: oldKinds[kind], params }, tr, lang, has) ?? note;
}
