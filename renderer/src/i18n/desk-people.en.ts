import type { Catalog } from './zh-CN';

/** A desk with a team server: unlocking with the server account (the desktop only; part of the English catalog). */
export const deskPeopleEn: Catalog['deskPeople'] = {
  title: 'Unlock with your team server account',
  intro:
    'Enter your employee number and password on the team server (not this desk’s PIN). Once unlocked, what you record here syncs under your account.',
  employeeNo: 'Employee number',
  password: 'Password',
  pin: 'PIN for this desk (optional, 4–8 digits)',
  pinHint: 'With a PIN you can unlock this desk next time, even when the server cannot be reached.',
  submit: 'Sign in and unlock',
  submitting: 'Signing in…',
  pinShape: 'A PIN is 4 to 8 digits.',
  taken: 'A local profile on this desk already uses that employee number, so this account cannot unlock it. Ask an administrator.',
};
