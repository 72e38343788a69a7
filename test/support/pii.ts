// Privacy scan: no response body any handler gave in this test process carries a full phone
// number, legal name, ID number or card number (PIPL: only masked forms may leave the server).
import assert from 'node:assert/strict';
import { transcript } from './bank.js';
import { onboarded } from './customers.js';

/** The full personal values of every customer `onboard` created, plus any given. */
export function personalValues(extra: Iterable<string> = []): Set<string> {
  const values = new Set<string>(extra);
  for (const who of onboarded) {
    values.add(who.phone);
    values.add(who.idNumber);
    values.add(who.cardNumber);
    if ([...who.name].length >= 2) values.add(who.name); // the masked form keeps the first character
  }
  return values;
}

export function assertNoPersonalDataInResponses(extra: Iterable<string> = []): void {
  // The WeChat simulator's own codes carry the phone by design; it never runs in production.
  const responses = transcript.filter((r) => !r.path.startsWith('/v1/sim/'));
  const values = [...personalValues(extra)];
  assert.ok(responses.length > 0 && values.length > 0, 'nothing to scan');
  for (const response of responses) {
    const body = response.body.toUpperCase();
    for (const value of values) {
      assert.ok(!body.includes(value.toUpperCase()), `${response.method} ${response.path} answered with ${value}`);
    }
  }
}
