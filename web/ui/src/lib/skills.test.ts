import { describe, expect, it } from 'vitest';
import { knownSkills, parseSkillNames, skillNameIn } from './skills';

describe('skill names', () => {
  it('are read from exercises/skills.yaml', () => {
    expect(knownSkills().length).toBeGreaterThan(20);
    expect(parseSkillNames('# c\nloops:\n  en: Loops\n  fi: Silmukat\n  esco: http://x  # y\n')).toEqual({ loops: { en: 'Loops', fi: 'Silmukat' } });
  });
  it('have a Finnish and an English name for every skill', () => {
    for (const tag of knownSkills()) {
      expect(skillNameIn(tag, 'fi'), tag).not.toBe(tag);
      expect(skillNameIn(tag, 'en'), tag).not.toBe(tag);
    }
  });
  it('are in the language asked for, and an unknown tag is shown as written', () => {
    expect(skillNameIn('loops', 'fi')).toBe('Silmukat');
    expect(skillNameIn('loops', 'en')).toBe('Loops');
    expect(skillNameIn('my-own-tag', 'fi')).toBe('my-own-tag');
  });
});
