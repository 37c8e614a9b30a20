import type { contactMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { linkContact, logContact } from './contacts';
import { addNote } from './notes';

/** The contacts slice's writes, one handler per mutation of `shared/contract/mutations/contacts.ts`. */
export const mutations: MutationHandlers<keyof typeof contactMutations> = {
  'contacts.log': logContact,
  'contacts.link': linkContact,
  'notes.add': addNote,
};
