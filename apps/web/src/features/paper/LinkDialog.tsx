import { Button, Dialog, Flex, TextField } from '@radix-ui/themes';
import type { Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../ui/FormField';
import { normaliseLinkAddress } from '@cw/shared';

interface LinkDialogProps {
  editor: Editor;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

/** Asks for a link's address; only web and email addresses are accepted. */
export function LinkDialog({ editor, isOpen, onOpenChange }: LinkDialogProps) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | undefined>();
  const hasLink = editor.isActive('link');

  const open = (next: boolean) => {
    if (next) {
      const current: unknown = editor.getAttributes('link').href;
      setAddress(typeof current === 'string' ? current : '');
      setError(undefined);
    }
    onOpenChange(next);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const href = normaliseLinkAddress(address);
    if (!href) {
      setError(t('paper.link.invalid'));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !hasLink) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onOpenChange(false);
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onOpenChange(false);
  };

  return (
    <Dialog.Root open={isOpen} onOpenChange={open}>
      <Dialog.Content maxWidth="28rem">
        <Dialog.Title>{t('paper.link.title')}</Dialog.Title>
        <Dialog.Description size="2">{t('paper.link.description')}</Dialog.Description>
        <form onSubmit={apply} noValidate>
          <Flex direction="column" gap="3" mt="3">
            <FormField label={t('paper.link.address')} hint={t('paper.link.hint')} error={error}>
              {(control) => (
                <TextField.Root
                  {...control}
                  type="url"
                  inputMode="url"
                  autoComplete="url"
                  value={address}
                  onChange={(event) => setAddress(event.target.value)}
                />
              )}
            </FormField>
            <Flex gap="3" justify="end" wrap="wrap">
              {hasLink ? (
                <Button type="button" variant="soft" color="red" onClick={remove}>
                  {t('paper.link.remove')}
                </Button>
              ) : null}
              <Dialog.Close>
                <Button type="button" variant="soft" color="gray">
                  {t('common.cancel')}
                </Button>
              </Dialog.Close>
              <Button type="submit">{t('paper.link.apply')}</Button>
            </Flex>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
