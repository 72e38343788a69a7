// Display helpers of the managers' area: dates from the server's ISO times, period choices.
import { formatDateTime } from '@/lib/time';

export const PERIODS = [
  { days: 7, label: '近7天' },
  { days: 30, label: '近30天' },
  { days: 90, label: '近90天' },
] as const;

export const LINK_DAYS = [
  { days: 7, label: '7天' },
  { days: 30, label: '30天' },
  { days: 90, label: '90天' },
  { days: null, label: '长期有效' },
] as const;

export const dateOf = (iso: string | null): string => (iso ? formatDateTime(iso).slice(0, 10) : '长期有效');
