export type Role = 'admin' | 'manager' | 'sales' | 'support';

export interface Me {
  id: string;
  username: string;
  name: string;
  email?: string;
  roles: string[];
}
