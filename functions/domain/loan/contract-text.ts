// The loan contract (个人借款合同) a borrower reads and agrees to at drawdown. The server publishes
// the text and its version (GET /v1/loan-contract); a drawdown citing any other version is
// refused, and the version agreed to is stored with the loan, so what was signed is always a
// text the bank can show. A new text is a new version here, never an edit of a published one.
// The figures of each loan — amount, term, rates, schedule — are the ones the drawdown page
// shows from the server before the customer confirms; the text refers to them.
import { LOAN_CONTRACT_VERSION } from './contract-version.js';
import { DAY_COUNT_BASIS } from './day-count.js';

export interface LoanContractText {
  textVersion: string;
  title: string;
  /** Clauses in order, each shown as its own paragraph. */
  clauses: readonly string[];
}

/** The version in force. */
export const LOAN_CONTRACT: LoanContractText = {
  textVersion: LOAN_CONTRACT_VERSION,
  title: '近邻银行个人借款合同',
  clauses: [
    '第一条 合同双方。贷款人为近邻银行股份有限公司（以下简称“贷款人”），借款人为通过近邻银行小程序完成实名认证并确认本合同的客户（以下简称“借款人”）。',
    '第二条 借款金额、期限与用途。借款金额、借款期限、还款方式及借款用途以借款人在借款页面确认的内容为准。借款人承诺借款资金仅用于所申请的合法用途，不用于购房、证券、期货、理财等投资，不用于任何违法活动。',
    '第三条 利率与年化利率。借款年利率为借款人额度核定的年利率，在本合同有效期内固定不变。借款页面同时展示按内部收益率法（IRR）计算的年化利率，二者以借款人确认时展示的为准。',
    '第四条 放款。贷款人将借款发放至借款人本人的近邻银行电子账户，放款金额以放款流水为准。',
    '第五条 还款计划。借款人按借款页面展示的还款计划，在每期还款日归还当期本金和利息；每期利息按期初剩余本金乘以年利率除以十二计算，不因当月天数不同而变化。还款日当日归还的，按还款计划执行，不另收费用。',
    `第六条 提前还款。借款人可在任一还款日之前提前归还部分或全部本金，无需支付违约金。提前归还的本金，其利息按当期已实际经过的天数计算，日利率为年利率除以${DAY_COUNT_BASIS.daysPerYear}（实际天数/${DAY_COUNT_BASIS.daysPerYear}）；提前结清全部借款时亦按此计算。部分提前还款后，借款人可选择“减少月供”（期限不变，每期还款额降低）或“缩短期限”（每期还款额不变，期数减少），贷款人在借款人确认前展示新的还款计划及其年化利率，确认后的新还款计划构成本合同的一部分。`,
    '第七条 冷静期。放款之日起的冷静期（天数以借款页面展示为准）内，借款人以任何方式归还借款的，均不收取利息。',
    `第八条 逾期。借款人未按期还款的，自逾期之日起对逾期本金按罚息利率计收罚息（在年利率基础上上浮，上浮比例以产品约定为准），罚息日利率为罚息年利率除以${DAY_COUNT_BASIS.daysPerYear}，利息与罚息合计不超过法律规定的上限。贷款人可从借款人的电子账户中扣收到期应还款项，并按规定报送征信。`,
    '第九条 延期还款。借款人因疾病、收入中断、灾害等原因暂时无法还款的，可在借款页面申请一次延期还款，延期方案及其年化利率经借款人确认后生效。',
    '第十条 信息与隐私。贷款人依法收集、使用和保护借款人的个人信息，仅用于本次借款的审批、发放、还款及贷后管理。',
    '第十一条 争议解决。本合同适用中华人民共和国法律。因本合同发生的争议，双方协商解决；协商不成的，向贷款人所在地有管辖权的人民法院起诉。',
    '第十二条 合同生效。借款人在借款页面阅读本合同、勾选同意并通过支付密码确认后，本合同即告成立，自借款发放之日起生效。',
  ],
};
