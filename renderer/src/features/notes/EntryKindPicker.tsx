import { ToggleGroup } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { ENTRY_KINDS, type EntryKind } from './use-save-note';

/** Whether the text is filed as a note on the case or logs this call (with the text as its note). */
export function EntryKindPicker({ value, onChange, disabled }: { value: EntryKind; onChange(kind: EntryKind): void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <ToggleGroup.Root
      type="single"
      className="segmented segmented-small"
      aria-label={t('note.kindLabel')}
      value={value}
      disabled={disabled}
      onValueChange={(next) => {
        const kind = ENTRY_KINDS.find((k) => k === next);
        if (kind) onChange(kind);
      }}
    >
      {ENTRY_KINDS.map((kind) => (
        <ToggleGroup.Item key={kind} value={kind} className="segmented-item">
          {t(`note.kind.${kind}`)}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
