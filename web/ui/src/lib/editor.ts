// The CodeMirror 6 editor. Tab indents; Esc then Tab moves focus out of the
// editor (CodeMirror's tab-focus mode), and Ctrl-M toggles that mode for good.
import { EditorView, keymap, Decoration, type DecorationSet } from '@codemirror/view';
import { Compartment, EditorState, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { languageExtension } from './languages';

const setErrorLines = StateEffect.define<number[]>();
const errorLineMark = Decoration.line({ attributes: { class: 'cm-error-line' } });

const errorLinesField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setErrorLines)) {
        const marks = e.value
          .filter((n) => n >= 1 && n <= tr.state.doc.lines)
          .sort((a, b) => a - b)
          .map((n) => errorLineMark.range(tr.state.doc.line(n).from));
        deco = Decoration.set(marks);
      }
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Colours with at least 4.5:1 contrast on the editor background (WCAG AA),
// the same as the read-only code on submission pages.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword, tags.modifier], color: '#7a3e9d' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp, tags.character], color: '#2e6b2e' },
  { tag: [tags.number, tags.bool, tags.atom, tags.null], color: '#995400' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment, tags.docComment], color: '#5f6b72', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: '#1d5f8a' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.definition(tags.variableName)], color: '#1d4f91' },
  { tag: [tags.meta, tags.processingInstruction, tags.annotation], color: '#6b5a2a' },
  { tag: [tags.escape, tags.special(tags.variableName), tags.self], color: '#8a3b00' },
  { tag: tags.invalid, color: '#a0201c' },
]);

const theme = EditorView.theme({
  '&': { fontSize: '15px', height: '100%', backgroundColor: 'var(--editor-bg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { padding: '8px 0' },
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'rgba(47, 93, 98, 0.06)' },
  // The current line's number in the full text colour: muted on the tinted band is too faint.
  '.cm-activeLineGutter': { backgroundColor: 'rgba(47, 93, 98, 0.12)', color: 'var(--ink)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
  '.cm-error-line': { backgroundColor: 'rgba(183, 110, 0, 0.12)', boxShadow: 'inset 3px 0 0 var(--warn)' },
});

export interface CodeEditor {
  view: EditorView;
  setLanguage(id: string): void;
  /** The editor's accessible name (it names the programming language). */
  setLabel(label: string): void;
  setText(text: string): void;
  getText(): string;
  goToLine(line: number): void;
  markLines(lines: number[]): void;
  destroy(): void;
}

export function createEditor(
  parent: HTMLElement,
  opts: { text: string; language: string; label: string; describedBy?: string; onChange: (text: string) => void; onRun?: () => void },
): CodeEditor {
  const language = new Compartment();
  const labels = new Compartment();
  const attrs = (label: string): Extension =>
    // tabindex: the editable content is already a tab stop; saying so lets checkers see that
    // the scrolling box around a long program can be reached by keyboard.
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0', ...(opts.describedBy ? { 'aria-describedby': opts.describedBy } : {}) });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.text,
      extensions: [
        basicSetup,
        // Above basicSetup's Mod-Enter (insertBlankLine): Ctrl+Enter runs, it adds no line.
        Prec.highest(keymap.of(opts.onRun ? [{ key: 'Mod-Enter', run: () => { opts.onRun!(); return true; } }] : [])),
        keymap.of([indentWithTab]),
        indentUnit.of('    '),
        syntaxHighlighting(highlight),
        language.of([]),
        labels.of(attrs(opts.label)),
        errorLinesField,
        theme,
        EditorView.updateListener.of((u) => { if (u.docChanged) opts.onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  // Highlighting arrives when the language's chunk has loaded; the last choice wins.
  let wanted = opts.language;
  const applyLanguage = (id: string) => {
    wanted = id;
    languageExtension(id).then((ext) => { if (wanted === id && !destroyed) view.dispatch({ effects: language.reconfigure(ext) }); });
  };
  let destroyed = false;
  applyLanguage(opts.language);
  return {
    view,
    setLanguage(id) { applyLanguage(id); },
    setLabel(label) { view.dispatch({ effects: labels.reconfigure(attrs(label)) }); },
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: setErrorLines.of([]) });
    },
    getText: () => view.state.doc.toString(),
    goToLine(line) {
      const n = Math.min(Math.max(1, line), view.state.doc.lines);
      const pos = view.state.doc.line(n).from;
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      view.focus();
    },
    markLines(lines) { view.dispatch({ effects: setErrorLines.of(lines) }); },
    destroy() { destroyed = true; view.destroy(); },
  };
}
