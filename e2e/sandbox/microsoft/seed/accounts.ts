import { stableUuid } from '../../core/ids';
import type { DirectoryUser } from '../directory';

interface PersonSeed {
  readonly alias: string;
  readonly givenName: string;
  readonly surname: string;
  readonly jobTitle: string;
  readonly officeLocation: string;
  readonly timeZone: string;
}

const DOMAIN = 'contoso.com';

function person(seed: PersonSeed): DirectoryUser {
  const upn = `${seed.alias}@${DOMAIN}`;
  return {
    id: stableUuid(`user:${upn}`),
    userPrincipalName: upn,
    mail: upn,
    displayName: `${seed.givenName} ${seed.surname}`,
    givenName: seed.givenName,
    surname: seed.surname,
    jobTitle: seed.jobTitle,
    officeLocation: seed.officeLocation,
    businessPhones: ['+1 425 555 0100'],
    mobilePhone: null,
    preferredLanguage: 'en-US',
    kind: 'person',
    timeZone: seed.timeZone,
  };
}

function room(alias: string, displayName: string, officeLocation: string, timeZone: string): DirectoryUser {
  const upn = `${alias}@${DOMAIN}`;
  return {
    id: stableUuid(`user:${upn}`),
    userPrincipalName: upn,
    mail: upn,
    displayName,
    givenName: null,
    surname: null,
    jobTitle: null,
    officeLocation,
    businessPhones: [],
    mobilePhone: null,
    preferredLanguage: null,
    kind: 'room',
    timeZone,
  };
}

export const BOARDROOM_4 = room('boardroom4', 'Boardroom 4', 'Milan HQ, floor 4', 'Europe/Rome');
export const HUDDLE_2 = room('huddle2', 'Huddle 2', 'New York office, floor 12', 'America/New_York');
/** A room left on Exchange's calendar-processing defaults: its calendar items lose body and subject. */
export const FOCUS_1 = room('focus1', 'Focus Room 1', 'London office, floor 2', 'Europe/London');
/** The IT service account ("Contoso IT") that every room calendar is shared with. */
export const IT_ADMIN = person({ alias: 'it.admin', givenName: 'Contoso', surname: 'IT', jobTitle: 'IT administrator', officeLocation: 'Milan HQ', timeZone: 'Europe/Rome' });

export const PEOPLE = {
  avery: person({ alias: 'avery.chen', givenName: 'Avery', surname: 'Chen', jobTitle: 'Director of Sales', officeLocation: 'Milan HQ', timeZone: 'Europe/Rome' }),
  bruno: person({ alias: 'bruno.rossi', givenName: 'Bruno', surname: 'Rossi', jobTitle: 'Operations Manager', officeLocation: 'Milan HQ', timeZone: 'Europe/Rome' }),
  chiara: person({ alias: 'chiara.bianchi', givenName: 'Chiara', surname: 'Bianchi', jobTitle: 'Product Designer', officeLocation: 'Milan HQ', timeZone: 'Europe/Rome' }),
  dmitri: person({ alias: 'dmitri.volkov', givenName: 'Dmitri', surname: 'Volkov', jobTitle: 'HR Business Partner', officeLocation: 'Milan HQ', timeZone: 'Europe/Rome' }),
  elena: person({ alias: 'elena.garcia', givenName: 'Elena', surname: 'Garcia', jobTitle: 'Partner Manager', officeLocation: 'Milan HQ', timeZone: 'Europe/Rome' }),
  farah: person({ alias: 'farah.khan', givenName: 'Farah', surname: 'Khan', jobTitle: 'Customer Success Lead', officeLocation: 'New York office', timeZone: 'America/New_York' }),
  george: person({ alias: 'george.okafor', givenName: 'George', surname: 'Okafor', jobTitle: 'Engineering Manager', officeLocation: 'New York office', timeZone: 'America/New_York' }),
  hana: person({ alias: 'hana.sato', givenName: 'Hana', surname: 'Sato', jobTitle: 'Software Engineer', officeLocation: 'New York office', timeZone: 'America/New_York' }),
} as const;

/** Rooms first, then the admin, then people: the order sign-in pages list them in. */
export const SEED_ACCOUNTS: readonly DirectoryUser[] = [BOARDROOM_4, HUDDLE_2, FOCUS_1, IT_ADMIN, ...Object.values(PEOPLE)];
