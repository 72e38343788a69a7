// Complaint tickets' rules (domain/complaints.ts): the answer's deadline — 15 days after the day of
// receipt, to its end in China time, whatever the hour the complaint arrived — and what is overdue.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { complaintDueAt, complaintQueue, DEFAULT_COMPLAINT_RESPONSE_DAYS, isComplaintOverdue } from '../../functions/domain/complaints.js';

describe('the response deadline', () => {
  test('15 days after the China date of receipt, to its last millisecond (+08:00)', () => {
    // 2026-12-06 10:00 in China.
    assert.equal(complaintDueAt(new Date('2026-12-06T02:00:00Z'), DEFAULT_COMPLAINT_RESPONSE_DAYS), '2026-12-21T15:59:59.999Z');
  });

  test('the China date counts, not the UTC one: 23:30 on the 6th in China is still the 6th, 00:30 on the 7th is the 7th', () => {
    assert.equal(complaintDueAt(new Date('2026-12-06T15:30:00Z'), 15), '2026-12-21T15:59:59.999Z');
    assert.equal(complaintDueAt(new Date('2026-12-06T16:30:00Z'), 15), '2026-12-22T15:59:59.999Z');
  });

  test('across a month and a year end; the day count is the configured one', () => {
    assert.equal(complaintDueAt(new Date('2026-12-20T04:00:00Z'), 15), '2027-01-04T15:59:59.999Z');
    assert.equal(complaintDueAt(new Date('2027-02-20T04:00:00Z'), 10), '2027-03-02T15:59:59.999Z');
  });
});

describe('overdue', () => {
  const dueAt = '2026-12-21T15:59:59.999Z';
  test('an open ticket past its deadline is overdue; at the deadline it is not', () => {
    assert.equal(isComplaintOverdue({ status: 'RECEIVED', dueAt }, new Date('2026-12-21T16:00:00Z')), true);
    assert.equal(isComplaintOverdue({ status: 'IN_PROGRESS', dueAt }, new Date('2026-12-21T16:00:00Z')), true);
    assert.equal(isComplaintOverdue({ status: 'RECEIVED', dueAt }, new Date(dueAt)), false);
  });

  test('an answered or closed ticket is never overdue', () => {
    assert.equal(isComplaintOverdue({ status: 'ANSWERED', dueAt }, new Date('2027-06-01T00:00:00Z')), false);
    assert.equal(isComplaintOverdue({ status: 'CLOSED', dueAt }, new Date('2027-06-01T00:00:00Z')), false);
  });

  test('received and in-progress tickets are in the open queue', () => {
    assert.deepEqual(['RECEIVED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'].map((status) => complaintQueue(status as 'RECEIVED')), ['OPEN', 'OPEN', 'ANSWERED', 'CLOSED']);
  });
});
