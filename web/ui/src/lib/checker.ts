// The default output checker's English notes (judge/src/feedback_code.cc) of reports judged
// before the judge gave them as codes ("feedback_code", worded by feedback.ts): these patterns
// pick out the parameters. A note that matches none is shown as the judge wrote it.
export type CheckerNote =
  | { kind: 'token'; n: number; line: number; expected: string; got: string }
  | { kind: 'number'; n: number; line: number; expected: string; got: string }
  | { kind: 'space'; n: number; line: number; expected: string; got: string }
  | { kind: 'extra'; n: number; line: number; got: string }
  | { kind: 'ended'; n: number; expected: string };

const Q = "'((?:[^'\\\\]|\\\\x[0-9a-f]{2})*)'(?:\\.\\.\\.)?";

const patterns: [RegExp, (m: RegExpExecArray) => CheckerNote][] = [
  [new RegExp(`^whitespace differs before token (\\d+) \\(line (\\d+)\\): expected ${Q}, got ${Q}$`),
    (m) => ({ kind: 'space', n: +m[1], line: +m[2], expected: unescape(m[3]), got: unescape(m[4]) })],
  [new RegExp(`^more output than expected: token (\\d+) \\(line (\\d+)\\) is ${Q} after the answer's last token$`),
    (m) => ({ kind: 'extra', n: +m[1], line: +m[2], got: unescape(m[3]) })],
  [new RegExp(`^output ended after (\\d+) tokens; expected ${Q} next$`),
    (m) => ({ kind: 'ended', n: +m[1], expected: unescape(m[2]) })],
  [new RegExp(`^token (\\d+) \\(line (\\d+)\\): expected a number near ${Q}, got ${Q}$`),
    (m) => ({ kind: 'number', n: +m[1], line: +m[2], expected: unescape(m[3]), got: unescape(m[4]) })],
  [new RegExp(`^token (\\d+) \\(line (\\d+)\\): expected ${Q}, got ${Q}(?:: .*)?$`),
    (m) => ({ kind: 'token', n: +m[1], line: +m[2], expected: unescape(m[3]), got: unescape(m[4]) })],
];

/** The checker's \xNN escapes back into text (UTF-8), so "Hyvää" is not shown as bytes. */
function unescape(quoted: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < quoted.length; i++) {
    const m = /^\\x([0-9a-f]{2})/.exec(quoted.slice(i, i + 4));
    if (m) { bytes.push(parseInt(m[1], 16)); i += 3; } else bytes.push(quoted.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export function parseCheckerNote(note: string): CheckerNote | null {
  for (const [pattern, build] of patterns) {
    const m = pattern.exec(note.trim());
    if (m) return build(m);
  }
  return null;
}
