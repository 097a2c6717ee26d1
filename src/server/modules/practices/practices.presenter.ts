import { readFlag } from '../../platform/db/codecs.js';
import type { PracticeResponse } from '../../../contracts/practices.js';
import type * as repo from './practices.repository.js';

export const presentPractice = (p: repo.PracticeRow): PracticeResponse => ({
  id: p.id,
  name: p.name,
  legalForm: p.legal_form,
  siren: p.siren,
  siret: p.siret,
  address: p.address,
  controllerName: p.controller_name,
  dpoContact: p.dpo_contact,
  idleLockMinutes: Number(p.idle_lock_minutes),
  alsaceMoselle: readFlag(p.alsace_moselle),
  overseasTerritory: p.overseas_territory ?? null,
  phone: p.phone ?? null,
  email: p.email ?? null,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});
