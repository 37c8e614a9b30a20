import { useTranslation } from 'react-i18next';

const TABLES = ['sla', 'remedies', 'escalation', 'authority'] as const;
type Table = (typeof TABLES)[number];

function isTable(name: string): name is Table {
  return (TABLES as readonly string[]).includes(name);
}

/** The rules that fired, table by table, as the ids written in the policy bundle. */
export function RuleIds({ ruleIds }: { ruleIds: Readonly<Record<string, readonly string[]>> }) {
  const { t } = useTranslation();
  const tables = [...TABLES.filter((name) => name in ruleIds), ...Object.keys(ruleIds).filter((name) => !isTable(name))];
  return (
    <dl className="rule-ids">
      {tables.map((table) => {
        const ids = ruleIds[table] ?? [];
        return (
          <div key={table} className="rule-ids-row" data-table={table}>
            <dt>{isTable(table) ? t(`policy.table.${table}`) : table}</dt>
            <dd>
              {ids.length === 0 ? (
                <span className="muted">{t('policy.noRule')}</span>
              ) : (
                ids.map((id) => (
                  <code key={id} className="rule-id">
                    {id}
                  </code>
                ))
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
