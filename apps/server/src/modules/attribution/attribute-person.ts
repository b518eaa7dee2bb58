import {
  type Attribution,
  type AttributionMode,
  groupLabel,
  type LabelScope,
  maySeeNameOn,
  type Role,
  type TimePrecision,
} from '@cw/shared';
import { shownScope } from './label-rows.js';

/** A person as recorded with their input: who, in which role and group, under which rules. */
export interface PersonRecord {
  userId: string;
  name: string;
  /** Role and group when the input was given. */
  role: Role;
  groupId: string;
  groupName: string;
  /** The attribution mode in force, and the group label's scope, when the input was given. */
  attributionMode: AttributionMode;
  labelScope: LabelScope;
}

/** Who is looking: decides which names, groups, ids and times an answer may carry (SPEC §3). */
export interface Viewer {
  userId: string;
  role: Role;
  /** The consultation's mode now. */
  attributionMode: AttributionMode;
  /** Each group's k-anonymous label scope now (`labelScopes` from @cw/shared). */
  labelScopes: Readonly<Record<string, LabelScope>>;
}

/** Whether this viewer may see the name on input made under `recordedMode`. */
export function maySeeNameOf(recordedMode: AttributionMode, viewer: Viewer): boolean {
  return maySeeNameOn(recordedMode, viewer.attributionMode, viewer.role);
}

const HOUR_MS = 3_600_000;

/**
 * A time as the viewer may see it: exact, or cut to the start of its hour (UTC), so "posted at
 * 14:32" cannot point at the one person who was seen typing then.
 */
export function timeFor(iso: string, precision: TimePrecision): string {
  const time = new Date(iso).getTime();
  return new Date(precision === 'exact' ? time : time - (time % HOUR_MS)).toISOString();
}

/**
 * Never a user id or email. The viewer's own input and input they are entitled to name show the
 * group and role (and the name where entitled) with exact times; any other shows only the
 * k-anonymous group label, with times to the hour.
 */
export function attribute(person: PersonRecord, viewer: Viewer): Attribution {
  const isYou = person.userId === viewer.userId;
  const isNamed = maySeeNameOf(person.attributionMode, viewer);
  if (isYou || isNamed) {
    return {
      label: `${person.groupName} ${person.role}`,
      scope: 'group',
      group: { id: person.groupId, name: person.groupName },
      isYou,
      ...(isNamed ? { name: person.name } : {}),
      timePrecision: 'exact',
    };
  }
  const scope = shownScope(person, viewer.labelScopes);
  return {
    label: groupLabel(scope, person.groupName),
    scope,
    group: scope === 'group' ? { id: person.groupId, name: person.groupName } : null,
    isYou,
    timePrecision: 'hour',
  };
}
