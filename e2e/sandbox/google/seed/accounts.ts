import { FABRIKAM, googleAccountId, type ExternalContact, type GoogleAccount } from '../directory';

interface AccountSeed {
  readonly alias: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly title: string | null;
  readonly department: string | null;
  readonly timeZone: string;
  readonly kind?: GoogleAccount['kind'];
  /** Room accounts go by the room's name alone. */
  readonly displayName?: string;
}

function account(seed: AccountSeed): GoogleAccount {
  const email = `${seed.alias}@${FABRIKAM.domain}`;
  const { givenName, familyName, title, department, timeZone } = seed;
  return { id: googleAccountId(email), email, displayName: seed.displayName ?? `${givenName} ${familyName}`, givenName, familyName, kind: seed.kind ?? 'person', title, department, timeZone };
}

const person = (seed: Omit<AccountSeed, 'kind' | 'displayName'>): GoogleAccount => account(seed);

/** The room's own Workspace user: the account the kiosk signs in as. Its calendars include the room resource. */
export const ATLAS_ROOM = account({ alias: 'room.atlas', displayName: 'Atlas', givenName: 'Atlas', familyName: 'Room', title: null, department: null, timeZone: 'Europe/Rome', kind: 'room' });

export const FABRIKAM_IT = person({ alias: 'it.admin', givenName: 'Fabrikam', familyName: 'IT', title: 'IT administrator', department: 'IT', timeZone: 'Europe/Rome' });

export const GOOGLE_PEOPLE = {
  giulia: person({ alias: 'giulia.romano', givenName: 'Giulia', familyName: 'Romano', title: 'Office Manager', department: 'Operations', timeZone: 'Europe/Rome' }),
  marco: person({ alias: 'marco.ferri', givenName: 'Marco', familyName: 'Ferri', title: 'Head of Sales', department: 'Sales', timeZone: 'Europe/Rome' }),
  sofia: person({ alias: 'sofia.conti', givenName: 'Sofia', familyName: 'Conti', title: 'Product Designer', department: 'Product', timeZone: 'Europe/Rome' }),
  luca: person({ alias: 'luca.marino', givenName: 'Luca', familyName: 'Marino', title: 'Engineering Manager', department: 'Engineering', timeZone: 'Europe/Rome' }),
  emma: person({ alias: 'emma.schmidt', givenName: 'Emma', familyName: 'Schmidt', title: 'Account Executive', department: 'Sales', timeZone: 'Europe/Berlin' }),
  noah: person({ alias: 'noah.williams', givenName: 'Noah', familyName: 'Williams', title: 'Finance Director', department: 'Finance', timeZone: 'Europe/London' }),
} as const;

/** Outside the domain: they organise meetings in the room and land in the room account's "other contacts". */
export const GOOGLE_EXTERNALS = {
  contoso: { email: 'priya.nair@contoso.com', displayName: 'Priya Nair' },
  northwind: { email: 'tom.becker@northwind.example', displayName: 'Tom Becker' },
  adatum: { email: 'ana.lima@adatum.example', displayName: 'Ana Lima' },
} as const satisfies Record<string, ExternalContact>;

/** The room first, then the admin, then people: the order the account chooser lists them in. */
export const GOOGLE_SEED_ACCOUNTS: readonly GoogleAccount[] = [ATLAS_ROOM, FABRIKAM_IT, ...Object.values(GOOGLE_PEOPLE)];
