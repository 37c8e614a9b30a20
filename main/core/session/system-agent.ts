import type { Agent } from '../../../shared';

/** The actor of writes nobody typed: the commitment clock marking a commitment broken. */
export const SYSTEM_AGENT: Agent = {
  id: '01930000-0000-7000-8000-000000000000',
  employeeNo: '0',
  name: '系统',
  role: 'admin',
};
