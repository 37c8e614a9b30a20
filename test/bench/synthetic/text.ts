import { type CaseCategory, CaseCategory as CaseCategoryEnum } from '../../../shared';
import { pick } from '../../../main/core/demo/names';

/**
 * Case titles and note bodies in the register agents actually write: short clauses, numbers in
 * ASCII digits, the same handful of business words over and over. The vocabulary is varied enough
 * that a 2-, 3- or 6-character search term has realistic selectivity (a common word hits many
 * notes, a rare phrase a few), which later search measures rely on.
 */

/** The maintained category list, in the contract's order (the weights below follow it). */
export const CATEGORIES: readonly CaseCategory[] = CaseCategoryEnum.options;

/** How often each category comes up, in CATEGORIES order: billing and network dominate. */
const CATEGORY_WEIGHTS = [12, 26, 20, 10, 5, 12, 10, 5];
const CATEGORY_TOTAL = CATEGORY_WEIGHTS.reduce((a, b) => a + b, 0);

export function pickCategory(random: () => number): number {
  let roll = random() * CATEGORY_TOTAL;
  for (let i = 0; i < CATEGORY_WEIGHTS.length; i++) {
    roll -= CATEGORY_WEIGHTS[i]!;
    if (roll < 0) return i;
  }
  return CATEGORY_WEIGHTS.length - 1;
}

const TITLES: Record<CaseCategory, readonly string[]> = {
  points_voucher: ['积分兑换商品未到货', '积分被清零', '话费券无法使用', '积分兑换流量未到账', '会员积分查询'],
  billing: ['本月话费账单异常', '重复扣费', '不明增值业务扣费', '流量超额扣费争议', '申请开具电子发票', '欠费停机咨询'],
  network: ['家中信号差通话中断', '宽带网速慢', '5G信号不稳定', '宽带频繁掉线', '地下车库无信号'],
  promotion: ['咨询合约机优惠活动', '办理宽带融合套餐', '老用户优惠未生效', '流量包促销咨询'],
  conduct_complaint: ['投诉营业厅服务态度', '投诉装维人员迟到', '投诉客服推销骚扰', '投诉工作人员误导办理'],
  plan_change: ['申请套餐降档', '申请套餐升档', '取消副卡', '携号转网咨询', '更换主套餐'],
  device: ['宽带光猫故障', '手机无法识别SIM卡', '机顶盒无信号', '路由器需要更换', '补办SIM卡'],
  other: ['国际漫游咨询', '实名认证信息变更', '过户手续咨询', '停机保号办理'],
};

export function caseTitle(random: () => number, category: CaseCategory): string {
  return pick(random, TITLES[category]);
}

const OPENINGS = [
  '客户来电反映',
  '客户来电称',
  '客户再次来电，表示',
  '客户在线咨询，',
  '客户致电投诉，',
  '回访客户，客户表示',
  '客户来电询问进度，称',
] as const;

/** What the customer says, per category. `#` becomes a small count (days, months, times), `$` an amount. */
const ISSUES: Record<CaseCategory, readonly string[]> = {
  points_voucher: [
    '#天前用积分兑换电饭煲至今未收到',
    '账户内$积分突然被清零',
    '话费券在营业厅无法使用',
    '积分兑换的流量包没有到账',
    '会员等级下降后积分减少了$分',
  ],
  billing: [
    '本月账单比上月多出$元',
    '同一笔费用被重复扣了两次',
    '账单中有一项不明增值业务每月扣$元',
    '上月流量超额被扣$元，认为提醒不及时',
    '需要开具近#个月的电子发票',
    '余额充足却被停机',
  ],
  network: [
    '家中信号很差，通话经常中断',
    '宽带晚上网速只有#兆',
    '5G信号时有时无，手机频繁切换',
    '宽带每天掉线#次以上',
    '小区地下车库完全没有信号',
  ],
  promotion: ['想了解新款手机的合约优惠', '想把宽带和手机合并成融合套餐', '老用户优惠到期后没有自动续上', '看到广告说流量包打#折'],
  conduct_complaint: [
    '营业厅工作人员办理业务时态度冷淡',
    '装维人员预约上午上门却迟到#小时',
    '客服多次来电推销套餐，影响休息',
    '工作人员办理时误导开通了副卡',
  ],
  plan_change: [
    '想从$元套餐降到58元套餐',
    '流量不够用，想升级到$元套餐',
    '要求取消家里的副卡',
    '咨询携号转网需要哪些条件',
    '希望更换为不限量主套餐',
  ],
  device: [
    '光猫指示灯一直闪红灯',
    '换新手机后无法识别SIM卡',
    '机顶盒开机后显示无信号',
    '路由器老化，信号只能覆盖一个房间',
    'SIM卡丢失需要补办',
  ],
  other: ['下周去香港出差，询问漫游流量包', '需要变更实名认证的证件信息', '咨询号码过户需要带哪些材料', '出国#个月，想办理停机保号'],
};

const ACTIONS = [
  '已核对详单',
  '已查询系统记录',
  '已提交工单',
  '已转相关部门核查',
  '已远程重启设备',
  '已为客户登记',
  '已向客户解释收费规则',
  '已申请退费$元',
  '已预约上门维修',
  '已转班长处理',
  '已发送短信告知办理结果',
  '已核实客户身份',
] as const;

const OUTCOMES = [
  '客户表示认可',
  '客户暂不接受，要求#天内回复',
  '承诺#个工作日内回电',
  '客户同意观察三天',
  '问题已解决',
  '客户要求升级处理',
  '客户表示满意',
  '需要客户到营业厅办理',
  '已告知次月生效',
  '客户情绪稳定',
] as const;

const FILLERS = [
  '请后续跟进',
  '再次致歉',
  '已记录客户诉求',
  '客户留有备用联系方式',
  '建议下次来电优先转接原坐席',
  '已在系统备注',
  '客户希望尽快处理',
  '已告知客户处理时限',
  '客户称之前已反映过一次',
  '下次来电请先核实工单进度',
  '客户要求短信通知结果',
  '已提醒客户保留凭证',
] as const;

const MAX_NOTE = 80;

function withNumbers(random: () => number, text: string): string {
  return text.replace('#', String(2 + Math.floor(random() * 8))).replace('$', String(10 * (1 + Math.floor(random() * 30))));
}

/**
 * One note of 30–80 characters about a case of the given category: what the customer said, what
 * was done, how it ended, then a few stock follow-up phrases up to a random target length.
 */
export function noteBody(random: () => number, category: CaseCategory): string {
  const target = 30 + Math.floor(random() * (MAX_NOTE - 30 + 1));
  let body = `${pick(random, OPENINGS)}${withNumbers(random, pick(random, ISSUES[category]))}。`;
  body += `${withNumbers(random, pick(random, ACTIONS))}，${withNumbers(random, pick(random, OUTCOMES))}。`;
  while (body.length < target) {
    const filler = `${pick(random, FILLERS)}。`;
    if (body.length + filler.length > MAX_NOTE) break; // whole phrases only; the shortest is 5, so ≥ 30 is met
    body += filler;
  }
  return body;
}
