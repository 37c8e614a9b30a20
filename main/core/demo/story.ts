import type { CoreDeps } from '../context';
import { caseParty, composeMessage } from '../promises/commands';
import { DEMO_AGENTS as A } from './agents';
import {
  INCIDENT_MALL,
  STORY_CONDUCT_CASE_ID as CASE_CONDUCT,
  STORY_CONDUCT_CASE_NUMBER,
  STORY_CUSTOMER_ID,
  STORY_CUSTOMER_NAME,
  STORY_PHONE,
  STORY_REFUND_CASE_ID as CASE_REFUND,
  STORY_REFUND_CASE_NUMBER,
  STORY_VOUCHER_CASE_ID as CASE_VOUCHER,
  STORY_VOUCHER_CASE_NUMBER,
} from './ids';
import { seedWrite } from './write';

const HOUR = 3_600_000;

/**
 * The customer from the complaint that Kept was built for, retold: a 100-yuan top-up, a 50-yuan
 * points voucher that could not be redeemed, six days of calls, a 48-hour callback that never came,
 * three different answers, and agent 23338. Times are relative to `now`, so the story is always fresh.
 */
export async function seedStory(deps: CoreDeps): Promise<void> {
  // Day 0 is midnight in Beijing six days ago, so each call falls at a plausible local hour.
  const BEIJING = 8 * HOUR;
  const today = Math.floor((deps.now().getTime() + BEIJING) / (24 * HOUR)) * 24 * HOUR - BEIJING;
  const day0 = today - 6 * 24 * HOUR;
  const at = (day: number, hour: number, minute = 0) => new Date(day0 + day * 24 * HOUR + hour * HOUR + minute * 60_000).toISOString();
  const monthDay = (day: number) => {
    const d = new Date(day0 + day * 24 * HOUR + BEIJING);
    return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  };
  let n = 0;
  const id = (tag: string) => `01930000-0000-7000-8001-${tag}${String(++n).padStart(12 - tag.length, '0')}`;

  await seedWrite(deps, A.wangFang, 'customers.create', {
    id: STORY_CUSTOMER_ID,
    name: STORY_CUSTOMER_NAME,
    phone: STORY_PHONE,
    tier: 'silver',
    at: new Date(day0 - 60 * 24 * HOUR).toISOString(),
  });
  await seedWrite(deps, A.wangFang, 'promotions.record', {
    id: id('e'),
    customerId: STORY_CUSTOMER_ID,
    name: '预存100元送50元积分兑换券',
    prepaidAmount: 100,
    voucherValue: 50,
    joinedAt: new Date(day0 - 40 * 24 * HOUR).toISOString(),
    voucherExpiresAt: at(3, 23, 59),
  });
  await seedWrite(deps, A.wangFang, 'cases.create', {
    id: CASE_VOUCHER,
    number: STORY_VOUCHER_CASE_NUMBER,
    customerId: STORY_CUSTOMER_ID,
    title: '50元积分兑换券无法兑换：指定门店缺货，兑换网站“系统升级中”',
    category: 'points_voucher',
    priority: 'high',
    level: 1,
    at: at(0, 10, 12),
  });

  // The commitments earlier agents made on the voucher case, as Kept would have recorded them.
  const recordCommitment = async (
    agent: (typeof A)[keyof typeof A],
    wording: string,
    kind: 'callback' | 'information',
    when: string,
    dueAt: string,
  ) => {
    const party = await caseParty(deps, CASE_VOUCHER);
    await seedWrite(deps, agent, 'commitments.create', {
      id: id('d'),
      caseId: CASE_VOUCHER,
      customerId: STORY_CUSTOMER_ID,
      kind,
      fromOffer: null,
      wording,
      amount: null,
      dueAt,
      supplied: {},
      decisionId: id('d'),
      message: composeMessage('commitment_created', 'zh-CN', party, wording, dueAt, agent.employeeNo),
      at: when,
    });
  };

  const call = async (
    agent: (typeof A)[keyof typeof A],
    when: string,
    body: string,
    caseIds: string[],
    direction: 'inbound' | 'outbound' = 'inbound',
  ): Promise<string> => {
    const contactId = id('a');
    await seedWrite(deps, agent, 'contacts.log', {
      id: contactId,
      customerId: STORY_CUSTOMER_ID,
      caseIds,
      channel: 'phone',
      direction,
      startedAt: when,
      note: { id: id('b'), body },
    });
    return contactId;
  };

  await call(
    A.wangFang,
    at(0, 10, 12),
    '客户2月预存话费100元，参加“预存100元送50元积分兑换券”活动，3月收到兑换券凭证码，须在本月21日前到指定网点兑换。' +
      '客户曾去两家超市兑换未成功，来电询问兑换地点。已告知就近的中山八路屈臣氏门店。',
    [CASE_VOUCHER],
  );
  await call(
    A.liQiang,
    at(0, 16, 40),
    '客户到中山八路屈臣氏门店兑换，店员称50元兑换卡已无库存。客户担心兑换期限将到。已登记工单，承诺48小时内回电答复。',
    [CASE_VOUCHER],
  );
  await seedWrite(deps, A.liQiang, 'facts.pin', {
    id: id('f'),
    customerId: STORY_CUSTOMER_ID,
    caseId: CASE_VOUCHER,
    noteId: null,
    body: `${monthDay(0)}客户已到指定门店（中山八路屈臣氏）兑换：50元兑换卡无库存`,
    at: at(0, 16, 45),
  });
  await seedWrite(deps, A.supervisor, 'incidents.create', {
    id: INCIDENT_MALL,
    title: '积分商城兑换系统升级维护',
    description: '积分商城在线兑换功能升级维护中，页面显示“系统升级中”，兑换券无法在线兑换。恢复时间待定。',
    categories: ['points_voucher', 'promotion'],
    guidance:
      '如实告知客户积分商城正在维护、恢复时间未定，不要建议客户“晚上再试”。为受影响客户登记兑换券延期，并以短信书面确认延期后的截止日期。',
    startsAt: at(1, 8, 0),
    endsAt: null,
    at: at(1, 8, 0),
  });
  await recordCommitment(A.liQiang, '在48小时内回电，答复50元积分兑换券的兑换办法', 'callback', at(0, 16, 42), at(2, 16, 42));
  await call(
    A.sunLei,
    at(1, 11, 30),
    '回访客户：告知凭证码兑换期限可延期7天。通话中信号不好断线，未能回拨成功。',
    [CASE_VOUCHER],
    'outbound',
  );
  await recordCommitment(A.sunLei, '为您的50元积分兑换券办理延期7天，并短信告知新的截止日期', 'information', at(1, 11, 35), at(2, 11, 35));
  await call(
    A.zhaoMin,
    at(1, 20, 5),
    '客户来电：未收到延期确认。建议客户登录积分商城在线兑换，客户反映网站显示“系统升级中”。已建议客户晚上9点后再试。',
    [CASE_VOUCHER],
  );
  await seedWrite(deps, A.zhaoMin, 'notes.add', {
    id: id('b'),
    caseId: CASE_VOUCHER,
    body: '晚上9点后客户再次尝试，积分商城仍显示“系统升级中”，无法兑换。',
    at: at(1, 21, 20),
  });
  await seedWrite(deps, A.zhaoMin, 'facts.pin', {
    id: id('f'),
    customerId: STORY_CUSTOMER_ID,
    caseId: CASE_VOUCHER,
    noteId: null,
    body: `积分商城自${monthDay(1)}起一直显示“系统升级中”，晚9点后重试仍无法兑换`,
    at: at(1, 21, 25),
  });
  await call(
    A.wangFang,
    at(2, 19, 40),
    '客户第三次来电：48小时回电未收到，积分商城仍在升级。客户要求将50元积分直接转为话费。已登记并向上级反映。',
    [CASE_VOUCHER],
  );
  await call(
    A.sunLei,
    at(3, 9, 15),
    '回电客户：积分不能转换为话费，只能为兑换券办理延期。请客户按流程重新获取凭证码。',
    [CASE_VOUCHER],
    'outbound',
  );
  const blamedCustomer = await call(
    A.qianWei,
    at(4, 14, 20),
    '客户反映重新获取的凭证码兑换期限仍是21日，未见延期。坐席称门店缺货“不是我们的问题”，并称客户所述为一面之词；' +
      '又称兑换期限已延期至5月31日，让客户放心去兑换。客户对答复不认可，要求书面确认。',
    [CASE_VOUCHER],
  );
  await seedWrite(deps, A.liQiang, 'cases.create', {
    id: CASE_CONDUCT,
    number: STORY_CONDUCT_CASE_NUMBER,
    customerId: STORY_CUSTOMER_ID,
    title: '投诉工号23338坐席服务态度：将问题归咎于客户',
    category: 'conduct_complaint',
    priority: 'high',
    level: 2,
    // The call where agent 23338 blamed the customer: the complaint is about it, and hidden from him.
    complaint: { contactId: blamedCustomer, escalationId: id('c') },
    at: at(5, 10, 0),
  });
  await seedWrite(deps, A.liQiang, 'cases.create', {
    id: CASE_REFUND,
    number: STORY_REFUND_CASE_NUMBER,
    customerId: STORY_CUSTOMER_ID,
    title: '要求退出预存送积分活动并退还预存话费',
    category: 'promotion',
    priority: 'high',
    level: 1,
    at: at(5, 10, 2),
  });
  await call(
    A.liQiang,
    at(5, 10, 0),
    '客户第六次来电，情绪激动：六天来每次来电都要重新解释一遍；三位坐席给出三种说法（延期7天、延期到5月31日、不能转话费）。' +
      '客户要求退出活动并退还预存话费，按现行口径未能受理。客户要求赔偿耽误的时间，并表示将向工信部申诉。已就23338坐席态度问题登记投诉。',
    [CASE_VOUCHER, CASE_REFUND, CASE_CONDUCT],
  );
  await seedWrite(deps, A.liQiang, 'facts.pin', {
    id: id('f'),
    customerId: STORY_CUSTOMER_ID,
    caseId: null,
    noteId: null,
    body: '客户只相信书面答复：任何承诺请同时以短信书面确认',
    at: at(5, 10, 20),
  });
}
