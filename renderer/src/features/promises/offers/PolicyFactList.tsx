import { useTranslation } from 'react-i18next';
import { factLines } from './policy-facts';

/** The facts an answer was computed from, as label and value pairs. */
export function PolicyFactList({ facts }: { facts: Readonly<Record<string, unknown>> }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="policy-facts">
      {factLines(facts, t, i18n.language).map((line) => (
        <div key={line.key} className="policy-fact" data-fact={line.key}>
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}
