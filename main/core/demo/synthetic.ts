import { type CaseCategory, newCaseNumber } from '../../../shared';
import type { CoreDeps } from '../context';
import { DEMO_AGENTS } from './agents';
import { STORY_PHONE } from './ids';
import { chineseName, mobileNumber, pick, seededRandom } from './names';
import { seedWrite } from './write';

const TOPICS: ReadonlyArray<{ category: CaseCategory; title: string; notes: readonly string[] }> = [
  {
    category: 'billing',
    title: '本月话费账单异常',
    notes: ['客户反映本月账单比上月多出38元，已核对详单，发现开通了增值业务。', '已为客户退订增值业务，说明下月账单恢复正常。'],
  },
  {
    category: 'network',
    title: '家中信号差，通话经常中断',
    notes: ['客户住址附近信号弱，已提交网络优化工单。', '网络部门回复基站调整已完成，请客户观察三天。'],
  },
  {
    category: 'points_voucher',
    title: '积分兑换商品未到货',
    notes: ['客户10天前用积分兑换电饭煲，至今未收到。已查询物流。', '物流显示已签收，客户否认收到，已转物流核查。'],
  },
  {
    category: 'promotion',
    title: '咨询合约机优惠活动',
    notes: ['客户咨询新款手机合约优惠，已介绍两档套餐。', '客户选择128元档，已预约到营业厅办理。'],
  },
  { category: 'plan_change', title: '申请套餐降档', notes: ['客户申请从128元套餐降到58元套餐，已说明次月生效。'] },
  {
    category: 'device',
    title: '宽带光猫故障',
    notes: ['客户光猫指示灯异常，已远程重启无效，预约上门维修。', '维修人员已更换光猫，客户确认恢复上网。'],
  },
  { category: 'conduct_complaint', title: '投诉坐席服务态度', notes: ['客户投诉上次来电的坐席态度冷淡，已记录并转班长处理。'] },
  {
    category: 'other',
    title: 'Roaming data question',
    notes: ['Customer travelling to Hong Kong next week asked about roaming data packs; explained the 7-day pack.'],
  },
];

const FIELD_AGENTS = [
  DEMO_AGENTS.wangFang,
  DEMO_AGENTS.liQiang,
  DEMO_AGENTS.zhaoMin,
  DEMO_AGENTS.sunLei,
  DEMO_AGENTS.qianWei,
  DEMO_AGENTS.desk,
];
const TIERS = ['standard', 'standard', 'standard', 'silver', 'gold', 'platinum'] as const;
const DAY = 86_400_000;

/** About `count` invented customers with Chinese names, each with a case or two and a few calls. */
export async function seedSynthetic(deps: CoreDeps, count: number, seed = 20261126): Promise<void> {
  const random = seededRandom(seed);
  const now = deps.now().getTime();
  const usedPhones = new Set<string>([STORY_PHONE]);
  let serial = 0;
  const id = () => `01930000-0000-7000-8002-${(++serial).toString(16).padStart(12, '0')}`;

  for (let i = 0; i < count; i++) {
    let phone = mobileNumber(random);
    while (usedPhones.has(phone)) phone = mobileNumber(random);
    usedPhones.add(phone);
    const customerId = id();
    const since = now - Math.floor(30 + random() * 300) * DAY;
    await seedWrite(deps, DEMO_AGENTS.desk, 'customers.create', {
      id: customerId,
      name: chineseName(random),
      phone,
      tier: pick(random, TIERS),
      at: new Date(since).toISOString(),
    });
    const caseCount = 1 + Math.floor(random() * 2);
    for (let c = 0; c < caseCount; c++) {
      const topic = pick(random, TOPICS);
      const caseId = id();
      const agent = pick(random, FIELD_AGENTS);
      let when = now - Math.floor(1 + random() * 25) * DAY - Math.floor(random() * DAY);
      // A conduct complaint is about an earlier call, taken by another agent.
      const complaint =
        topic.category === 'conduct_complaint'
          ? {
              contactId: id(),
              escalationId: id(),
              agent: pick(
                random,
                FIELD_AGENTS.filter((a) => a.id !== agent.id),
              ),
            }
          : null;
      if (complaint)
        await seedWrite(deps, complaint.agent, 'contacts.log', {
          id: complaint.contactId,
          customerId,
          caseIds: [],
          channel: 'phone',
          direction: 'inbound',
          startedAt: new Date(when - 3_600_000).toISOString(),
          note: null,
        });
      await seedWrite(deps, agent, 'cases.create', {
        id: caseId,
        number: newCaseNumber(random),
        customerId,
        title: topic.title,
        category: topic.category,
        priority: random() < 0.2 ? 'high' : 'normal',
        level: complaint ? 2 : 1,
        ...(complaint ? { complaint: { contactId: complaint.contactId, escalationId: complaint.escalationId } } : {}),
        at: new Date(when).toISOString(),
      });
      for (const body of topic.notes) {
        await seedWrite(deps, pick(random, FIELD_AGENTS), 'contacts.log', {
          id: id(),
          customerId,
          caseIds: [caseId],
          channel: random() < 0.85 ? 'phone' : 'chat',
          direction: 'inbound',
          // Calls happen in the past: a later note of a recent case must not land ahead of the clock.
          startedAt: new Date(Math.min(when, now - 60_000)).toISOString(),
          note: { id: id(), body },
        });
        when += Math.floor(random() * 2 * DAY) + 3_600_000;
      }
    }
  }
}
