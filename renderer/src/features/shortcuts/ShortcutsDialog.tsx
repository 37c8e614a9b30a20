import { Dialog } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_GROUPS, SHORTCUTS } from '../../state/shortcuts';
import { DialogCloseActions, DialogShell } from '../../ui/DialogShell';
import { Kbd } from '../../ui/Kbd';

/** Every key the desk answers to, in the interface language, printed from the same table the handlers use. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  return (
    <DialogShell open={open} onOpenChange={onOpenChange} className="dialog-shortcuts">
      <Dialog.Title className="dialog-title">{t('shortcuts.title')}</Dialog.Title>
      <Dialog.Description className="dialog-description">{t('shortcuts.description')}</Dialog.Description>
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map(({ group, items }) => (
          <section key={group} className="shortcut-group" aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`} className="shortcut-group-title">
              {t(`shortcuts.group.${group}`)}
            </h3>
            <dl className="shortcut-list">
              {items.map((ids) => {
                const first = ids[0];
                if (!first) return null;
                return (
                  <div key={first} className="shortcut-row">
                    <dt className="shortcut-keys">
                      {ids.map((id, i) => (
                        <span key={id} className="shortcut-alternative">
                          {i > 0 && <span className="shortcut-or">{t('shortcuts.or')}</span>}
                          <Kbd keys={SHORTCUTS[id].keys} />
                          <span className="visually-hidden">{SHORTCUTS[id].keys}</span>
                        </span>
                      ))}
                    </dt>
                    <dd className="shortcut-what">{t(`shortcuts.key.${first}`)}</dd>
                  </div>
                );
              })}
            </dl>
          </section>
        ))}
      </div>
      <DialogCloseActions />
    </DialogShell>
  );
}
