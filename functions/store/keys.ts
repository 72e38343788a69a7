// Single-table key layout. Every item's PK/SK is built here and nowhere else.
export const keys = {
  customer: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'PROFILE' }),
  openid: (openid: string) => ({ PK: `WXOPENID#${openid}`, SK: 'WXOPENID' }),
  phone: (phoneHash: string) => ({ PK: `PHONE#${phoneHash}`, SK: 'PHONE' }),
  idNumber: (idHash: string) => ({ PK: `IDNO#${idHash}`, SK: 'IDNO' }),
  card: (cardHash: string) => ({ PK: `CARD#${cardHash}`, SK: 'CARD' }),
  refreshToken: (tokenHash: string) => ({ PK: `RT#${tokenHash}`, SK: 'RT' }),
  refreshFamily: (familyId: string) => ({ PK: `RTF#${familyId}`, SK: 'RTF' }),
  balance: (accountId: string) => ({ PK: `ACCT#${accountId}`, SK: 'BALANCE' }),
  posting: (accountId: string, createdAt: string, journalId: string) => ({
    PK: `ACCT#${accountId}`,
    SK: `POST#${createdAt}#${journalId}`,
  }),
  postingPrefix: 'POST#',
  limitCounter: (accountId: string, bucket: string) => ({ PK: `ACCT#${accountId}`, SK: `LIMIT#${bucket}` }),
  journal: (journalId: string) => ({ PK: `JRNL#${journalId}`, SK: 'JOURNAL' }),
  idempotency: (scope: string, key: string) => ({ PK: `IDEM#${scope}#${key}`, SK: 'IDEM' }),
  config: (name: 'LPR' | 'BUSINESS_DATE') => ({ PK: 'CONFIG', SK: name }),
  loanProductCurrent: (productId: string) => ({ PK: 'LOANPRODUCT', SK: `CURRENT#${productId}` }),
  loanProductCurrentPrefix: 'CURRENT#',
  loanProductVersion: (productId: string, version: number) => ({
    PK: 'LOANPRODUCT',
    SK: `VERSION#${productId}#${String(version).padStart(5, '0')}`,
  }),
  loanApplication: (customerId: string, createdAt: string, applicationId: string) => ({
    PK: `CUST#${customerId}`,
    SK: `LOANAPP#${createdAt}#${applicationId}`,
  }),
  loanApplicationPrefix: 'LOANAPP#',
  creditLine: (customerId: string, productId: string) => ({ PK: `CUST#${customerId}`, SK: `CREDITLINE#${productId}` }),
  creditLinePrefix: 'CREDITLINE#',
  loan: (customerId: string, loanId: string) => ({ PK: `CUST#${customerId}`, SK: `LOAN#${loanId}` }),
  loanPrefix: 'LOAN#',
  /** Active loans, sharded so the day close can list them without one hot partition. */
  activeLoan: (shard: number, loanId: string) => ({ PK: `ACTIVELOANS#${String(shard).padStart(2, '0')}`, SK: loanId }),
  activeLoanShard: (shard: number) => `ACTIVELOANS#${String(shard).padStart(2, '0')}`,
  payoffQuote: (customerId: string, loanId: string) => ({ PK: `CUST#${customerId}`, SK: `PAYOFFQUOTE#${loanId}` }),
} as const;
