// The script editor: CodeMirror 6 with JavaScript (TypeScript for Playwright specs) syntax
// highlighting. Loaded on demand (ScriptEditor imports it lazily): it is most of a test page's
// weight and no other page needs it.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, bracketMatching, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { useEffect, useRef } from 'react';

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** TypeScript for Playwright spec files, plain JavaScript for k6 scripts. */
  typescript: boolean;
  /** Ids of the label and description elements (the editor is a textbox named by them). */
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  /** Viewers read the script; they can still select and copy it. */
  readOnly?: boolean;
  /** Ctrl/Cmd-Enter. */
  onRun?: () => void;
  testId?: string;
}

// Token colours come from CSS variables (index.css) so that light and dark schemes each keep
// WCAG AA contrast on the editor's background.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.modifier], color: 'var(--cm-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--cm-string)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--cm-number)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: 'var(--cm-function)' },
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--cm-property)' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--cm-type)' },
  { tag: t.invalid, color: 'var(--cm-invalid)', textDecoration: 'underline wavy' },
]);

const theme = EditorView.theme({
  '&': {
    fontSize: 'var(--mantine-font-size-sm)',
    border: '1px solid var(--mantine-color-default-border)',
    borderRadius: 'var(--mantine-radius-md)',
    backgroundColor: 'var(--mantine-color-body)',
    color: 'var(--mantine-color-text)',
  },
  '&.cm-focused': { outline: '2px solid var(--mantine-primary-color-filled)', outlineOffset: '1px' },
  '&[data-invalid]': { borderColor: 'var(--mantine-color-error)' },
  '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', minHeight: '320px', maxHeight: '65vh', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--mantine-color-text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--mantine-color-text)' },
  '.cm-gutters': { backgroundColor: 'var(--cm-gutter-bg)', color: 'var(--mantine-color-dimmed)', borderRight: '1px solid var(--mantine-color-default-border)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-line)', color: 'var(--mantine-color-text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--cm-selection)' },
  '.cm-matchingBracket': { outline: '1px solid var(--mantine-color-dimmed)', backgroundColor: 'transparent' },
  '.cm-tooltip': { backgroundColor: 'var(--mantine-color-body)', color: 'var(--mantine-color-text)', border: '1px solid var(--mantine-color-default-border)' },
  '.cm-panels': { backgroundColor: 'var(--mantine-color-body)', color: 'var(--mantine-color-text)' },
});

function attributes(props: Pick<CodeEditorProps, 'labelledBy' | 'describedBy' | 'invalid' | 'testId' | 'readOnly'>) {
  // The editable area is focusable as it is; tabindex says so to checkers (axe) that look
  // for focusable content in the scroller, which scrolls sideways on a phone.
  const content: Record<string, string> = { 'aria-labelledby': props.labelledBy, tabindex: '0' };
  if (props.readOnly) content['aria-readonly'] = 'true';
  if (props.describedBy) content['aria-describedby'] = props.describedBy;
  if (props.invalid) content['aria-invalid'] = 'true';
  if (props.testId) content['data-testid'] = props.testId;
  return [EditorView.contentAttributes.of(content), EditorView.editorAttributes.of(props.invalid ? { 'data-invalid': 'true' } : {}), EditorState.readOnly.of(Boolean(props.readOnly))];
}

export default function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const language = useRef(new Compartment());
  const attrs = useRef(new Compartment());

  useEffect(() => {
    const current = latest.current;
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: current.value,
        extensions: [
          lineNumbers(),
          foldGutter(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          syntaxHighlighting(highlight),
          EditorState.tabSize.of(2),
          keymap.of([
            {
              // Escape then Tab leaves the editor, even when Escape also closes a completion
              // list (which would otherwise swallow it). Other Escape bindings still run.
              key: 'Escape',
              run: (view) => {
                view.setTabFocusMode(2000);
                return false;
              },
            },
            {
              key: 'Mod-Enter',
              run: () => {
                latest.current.onRun?.();
                return Boolean(latest.current.onRun);
              },
            },
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...searchKeymap,
            ...historyKeymap,
            ...foldKeymap,
            ...completionKeymap,
            // Tab indents (Escape then Tab leaves, see above).
            indentWithTab,
          ]),
          language.current.of(javascript({ typescript: current.typescript })),
          attrs.current.of(attributes(current)),
          theme,
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // A value set from outside (a template for another runner, a reset) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const text = editor.state.doc.toString();
    if (props.value !== text) editor.dispatch({ changes: { from: 0, to: text.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(javascript({ typescript: props.typescript })) });
  }, [props.typescript]);

  useEffect(() => {
    view.current?.dispatch({ effects: attrs.current.reconfigure(attributes(props)) });
  }, [props.labelledBy, props.describedBy, props.invalid, props.testId, props.readOnly]);

  return <div ref={host} />;
}
