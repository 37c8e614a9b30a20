/** The supervisors' list of sync conflicts (part of the Chinese catalog; English in conflicts.en.ts). */
export const syncConflictsZhCN = {
  title: '同步冲突',
  description: '离线坐席回到线上后，服务器没有直接写入的改动：请核对后再处理。',
  loading: '正在读取同步冲突…',
  failed: '同步冲突没有读到：{{reason}}',
  none: '没有待处理的同步冲突。',
  kind: {
    stale_field: '字段已被他人修改',
    policy_changed: '离线时的政策版本不同',
  },
  entity: {
    case: '工单',
    customer: '客户',
    commitment: '承诺',
    escalation: '升级',
  },
  field: {
    title: '标题',
    category: '类别',
    priority: '优先级',
    status: '状态',
    name: '姓名',
    tier: '等级',
    policy_version: '政策版本',
  },
  theirs: '服务器保留',
  ours: '坐席提交',
  by: '{{name}}（工号 {{employeeNo}}）',
  desk: '终端 {{clientId}}',
  baseVersion: '基于第 {{version}} 版',
  columns: {
    when: '时间',
    what: '内容',
    values: '两个值',
    who: '提交人',
  },
};
