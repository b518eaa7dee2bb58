import {
  type CreateVersionBody,
  versionComparison,
  versionDetail,
  versionRestore,
  versionSummary,
} from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

const versionsPath = (consultationId: string) => `${consultationPath(consultationId)}/versions`;

export const fetchVersions = (consultationId: string) =>
  api.get(versionsPath(consultationId), versionSummary.array());

export const createVersion = (consultationId: string, body: CreateVersionBody) =>
  api.post(versionsPath(consultationId), body, versionSummary);

export const fetchVersion = (consultationId: string, versionId: string) =>
  api.get(`${versionsPath(consultationId)}/${encodeURIComponent(versionId)}`, versionDetail);

/** `to` is another version's id or `current` for the paper as it is now. */
export const compareVersions = (consultationId: string, from: string, to: string) =>
  api.get(
    `${versionsPath(consultationId)}/compare?${new URLSearchParams({ from, to }).toString()}`,
    versionComparison,
  );

/** Puts the version's text back as a change on top of the paper, after saving the paper as it is. */
export const restoreVersion = (consultationId: string, versionId: string) =>
  api.post(`${versionsPath(consultationId)}/${encodeURIComponent(versionId)}/restore`, {}, versionRestore);
