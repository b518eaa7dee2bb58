import i18next from 'i18next';
import { PARTICIPANT_LABEL, POOLED_GROUPS_LABEL } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import fr from '../i18n/locales/fr.json';
import { shownGroupLabel } from './group-label';

const i18n = i18next.createInstance();
void i18n.init({ initAsync: false, resources: { fr: { translation: fr } }, lng: 'fr' });

describe('shownGroupLabel', () => {
  it('translates the labels the server makes up and keeps group names as written', () => {
    expect(shownGroupLabel(i18n.t, POOLED_GROUPS_LABEL)).toBe('Autres parties prenantes');
    expect(shownGroupLabel(i18n.t, PARTICIPANT_LABEL)).toBe('Un participant');
    expect(shownGroupLabel(i18n.t, 'Civil society organisation')).toBe('Civil society organisation');
  });
});
