import { type Extensions, useEditor } from '@tiptap/react';
import { type DependencyList, useEffect } from 'react';

interface CollabTextEditorOptions {
  /** Called once per `deps`: the fragment and awareness the editor is bound to. */
  extensions: () => Extensions;
  /** Accessible name of the text area; follows renames. */
  label: string;
  isEditable: boolean;
  autoFocus?: boolean;
  onFocus: () => void;
}

/**
 * A rich-text area bound to a fragment of a shared document (a paper's section, a session's
 * notes): announced as a multi-line textbox under `label`, read-only to assistive technology
 * whenever it may not be edited, and created again only when `deps` change.
 */
export function useCollabTextEditor(
  { extensions, label, isEditable, autoFocus = false, onFocus }: CollabTextEditorOptions,
  deps: DependencyList,
) {
  const editor = useEditor(
    {
      extensions: extensions(),
      editable: isEditable,
      autofocus: autoFocus ? 'start' : false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          class: 'paper-editor__text user-text',
        },
      },
      onFocus,
    },
    deps,
  );

  useEffect(() => {
    if (editor.isEditable !== isEditable) editor.setEditable(isEditable);
    editor.view.dom.setAttribute('aria-readonly', String(!isEditable));
  }, [editor, isEditable]);

  useEffect(() => {
    editor.view.dom.setAttribute('aria-label', label);
  }, [editor, label]);

  return editor;
}
