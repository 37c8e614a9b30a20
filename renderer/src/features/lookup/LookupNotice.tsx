import type { ReactNode } from 'react';

interface LookupNoticeProps {
  id?: string;
  tone: 'info' | 'warning' | 'error';
  title: string;
  children?: ReactNode;
}

/** A single, plain message in the middle of the desk: what happened and what to do next. */
export function LookupNotice({ id, tone, title, children }: LookupNoticeProps) {
  return (
    <section
      className={`notice notice-${tone}`}
      aria-labelledby={id ? `${id}-title` : undefined}
      role={tone === 'info' ? 'status' : 'alert'}
    >
      <h1 id={id ? `${id}-title` : undefined} className="notice-title">
        {title}
      </h1>
      {children}
    </section>
  );
}
