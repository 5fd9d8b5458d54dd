import { describe, expect, it } from 'vitest';
import { rolesFor } from '../auth/permissions';
import { aUser } from '../../test/fixtures';
import { mayLogCommunication } from '../communications/access';
import { mayAddLeadNote, mayAddNote, mayChangeNote } from './access';
import type { Note } from './types';

const note = (authorId: string) => ({ authorId }) as Note;

describe('who may do what with notes and communications', () => {
  it('follows the permission table for the roles', () => {
    expect(rolesFor('viewNotes')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('addNotes')).toEqual(['admin', 'manager', 'sales']);
    expect(rolesFor('changeNotes')).toEqual(['admin', 'manager', 'sales']);
    expect(rolesFor('viewCommunications')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('logCommunications')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('viewLeadNotes')).toEqual(['admin', 'manager', 'sales', 'support']);
    expect(rolesFor('addLeadNotes')).toEqual(['admin', 'manager', 'sales']);
    expect(rolesFor('changeLeadNotes')).toEqual(['admin', 'manager', 'sales']);
  });

  it("lets whoever may write a lead's notes add one to a lead they see, and change their own", () => {
    const sales = aUser(['sales']);
    expect(mayAddLeadNote(sales)).toBe(true);
    expect(mayAddLeadNote(aUser(['support']))).toBe(false);
    expect(mayAddLeadNote(undefined)).toBe(false);
    expect(mayChangeNote(sales, note(sales.id), 'lead')).toBe(true);
    expect(mayChangeNote(sales, note('other'), 'lead')).toBe(false);
    expect(mayChangeNote(aUser(['manager']), note('other'), 'lead')).toBe(true);
    expect(mayChangeNote(aUser(['support']), note('other'), 'lead')).toBe(false);
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
