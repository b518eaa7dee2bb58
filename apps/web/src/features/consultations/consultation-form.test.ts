import type { ConsultationDetail } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import {
  changedSettings,
  consultationSettingsForm,
  consultationSettingsValues,
  newConsultationForm,
  newConsultationValues,
} from './consultation-form';

const stored = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Smart mix',
  description: 'Peer learning',
  timezone: 'Europe/Zurich',
  attributionMode: 'chatham',
  textChanges: 'comment',
  opensOn: '2026-03-01',
  closesOn: null,
  kThreshold: 5,
} as ConsultationDetail;

const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.'));

describe('newConsultationForm', () => {
  it('refuses an empty title on the title field, as the server does', () => {
    const result = newConsultationForm.safeParse(newConsultationValues('Europe/Zurich'));
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual(['title']);
  });

  it('sends no template and no agenda date for a blank consultation', () => {
    const values = {
      ...newConsultationValues('America/New_York'),
      title: ' B-Tech ',
      agendaDate: '2026-05-04',
    };
    expect(newConsultationForm.parse(values)).toEqual({
      title: 'B-Tech',
      description: '',
      timezone: 'America/New_York',
      attributionMode: 'chatham',
      textChanges: 'suggest',
      language: 'en',
      opensOn: null,
      closesOn: null,
    });
  });

  it('sends the template, and its agenda date only when one is given', () => {
    const fromTemplate = { ...newConsultationValues('UTC'), title: 'T', templateId: 'foundational-paper' };
    expect(newConsultationForm.parse(fromTemplate)).toMatchObject({ templateId: 'foundational-paper' });
    expect(newConsultationForm.parse(fromTemplate)).not.toHaveProperty('agendaDate');
    expect(newConsultationForm.parse({ ...fromTemplate, agendaDate: '2026-05-04' })).toMatchObject({
      templateId: 'foundational-paper',
      agendaDate: '2026-05-04',
    });
  });

  it('refuses a zone the server would refuse, on the zone field', () => {
    const result = newConsultationForm.safeParse({ ...newConsultationValues('Mars/Olympus'), title: 'T' });
    expect(issuePaths(result)).toEqual(['timezone']);
  });
});

describe('consultationSettingsForm', () => {
  it('reads the stored consultation back unchanged', () => {
    const settings = consultationSettingsForm.parse(consultationSettingsValues(stored));
    expect(settings).toEqual({
      title: 'Smart mix',
      description: 'Peer learning',
      timezone: 'Europe/Zurich',
      attributionMode: 'chatham',
      textChanges: 'comment',
      opensOn: '2026-03-01',
      closesOn: null,
      kThreshold: 5,
    });
    expect(changedSettings(stored, settings)).toEqual({});
  });

  it('refuses a k below 2, an empty k and an empty title, each on its field', () => {
    const values = consultationSettingsValues(stored);
    expect(issuePaths(consultationSettingsForm.safeParse({ ...values, kThreshold: '1' }))).toEqual([
      'kThreshold',
    ]);
    expect(issuePaths(consultationSettingsForm.safeParse({ ...values, kThreshold: '' }))).toEqual([
      'kThreshold',
    ]);
    expect(issuePaths(consultationSettingsForm.safeParse({ ...values, title: '  ' }))).toEqual(['title']);
  });
});

describe('changedSettings', () => {
  it('keeps only what differs from the stored consultation', () => {
    const values = {
      ...consultationSettingsValues(stored),
      title: 'Smart mix ',
      opensOn: '',
      closesOn: '2026-04-30',
      kThreshold: '3',
    };
    expect(changedSettings(stored, consultationSettingsForm.parse(values))).toEqual({
      opensOn: null,
      closesOn: '2026-04-30',
      kThreshold: 3,
    });
  });
});
