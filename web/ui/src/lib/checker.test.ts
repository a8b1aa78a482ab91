import { describe, expect, it } from 'vitest';
import { parseCheckerNote } from './checker';

describe('parseCheckerNote', () => {
  it('reads the default checker\'s notes', () => {
    expect(parseCheckerNote("token 1 (line 1): expected 'Hei,', got 'Hei'"))
      .toEqual({ kind: 'token', n: 1, line: 1, expected: 'Hei,', got: 'Hei' });
    expect(parseCheckerNote("token 2 (line 3): expected a number near '1.5', got 'x'"))
      .toEqual({ kind: 'number', n: 2, line: 3, expected: '1.5', got: 'x' });
    expect(parseCheckerNote("more output than expected: token 3 (line 2) is 'extra' after the answer's last token"))
      .toEqual({ kind: 'extra', n: 3, line: 2, got: 'extra' });
    expect(parseCheckerNote("output ended after 2 tokens; expected 'World!' next"))
      .toEqual({ kind: 'ended', n: 2, expected: 'World!' });
  });
  it('turns byte escapes back into letters', () => {
    expect(parseCheckerNote("token 1 (line 1): expected 'Hyv\\xc3\\xa4\\xc3\\xa4', got 'Hyva'"))
      .toMatchObject({ expected: 'Hyvää', got: 'Hyva' });
  });
  it('leaves other notes alone', () => {
    expect(parseCheckerNote('the validator says no')).toBeNull();
  });
});
