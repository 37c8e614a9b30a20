import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../state/shortcuts';
import { Kbd } from '../../ui/Kbd';

/** What the desk shows between calls: how to start, and the keys that matter. */
export function StartScreen() {
  const { t } = useTranslation();
  return (
    <section className="start" aria-labelledby="start-title">
      <h1 id="start-title" className="start-title">
        {t('start.title')}
      </h1>
      <p className="start-body">{t('start.body')}</p>
      <h2 className="start-subtitle">{t('start.shortcuts')}</h2>
      <dl className="start-keys">
        <dt>
          <Kbd keys={SHORTCUTS.search.keys} />
        </dt>
        <dd>{t('start.keySearch')}</dd>
        <dt>
          <Kbd keys={SHORTCUTS.note.keys} />
        </dt>
        <dd>{t('start.keyNote')}</dd>
        <dt>
          <Kbd keys={SHORTCUTS.saveNote.keys} />
        </dt>
        <dd>{t('start.keySave')}</dd>
        <dt>
          <Kbd keys={SHORTCUTS.help.keys} />
        </dt>
        <dd>{t('start.keyHelp')}</dd>
      </dl>
    </section>
  );
}
