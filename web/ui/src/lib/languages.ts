// Programming languages of the judge (`koodikoe languages`) with their
// CodeMirror highlighting. Languages without a CodeMirror 6 package use a
// legacy stream mode; anything unknown is edited as plain text.
import type { Extension } from '@codemirror/state';
import { StreamLanguage, type LanguageSupport, type Language } from '@codemirror/language';
import { cpp } from '@codemirror/lang-cpp';
import { python } from '@codemirror/lang-python';
import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { rust } from '@codemirror/lang-rust';
import { go } from '@codemirror/lang-go';
import { haskell } from '@codemirror/legacy-modes/mode/haskell';
import { kotlin, csharp } from '@codemirror/legacy-modes/mode/clike';
import { pascal } from '@codemirror/legacy-modes/mode/pascal';
import { ruby } from '@codemirror/legacy-modes/mode/ruby';
import { shell } from '@codemirror/legacy-modes/mode/shell';

export interface LanguageInfo { id: string; name: string; template: string; load: () => LanguageSupport | Language }

const stream = (mode: Parameters<typeof StreamLanguage.define>[0]) => () => StreamLanguage.define(mode);

const LANGS: LanguageInfo[] = [
  { id: 'python', name: 'Python 3', load: () => python(), template: '' },
  { id: 'c', name: 'C', load: () => cpp(), template: '#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n' },
  { id: 'cpp', name: 'C++', load: () => cpp(), template: '#include <iostream>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n' },
  { id: 'cpp17', name: 'C++17', load: () => cpp(), template: '#include <iostream>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n' },
  { id: 'java', name: 'Java', load: () => java(), template: 'import java.util.Scanner;\n\npublic class Main {\n    public static void main(String[] args) {\n        Scanner in = new Scanner(System.in);\n        \n    }\n}\n' },
  { id: 'javascript', name: 'JavaScript (Node.js)', load: () => javascript(), template: "const input = require('fs').readFileSync(0, 'utf8');\n\n" },
  { id: 'rust', name: 'Rust', load: () => rust(), template: 'use std::io::{self, Read};\n\nfn main() {\n    let mut input = String::new();\n    io::stdin().read_to_string(&mut input).unwrap();\n    \n}\n' },
  { id: 'go', name: 'Go', load: () => go(), template: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println()\n}\n' },
  { id: 'haskell', name: 'Haskell', load: stream(haskell), template: 'main :: IO ()\nmain = do\n  input <- getContents\n  return ()\n' },
  { id: 'kotlin', name: 'Kotlin', load: stream(kotlin), template: 'fun main() {\n    val line = readLine()\n}\n' },
  { id: 'pascal', name: 'Pascal', load: stream(pascal), template: 'program Main;\nbegin\n  \nend.\n' },
  { id: 'ruby', name: 'Ruby', load: stream(ruby), template: 'input = STDIN.read\n' },
  { id: 'csharp', name: 'C#', load: stream(csharp), template: 'using System;\n\nclass Program {\n    static void Main() {\n        \n    }\n}\n' },
  { id: 'bash', name: 'Bash', load: stream(shell), template: '#!/bin/bash\nread line\n' },
];

const BY_ID = new Map(LANGS.map((l) => [l.id, l]));
const ALIASES: Record<string, string> = { 'c++': 'cpp', python3: 'python', js: 'javascript', node: 'javascript', 'c#': 'csharp', sh: 'bash', fpc: 'pascal' };

export function languageInfo(id: string): LanguageInfo {
  const key = ALIASES[id] ?? id;
  return BY_ID.get(key) ?? { id, name: id, template: '', load: () => [] as unknown as Language };
}

export function languageName(id: string): string { return languageInfo(id).name; }

export function languageExtension(id: string): Extension {
  const info = BY_ID.get(ALIASES[id] ?? id);
  return info ? info.load() : [];
}

/** The parser used for read-only highlighted code, or null for plain text. */
export function languageParser(id: string) {
  const info = BY_ID.get(ALIASES[id] ?? id);
  if (!info) return null;
  const support = info.load();
  const language = 'language' in support ? support.language : support;
  return language.parser;
}

/** Languages in the order a beginner most likely wants them. */
export function sortLanguages(ids: string[]): string[] {
  const order = (id: string) => { const i = LANGS.findIndex((l) => l.id === (ALIASES[id] ?? id)); return i < 0 ? 99 : i; };
  return [...ids].sort((a, b) => order(a) - order(b));
}
