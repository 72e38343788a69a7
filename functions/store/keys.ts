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
} as const;
