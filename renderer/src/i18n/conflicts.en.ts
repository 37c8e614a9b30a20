import type { Catalog } from './zh-CN';

/** The supervisors' list of sync conflicts (part of the English catalog). */
export const syncConflictsEn: Catalog['syncConflicts'] = {
  title: 'Sync conflicts',
  description: 'Changes from desks that came back online which the server did not write as they were: check them, then act.',
  loading: 'Reading the sync conflicts…',
  failed: 'The sync conflicts could not be read: {{reason}}',
  none: 'No sync conflicts to review.',
  kind: {
    stale_field: 'Field changed by someone else',
    policy_changed: 'Decided offline under another policy version',
  },
  entity: {
    case: 'Case',
    customer: 'Customer',
    commitment: 'Commitment',
    escalation: 'Escalation',
  },
  field: {
    title: 'Title',
    category: 'Category',
    priority: 'Priority',
    status: 'Status',
    name: 'Name',
    tier: 'Tier',
    policy_version: 'Policy version',
  },
  theirs: 'Kept on the server',
  ours: 'Sent by the desk',
  by: '{{name}} (employee no. {{employeeNo}})',
  desk: 'Desk {{clientId}}',
  baseVersion: 'Against version {{version}}',
  columns: {
    when: 'When',
    what: 'What',
    values: 'The two values',
    who: 'Sent by',
  },
};
