import { Button, Flex, Text } from '@radix-ui/themes';
import { useEditorState, type Editor } from '@tiptap/react';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkDialog } from './LinkDialog';
import { CONTENT_HEADING_LEVELS } from './paper-extensions';

const [HEADING, SUBHEADING] = CONTENT_HEADING_LEVELS;

/** Keeps the editor's selection when a toolbar button is pressed with the mouse. */
const keepSelection = (event: MouseEvent) => event.preventDefault();

function ToolButton({
  isPressed,
  onPress,
  label,
  isDisabled = false,
  children,
}: {
  isPressed?: boolean;
  onPress: () => void;
  label?: string;
  isDisabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      type="button"
      size="1"
      disabled={isDisabled}
      variant={isPressed ? 'solid' : 'soft'}
      {...(isPressed === undefined ? {} : { 'aria-pressed': isPressed })}
      {...(label ? { 'aria-label': label } : {})}
      onMouseDown={keepSelection}
      onClick={onPress}
    >
      {children}
    </Button>
  );
}

/**
 * Formatting for the focused editor (a section, or a part of a session's notes): marks, headings,
 * lists, quote, link and table; and whether edits are made as suggestions. While suggesting, the
 * changes to whole blocks (headings, lists, quote, table) are off: a suggestion can only mark text.
 */
export function EditorToolbar({
  editor,
  label,
  suggesting,
  onSuggestingChange,
  hasTables = true,
}: {
  editor: Editor;
  /** The toolbar's accessible name, e.g. "Formatting of section 2". */
  label: string;
  suggesting: boolean;
  /** Absent where suggesting is decided for the member. */
  onSuggestingChange: ((suggesting: boolean) => void) | undefined;
  /** Whether the editor's schema has tables (the notes' has not). */
  hasTables?: boolean;
}) {
  const { t } = useTranslation();
  const [isLinkDialogOpen, setIsLinkDialogOpen] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: current.isActive('heading', { level: HEADING }),
      subheading: current.isActive('heading', { level: SUBHEADING }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      link: current.isActive('link'),
    }),
  });
  const run = () => editor.chain().focus();

  return (
    <Flex role="toolbar" aria-label={label} gap="1" wrap="wrap" className="paper-toolbar">
      <ToolButton isPressed={active.bold} onPress={() => run().toggleBold().run()}>
        {t('paper.toolbar.bold')}
      </ToolButton>
      <ToolButton isPressed={active.italic} onPress={() => run().toggleItalic().run()}>
        {t('paper.toolbar.italic')}
      </ToolButton>
      <ToolButton
        isDisabled={suggesting}
        isPressed={active.heading}
        onPress={() => run().toggleHeading({ level: HEADING }).run()}
      >
        {t('paper.toolbar.heading')}
      </ToolButton>
      <ToolButton
        isDisabled={suggesting}
        isPressed={active.subheading}
        onPress={() => run().toggleHeading({ level: SUBHEADING }).run()}
      >
        {t('paper.toolbar.subheading')}
      </ToolButton>
      <ToolButton
        isDisabled={suggesting}
        isPressed={active.bulletList}
        onPress={() => run().toggleBulletList().run()}
      >
        {t('paper.toolbar.bulletList')}
      </ToolButton>
      <ToolButton
        isDisabled={suggesting}
        isPressed={active.orderedList}
        onPress={() => run().toggleOrderedList().run()}
      >
        {t('paper.toolbar.orderedList')}
      </ToolButton>
      <ToolButton
        isDisabled={suggesting}
        isPressed={active.blockquote}
        onPress={() => run().toggleBlockquote().run()}
      >
        {t('paper.toolbar.blockquote')}
      </ToolButton>
      <ToolButton isPressed={active.link} onPress={() => setIsLinkDialogOpen(true)}>
        {t('paper.toolbar.link')}
      </ToolButton>
      {hasTables ? (
        <ToolButton
          isDisabled={suggesting}
          label={t('paper.toolbar.tableLabel')}
          onPress={() => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          {t('paper.toolbar.table')}
        </ToolButton>
      ) : null}
      {onSuggestingChange ? (
        <ToolButton
          isPressed={suggesting}
          label={t('paper.toolbar.suggestLabel')}
          onPress={() => onSuggestingChange(!suggesting)}
        >
          {t('paper.toolbar.suggest')}
        </ToolButton>
      ) : suggesting ? (
        <Text size="1" color="gray">
          {t('paper.toolbar.suggestingOnly')}
        </Text>
      ) : null}
      <LinkDialog editor={editor} isOpen={isLinkDialogOpen} onOpenChange={setIsLinkDialogOpen} />
    </Flex>
  );
}
