/** The bank's customer service line (客服电话): set per bank at build time (JINLIN_SERVICE_PHONE,
 *  README); the demo build shows the demo number. */
export const CUSTOMER_SERVICE_PHONE = CUSTOMER_SERVICE_PHONE_NUMBER;
