import { Button, Card, Flex, Heading, Separator, Text } from '@radix-ui/themes';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/ErrorCallout';
import { useStructureMutation } from './useStructureMutation';

/** What the list hands its form: the same props for adding a new item and editing one. */
export interface ItemFormProps<TItem, TBody> {
  /** The item being edited; a new one when absent. */
  item?: TItem;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (body: TBody, callbacks: { onError: (error: unknown) => void }) => void;
}

/** The full names of one item's buttons (their visible text is the verb alone) and its delete confirmation. */
export interface ItemLabels {
  edit: string;
  delete: string;
  deleteTitle: string;
}

interface EditableListProps<TItem extends { id: string }, TBody> {
  consultationId: string;
  /** Unique on the page: ties the heading to its section. */
  headingId: string;
  texts: {
    title: string;
    empty: string;
    add: string;
    deleteDescription: string;
    deleteConfirm: string;
  };
  /** In display order. */
  items: readonly TItem[];
  labels: (item: TItem) => ItemLabels;
  summary: (item: TItem) => ReactNode;
  form: (props: ItemFormProps<TItem, TBody>) => ReactNode;
  create: (body: TBody) => Promise<unknown>;
  replace: (id: string, body: TBody) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
}

/** A structure list (agenda sessions, guiding questions): add below, edit one at a time, delete. */
export function EditableList<TItem extends { id: string }, TBody>(props: EditableListProps<TItem, TBody>) {
  const { consultationId, headingId, texts, items, form } = props;
  const [editingId, setEditingId] = useState<string | null>(null);
  // A new key empties the add form after a successful add.
  const [formKey, setFormKey] = useState(0);
  const add = useStructureMutation(consultationId, props.create);

  return (
    <section aria-labelledby={headingId}>
      <Card>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id={headingId}>
            {texts.title}
          </Heading>
          {items.length === 0 ? <Text>{texts.empty}</Text> : null}
          <ol className="plain-list">
            {items.map((item) => (
              <li key={item.id}>
                {editingId === item.id ? (
                  <EditItem {...props} item={item} onDone={() => setEditingId(null)} />
                ) : (
                  <ItemSummary {...props} item={item} onEdit={() => setEditingId(item.id)} />
                )}
                <Separator size="4" my="2" />
              </li>
            ))}
          </ol>
          <Heading as="h3" size="4">
            {texts.add}
          </Heading>
          <div key={formKey}>
            {form({
              submitLabel: texts.add,
              isPending: add.isPending,
              error: add.error,
              onSubmit: (body, callbacks) =>
                add.mutate(body, { onSuccess: () => setFormKey((key) => key + 1), ...callbacks }),
            })}
          </div>
        </Flex>
      </Card>
    </section>
  );
}

function ItemSummary<TItem extends { id: string }, TBody>({
  consultationId,
  texts,
  item,
  labels,
  summary,
  remove,
  onEdit,
}: EditableListProps<TItem, TBody> & { item: TItem; onEdit: () => void }) {
  const { t } = useTranslation();
  const removal = useStructureMutation(consultationId, () => remove(item.id));
  const words = labels(item);
  return (
    <Flex direction="column" gap="2">
      {summary(item)}
      <Flex gap="2">
        <Button size="1" variant="soft" aria-label={words.edit} onClick={onEdit}>
          {t('structure.edit')}
        </Button>
        <ConfirmDialog
          trigger={
            <Button size="1" variant="soft" color="red" aria-label={words.delete} loading={removal.isPending}>
              {t('structure.delete')}
            </Button>
          }
          title={words.deleteTitle}
          description={texts.deleteDescription}
          confirmLabel={texts.deleteConfirm}
          isDestructive
          onConfirm={() => removal.mutate(undefined)}
        />
      </Flex>
      <FormAlert error={removal.error} />
    </Flex>
  );
}

function EditItem<TItem extends { id: string }, TBody>({
  consultationId,
  item,
  form,
  replace,
  onDone,
}: EditableListProps<TItem, TBody> & { item: TItem; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useStructureMutation(consultationId, (body: TBody) => replace(item.id, body));
  return (
    <Flex direction="column" gap="2">
      {form({
        item,
        submitLabel: t('common.save'),
        isPending: save.isPending,
        error: save.error,
        onSubmit: (body, callbacks) => save.mutate(body, { onSuccess: onDone, ...callbacks }),
      })}
      <Flex>
        <Button size="1" variant="soft" color="gray" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Flex>
  );
}
