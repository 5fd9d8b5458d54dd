export interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CustomerInput {
  name: string;
  email: string;
  phone: string;
}

export type CustomerSort = 'name' | 'created';

export interface CustomerListArgs {
  q: string;
  sort: CustomerSort;
}
