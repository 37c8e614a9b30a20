import { v7 } from 'uuid';

/** Time-ordered ids (UUIDv7): sortable by creation, safe to mint offline on any desk. */
export function newId(): string {
  return v7();
}

// Unambiguous when read aloud in Chinese or English: digits only, grouped in fours.
export function newCaseNumber(random: () => number = Math.random): string {
  const digits = Array.from({ length: 8 }, () => Math.floor(random() * 10)).join('');
  return `C-${digits.slice(0, 4)}-${digits.slice(4)}`;
}
