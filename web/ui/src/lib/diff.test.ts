import { describe, expect, it } from 'vitest';
import { firstDifference, splitCut } from './diff';

describe('firstDifference', () => {
  it('finds the line and column', () => {
    expect(firstDifference('Hei\nGoodbye, World!\n', 'Hei\nHello, World!\n')).toEqual({ line: 2, column: 1, kind: 'text' });
    expect(firstDifference('Hello World', 'Hello, World')).toEqual({ line: 1, column: 6, kind: 'text' });
  });
  it('ignores spaces at line ends and blank lines at the end', () => {
    expect(firstDifference('1 \r\n2\n\n', '1\n2')).toBeNull();
  });
  it('names missing and extra lines', () => {
    expect(firstDifference('1\n', '1\n2\n')).toEqual({ line: 2, column: 1, kind: 'missing' });
    expect(firstDifference('1\n2\n3', '1\n2\n')).toEqual({ line: 3, column: 1, kind: 'extra' });
  });
});

describe('splitCut', () => {
  it('takes off the judge\'s tail', () => {
    expect(splitCut('abc... (904 more bytes)')).toEqual({ text: 'abc', more: 904 });
    expect(splitCut('abc')).toEqual({ text: 'abc', more: 0 });
  });
});
