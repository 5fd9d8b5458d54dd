import type { Role } from '../auth/types';

/** A realm user as the gateway's Users API shows it to admins. */
export interface AdminUser {
  id: string;
  username: string;
  name: string;
  email: string | null;
  enabled: boolean;
  /** CRM roles only; empty while waiting for approval. */
  roles: Role[];
  /** Epoch milliseconds; null for users imported without one. */
  createdTimestamp: number | null;
  pending: boolean;
}

export interface UserPage {
  items: AdminUser[];
  nextCursor: string | null;
}
