/** 有团队服务器的工位：用服务器账号解锁（仅桌面端；属于中文目录）。 */
export const deskPeopleZhCN = {
  title: '用团队服务器账号解锁',
  intro: '输入您在团队服务器上的工号和密码（不是本工位的 PIN）。解锁后，您在本工位的记录都以您的账号同步。',
  employeeNo: '工号',
  password: '密码',
  pin: '本工位 PIN（可选，4–8 位数字）',
  pinHint: '设置后，下次可在本工位用 PIN 解锁，断网时也可以。',
  submit: '登录并解锁',
  submitting: '正在登录…',
  pinShape: 'PIN 为 4 到 8 位数字。',
  taken: '本工位已有使用该工号的本地档案，无法以此服务器账号解锁。请联系管理员。',
};
