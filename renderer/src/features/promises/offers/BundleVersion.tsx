import { useTranslation } from 'react-i18next';
import { shortVersion } from '../../../format/bundle-version';
import { CopyButton } from '../../../ui/CopyButton';

/** The policy version behind an answer: short to read, the whole sha256 on hover and to copy. */
export function BundleVersion({ version, copy = false }: { version: string; copy?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="bundle-version">
      <span className="bundle-version-label">{t('policy.version')}</span>{' '}
      <code className="bundle-version-hash" title={version} data-version={version}>
        {shortVersion(version)}
      </code>
      {copy && <CopyButton text={version} label={t('policy.copyVersion')} />}
    </span>
  );
}
