// Where a program's output first differs from the expected output, for beginners: line and
// column, ignoring what the default output check ignores at line ends (spaces, CR) and
// blank lines at the end. The judge cuts long texts with "... (N more bytes)".
export interface Difference { line: number; column: number; kind: 'text' | 'missing' | 'extra' }

const CUT = /\.\.\. \((\d+) more bytes\)$/;

/** The text without the judge's "... (N more bytes)" tail, and how many bytes were left out. */
export function splitCut(text: string): { text: string; more: number } {
  const m = CUT.exec(text);
  return m ? { text: text.slice(0, m.index), more: Number(m[1]) } : { text, more: 0 };
}

export function outputLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.replace(/[ \t\r]+$/, ''));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The first difference (1-based line and column), or null when the two agree. */
export function firstDifference(printed: string, expected: string): Difference | null {
  const got = outputLines(printed);
  const want = outputLines(expected);
  const n = Math.min(got.length, want.length);
  for (let i = 0; i < n; i++) {
    if (got[i] === want[i]) continue;
    let c = 0;
    while (c < got[i].length && c < want[i].length && got[i][c] === want[i][c]) c++;
    return { line: i + 1, column: c + 1, kind: 'text' };
  }
  if (got.length < want.length) return { line: n + 1, column: 1, kind: 'missing' };
  if (got.length > want.length) return { line: n + 1, column: 1, kind: 'extra' };
  return null;
}
