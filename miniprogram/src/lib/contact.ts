/** The bank's customer service line (客服电话), the one place the number is written. */
export const CUSTOMER_SERVICE_PHONE = '95xxx';
