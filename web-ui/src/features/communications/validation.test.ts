import { describe, expect, it } from 'vitest';
import { localNow, participantsOf, serverErrors, toRequest, validateDraft, type CommunicationDraft } from './validation';

const now = new Date('2026-06-01T12:00:00Z');
const draft = (overrides: Partial<CommunicationDraft> = {}): CommunicationDraft => ({
  type: 'CALL',
  direction: 'INBOUND',
  subject: 'Hello',
  body: '',
  occurredAt: localNow(now),
  participants: '',
  durationMinutes: '',
  ...overrides,
});

describe('communication drafts', () => {
  it('accepts a complete draft', () => {
    expect(validateDraft(draft(), now)).toEqual({});
  });

  it('refuses what customer-service refuses', () => {
    expect(validateDraft(draft({ subject: ' ' }), now).subject).toBeDefined();
    expect(validateDraft(draft({ subject: 'x'.repeat(201) }), now).subject).toBeDefined();
    expect(validateDraft(draft({ occurredAt: localNow(new Date(now.getTime() + 3_600_000)) }), now).occurredAt).toBeDefined();
    expect(validateDraft(draft({ occurredAt: '1899-12-31T10:00' }), now).occurredAt).toBeDefined();
    expect(validateDraft(draft({ occurredAt: '' }), now).occurredAt).toBeDefined();
    expect(validateDraft(draft({ durationMinutes: '-1' }), now).durationMinutes).toBeDefined();
    expect(validateDraft(draft({ durationMinutes: '1441' }), now).durationMinutes).toBeDefined();
    expect(validateDraft(draft({ durationMinutes: '1.5' }), now).durationMinutes).toBeDefined();
    expect(validateDraft(draft({ participants: Array.from({ length: 21 }, (_, i) => `p${i}`).join(',') }), now).participants).toBeDefined();
  });

  it('sends trimmed fields, an ISO instant and a list of participants', () => {
    const request = toRequest(draft({ subject: ' Hi ', participants: 'Ada, ada@example.com;\nBob', durationMinutes: '5' }));
    expect(request.subject).toBe('Hi');
    expect(request.participants).toEqual(['Ada', 'ada@example.com', 'Bob']);
    expect(request.durationMinutes).toBe(5);
    expect(request.occurredAt).toMatch(/Z$/);
    expect(participantsOf(' , ')).toEqual([]);
  });

  it('places the server’s field errors, list elements included', () => {
    expect(serverErrors([{ field: 'participants[0]', message: 'must not be blank' }, { field: 'subject', message: 'x' }]))
      .toEqual({ participants: 'must not be blank', subject: 'x' });
  });
});
