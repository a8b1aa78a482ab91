// Read-only syntax highlighting for code shown outside the editor
// (submission pages), split into lines so comments can sit beside them.
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { languageParser } from './languages';

export interface Token { text: string; cls: string }

export function plainLines(source: string): Token[][] {
  const code = source.endsWith('\n') ? source.slice(0, -1) : source;
  return code.split('\n').map((l) => [{ text: l, cls: '' }]);
}

export async function highlightLines(source: string, language: string): Promise<Token[][]> {
  // A final newline does not make an extra empty line to comment on.
  const code = source.endsWith('\n') ? source.slice(0, -1) : source;
  const lines: Token[][] = [[]];
  const parser = await languageParser(language);
  if (!parser) return code.split('\n').map((l) => [{ text: l, cls: '' }]);
  try {
    highlightCode(code, parser.parse(code), classHighlighter,
      (text, cls) => lines[lines.length - 1].push({ text, cls }),
      () => lines.push([]));
  } catch {
    return code.split('\n').map((l) => [{ text: l, cls: '' }]);
  }
  return lines;
}
