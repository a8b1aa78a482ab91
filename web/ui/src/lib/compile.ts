// Finds the line numbers in a compiler's message, whatever the compiler:
// gcc/clang "main.c:3:5: error", rustc "--> main.rs:3:5", javac "Main.java:3:",
// Python 'File "main.py", line 3', and kotlinc/ghc/fpc forms like "main.kt:3:5" or "(3,5)".
export interface CompileLine { text: string; line: number | null }

const patterns: RegExp[] = [
  /^\s*-->\s*[^:\s]+:(\d+)(?::\d+)?/,             // rustc
  /^[^\s:]+\.[A-Za-z0-9]+:(\d+)(?::\d+)?:/,        // gcc, clang, javac, go, ghc
  /^[^\s:]+\.[A-Za-z0-9]+\((\d+)(?:,\d+)?\)/,       // fpc, csc "file.cs(3,5)"
  /File "[^"]*", line (\d+)/,                       // python
  /^[^\s:]+\.[A-Za-z0-9]+:(\d+)$/,                  // node "main.js:3"
];

export function parseCompileOutput(output: string): CompileLine[] {
  return (output ?? '').replace(/\r\n/g, '\n').split('\n').map((text) => {
    for (const p of patterns) {
      const m = p.exec(text);
      if (m) return { text, line: Number(m[1]) };
    }
    return { text, line: null };
  });
}

/** Distinct line numbers mentioned, in order of appearance. */
export function errorLines(output: string): number[] {
  const seen: number[] = [];
  for (const l of parseCompileOutput(output)) if (l.line !== null && !seen.includes(l.line)) seen.push(l.line);
  return seen;
}
