// Demo data, safe to run any number of times: the house accounts' shards, the two loan
// products, the demo billers, the wealth products (with NAV history), and two demo customers with open accounts, written through the store code the API uses;
// then the demo relationship managers and the console's demo operators.
import { DEFAULT_RISK_RULE_SET } from '../../functions/domain/risk-rules.js';
import { putRiskRuleSet } from '../../functions/store/movement-risk.js';
import { putWatchList } from '../../functions/store/watch-list.js';
import type { WatchList } from '../../functions/domain/name-screening.js';
import { simulatorWechat } from '../../functions/adapters/simulators/wechat.js';
import { config } from '../../functions/config.js';
import { accountNumberFrom } from '../../functions/domain/account-number.js';
import { searchableAccountNumber, searchableName } from '../../functions/domain/customer-service.js';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { HOUSE_ACCOUNTS, topUpJournal } from '../../functions/domain/ledger.js';
import { maskCardNumber, maskIdNumber, maskName, maskPhone } from '../../functions/domain/masking.js';
import { getAccount, openAccount, putAccountNumberIndex } from '../../functions/store/accounts.js';
import { encrypt, lookupHash } from '../../functions/store/crypto.js';
import { bindPhone, findOrCreateByOpenid, getCustomer, putNameIndex, savePinHashItem, setRealName } from '../../functions/store/customers.js';
import { deterministicJournalId, houseShard, openHouseAccount, postJournal } from '../../functions/store/ledger.js';
import { hashPin } from '../../functions/store/pin-hash.js';
import { transactWrite } from '../../functions/store/transact.js';
import { SEED_LOAN_PRODUCTS } from '../../functions/domain/loan/product.js';
import { seedProduct } from '../../functions/store/loans.js';
import { seedBills } from './seed-bills.js';
import { seedPartners } from './seed-partners.js';
import { seedOperators } from './seed-operators.js';
import { seedRelationshipManagers } from './seed-rm.js';
import { seedWealth } from './seed-wealth.js';
import { rerateCustomer } from '../../functions/services/customer-risk-rating.js';

export interface DemoCustomer {
  simulatorUser: string;
  name: string;
  phone: string;
  idBody: string;
  pin: string;
  cardBody: string;
  openingBalanceFen: number;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  { simulatorUser: 'demo', name: '林晓', phone: '13800138000', idBody: '11010519880512004', pin: '258036', cardBody: '622202000012345678', openingBalanceFen: 1_288_800 },
  { simulatorUser: 'demo-payee', name: '陈静', phone: '13900139000', idBody: '31010419920818006', pin: '369147', cardBody: '621700000087654321', openingBalanceFen: 50_000 },
];

/** Opens the bank's house accounts (each product's wealth custody is opened with the product). */
async function seedHouseShards(): Promise<void> {
  for (const house of Object.values(HOUSE_ACCOUNTS)) {
    if (house !== HOUSE_ACCOUNTS.WEALTH_CUSTODY) await openHouseAccount(house, config().HOUSE_SHARDS);
  }
}

async function seedCustomer(demo: DemoCustomer, now: Date): Promise<void> {
  const session = await simulatorWechat(config().WECHAT_APPID).code2Session(`sim-login.${demo.simulatorUser}`);
  const { customer } = await findOrCreateByOpenid(session!.openid, now);
  const id = customer.customerId;
  const idNumber = demo.idBody + idCheckChar(demo.idBody);
  const cardNumber = demo.cardBody + luhnCheckDigit(demo.cardBody);
  if (!customer.phoneHash) {
    await bindPhone(id, { hash: await lookupHash('phone', demo.phone), enc: await encrypt(demo.phone), masked: maskPhone(demo.phone) });
  }
  if (!customer.realNameVerifiedAt) {
    await setRealName(
      id,
      {
        idHash: await lookupHash('id', idNumber),
        nameHash: await lookupHash('name', searchableName(demo.name)),
        nameEnc: await encrypt(demo.name),
        nameMasked: maskName(demo.name),
        idNumberEnc: await encrypt(idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        birthYear: Number(demo.idBody.slice(6, 10)),
      },
      now,
    );
    await rerateCustomer(id, now);
  }
  if (!customer.pinHash) await transactWrite([savePinHashItem(id, await hashPin(id, demo.pin), undefined, config().PIN_MAX_ATTEMPTS, now)]);
  const current = await getCustomer(id);
  let accountId = current!.accountId;
  const accountNumber = accountNumberFrom(demo.idBody.slice(-12));
  const accountNumberHash = await lookupHash('account-number', searchableAccountNumber(accountNumber));
  if (!accountId) {
    accountId = `demo-${demo.simulatorUser}`;
    await openAccount({
      accountId,
      ownerCustomerId: id,
      accountNumberMasked: `${accountNumber.slice(0, 4)} **** **** ${accountNumber.slice(-4)}`,
      accountNumberEnc: await encrypt(accountNumber),
      accountClass: 'II',
      balanceFen: 0,
      status: 'ACTIVE',
      boundCard: { bankName: '中国工商银行', cardNumberMasked: maskCardNumber(cardNumber), cardNumberEnc: await encrypt(cardNumber) },
      openedAt: now.toISOString(),
    }, accountNumberHash, []);
  }
  const account = await getAccount(accountId);
  if (!account) throw new Error(`demo account ${accountId} missing`);
  // The service desk's blind indexes, for a table seeded before they existed (again: no change).
  await putNameIndex(id, await lookupHash('name', searchableName(demo.name)));
  await putAccountNumberIndex(account, accountNumberHash);
  // The opening balance arrives as an ordinary top-up journal; its id is fixed, so a second
  // seed run finds it already there and changes nothing.
  const journalId = deterministicJournalId('seed', demo.simulatorUser, 'opening-balance');
  const outcome = await postJournal(
    topUpJournal({
      journalId,
      customerAccountId: accountId,
      cardMasked: `中国工商银行 ${cardNumber.slice(-4)}`,
      houseShardAccountId: houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, config().HOUSE_SHARDS),
      amountFen: demo.openingBalanceFen,
      createdAt: now.toISOString(),
    }),
  );
  if (!outcome.ok) throw new Error(`demo opening balance refused: ${outcome.reason}`);
}

/** Watch lists to screen against, made up for the demo (no real list's entries): 名单管理 shows them
 *  and a customer signing up as one of them raises an alert. */
const DEMO_WATCH_LIST: WatchList = {
  version: 1,
  entries: [
    { entryId: 'DEMO-T-0001', name: '艾山·买买提', list: 'TERRORIST', source: '演示数据（虚构）：涉恐名单公告' },
    { entryId: 'DEMO-S-0001', name: '歐陽建國', list: 'SANCTIONS', source: '演示数据（虚构）：制裁名单' },
    { entryId: 'DEMO-I-0001', name: '赵德柱', list: 'INTERNAL', source: '演示数据（虚构）：本行关注名单' },
  ],
};

export async function seedDemo(now = new Date()): Promise<void> {
  await seedHouseShards();
  // The anti-fraud rules a bank starts with, as the data the console will manage.
  await putRiskRuleSet(DEFAULT_RISK_RULE_SET);
  await putWatchList(DEMO_WATCH_LIST);
  for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, now);
  await seedBills(now);
  await seedPartners(now);
  await seedWealth(now);
  for (const demo of DEMO_CUSTOMERS) await seedCustomer(demo, now);
  await seedRelationshipManagers(now);
  await seedOperators(now);
}
