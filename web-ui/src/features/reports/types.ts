import type { LeadStatus } from '../leads/types';

/** An amount in one currency, the amount a decimal string in the currency's minor units. */
export interface Money {
  currency: string;
  amount: string;
}

/** ISO dates, `from` inclusive and `to` exclusive; both left out means the current calendar month. */
export interface Period {
  from?: string;
  to?: string;
}

export interface SalesPerformanceRow {
  userId: string;
  /** How people know them (null until an event named them). */
  userName?: string | null;
  leadsAssigned: number;
  won: number;
  lost: number;
  winRate: number | null;
  revenue: Money[];
  averageDaysToClose: number | null;
}

export interface SalesPerformance {
  from: string;
  to: string;
  rows: SalesPerformanceRow[];
}

export interface FunnelStage {
  status: LeadStatus;
  count: number;
  value: Money[];
}

export interface Funnel {
  from: string;
  to: string;
  stages: FunnelStage[];
  conversionRate: number | null;
}

export type Granularity = 'day' | 'week' | 'month';

export interface RevenueArgs extends Period {
  granularity: Granularity;
  currency?: string;
}

export interface Revenue {
  currency: string;
  granularity: Granularity;
  from: string;
  to: string;
  points: { period: string; amount: string }[];
  total: string;
  /** Every currency money moved in during the period (of what the user may count). */
  currencies: string[];
}

/** The reports that export as a file. */
export type ReportName = 'sales-performance' | 'funnel' | 'revenue';
