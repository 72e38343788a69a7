import { describe, expect, test } from '@jest/globals';
import { render } from '@testing-library/react';
import { ServicePhone } from '@/components/ServicePhone';
import { CUSTOMER_SERVICE_PHONE } from '@/lib/contact';

/** The line's two texts: what leads to the number, and the number. */
function parts(): string[] {
  const line = document.getElementById('service-phone')!;
  return Array.from(line.children, (child) => child.textContent ?? '');
}

describe('ServicePhone', () => {
  // The line is a flex row: each text is a flex item, and a browser drops the ordinary spaces at
  // an item's ends (H5 showed 客服电话95xxx). A no-break space is text, never dropped.
  test.each([
    [undefined, '遇到问题？'],
    ['如需帮助，请拨打', '如需帮助，请拨打'],
    ['', ''],
  ])('lead %p: 客服电话, a no-break space, then the number', (lead, shown) => {
    render(<ServicePhone {...(lead === undefined ? {} : { lead })} />);
    expect(parts()).toEqual([`${shown}客服电话\u00a0`, CUSTOMER_SERVICE_PHONE]);
    expect(document.getElementById('service-phone')).toHaveTextContent(`${shown}客服电话 ${CUSTOMER_SERVICE_PHONE}`);
  });
});
