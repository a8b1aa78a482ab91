// Programming languages of the judge (`koodikoe languages`) with their
// CodeMirror highlighting. Languages without a CodeMirror 6 package use a
// legacy stream mode; anything unknown is edited as plain text.
import type { Extension } from '@codemirror/state';
import { StreamLanguage, type LanguageSupport, type Language, type StreamParser } from '@codemirror/language';

// Each language's highlighting is its own chunk, loaded when first needed.
export interface LanguageInfo { id: string; name: string; template: string; load: () => Promise<LanguageSupport | Language> }

const stream = (mode: () => Promise<StreamParser<unknown>>) => async () => StreamLanguage.define(await mode());

const LANGS: LanguageInfo[] = [
  { id: 'python', name: 'Python 3', load: () => import('@codemirror/lang-python').then((m) => m.python()), template: '' },
  { id: 'c', name: 'C', load: () => import('@codemirror/lang-cpp').then((m) => m.cpp()), template: '#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n' },
  { id: 'cpp', name: 'C++', load: () => import('@codemirror/lang-cpp').then((m) => m.cpp()), template: '#include <iostream>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n' },
  { id: 'cpp17', name: 'C++17', load: () => import('@codemirror/lang-cpp').then((m) => m.cpp()), template: '#include <iostream>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n' },
  { id: 'java', name: 'Java', load: () => import('@codemirror/lang-java').then((m) => m.java()), template: 'import java.util.Scanner;\n\npublic class Main {\n    public static void main(String[] args) {\n        Scanner in = new Scanner(System.in);\n        \n    }\n}\n' },
  { id: 'javascript', name: 'JavaScript (Node.js)', load: () => import('@codemirror/lang-javascript').then((m) => m.javascript()), template: "const input = require('fs').readFileSync(0, 'utf8');\n\n" },
  { id: 'rust', name: 'Rust', load: () => import('@codemirror/lang-rust').then((m) => m.rust()), template: 'use std::io::{self, Read};\n\nfn main() {\n    let mut input = String::new();\n    io::stdin().read_to_string(&mut input).unwrap();\n    \n}\n' },
  { id: 'go', name: 'Go', load: () => import('@codemirror/lang-go').then((m) => m.go()), template: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println()\n}\n' },
  { id: 'haskell', name: 'Haskell', load: stream(() => import('@codemirror/legacy-modes/mode/haskell').then((m) => m.haskell as StreamParser<unknown>)), template: 'main :: IO ()\nmain = do\n  input <- getContents\n  return ()\n' },
  { id: 'kotlin', name: 'Kotlin', load: stream(() => import('@codemirror/legacy-modes/mode/clike').then((m) => m.kotlin as StreamParser<unknown>)), template: 'fun main() {\n    val line = readLine()\n}\n' },
  { id: 'pascal', name: 'Pascal', load: stream(() => import('@codemirror/legacy-modes/mode/pascal').then((m) => m.pascal as StreamParser<unknown>)), template: 'program Main;\nbegin\n  \nend.\n' },
  { id: 'ruby', name: 'Ruby', load: stream(() => import('@codemirror/legacy-modes/mode/ruby').then((m) => m.ruby as StreamParser<unknown>)), template: 'input = STDIN.read\n' },
  { id: 'csharp', name: 'C#', load: stream(() => import('@codemirror/legacy-modes/mode/clike').then((m) => m.csharp as StreamParser<unknown>)), template: 'using System;\n\nclass Program {\n    static void Main() {\n        \n    }\n}\n' },
  { id: 'bash', name: 'Bash', load: stream(() => import('@codemirror/legacy-modes/mode/shell').then((m) => m.shell as StreamParser<unknown>)), template: '#!/bin/bash\nread line\n' },
];

const BY_ID = new Map(LANGS.map((l) => [l.id, l]));
const ALIASES: Record<string, string> = { 'c++': 'cpp', python3: 'python', js: 'javascript', node: 'javascript', 'c#': 'csharp', sh: 'bash', fpc: 'pascal' };

export function languageInfo(id: string): LanguageInfo {
  const key = ALIASES[id] ?? id;
  return BY_ID.get(key) ?? { id, name: id, template: '', load: () => Promise.reject(new Error('plain text')) };
}

export function languageName(id: string): string { return languageInfo(id).name; }

/** The code the editor starts from: the exercise's own starter for the language (a grader
 *  exercise's, whose harness has main), else the language's template. */
export function starterCode(id: string, starters?: Partial<Record<string, string>> | null): string {
  return starters?.[id] ?? starters?.[ALIASES[id] ?? id] ?? languageInfo(id).template;
}

/** A draft that is only the language's template, kept from before the exercise had a starter
 *  of its own: the starter replaces it. Any other draft is the candidate's work and stays. */
export function startingText(id: string, draft: string | null, starters?: Partial<Record<string, string>> | null): string {
  if (draft !== null && !(draft === languageInfo(id).template && starters?.[ALIASES[id] ?? id] !== undefined)) return draft;
  return starterCode(id, starters);
}

const cache = new Map<string, Promise<LanguageSupport | Language | null>>();

function loadLanguage(id: string): Promise<LanguageSupport | Language | null> {
  const info = BY_ID.get(ALIASES[id] ?? id);
  if (!info) return Promise.resolve(null);
  if (!cache.has(info.id)) {
    // One retry: a chunk can fail to arrive over a shaky workshop Wi-Fi.
    const once = () => info.load();
    cache.set(info.id, once().catch(() => new Promise((r) => setTimeout(r, 1500)).then(once))
      .catch(() => { cache.delete(info.id); return null; }));
  }
  return cache.get(info.id)!;
}

/** The editor extension for a language (empty: plain text). */
export async function languageExtension(id: string): Promise<Extension> {
  return (await loadLanguage(id)) ?? [];
}

/** The parser used for read-only highlighted code, or null for plain text. */
export async function languageParser(id: string) {
  const support = await loadLanguage(id);
  if (!support) return null;
  const language = 'language' in support ? support.language : support;
  return language.parser;
}

/** Languages in the order a beginner most likely wants them. */
export function sortLanguages(ids: string[]): string[] {
  const order = (id: string) => { const i = LANGS.findIndex((l) => l.id === (ALIASES[id] ?? id)); return i < 0 ? 99 : i; };
  return [...ids].sort((a, b) => order(a) - order(b));
}
