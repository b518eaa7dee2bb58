import { ROLES, type Role } from '@cw/shared';
import type { TFunction } from 'i18next';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** A role's name in the reader's language; unknown values are shown as they came. */
export function roleLabel(t: TFunction, role: string): string {
  return isRole(role) ? t(`roles.${role}`) : role;
}
