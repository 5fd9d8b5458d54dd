export interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  tags: string[];
  /** The responsible user's id; null for customers from before owners existed. */
  ownerId: string | null;
  ownerName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CustomerInput {
  name: string;
  email: string;
  phone: string;
  company: string;
  tags: string[];
}

export type CustomerSort = 'name' | 'created';

export interface CustomerListArgs {
  q: string;
  sort: CustomerSort;
  /** One label; '' or absent for any. */
  tag?: string;
  /** A user id, 'me' for the caller; '' or absent for anyone. */
  owner?: string;
}

/** A user customers may be given to. */
export interface Owner {
  id: string;
  username: string;
  name: string;
}

/** A deleted customer, restorable until {@code purgeAt}. */
export interface DeletedCustomer {
  id: string;
  name: string;
  email: string;
  company: string | null;
  ownerName: string | null;
  deletedAt: string;
  deletedBy: string | null;
  deletedByName: string | null;
  purgeAt: string;
}

/** What an import of a CSV file did, or in a dry run would do; rows numbered as the spreadsheet shows them. */
export interface CustomerImportReport {
  dryRun: boolean;
  encoding: string;
  rows: number;
  /** Customers created, or that would be in a dry run. */
  accepted: number;
  /** Customers the file changed (existing=update), or would. */
  updated: number;
  /** Customers the file names as they are (existing=update). */
  unchanged: number;
  /** Rows whose email is an earlier row's, or (existing=skip) a customer's already. */
  skipped: { row: number; email: string; reason: string }[];
  errors: { row: number; field: string; message: string }[];
  ignoredColumns: string[];
}
