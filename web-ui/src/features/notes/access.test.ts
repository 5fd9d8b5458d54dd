import { describe, expect, it } from 'vitest';
import { rolesFor } from '../auth/permissions';
import { aUser } from '../../test/fixtures';
import { mayLogCommunication } from '../communications/access';
import { mayAddNote, mayChangeNote } from './access';
import type { Note } from './types';

const note = (authorId: string) => ({ authorId }) as Note;

describe('who may do what with notes and communications', () => {
  it('follows the permission table for the roles', () => {
    expect(rolesFor('viewNotes')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('addNotes')).toEqual(['admin', 'manager', 'sales']);
    expect(rolesFor('changeNotes')).toEqual(['admin', 'manager', 'sales']);
    expect(rolesFor('viewCommunications')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('logCommunications')).toEqual(['admin', 'manager', 'sales', 'support']);
  });

  it('limits a sales user to the customers they own and the notes they wrote', () => {
    const sales = aUser(['sales']);
    expect(mayAddNote(sales, { id: 'c', ownerId: sales.id })).toBe(true);
    expect(mayAddNote(sales, { id: 'c', ownerId: 'other' })).toBe(false);
    expect(mayAddNote(sales, { id: 'c' })).toBe(false);
    expect(mayChangeNote(sales, note(sales.id))).toBe(true);
    expect(mayChangeNote(sales, note('other'))).toBe(false);
    expect(mayLogCommunication(sales, { id: 'c', ownerId: sales.id })).toBe(true);
    expect(mayLogCommunication(sales, { id: 'c', ownerId: 'other' })).toBe(false);
  });

  it('lets managers and admins write anywhere, support log but not write notes', () => {
    for (const role of ['manager', 'admin']) {
      expect(mayAddNote(aUser([role]), { id: 'c', ownerId: 'other' })).toBe(true);
      expect(mayChangeNote(aUser([role]), note('other'))).toBe(true);
    }
    const support = aUser(['support']);
    expect(mayAddNote(support, { id: 'c', ownerId: support.id })).toBe(false);
    expect(mayChangeNote(support, note(support.id))).toBe(false);
    expect(mayLogCommunication(support, { id: 'c', ownerId: 'other' })).toBe(true);
    expect(mayAddNote(undefined, { id: 'c' })).toBe(false);
  });
});
