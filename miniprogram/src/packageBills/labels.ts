// Display text the bill pages share: a glyph per category, and the status tag's style.
import type { BillPaymentView } from '@contract/bill-schemas';

export const CATEGORY_GLYPHS: Record<BillPaymentView['category'], string> = {
  WATER: '水',
  ELECTRICITY: '电',
  GAS: '气',
  PHONE: '话',
  BROADBAND: '网',
  SOCIAL_SECURITY: '社',
  HOUSING_FUND: '积',
  MEDICAL_INSURANCE: '医',
  PROPERTY_FEE: '物',
  TUITION: '学',
};

export function statusClass(status: BillPaymentView['status']): string {
  return `status-tag status-tag--${status.toLowerCase()}`;
}
