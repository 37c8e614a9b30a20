import type { Agent } from '../../../shared';

/**
 * The demo roster. Ids are fixed so a demo database is the same on every desk.
 * 20001 is the person at the desktop (and the e2e test actor); 23338 is the agent from the seed story.
 * Teams and the demo password: `accounts/demo.ts`.
 */
export const DEMO_AGENTS = {
  desk: { id: '01930000-0000-7000-8000-000000020001', employeeNo: '20001', name: '林晓', role: 'agent' },
  wangFang: { id: '01930000-0000-7000-8000-000000010452', employeeNo: '10452', name: '王芳', role: 'agent' },
  liQiang: { id: '01930000-0000-7000-8000-000000010688', employeeNo: '10688', name: '李强', role: 'agent' },
  zhaoMin: { id: '01930000-0000-7000-8000-000000010731', employeeNo: '10731', name: '赵敏', role: 'agent' },
  sunLei: { id: '01930000-0000-7000-8000-000000010815', employeeNo: '10815', name: '孙磊', role: 'agent' },
  qianWei: { id: '01930000-0000-7000-8000-000000023338', employeeNo: '23338', name: '钱伟', role: 'agent' },
  supervisor: { id: '01930000-0000-7000-8000-000000030001', employeeNo: '30001', name: '周婷', role: 'supervisor' },
  supervisor2: { id: '01930000-0000-7000-8000-000000030002', employeeNo: '30002', name: '刘洋', role: 'supervisor' },
  complaints: { id: '01930000-0000-7000-8000-000000040001', employeeNo: '40001', name: '黄蕾', role: 'complaint_centre' },
  admin: { id: '01930000-0000-7000-8000-000000090001', employeeNo: '90001', name: '陈静', role: 'admin' },
} as const satisfies Record<string, Agent>;

export const DESK_AGENT: Agent = DEMO_AGENTS.desk;
