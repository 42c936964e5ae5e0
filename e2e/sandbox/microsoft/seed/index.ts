import type { Tenant } from '../directory';
import type { MailStore } from '../graph/mail-store';
import type { CalendarStore } from '../graph/store';
import { IT_ADMIN, PEOPLE, SEED_ACCOUNTS } from './accounts';
import { invitationMessage, type SeededMessage } from './mailbox';
import { ROOM_PLANS, roomDay, type SeededEvent } from './rooms';

export { SEED_ACCOUNTS } from './accounts';

/** Every seeded event, deterministic for a given anchor (ids, links, times; not etags' freshness). */
export function seedEvents(tenant: Tenant, anchor: Date): SeededEvent[] {
  return ROOM_PLANS.flatMap((plan) => roomDay(plan, tenant, anchor));
}

/** The invitation of every seeded meeting, in its room's mailbox. */
export function seedMessages(tenant: Tenant, anchor: Date): SeededMessage[] {
  return seedEvents(tenant, anchor).map(invitationMessage);
}

/**
 * Fills the store: a default "Calendar" for every account, every room calendar shared (read) with the IT account,
 * and each room's day around the anchor.
 */
export function loadSeed(store: CalendarStore, tenant: Tenant, anchor: Date): void {
  for (const account of SEED_ACCOUNTS) {
    const isRoom = account.kind === 'room';
    store.addCalendar({ ownerUpn: account.userPrincipalName, name: 'Calendar', isDefault: true, sharedWith: isRoom ? [IT_ADMIN.userPrincipalName] : [] });
  }
  store.addCalendar({ ownerUpn: PEOPLE.avery.userPrincipalName, name: 'Birthdays', color: 'lightGreen' });
  for (const seeded of seedEvents(tenant, anchor)) store.addEvent(seeded.ownerUpn, seeded.event, { id: seeded.id });
}

/** The rooms' mailboxes: their invitations, readable by the IT account too (FullAccess, as room mailboxes usually grant). */
export function loadMailSeed(mail: MailStore, tenant: Tenant, anchor: Date): void {
  for (const room of SEED_ACCOUNTS.filter((account) => account.kind === 'room')) mail.grantRead(room.userPrincipalName, IT_ADMIN.userPrincipalName);
  for (const seeded of seedMessages(tenant, anchor)) mail.addMessage(seeded.ownerUpn, seeded.message);
}
