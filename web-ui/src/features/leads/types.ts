export const LEAD_STATUSES = ['NEW', 'IN_PROGRESS', 'CLOSED_WON', 'CLOSED_LOST'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_SOURCES = ['WEB', 'REFERRAL', 'EVENT', 'PARTNER', 'OUTBOUND', 'OTHER'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export interface Lead {
  id: string;
  customerId: string;
  customerName: string | null;
  title: string;
  source: LeadSource;
  /** A decimal string in the currency's minor unit ("12500.00", "3000" for JPY). */
  value: string;
  currency: string;
  status: LeadStatus;
  lostReason: string | null;
  assignedTo: string | null;
  assigneeName: string | null;
  /** Null until the lead is first scored. */
  score: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** What a user edits (the value as typed). */
export interface LeadInput {
  title: string;
  source: LeadSource;
  value: string;
  currency: string;
}

export interface NewLeadInput extends LeadInput {
  customerId: string;
  assignee?: string;
}

export type LeadSort = 'created' | 'value' | 'score';

/** The list's filters as the URL holds them; '' = any. `assignee` is a user id, 'me', or ''. */
export interface LeadListArgs {
  status: LeadStatus | '';
  assignee: string;
  source: LeadSource | '';
  q: string;
  sort: LeadSort;
}

export interface BoardArgs {
  assignee: string;
  source: LeadSource | '';
  q: string;
}

export interface MoneyTotal {
  currency: string;
  value: string;
}

export interface BoardColumn {
  status: LeadStatus;
  count: number;
  totals: MoneyTotal[];
  items: Lead[];
  nextCursor: string | null;
}

export interface Board {
  columns: BoardColumn[];
}

export interface Assignee {
  id: string;
  username: string;
  name: string;
}

export interface ScoreFactor {
  name: string;
  points: number;
  reason: string;
}

/** A lead's score; null (with no factors) until it is first computed, seconds after the lead's creation. */
export interface LeadScore {
  score: number | null;
  ruleSetVersion: string | null;
  computedAt: string | null;
  factors: ScoreFactor[];
  /** The lead is about to be scored (again: it or its customer changed since). */
  pending?: boolean;
}

export interface ScorePoint {
  score: number;
  ruleSetVersion: string;
  computedAt: string;
}
