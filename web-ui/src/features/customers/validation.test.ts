import { describe, expect, it } from 'vitest';
import type { CustomerInput } from './types';
import { validateCustomer } from './validation';

const input = (overrides: Partial<CustomerInput>): CustomerInput => ({
  name: 'Ada',
  email: 'ada@example.com',
  phone: '',
  company: '',
  tags: [],
  ...overrides,
});

describe('validateCustomer', () => {
  it('mirrors the server rules', () => {
    expect(validateCustomer(input({ phone: '+44 (0)20 7946-0958' }))).toEqual({});
    expect(validateCustomer(input({}))).toEqual({});
    expect(validateCustomer(input({ name: 'x'.repeat(201) })).name).toMatch(/200/);
    expect(validateCustomer(input({ email: `${'a'.repeat(310)}@example.com` })).email).toMatch(/320/);
    expect(validateCustomer(input({ phone: '1'.repeat(41) })).phone).toMatch(/40/);
    expect(validateCustomer(input({ phone: '555-CALL' })).phone).toBeDefined();
  });

  it('checks company and tags as the server does', () => {
    expect(validateCustomer(input({ company: 'Initech', tags: ['vip', 'key-account', 'Café 2026'] }))).toEqual({});
    expect(validateCustomer(input({ company: 'x'.repeat(201) })).company).toMatch(/200/);
    expect(validateCustomer(input({ tags: ['x'.repeat(41)] })).tags).toMatch(/40/);
    expect(validateCustomer(input({ tags: ['<script>'] })).tags).toMatch(/<script>/);
    expect(validateCustomer(input({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).tags).toMatch(/20/);
  });
});
