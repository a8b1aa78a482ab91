// Skill names in Finnish and English. exercises/skills.yaml is the one list of the skill tags
// exercises name, each with its English and Finnish label (and its ESCO skill); the UI reads
// the labels from it at build time rather than keeping a copy.
import skillsYaml from '../../../../exercises/skills.yaml?raw';
import type { Lang } from './api';

export type SkillNames = Record<string, Partial<Record<Lang, string>>>;

/** The labels of skills.yaml: a tag at the start of a line, its `en:` and `fi:` indented below. */
export function parseSkillNames(text: string): SkillNames {
  const names: SkillNames = {};
  let tag = '';
  for (const line of text.split('\n')) {
    const top = /^([a-z0-9][\w-]*):\s*$/.exec(line);
    if (top) { tag = top[1]; names[tag] = {}; continue; }
    const label = /^\s+(en|fi):\s*(.+?)\s*$/.exec(line);
    if (label && tag) names[tag][label[1] as Lang] = label[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return names;
}

const skillNames = parseSkillNames(skillsYaml);

/** The skill's name in `language`; a tag skills.yaml does not list (an imported exercise's own) as written. */
export function skillNameIn(tag: string, language: Lang): string {
  const names = skillNames[tag];
  return names?.[language] ?? names?.en ?? tag;
}

export function knownSkills(): string[] { return Object.keys(skillNames); }
