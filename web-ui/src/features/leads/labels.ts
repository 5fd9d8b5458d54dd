import type { LeadSource, LeadStatus } from './types';

export const STATUS_LABELS: Record<LeadStatus, string> = {
  NEW: 'New',
  IN_PROGRESS: 'In progress',
  CLOSED_WON: 'Won',
  CLOSED_LOST: 'Lost',
};

export const SOURCE_LABELS: Record<LeadSource, string> = {
  WEB: 'Web',
  REFERRAL: 'Referral',
  EVENT: 'Event',
  PARTNER: 'Partner',
  OUTBOUND: 'Outbound',
  OTHER: 'Other',
};

export const STATUS_COLORS: Record<LeadStatus, 'default' | 'primary' | 'success' | 'error'> = {
  NEW: 'default',
  IN_PROGRESS: 'primary',
  CLOSED_WON: 'success',
  CLOSED_LOST: 'error',
};
