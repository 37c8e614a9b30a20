import { useTranslation } from 'react-i18next';
import type { AgentRef, CaseRef } from '../../../shared';
import { formatDateTime, formatDaysAgo } from '../format/date-time';

export function When({ at }: { at: string }) {
  const { i18n } = useTranslation();
  return (
    <span className="entry-when">
      <time dateTime={at}>{formatDateTime(at, i18n.language)}</time>
      <span className="entry-ago">{formatDaysAgo(at, i18n.language)}</span>
    </span>
  );
}

/** Every word in the history is tied to the person who said it: name and employee number. */
export function AgentName({ agent }: { agent: AgentRef }) {
  const { t } = useTranslation();
  return (
    <span className="entry-agent" data-employee-no={agent.employeeNo}>
      {t('timeline.agent', { name: agent.name, employeeNo: agent.employeeNo })}
    </span>
  );
}

/** Case numbers; choosing one files the next note under that case. */
export function CaseChips({ cases, onSelect }: { cases: readonly CaseRef[]; onSelect(caseId: string): void }) {
  if (cases.length === 0) return null;
  return (
    <span className="entry-cases">
      {cases.map((c) => (
        <button key={c.id} type="button" className="case-chip" title={c.title} onClick={() => onSelect(c.id)}>
          {c.number}
        </button>
      ))}
    </span>
  );
}

/** Note text exactly as written: line breaks kept, markup shown as the characters it is. */
export function NoteText({ body }: { body: string }) {
  return <p className="entry-text">{body}</p>;
}
