import { describe, expect, it } from 'vitest';
import { errorLines, parseCompileOutput } from './compile';

describe('parseCompileOutput', () => {
  it('finds gcc line numbers', () => {
    expect(errorLines("main.c: In function 'main':\nmain.c:3:5: error: expected ';' before 'return'\n    3 |     return 0\n")).toEqual([3]);
  });
  it('finds rustc line numbers', () => {
    expect(errorLines('error[E0425]: cannot find value `x`\n --> main.rs:2:20\n')).toEqual([2]);
  });
  it('finds python line numbers', () => {
    expect(errorLines('  File "main.py", line 7\n    print(\n         ^\nSyntaxError')).toEqual([7]);
  });
  it('finds javac and csc line numbers', () => {
    expect(errorLines('Main.java:4: error: cannot find symbol')).toEqual([4]);
    expect(errorLines('main.cs(12,3): error CS1002')).toEqual([12]);
  });
  it('keeps lines without numbers', () => {
    expect(parseCompileOutput('a\nb')).toEqual([{ text: 'a', line: null }, { text: 'b', line: null }]);
  });
});
