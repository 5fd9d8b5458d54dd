import { describe, expect, it } from 'vitest';
import { validateCustomer } from './validation';

describe('validateCustomer', () => {
  it('mirrors the server rules', () => {
    expect(validateCustomer({ name: 'Ada', email: 'ada@example.com', phone: '+44 (0)20 7946-0958' })).toEqual({});
    expect(validateCustomer({ name: 'Ada', email: 'ada@example.com', phone: '' })).toEqual({});
    expect(validateCustomer({ name: 'x'.repeat(201), email: 'ada@example.com', phone: '' }).name).toMatch(/200/);
    expect(validateCustomer({ name: 'Ada', email: `${'a'.repeat(310)}@example.com`, phone: '' }).email).toMatch(/320/);
    expect(validateCustomer({ name: 'Ada', email: 'ada@example.com', phone: '1'.repeat(41) }).phone).toMatch(/40/);
    expect(validateCustomer({ name: 'Ada', email: 'ada@example.com', phone: '555-CALL' }).phone).toBeDefined();
  });
});
